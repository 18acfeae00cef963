using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// <c>title contains "mineria"</c>, case- and accent-insensitive (it finds "Minería"; about 16 % of titles). The text
/// index finds the words holding the search text, then checks those rows' folded titles; the LINQ baseline compares
/// every title with .NET's culture-aware (ICU) search ignoring case and accents, <see cref="LinqFolded"/> folds every
/// title as the index does and searches ordinally.
/// </summary>
[MemoryDiagnoser]
public class TextContainsBenchmarks : AccordScenario
{
    private const string Search = "mineria";
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    private TextIndex _title = null!;

    [Benchmark(Baseline = true)]
    public List<Accord> Linq() =>
        Accords.Where(a => Compare.IndexOf(a.Title, Search, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0).ToList();

    /// <summary>LINQ again, folding each title with the library's own normaliser and searching ordinally: the same semantics without ICU.</summary>
    [Benchmark]
    public List<Accord> LinqFolded() =>
        Accords.Where(a => TextNormalizer.Normalize(a.Title).Contains(Search, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The run time (cache hit) with <see cref="AccordScenario.WholeAnswer"/>: a topic word's answer grows with N, and
    /// past the default <c>MaxRows</c> (10,000) the default options would answer less than the baseline.
    /// </summary>
    [Benchmark]
    public BdqResult RunTime() => Bdq.Execute(Store, Queries.TitleContains, options: WholeAnswer);

    [Benchmark]
    public IReadOnlyList<Accord> Generated() => Queries.TitleContainsGenerated(Store);

    [Benchmark]
    public IReadOnlyList<Accord> HandWritten() => Table.Select(_title.Contains(Search));

    protected override void SetUpScenario() => _title = Table.GetTextIndex(Field("title"))!;
}
