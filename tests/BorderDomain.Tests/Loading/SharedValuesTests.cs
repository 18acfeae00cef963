using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BorderDomain.Data;
using BorderDomain.Model;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// What a load shares to keep fewer objects: records' short collections with equal elements are one array
/// (<see cref="SharedArrays"/>), and the binder reads each set's records into one reused record of the file's shape.
/// Neither changes a value or an error.
/// </summary>
public sealed class SharedValuesTests
{
    [Fact]
    public void Share_EqualElements_GiveOneArray_OtherElementsAnother()
    {
        var shared = new SharedArrays();

        var first = shared.Share<string>(["src-000", "src-001"]);
        var again = shared.Share<string>(new[] { "src-", "src-" }.Select((prefix, i) => prefix + "00" + i).ToArray());
        var other = shared.Share<string>(["src-001", "src-000"]);

        Assert.Equal(["src-000", "src-001"], AsArray(first));
        Assert.Same(AsArray(first), AsArray(again)); // equal strings that are different objects
        Assert.Equal(["src-001", "src-000"], AsArray(other));
        Assert.NotSame(AsArray(first), AsArray(other));
    }

    [Fact]
    public void Share_ComparesStringsOrdinally_AndKeepsEachElementType()
    {
        var shared = new SharedArrays();

        var lower = shared.Share<string>(["per"]);
        var upper = shared.Share<string>(["PER"]);
        var codes = shared.Share<NationCode>([NationCode.Peru]);
        var topics = shared.Share<Topic>([Topic.Migration, Topic.Trade]);

        Assert.Equal(["per"], AsArray(lower));
        Assert.Equal(["PER"], AsArray(upper));
        Assert.Equal([NationCode.Peru], AsArray(codes));
        Assert.Equal([Topic.Migration, Topic.Trade], AsArray(topics));
        Assert.Same(AsArray(codes), AsArray(shared.Share<NationCode>([NationCode.Peru])));
        Assert.Same(AsArray(topics), AsArray(shared.Share<Topic>([Topic.Migration, Topic.Trade])));
    }

    [Fact]
    public void Share_EmptyAndLongArrays()
    {
        var shared = new SharedArrays();
        var nine = Enumerable.Range(0, SharedArrays.MaxLength + 1).Select(i => $"x{i}").ToArray();

        var empty = shared.Share<string>([]);
        var long1 = shared.Share<string>(nine);
        var long2 = shared.Share<string>(nine);

        Assert.True(empty.IsEmpty);
        Assert.Equal(nine, long1);
        Assert.Equal(nine, long2);
        Assert.NotSame(AsArray(long1), AsArray(long2)); // too long to be looked up
        Assert.NotSame(nine, AsArray(long1)); // a copy: the caller's array may be reused
    }

    [Fact]
    public void Load_RecordsWithEqualCollections_ShareThemAndKeepTheirValues()
    {
        var store = LoadAssert.Loads("""
            {
              "accords": [
                { "id": "t-one", "title": "Uno", "kind": "Treaty", "parties": ["PER", "ECU"], "topics": ["Migration"], "sources": ["src-000"], "place": "tumbes", "note": "first" },
                { "id": "t-two", "title": "Dos", "kind": "Treaty", "parties": ["PER", "ECU"], "topics": ["Migration"], "sources": ["src-000"] },
                { "id": "t-three", "title": "Tres", "kind": "Treaty", "parties": ["ECU", "PER"], "topics": ["Trade", "Migration"], "sources": ["src-000", "src-001"] }
              ]
            }
            """);

        var one = store.Accords.Single(a => a.Id == "t-one");
        var two = store.Accords.Single(a => a.Id == "t-two");
        var three = store.Accords.Single(a => a.Id == "t-three");
        Assert.Equal([NationCode.Peru, NationCode.Ecuador], AsArray(one.Parties));
        Assert.Same(AsArray(one.Parties), AsArray(two.Parties));
        Assert.Same(AsArray(one.Sources), AsArray(two.Sources));
        Assert.Same(AsArray(one.Topics), AsArray(two.Topics));
        Assert.Equal([NationCode.Ecuador, NationCode.Peru], AsArray(three.Parties));
        Assert.Equal([Topic.Trade, Topic.Migration], AsArray(three.Topics));
        Assert.Equal(["src-000", "src-001"], AsArray(three.Sources));

        // The reused record of the file's shape carries nothing over from one record to the next.
        Assert.Equal(("tumbes", "first"), (one.Place, one.Note));
        Assert.Equal(((string?)null, (string?)null), (two.Place, two.Note));
        Assert.Equal(3, store.Accords.Count(a => a.Id.StartsWith("t-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_EqualCollectionsWithABadElement_ReportTheElementInEveryRecord()
    {
        var error = LoadAssert.Rejects(
            """
            {
              "accords": [
                { "id": "t-one", "title": "Uno", "kind": "Treaty", "parties": ["PER", "XXX"], "sources": ["src-000"], "unknownOne": 1 },
                { "id": "t-two", "title": "Dos", "kind": "Treaty", "parties": ["PER", "XXX"], "topics": ["Nope"], "sources": ["src-000"] },
                { "id": "t-three", "title": "Tres", "kind": "Treaty", "parties": ["PER", "XXX"], "sources": ["src-000", ""] }
              ]
            }
            """,
            (DataErrorKind.UnknownProperty, "$.accords[0].unknownOne", 3, DataMessages.UnknownProperty("unknownOne")),
            (DataErrorKind.UnknownNationCode, "$.accords[0].parties[1]", 3, DataMessages.NotANationCode("XXX")),
            (DataErrorKind.UnknownNationCode, "$.accords[1].parties[1]", 4, DataMessages.NotANationCode("XXX")),
            (DataErrorKind.UnknownEnumMember, "$.accords[1].topics[0]", 4, DataMessages.NotAnEnumMember("Nope", nameof(Topic), string.Join(", ", Enum.GetNames<Topic>()))),
            (DataErrorKind.UnknownNationCode, "$.accords[2].parties[1]", 5, DataMessages.NotANationCode("XXX")),
            (DataErrorKind.MissingValue, "$.accords[2].sources[1]", 5, DataMessages.IdEmpty));

        Assert.Equal(6, error.Errors.Count);
    }

    [Fact]
    public void Load_ShortAsciiStrings_FromTheBindersCache_ReadBackExactly()
    {
        // Every length up to past the cache's limit, each twice with its last character changed (the hash reads the last
        // eight bytes overlapping the ones before), and each repeated (a repeat comes from the cache).
        var notes = new List<string>();
        for (var length = 1; length <= 40; length++)
        {
            var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
            notes.Add(text);
            notes.Add(text[..^1] + "Z");
            notes.Add(text);
        }

        var records = notes.Select((note, i) => $$"""{ "id": "t-note-{{i:D3}}", "title": "T", "kind": "Treaty", "sources": ["src-000"], "note": "{{note}}" }""");
        var store = LoadAssert.Loads("{ \"accords\": [\n" + string.Join(",\n", records) + "\n] }");

        for (var i = 0; i < notes.Count; i++)
        {
            Assert.Equal(notes[i], store.Accords.Single(a => a.Id == $"t-note-{i:D3}").Note);
        }
    }

    [Theory]
    [InlineData(typeof(SourceJson))]
    [InlineData(typeof(NationJson))]
    [InlineData(typeof(AgencyJson))]
    [InlineData(typeof(PersonJson))]
    [InlineData(typeof(AccordJson))]
    [InlineData(typeof(StatisticJson))]
    [InlineData(typeof(EventJson))]
    [InlineData(typeof(OrganizationJson))]
    [InlineData(typeof(PlaceJson))]
    [InlineData(typeof(StatementJson))]
    public void Reset_ClearsEveryPropertyTheBinderSets(Type type)
    {
        // The binder reads every record of a set into one instance: a property Reset forgot would leak into the next record.
        var record = Activator.CreateInstance(type)!;
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.Name != nameof(JsonRecord.Invalid)).ToList();
        Assert.Contains(settable, p => p.Name == nameof(JsonRecord.Unknown));
        foreach (var property in settable)
        {
            property.SetValue(record, NotDefault(property.PropertyType));
            Assert.NotEqual(Default(property.PropertyType), property.GetValue(record));
        }

        type.GetMethod("Reset")!.Invoke(record, null);

        foreach (var property in settable)
        {
            Assert.Equal(Default(property.PropertyType), property.GetValue(record));
        }
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    private static object NotDefault(Type type) =>
        type == typeof(string) ? "x"
        : type == typeof(List<string>) ? new List<string> { "x" }
        : type == typeof(JsonStrings) ? new JsonStrings(["x"], 0, 1)
        : type == typeof(JsonScalar?) ? new JsonScalar(System.Text.Json.JsonValueKind.Number, "1")
        : type == typeof(List<PersonRoleJson?>) ? new List<PersonRoleJson?> { null }
        : type == typeof(List<ParticipantJson?>) ? new List<ParticipantJson?> { null }
        : throw new InvalidOperationException($"No test value for {type}: add one.");

    private static T[] AsArray<T>(System.Collections.Immutable.ImmutableArray<T> array) =>
        System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(array)!;
}
