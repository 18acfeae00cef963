using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>The queries <see cref="QueryableTreesBenchmarks"/> runs.</summary>
public enum TreeQuery
{
    /// <summary><c>kind = Agreement and parties has PER and signed between 2010 and 2015</c>.</summary>
    EqualityHasDateRange = 1,

    /// <summary><c>title contains "mineria"</c>.</summary>
    TextContains,

    /// <summary><c>kind = Agreement order by signed desc take 10</c>.</summary>
    OrderByTake,
}

/// <summary>
/// BDQ's provider-translatable trees (<see cref="BdqQueryable.Translate{T}"/>) over <c>List&lt;T&gt;.AsQueryable()</c>
/// against the same query written by hand in LINQ over the same queryable (the baseline), so the trees' cost on LINQ to
/// Objects is a ratio (target: at most 1.5). Both give BDQ's answer: key order unless ordered, ties by key. Also the
/// same hand-written LINQ straight over the list (no expression trees), and BDQ's in-memory engine for scale.
/// </summary>
[MemoryDiagnoser]
public class QueryableTreesBenchmarks : AccordScenario
{
    private static readonly int From = PartialDate.FromYear(2010).StartDayNumber;
    private static readonly int To = PartialDate.FromYear(2015).EndDayNumber;

    /// <summary>The query.</summary>
    [Params(TreeQuery.EqualityHasDateRange, TreeQuery.TextContains, TreeQuery.OrderByTake)]
    public TreeQuery Query { get; set; } = TreeQuery.EqualityHasDateRange;

    private IQueryable<Accord> _source = Enumerable.Empty<Accord>().AsQueryable();

    /// <summary>The BDQ text of <see cref="Query"/>.</summary>
    public string Text => Query switch
    {
        TreeQuery.EqualityHasDateRange => "accords where kind = Agreement and parties has PER and signed between 2010 and 2015",
        TreeQuery.TextContains => "accords where title contains \"mineria\"",
        _ => "accords where kind = Agreement order by signed desc take 10",
    };

    /// <summary>The query written by hand over the queryable, as deterministic as BDQ's: key order, ties by key.</summary>
    [Benchmark(Baseline = true)]
    public List<Accord> HandWrittenLinq() => Query switch
    {
        TreeQuery.EqualityHasDateRange => _source
            .Where(a => a.Kind == AccordKind.Agreement && a.Parties.Contains(NationCode.Peru)
                && a.Signed != null && a.Signed.Value.From.StartDayNumber >= From && a.Signed.Value.To.EndDayNumber <= To)
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
        TreeQuery.TextContains => _source
            .Where(a => TextNormalizer.Normalize(a.Title).Contains("mineria", StringComparison.Ordinal))
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
        _ => _source
            .Where(a => a.Kind == AccordKind.Agreement)
            .OrderBy(a => a.Signed == null ? 1 : 0).ThenByDescending(a => a.Signed == null ? 0 : a.Signed.Value.From.StartDayNumber)
            .ThenBy(a => a.Id, StringComparer.Ordinal).Take(10).ToList(),
    };

    /// <summary>BDQ's trees over the same queryable, translated on every call (the query text is cached).</summary>
    [Benchmark]
    public List<Accord> BdqTrees() => BdqQueryable.Translate(_source, Text).Records!.ToList();

    /// <summary>The hand-written query straight over the list, no expression trees.</summary>
    [Benchmark]
    public List<Accord> HandWrittenEnumerable() => Query switch
    {
        TreeQuery.EqualityHasDateRange => Accords
            .Where(a => a.Kind == AccordKind.Agreement && a.Parties.Contains(NationCode.Peru)
                && a.Signed is { } signed && signed.From.StartDayNumber >= From && signed.To.EndDayNumber <= To)
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
        TreeQuery.TextContains => Accords
            .Where(a => TextNormalizer.Normalize(a.Title).Contains("mineria", StringComparison.Ordinal))
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
        _ => Accords
            .Where(a => a.Kind == AccordKind.Agreement)
            .OrderBy(a => a.Signed is null ? 1 : 0).ThenByDescending(a => a.Signed is { } s ? s.From.StartDayNumber : 0)
            .ThenBy(a => a.Id, StringComparer.Ordinal).Take(10).ToList(),
    };

    /// <summary>BDQ's in-memory engine on the store (indexes), for scale.</summary>
    [Benchmark]
    public IReadOnlyList<object> InMemoryEngine() => Bdq.Execute(Store, Text).Records;

    protected override void SetUpScenario() => _source = Accords.AsQueryable();
}
