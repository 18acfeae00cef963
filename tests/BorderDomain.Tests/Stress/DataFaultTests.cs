using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Storage;
using BorderDomain.Tests.Loading;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// Data faults beyond the loader's unit tests: a huge file and an endless stream (memory bounded by the limit, not
/// the input), wrong encodings, duplicates and builds-on cycles spread over several files, and a valid file cut at
/// every byte. Each is rejected whole with its errors, and the snapshot loaded into stays as it was.
/// </summary>
public sealed class DataFaultTests(ITestOutputHelper output)
{
    private const string Valid = """
        {
          "accords": [
            {
              "id": "t-cut",
              "title": "Acuerdo de minería ilegal — prueba",
              "kind": "Agreement",
              "parties": ["PER", "ECU"],
              "signed": "2024-03-01",
              "topics": ["IllegalMining"],
              "buildsOn": ["pe-ec-1998-peace"],
              "sources": ["src-000"]
            }
          ],
          "statistics": [
            { "id": "t-cut-stat", "metric": "IllegalCrossings", "nations": ["PER"], "value": 3.5, "unit": "crossings", "period": "2024", "source": "src-000" }
          ]
        }
        """;

    [Fact]
    public void HugeFile_IsRejectedAsTooLarge_WithMemoryBoundedByTheLimit()
    {
        using var files = new DataFiles();
        var path = files.Missing("huge.json");
        const long size = 80L * 1024 * 1024;
        using (var stream = File.Create(path))
        {
            var head = Encoding.UTF8.GetBytes("{ \"accords\": [ ");
            stream.Write(head);
            var filler = Encoding.UTF8.GetBytes(new string(' ', 1 << 16));
            while (stream.Length < size)
            {
                stream.Write(filler);
            }
        }

        var store = BorderStore.Default;
        var before = StoreCounts.Of(store);
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, path));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.TooLarge, path), (only.Kind, only.File));
        Assert.True(allocated < 3 * BorderDataset.DefaultMaxFileBytes, $"{allocated} bytes allocated to refuse a {size}-byte file");
        Assert.True(retained < 16L * 1024 * 1024, $"{retained} bytes retained after the refusal");
        StoreCounts.AssertDefaultUnchanged(before, store);
        output.WriteLine($"{size / (1024 * 1024)} MiB file, limit {BorderDataset.DefaultMaxFileBytes / (1024 * 1024)} MiB: {allocated / (1024 * 1024)} MiB allocated while refusing it, {retained / 1024} KiB retained afterwards");
    }

    [Fact]
    public void EndlessStream_IsRejectedAsTooLarge_WithMemoryBoundedByTheLimit()
    {
        const long limit = 4L * 1024 * 1024;
        var store = Snapshot();
        var before = StoreCounts.Of(store);
        using var endless = new EndlessStream();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, endless, "endless", limit));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var only = Assert.Single(error.Errors);
        Assert.Equal((DataErrorKind.TooLarge, "endless"), (only.Kind, only.File));
        Assert.InRange(endless.Served, limit, limit + (1024 * 1024));
        Assert.True(allocated < 4 * limit, $"{allocated} bytes allocated for a {limit}-byte limit");
        Assert.Equal(before, StoreCounts.Of(store));
        output.WriteLine($"endless stream, limit {limit / 1024} KiB: read {endless.Served / 1024} KiB, allocated {allocated / 1024} KiB");
    }

    public static TheoryData<string, byte[]> WrongEncodings()
    {
        const string json = """{ "accords": [ { "id": "t-enc", "title": "Minería", "kind": "Treaty" } ] }""";
        var data = new TheoryData<string, byte[]>
        {
            { "UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)] },
            { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(json)] },
            { "UTF-16 LE without BOM", Encoding.Unicode.GetBytes(json) },
            { "UTF-16 BE without BOM", Encoding.BigEndianUnicode.GetBytes(json) },
            { "UTF-32 LE with BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(json)] },
            { "UTF-32 LE without BOM", Encoding.UTF32.GetBytes(json) },
            { "Latin-1", Encoding.Latin1.GetBytes(json) },
            { "UTF-8 BOM then Latin-1", [0xEF, 0xBB, 0xBF, .. Encoding.Latin1.GetBytes(json)] },
            { "overlong UTF-8 for a quote", [.. Encoding.UTF8.GetBytes("{ \"accords\": [ { \"id\": "), 0xC0, 0xA2, .. Encoding.UTF8.GetBytes("t-enc\" } ] }")] },
            { "UTF-8-encoded lone surrogate (CESU)", [.. Encoding.UTF8.GetBytes("{ \"accords\": [ { \"id\": \"t-enc\", \"title\": \""), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\", \"kind\": \"Treaty\" } ] }")] },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(WrongEncodings))]
    public void WrongEncoding_IsRejectedWhole_AndTheSnapshotIsIntact(string encoding, byte[] bytes)
    {
        var store = Snapshot();
        var before = StoreCounts.Of(store);
        using var files = new DataFiles();
        var path = files.WriteBytes("encoded.json", bytes);

        Assert.False(BorderDataset.TryLoad(store, [path], out var result, out var errors), encoding);

        Assert.Same(store, result);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains(e.Kind, new[] { DataErrorKind.Unreadable, DataErrorKind.MalformedJson }));
        Assert.All(errors, e => Assert.Equal(path, e.File));
        Assert.Equal(before, StoreCounts.Of(store));
        Assert.Null(store.Accords.Find("t-enc"));
        output.WriteLine($"{encoding}: {string.Join("; ", errors.Select(e => $"{e.Kind} line {e.Line}: {e.Message}"))}");
    }

    [Fact]
    public void ValidFile_CutAtEveryByte_IsRejectedWholeOrLoadedWhole()
    {
        var store = Snapshot();
        var before = StoreCounts.Of(store);
        var bytes = Encoding.UTF8.GetBytes(Valid);
        var kinds = new Dictionary<DataErrorKind, int>();
        var loaded = 0;

        for (var length = 0; length <= bytes.Length; length++)
        {
            using var stream = new MemoryStream(bytes, 0, length);
            try
            {
                var next = BorderDataset.Load(store, stream, "cut.json");
                Assert.True(Encoding.UTF8.GetString(bytes, 0, length).TrimEnd() == Valid.TrimEnd(), $"a file cut at byte {length} of {bytes.Length} loaded");
                Assert.NotNull(next.Accords.Find("t-cut"));
                Assert.NotNull(next.Statistics.Find("t-cut-stat"));
                loaded++;
            }
            catch (BorderDataException rejected)
            {
                Assert.NotEmpty(rejected.Errors);
                Assert.All(rejected.Errors, e => Assert.Equal("cut.json", e.File));
                foreach (var error in rejected.Errors)
                {
                    kinds[error.Kind] = kinds.GetValueOrDefault(error.Kind) + 1;
                }
            }

            Assert.Equal(before, StoreCounts.Of(store));
            Assert.Null(store.Accords.Find("t-cut"));
        }

        Assert.Equal(1, loaded);
        output.WriteLine($"{bytes.Length + 1} cuts: {loaded} loaded (the whole file), errors {string.Join(", ", kinds.Select(k => $"{k.Key}×{k.Value}"))}");
    }

    [Fact]
    public void BuildsOnCycleAcrossFiles_IsRejectedWhole_AndTheSnapshotIsIntact()
    {
        using var files = new DataFiles();
        var a = files.Write("a.json", Accord("t-a", "t-b"));
        var b = files.Write("b.json", Accord("t-b", "t-c"));
        var c = files.Write("c.json", Accord("t-c", "t-a"));
        var store = Snapshot();
        var before = StoreCounts.Of(store);

        var two = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, files.Write("x.json", Accord("t-x", "t-y")), files.Write("y.json", Accord("t-y", "t-x"))));
        var three = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, a, b, c));

        Assert.Equal(DataErrorKind.ReferenceCycle, Assert.Single(two.Errors).Kind);
        Assert.Equal(DataErrorKind.ReferenceCycle, Assert.Single(three.Errors).Kind);
        Assert.Equal(before, StoreCounts.Of(store));
        Assert.Null(store.Accords.Find("t-a"));
        output.WriteLine(two.Errors[0].ToString());
        output.WriteLine(three.Errors[0].ToString());
    }

    [Fact]
    public void DuplicateIdsAcrossFiles_EveryDuplicateIsListed_AndTheSnapshotIsIntact()
    {
        const string json = """
            {
              "agencies": [ { "id": "t-dup-agency", "name": "Dup", "nation": "PER", "kind": "Police" } ],
              "accords": [ { "id": "t-dup", "title": "Dup", "kind": "Treaty" } ],
              "statistics": [ { "id": "t-dup-stat", "metric": "IllegalCrossings", "nations": ["PER"], "value": 1, "unit": "crossings", "source": "src-000" } ]
            }
            """;
        using var files = new DataFiles();
        var first = files.Write("first.json", json);
        var second = files.Write("second.json", json);
        var third = files.Write("third.json", json);
        var store = Snapshot();
        var before = StoreCounts.Of(store);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, first, second, third));

        Assert.All(error.Errors, e => Assert.Equal(DataErrorKind.DuplicateId, e.Kind));
        Assert.Equal(6, error.Errors.Count); // three sets, two repeats each
        foreach (var repeat in new[] { second, third })
        {
            Assert.Equal(3, error.Errors.Count(e => e.File == repeat));
            Assert.All(error.Errors.Where(e => e.File == repeat), e => Assert.Contains(first, e.Message, StringComparison.Ordinal));
        }

        Assert.Equal(before, StoreCounts.Of(store));
        output.WriteLine(error.Message);
    }

    // A snapshot other than the bundled one, to show the store loaded into (not only Default) is left intact.
    private static BorderStore Snapshot()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Accord("t-base", null)));
        return BorderDataset.Load(BorderStore.Default, stream, "base.json");
    }

    private static string Accord(string id, string? buildsOn) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{ "accords": [ { "id": "{{id}}", "title": "Accord {{id}}", "kind": "Treaty"{{(buildsOn is null ? string.Empty : $", \"buildsOn\": [\"{buildsOn}\"]")}} } ] }""");

    private sealed class EndlessStream : ForwardOnlyStream
    {
        private static readonly byte[] Head = Encoding.UTF8.GetBytes("{ \"accords\": [ ");

        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = Served + i < Head.Length ? Head[Served + i] : (byte)' ';
            }

            Served += count;
            return count;
        }
    }
}
