using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// A selective AND (about 0.06 % of accords): <c>parties has BOL and kind = Treaty and status = Planned</c>.
/// The indexes intersect three posting lists, smallest first; LINQ checks every accord.
/// </summary>
[MemoryDiagnoser]
public class SelectiveAndBenchmarks : AccordScenario
{
    /// <summary>Bolivia, the scenario's nation (also <see cref="RoaringPeerBenchmarks"/>' AND), and its boxed key.</summary>
    internal static readonly NationCode Bolivia = NationCode.Parse("BOL");
    internal static readonly object BoliviaKey = Bolivia;
    internal static readonly object TreatyKey = AccordKind.Treaty;
    internal static readonly object PlannedKey = AccordStatus.Planned;

    private PostingIndex _parties = null!;
    private PostingIndex _kind = null!;
    private PostingIndex _status = null!;

    [Benchmark(Baseline = true)]
    public List<Accord> Linq() =>
        Accords.Where(a => a.Parties.Contains(Bolivia) && a.Kind == AccordKind.Treaty && a.Status == AccordStatus.Planned).ToList();

    [Benchmark]
    public BdqResult RunTime() => Bdq.Execute(Store, Queries.SelectiveAnd);

    [Benchmark]
    public IReadOnlyList<Accord> Generated() => Queries.SelectiveAndGenerated(Store);

    /// <summary>The generated code's plan, written by hand: look up three posting lists, intersect smallest first.</summary>
    [Benchmark]
    public IReadOnlyList<Accord> HandWritten() =>
        Table.Select(IntersectSmallestFirst(_parties.Lookup(BoliviaKey), _kind.Lookup(TreatyKey), _status.Lookup(PlannedKey)));

    /// <summary>The intersection of three ascending posting lists, the two shortest first.</summary>
    internal static int[] IntersectSmallestFirst(ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<int> c)
    {
        if (a.Length > b.Length)
        {
            Swap(ref a, ref b);
        }

        if (b.Length > c.Length)
        {
            Swap(ref b, ref c);
        }

        if (a.Length > b.Length)
        {
            Swap(ref a, ref b);
        }

        var first = PostingList.Intersect(a, b);
        return first.Length == 0 ? first : PostingList.Intersect(first, c);
    }

    private static void Swap(ref ReadOnlySpan<int> left, ref ReadOnlySpan<int> right)
    {
        var swap = left;
        left = right;
        right = swap;
    }

    protected override void SetUpScenario()
    {
        _parties = Postings("parties");
        _kind = Postings("kind");
        _status = Postings("status");
    }
}
