using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// Top-k under a broad filter: <c>kind in (Agreement, MemorandumOfUnderstanding, Treaty) order by signed desc take 10</c>
/// (about 65 % of accords match). Newest first, ties in row order, unsigned accords last.
/// </summary>
[MemoryDiagnoser]
public class TopKBenchmarks : AccordScenario
{
    private const int Take = 10;
    private static readonly object[] KindKeys = [AccordKind.Agreement, AccordKind.MemorandumOfUnderstanding, AccordKind.Treaty];

    private PostingIndex _kind = null!;
    private DateIndex _signed = null!;
    private int _signedField;

    [Benchmark(Baseline = true)]
    public List<Accord> Linq() =>
        Accords.Where(a => a.Kind is AccordKind.Agreement or AccordKind.MemorandumOfUnderstanding or AccordKind.Treaty)
            .OrderByDescending(a => a.Signed is { } signed ? signed.From.StartDayNumber : int.MinValue)
            .Take(Take)
            .ToList();

    [Benchmark]
    public BdqResult RunTime() => Bdq.Execute(Store, Queries.TopK);

    [Benchmark]
    public IReadOnlyList<Accord> Generated() => Queries.TopKGenerated(Store);

    /// <summary>
    /// The library's plan (a filtered walk), written by hand: read the start-day index from its newest end and test
    /// each row's kind on the record, stopping after ten matches (ties are already in row order in the index). With a
    /// broad filter it reads a few dozen rows; only when fewer than ten signed accords match does it look for unsigned ones.
    /// </summary>
    [Benchmark]
    public IReadOnlyList<Accord> HandWritten()
    {
        var rows = _signed.ByStart.RowsInKeyOrder;
        var keys = _signed.ByStart.Keys;
        var result = new List<Accord>(Take);
        var end = rows.Length;
        while (end > 0 && result.Count < Take)
        {
            // One tie group [start, end): equal start days, rows ascending.
            var start = end - 1;
            while (start > 0 && keys[start - 1] == keys[end - 1])
            {
                start--;
            }

            for (var i = start; i < end && result.Count < Take; i++)
            {
                if (IsWanted(Table[rows[i]]))
                {
                    result.Add(Table[rows[i]]);
                }
            }

            end = start;
        }

        for (var row = 0; row < Table.Count && result.Count < Take; row++)
        {
            if (Table[row].Signed is null && IsWanted(Table[row]))
            {
                result.Add(Table[row]);
            }
        }

        return result;
    }

    /// <summary>
    /// A plan the library keeps for narrower filters: the union of the three posting lists (about 65 % of the rows),
    /// then the index walk keeping only rows in the union.
    /// </summary>
    [Benchmark]
    public IReadOnlyList<Accord> UnionThenWalk()
    {
        var rows = PostingList.Union(PostingList.Union(_kind.Lookup(KindKeys[0]), _kind.Lookup(KindKeys[1])), _kind.Lookup(KindKeys[2]));
        var top = IndexQueries.Walk(Table, _signedField, descending: true, rows, Take);
        var result = new Accord[top.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Table[top[i]];
        }

        return result;
    }

    private static bool IsWanted(Accord accord) =>
        accord.Kind is AccordKind.Agreement or AccordKind.MemorandumOfUnderstanding or AccordKind.Treaty;

    protected override void SetUpScenario()
    {
        _kind = Postings("kind");
        _signedField = Field("signed");
        _signed = Table.GetDateIndex(_signedField)!;
    }
}
