using System;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// A file of tens of thousands of records (enough that the store's tables are built on more than one core): a record's
/// origin is kept as its set and place, not as a path string, so these check that an error deep in the file, found by
/// the reader or only later by the validator, still names its JSON path and line; and that the file's records load
/// whole and the same as a store built from them directly.
/// </summary>
public sealed class LargeFileLoadTests
{
    private const int Count = 25_000;
    private const string Name = "large.json";

    [Fact]
    public void Load_ErrorsDeepInALargeFile_NameTheirJsonPathAndLine()
    {
        // One accord per line from line 3 on (line 1 "{", line 2 "accords": [); element 5 is null, so from there on a
        // record's row in the set and its element in the file differ by one.
        var json = Accords(Count, index => index switch
        {
            5 => "null",
            12_345 => Accord(index, buildsOn: "no-such-accord"),
            20_000 => Accord(7, parties: "XXX"),
            _ => Accord(index),
        });

        var error = Assert.Throws<BorderDataException>(() => Load(json));

        Assert.Equal(
            [
                (DataErrorKind.MissingValue, "$.accords[5]", (int?)8),
                (DataErrorKind.DanglingReference, "$.accords[12345].buildsOn[0]", 12_348),
                (DataErrorKind.DuplicateId, "$.accords[20000].id", 20_003),
                (DataErrorKind.UnknownNationCode, "$.accords[20000].parties[0]", 20_003),
            ],
            error.Errors.Select(e => (e.Kind, e.Path, e.Line)).OrderBy(e => e.Line).ThenBy(e => e.Path, StringComparer.Ordinal));
        Assert.All(error.Errors, e => Assert.Equal(Name, e.File));
        var duplicate = Assert.Single(error.Errors, e => e.Kind == DataErrorKind.DuplicateId);
        Assert.Contains("$.accords[7]", duplicate.Message, StringComparison.Ordinal); // the first record with the key, by its path
        Assert.Contains("no-such-accord", error.Errors.Single(e => e.Kind == DataErrorKind.DanglingReference).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyBadRecords_KeepsTheFirstErrorsWithPathsAndCountsTheRest()
    {
        // Every 100th accord cites a missing one: 250 errors, found by the validator after the file was read.
        var json = Accords(Count, index => index % 100 == 99 ? Accord(index, buildsOn: "missing-" + index) : Accord(index));

        var error = Assert.Throws<BorderDataException>(() => Load(json));

        Assert.Equal(BorderDataset.DefaultMaxErrors, error.Errors.Count);
        Assert.Equal(Count / 100 - BorderDataset.DefaultMaxErrors, error.OmittedErrorCount);
        Assert.Equal(
            Enumerable.Range(0, BorderDataset.DefaultMaxErrors).Select(k => ($"$.accords[{(100 * k) + 99}].buildsOn[0]", (int?)(100 * k) + 99 + 3)),
            error.Errors.Select(e => (e.Path, e.Line)));
    }

    [Fact]
    public void Load_LargeValidFile_GivesTheSameStoreAsBuildingItsRecords()
    {
        var json = Accords(Count, index => Accord(index, buildsOn: index > 0 && index % 3 == 0 ? Id(index - 1) : null));

        var loaded = Load(json);

        var builder = BorderStore.Default.ToBuilder();
        builder.Accords.AddRange(Enumerable.Range(0, Count).Select(index => new Accord
        {
            Id = Id(index),
            Title = $"Accord number {index} on the border",
            Kind = AccordKind.Treaty,
            Parties = [NationCode.Peru, NationCode.Ecuador],
            BuildsOn = index > 0 && index % 3 == 0 ? [Id(index - 1)] : [],
            Sources = ["src-000"],
        }));
        var built = builder.Build();
        Assert.Equal(Count + BorderStore.Default.Accords.Count, loaded.Accords.Count);
        Assert.Equal(built.Accords.Select(a => a.Id), loaded.Accords.Select(a => a.Id));
        Assert.Equal(DatasetWriter.Write(built), DatasetWriter.Write(loaded)); // every record, every field
        Assert.Equal(
            built.Accords.FindAll("buildsOn", Id(2_999)).Select(a => a.Id),
            loaded.Accords.FindAll("buildsOn", Id(2_999)).Select(a => a.Id));
        Assert.Equal(built.Accords.EstimatedIndexBytes, loaded.Accords.EstimatedIndexBytes);
    }

    [Fact]
    public void Load_NonSeekableStreamInSmallReads_LoadsWhatTheSameBytesInMemoryLoad()
    {
        // A stream of unknown length, read into a buffer that grows (from the shared pool) many times over.
        var bytes = Encoding.UTF8.GetBytes(Accords(Count, index => Accord(index)));
        var fromMemory = BorderDataset.Load(BorderStore.Default, new MemoryStream(bytes), Name);

        var fromStream = BorderDataset.Load(BorderStore.Default, new TrickleStream(bytes, 1_000), Name);
        var again = BorderDataset.Load(BorderStore.Default, new TrickleStream(bytes, 7_777), Name);

        Assert.Equal(DatasetWriter.Write(fromMemory), DatasetWriter.Write(fromStream));
        Assert.Equal(DatasetWriter.Write(fromMemory), DatasetWriter.Write(again));
    }

    private static BorderStore Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return BorderDataset.Load(BorderStore.Default, stream, Name);
    }

    private static string Id(int index) => $"acc-{index:D6}";

    private static string Accord(int index, string? buildsOn = null, string parties = "PER") =>
        $$"""{ "id": "{{Id(index)}}", "title": "Accord number {{index}} on the border", "kind": "Treaty", "parties": ["{{parties}}", "ECU"], "buildsOn": [{{(buildsOn is null ? string.Empty : $"\"{buildsOn}\"")}}], "sources": ["src-000"] }""";

    // A file of the accords, one a line from line 3, citing the bundled source src-000.
    private static string Accords(int count, Func<int, string> accord)
    {
        var text = new StringBuilder("{\n  \"accords\": [\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("    ").Append(accord(i)).Append(i < count - 1 ? ",\n" : "\n");
        }

        return text.Append("  ]\n}\n").ToString();
    }

    /// <summary>A stream that cannot seek and gives at most <c>most</c> bytes a read.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : ForwardOnlyStream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Math.Min(Math.Min(count, most), bytes.Length - _position);
            bytes.AsSpan(_position, read).CopyTo(buffer.AsSpan(offset));
            _position += read;
            return read;
        }
    }
}
