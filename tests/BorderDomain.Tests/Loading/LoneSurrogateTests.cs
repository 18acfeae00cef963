using BorderDomain.Data;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// <c>\ud800</c>-style escapes that leave half a surrogate pair are well-formed JSON but not Unicode text. In a
/// property name or a string value, at any depth, each is one <see cref="DataErrorKind.MalformedJson"/> error with its
/// path (a bad name appears in the path as written, escape and all) and line; nothing else escapes the loader.
/// </summary>
public sealed class LoneSurrogateTests
{
    private const string Record = """ "id": "t-s", "title": "S", "kind": "Treaty" """;

    private static string InName(string name) => $"The property name \"{name}\" contains {name[..6]}, half of a surrogate pair without its other half.";

    private static string InString(string escape) => $"The string contains {escape}, half of a surrogate pair without its other half.";

    public static TheoryData<string, string, string> BadNames() => new()
    {
        { """{ "\ud800": 1 }""", @"$.\ud800", InName(@"\ud800") },
        { $$"""{ "accords": [ { {{Record}}, "\udc00x": 1 } ] }""", @"$.accords[0].\udc00x", InName(@"\udc00x") },
        { """{ "people": [ { "id": "t-p", "name": "P", "roles": [ { "title": "T", "\uDBFF": "x" } ] } ] }""", @"$.people[0].roles[0].\uDBFF", InName(@"\uDBFF") },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void Load_LoneSurrogateInAPropertyName_ReportsMalformedJsonAtThatName(string json, string path, string message)
    {
        LoadAssert.Rejects(json, (DataErrorKind.MalformedJson, path, 1, message));
    }

    public static TheoryData<string, string, string> BadStrings() => new()
    {
        { $$"""{ "accords": [ { "id": "t-s", "title": "A\ud800", "kind": "Treaty" } ] }""", "$.accords[0].title", InString(@"\ud800") },
        { $$"""{ "accords": [ { {{Record}}, "parties": ["PER", "\udfff"] } ] }""", "$.accords[0].parties[1]", InString(@"\udfff") },
        { $$"""{ "accords": [ { {{Record}}, "note": "\ude00\ud83d" } ] }""", "$.accords[0].note", InString(@"\ude00") },
        { """{ "people": [ { "id": "t-p", "name": "P", "roles": [ { "title": "\ud800\ud800" } ] } ] }""", "$.people[0].roles[0].title", InString(@"\ud800") },
        { """{ "accords": [ { "id": "t-s", "title": "S", "kind": "Tre\uD834aty" } ] }""", "$.accords[0].kind", InString(@"\uD834") },
    };

    [Theory]
    [MemberData(nameof(BadStrings))]
    public void Load_LoneSurrogateInAStringValue_ReportsOnlyMalformedJsonAtThatValue(string json, string path, string message)
    {
        LoadAssert.Rejects(json, (DataErrorKind.MalformedJson, path, 1, message));
    }

    [Fact]
    public void Load_LoneSurrogatesDeepInsideAnUnknownProperty_ReportsEachWithItsLine()
    {
        const string json = """
            {
              "extra": {
                "deep": [
                  { "\ud800": 1 },
                  "ok\udc00"
                ]
              }
            }
            """;

        LoadAssert.Rejects(
            json,
            (DataErrorKind.UnknownProperty, "$.extra", 2, "'extra' is not a property here."),
            (DataErrorKind.MalformedJson, @"$.extra.deep[0].\ud800", 4, InName(@"\ud800")),
            (DataErrorKind.MalformedJson, "$.extra.deep[1]", 5, InString(@"\udc00")));
    }

    [Fact]
    public void TryLoad_LoneSurrogateInAPropertyName_ReturnsFalse()
    {
        using var files = new DataFiles();
        var path = files.Write("surrogate.json", """{ "\ud800": 1 }""");

        Assert.False(BorderDataset.TryLoad(BorderStore.Default, [path], out _, out var errors));

        Assert.Equal(DataErrorKind.MalformedJson, Assert.Single(errors).Kind);
    }

    [Fact]
    public void Load_WholeSurrogatePairAndAnEscapedBackslash_AreAccepted()
    {
        var store = LoadAssert.Loads($$"""{ "accords": [ { {{Record}}, "note": "\ud83d\ude00 \\ud800" } ] }""");

        Assert.Equal("\U0001F600 \\ud800", store.Accords.Find("t-s")!.Note);
    }
}
