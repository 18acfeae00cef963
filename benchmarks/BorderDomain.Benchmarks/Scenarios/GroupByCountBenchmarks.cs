using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// <c>accords group by kind count</c>: one row per kind, in kind order, with its number of accords. The kind's posting
/// index already holds each group, its length the count, so the library reads no record; LINQ groups every accord.
/// </summary>
[MemoryDiagnoser]
public class GroupByCountBenchmarks : AccordScenario
{
    private static readonly int KindSlots = Enum.GetValues<AccordKind>().Max(kind => (int)kind) + 1;

    private PostingIndex _kind = null!;

    [Benchmark(Baseline = true)]
    public List<IReadOnlyList<object?>> Linq() =>
        Accords.GroupBy(a => a.Kind)
            .OrderBy(group => group.Key)
            .Select(group => (IReadOnlyList<object?>)[group.Key, group.Count()])
            .ToList();

    [Benchmark]
    public BdqResult RunTime() => Bdq.Execute(Store, Queries.GroupByCount);

    [Benchmark]
    public IReadOnlyList<IReadOnlyList<object?>> Generated() => Queries.GroupByCountGenerated(Store);

    /// <summary>
    /// The fastest scan there is, for a filtered grouping the index cannot answer: read every accord's kind and count,
    /// in an array indexed by the kind's value instead of a dictionary of boxed keys; then one row per kind that occurs.
    /// </summary>
    [Benchmark]
    public IReadOnlyList<IReadOnlyList<object?>> ScanCounts()
    {
        var counts = new int[KindSlots];
        foreach (var accord in Table.Rows)
        {
            counts[(int)accord.Kind]++;
        }

        var rows = new List<IReadOnlyList<object?>>();
        for (var kind = 0; kind < counts.Length; kind++)
        {
            if (counts[kind] > 0)
            {
                rows.Add([(AccordKind)kind, counts[kind]]);
            }
        }

        return rows;
    }

    /// <summary>The library's plan, written by hand: the kind index already holds each group, its count the posting list's length; no record is read.</summary>
    [Benchmark]
    public IReadOnlyList<IReadOnlyList<object?>> HandWritten()
    {
        var groups = new List<(AccordKind Kind, int Count)>(_kind.KeyCount);
        foreach (var key in _kind.Keys)
        {
            groups.Add(((AccordKind)key, _kind.Count(key)));
        }

        groups.Sort(static (a, b) => a.Kind.CompareTo(b.Kind));
        var rows = new IReadOnlyList<object?>[groups.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = [groups[i].Kind, groups[i].Count];
        }

        return rows;
    }

    protected override void SetUpScenario() => _kind = Postings("kind");
}
