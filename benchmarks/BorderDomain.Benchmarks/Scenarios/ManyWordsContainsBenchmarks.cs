using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// <c>title contains "1" count</c> on <see cref="N"/> accords whose titles each end in their own file number
/// (<c>…, expediente 123</c>), so the title vocabulary has about <see cref="N"/> words and a large share of them hold
/// "1": one search word whose rows are the union of tens of thousands of posting lists. Unions used to merge into one
/// growing array (quadratic: 83.6 s and 78 GB at 340,000 accords); they are a k-way merge or a bitmap now, so time
/// and allocation per accord should stay about constant as <see cref="N"/> grows. The run-time path lifts
/// <see cref="BdqOptions.MaxMatchedWords"/>, which would otherwise refuse the search.
/// </summary>
[MemoryDiagnoser]
public class ManyWordsContainsBenchmarks
{
    private static readonly ConcurrentDictionary<int, Lazy<BorderStore>> Stores = new();
    private static readonly BdqOptions Unbounded = new() { MaxMatchedWords = int.MaxValue };

    private BorderStore _store = BorderStore.Empty;
    private List<Accord> _accords = [];
    private TextIndex _title = null!;

    /// <summary>The sizes this scenario runs at (see <see cref="BenchmarkSizes"/>).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values();

    /// <summary>Accords (and statistics and agencies) in the store.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; } = 1_000;

    /// <summary>Builds (or reuses) the store of numbered titles.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = NumberedStore(N);
        _accords = [.. _store.Accords];
        _title = _store.Accords.GetTextIndex(_store.Accords.Schema.IndexOfField("title"))!;
    }

    /// <summary>Folds every title as the index does and searches it ordinally.</summary>
    [Benchmark(Baseline = true)]
    public int LinqFolded() => _accords.Count(a => TextNormalizer.Normalize(a.Title).Contains('1', StringComparison.Ordinal));

    [Benchmark]
    public BdqResult RunTime() => Bdq.Execute(_store, Queries.ManyWordsCount, options: Unbounded);

    [Benchmark]
    public int Generated() => Queries.ManyWordsCountGenerated(_store);

    [Benchmark]
    public int HandWritten() => _title.Contains("1").Length;

    /// <summary>The store of <paramref name="n"/> accords whose titles end in their own numbers, built once per size.</summary>
    internal static BorderStore NumberedStore(int n) => Stores.GetOrAdd(n, static n => new Lazy<BorderStore>(() => Numbered(n))).Value;

    private static BorderStore Numbered(int n)
    {
        var builder = SyntheticData.Shared(n).ToBuilder();
        for (var i = 0; i < builder.Accords.Count; i++)
        {
            builder.Accords[i] = builder.Accords[i] with { Title = $"{builder.Accords[i].Title}, expediente {i}" };
        }

        return builder.Build();
    }
}
