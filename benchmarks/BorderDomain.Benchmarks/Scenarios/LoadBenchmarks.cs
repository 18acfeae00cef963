using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// Loading a data file held in memory (<see cref="BorderDataset.Load(BorderStore, Stream, string?, long, int)"/>: read,
/// check, build the store) against parsing the same bytes with <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>,
/// the floor of any loader that reads all of its input. Two files: <see cref="FileShape.Synthetic"/>, the synthetic
/// dataset of <see cref="N"/> accords, statistics and agencies (about 1 KB per N, so 5e4 is ≈ 50 MB), and
/// <see cref="FileShape.OneClaim"/>, <see cref="N"/> statistics on one claim key, all disputed (a load once quadratic
/// in them). Each method answers the number of records in the file.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    private byte[] _file = [];
    private string _path = string.Empty;
    private BorderStore _empty = null!;

    /// <summary>The two files.</summary>
    public enum FileShape
    {
        /// <summary>The synthetic dataset: sources, nations, agencies, accords, statistics.</summary>
        Synthetic,

        /// <summary>Sources and nations, and N statistics sharing one claim key.</summary>
        OneClaim,
    }

    /// <summary>The sizes this scenario runs at (see <see cref="BenchmarkSizes"/>).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values();

    /// <summary>Records of each kind in the file.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; } = 1_000;

    /// <summary>The file.</summary>
    [Params(FileShape.Synthetic, FileShape.OneClaim)]
    public FileShape Shape { get; set; } = FileShape.Synthetic;

    /// <summary>The file's size in bytes (for the README: time and memory per byte).</summary>
    public long FileBytes => _file.Length;

    /// <summary>Writes the file into memory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticData.Shared(Shape == FileShape.Synthetic ? N : 1_000);
        var statistics = Shape == FileShape.Synthetic ? data.Statistics : OneClaim(N, data.Sources[0].Id);
        var records = new BorderStoreBuilder();
        records.Sources.AddRange(data.Sources);
        records.Nations.AddRange(data.Nations);
        records.Agencies.AddRange(Shape == FileShape.Synthetic ? data.Agencies : []);
        records.Places.AddRange(Shape == FileShape.Synthetic ? data.PlaceRecords : []);
        records.Accords.AddRange(Shape == FileShape.Synthetic ? data.Accords : []);
        records.Statistics.AddRange(statistics);
        _file = DatasetWriter.Write(records);
        _empty = new BorderStoreBuilder().BuildValidated();
        _path = Path.Combine(Path.GetTempPath(), $"borderdomain-load-{Environment.ProcessId}-{Shape}-{N}.json");
        File.WriteAllBytes(_path, _file);
    }

    /// <summary>Deletes the file written for <see cref="LoadFile"/>.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>The floor: the bytes parsed into a document, its arrays counted.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_file, DocumentOptions);
        return document.RootElement.EnumerateObject().Sum(set => set.Value.GetArrayLength());
    }

    /// <summary>A lower floor: every token read once with <see cref="Utf8JsonReader"/>, the records counted, nothing kept.</summary>
    [Benchmark]
    public int Utf8JsonReaderScan()
    {
        var json = new Utf8JsonReader(_file, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        var records = 0;
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.StartObject && json.CurrentDepth == 2)
            {
                records++;
            }
        }

        return records;
    }

    /// <summary>The library's load: a new store of the file's records, checked and indexed.</summary>
    [Benchmark]
    public int Load()
    {
        var store = BorderDataset.Load(_empty, new MemoryStream(_file, writable: false), "bench.json", maxFileBytes: long.MaxValue);
        return store.Sources.Count + store.Nations.Count + store.Agencies.Count + store.Places.Count + store.Accords.Count + store.Statistics.Count;
    }

    /// <summary>The same load from the file on disk, as a user calls it: the file's length is checked before it is read.</summary>
    [Benchmark]
    public int LoadFile()
    {
        var store = BorderDataset.Load(_empty, [_path], maxFileBytes: long.MaxValue);
        return store.Sources.Count + store.Nations.Count + store.Agencies.Count + store.Places.Count + store.Accords.Count + store.Statistics.Count;
    }

    private static List<Statistic> OneClaim(int count, string source) => Enumerable.Range(0, count).Select(i => new Statistic
    {
        Id = $"claim-{i:D7}",
        Metric = Metric.BorderPatrolPersonnel,
        Nations = [NationCode.Peru, NationCode.Ecuador],
        Value = i == count - 1 ? 977 : 976,
        Unit = Unit.Parse("people"),
        Period = Period.Parse("2025-06"),
        Source = source,
    }).ToList();
}
