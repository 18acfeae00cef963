using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// Index build time and memory. The baseline copies the accords, statistics and agencies into lists (all a LINQ scan
/// needs); <see cref="Tables"/> builds the three indexed tables; <see cref="Store"/> builds the whole snapshot, with
/// validation (keys, references, cycles) and disputed-claim marking. The extra columns give the heap bytes per record
/// of the records and of the store built from them.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FootprintConfig))]
public class IndexBuildBenchmarks
{
    private SyntheticData _data = null!;

    /// <summary>The sizes this scenario runs at (see <see cref="BenchmarkSizes"/>).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values();

    /// <summary>Accords, statistics and agencies (each).</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; } = 1_000;

    [GlobalSetup]
    public void Setup() => _data = SyntheticData.Shared(N);

    /// <summary>The accords, statistics and agencies held, as every method returns them.</summary>
    [Benchmark(Baseline = true)]
    public long Lists()
    {
        var accords = new List<Accord>(_data.Accords);
        var statistics = new List<Statistic>(_data.Statistics);
        var agencies = new List<Agency>(_data.Agencies);
        return accords.Count + (long)statistics.Count + agencies.Count;
    }

    [Benchmark]
    public long Tables()
    {
        var accords = new EntityTable<Accord>(QuerySets.For<Accord>(), _data.Accords);
        var statistics = new EntityTable<Statistic>(QuerySets.For<Statistic>(), _data.Statistics);
        var agencies = new EntityTable<Agency>(QuerySets.For<Agency>(), _data.Agencies);
        return accords.Count + (long)statistics.Count + agencies.Count;
    }

    [Benchmark]
    public long Store()
    {
        var store = _data.BuildStore();
        return store.Accords.Count + (long)store.Statistics.Count + store.Agencies.Count;
    }

    /// <summary>Adds the memory columns.</summary>
    public sealed class FootprintConfig : ManualConfig
    {
        public FootprintConfig() =>
            AddColumn(MemoryFootprint.Column.RecordBytes, MemoryFootprint.Column.StoreBytes, MemoryFootprint.Column.StoreToRecords);
    }
}
