using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// <c>accords group by kind count</c>: one row per kind, in kind order, with its number of accords. The posting index
/// already holds each group: its length is the count.
/// </summary>
[MemoryDiagnoser]
public class GroupByCountBenchmarks : AccordScenario
{
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

    /// <summary>One row per key of the kind index, its count the posting list's length; no record is read.</summary>
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
