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
[BenchmarkDotNet.Attributes.Config(typeof(PeakConfig))]
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

    /// <summary>
    /// A peer that makes objects: <see cref="JsonSerializer"/> (source-generated, <see cref="PlainFileContext"/>) fills
    /// plain classes of strings from the same bytes. Nothing is parsed into the model's types, checked or indexed, so it
    /// is less than a load does; what it costs over the parse is what making and keeping an object per record costs.
    /// </summary>
    [Benchmark]
    public int JsonSerializerDeserialize() => JsonSerializer.Deserialize(_file, PlainFileContext.Default.PlainFile)!.Count;

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

    /// <summary>
    /// The managed heap's peak during one <see cref="Load"/> of the file, over the file's size: the heap is collected
    /// fully, its size noted, then a thread samples <see cref="GC.GetTotalMemory(bool)"/> (without collecting) every
    /// millisecond while the load runs; the highest sample less the size before, divided by the file's bytes. It counts
    /// everything the load holds at once, garbage not yet collected included (the records, their origins, the store's
    /// indexes), and not the file's own array, which the caller holds, nor (since session 11) the copy of the stream's
    /// bytes: the load reads them into a buffer of the shared array pool, which the warm-up load took and gave back, so
    /// it is in the heap before the measured load starts (a process's first load counts it: the pool rounds up to a
    /// power of two, 64 MiB for the 48.7 MB file).
    /// Measured once per size and shape, in the benchmark's process, after its warm-up.
    /// </summary>
    public static double PeakToFile(int n, FileShape shape) => Peaks.GetOrAdd((n, shape), static key =>
    {
        var bench = new LoadBenchmarks { N = key.N, Shape = key.Shape };
        bench.Setup();
        try
        {
            bench.Load(); // warm: type initialisers and the schema's metadata are not counted
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var peak = before;
            var done = 0;
            var sampler = new System.Threading.Thread(() =>
            {
                while (System.Threading.Volatile.Read(ref done) == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    System.Threading.Thread.Sleep(1);
                }
            }) { IsBackground = true };
            sampler.Start();
            bench.Load();
            System.Threading.Volatile.Write(ref done, 1);
            sampler.Join();
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            return (double)(peak - before) / bench.FileBytes;
        }
        finally
        {
            bench.Cleanup();
        }
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int N, FileShape Shape), double> Peaks = new();

    /// <summary>Adds the peak column.</summary>
    public sealed class PeakConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        /// <summary>The column.</summary>
        public PeakConfig() => AddColumn(new PeakColumn());
    }

    /// <summary>The managed heap's peak during a load over the file's bytes (<see cref="PeakToFile"/>), for the load methods.</summary>
    public sealed class PeakColumn : BenchmarkDotNet.Columns.IColumn
    {
        /// <inheritdoc />
        public string Id => "LoadPeak/File";

        /// <inheritdoc />
        public string ColumnName => "LoadPeak/File";

        /// <inheritdoc />
        public bool AlwaysShow => true;

        /// <inheritdoc />
        public BenchmarkDotNet.Columns.ColumnCategory Category => BenchmarkDotNet.Columns.ColumnCategory.Custom;

        /// <inheritdoc />
        public int PriorityInCategory => 0;

        /// <inheritdoc />
        public bool IsNumeric => true;

        /// <inheritdoc />
        public BenchmarkDotNet.Columns.UnitType UnitType => BenchmarkDotNet.Columns.UnitType.Dimensionless;

        /// <inheritdoc />
        public string Legend => "Managed heap peak during one Load, less the heap before, over the file's bytes (1 ms sampler of GC.GetTotalMemory; target: at most 4)";

        /// <inheritdoc />
        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) =>
            benchmarkCase.Parameters["N"] is int n && benchmarkCase.Parameters["Shape"] is FileShape shape
                ? PeakToFile(n, shape).ToString("N2", System.Globalization.CultureInfo.InvariantCulture)
                : "-";

        /// <inheritdoc />
        public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, BenchmarkDotNet.Reports.SummaryStyle style) => GetValue(summary, benchmarkCase);

        /// <inheritdoc />
        public bool IsDefault(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;

        /// <inheritdoc />
        public bool IsAvailable(BenchmarkDotNet.Reports.Summary summary) => true;
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
