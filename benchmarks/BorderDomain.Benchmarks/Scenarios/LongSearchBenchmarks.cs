using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// A long search on the store of <see cref="ManyWordsContainsBenchmarks"/> (every title its own number, so more than
/// <see cref="N"/> words): <c>title contains "…"</c> whose text is the longest title of the store, as a user pasting
/// it would search (tens of distinct words; the limits are lifted, since <see cref="BdqOptions.MaxSearchWords"/> allows
/// 32 by default). Each distinct word of the search is looked for in the whole vocabulary, so the time grows with the
/// words times the vocabulary; the answer is the accords with that title.
/// </summary>
[MemoryDiagnoser]
public class LongSearchBenchmarks
{
    private static readonly BdqOptions Unbounded = new() { MaxMatchedWords = int.MaxValue, MaxSearchWords = int.MaxValue };

    private BorderStore _store = BorderStore.Empty;
    private List<Accord> _accords = [];
    private TextIndex _title = null!;
    private string _search = string.Empty;
    private string _folded = string.Empty;
    private Dictionary<string, object?> _parameters = [];

    /// <summary>The sizes this scenario runs at (see <see cref="BenchmarkSizes"/>).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values();

    /// <summary>Accords (and statistics and agencies) in the store.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; } = 1_000;

    /// <summary>The store, and the search: its longest title.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = ManyWordsContainsBenchmarks.NumberedStore(N);
        _accords = [.. _store.Accords];
        _title = _store.Accords.GetTextIndex(_store.Accords.Schema.IndexOfField("title"))!;
        _search = _accords.MaxBy(accord => accord.Title.Length)!.Title;
        _folded = TextNormalizer.Normalize(_search);
        _parameters = new() { ["text"] = _search };
    }

    /// <summary>Folds every title as the index does and searches it ordinally.</summary>
    [Benchmark(Baseline = true)]
    public int LinqFolded() => _accords.Count(a => TextNormalizer.Normalize(a.Title).Contains(_folded, StringComparison.Ordinal));

    [Benchmark]
    public BdqResult RunTime() => Bdq.Execute(_store, Queries.LongSearch, _parameters, Unbounded);

    [Benchmark]
    public int Generated() => Queries.LongSearchGenerated(_store, _search);

    [Benchmark]
    public int HandWritten() => _title.Contains(_search).Length;
}
