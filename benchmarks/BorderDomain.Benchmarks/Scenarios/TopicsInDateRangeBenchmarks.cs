using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// <c>topics has any (IllegalMining, FuelSmuggling) and signed between 2015 and 2018</c>: a union of two posting
/// lists (Zipf-distributed topics) intersected with a date range, where a partial date must fall inside the range.
/// </summary>
[MemoryDiagnoser]
public class TopicsInDateRangeBenchmarks : AccordScenario
{
    private static readonly object MiningKey = Topic.IllegalMining;
    private static readonly object FuelKey = Topic.FuelSmuggling;
    private static readonly int From = PartialDate.FromYear(2015).StartDayNumber;
    private static readonly int To = PartialDate.FromYear(2018).EndDayNumber;

    private PostingIndex _topics = null!;
    private DateIndex _signed = null!;

    [Benchmark(Baseline = true)]
    public List<Accord> Linq() => Accords.Where(Matches).ToList();

    /// <summary>The query's filter tested on one accord, with no index (this scenario's and <see cref="SetCountBenchmarks"/>' baseline).</summary>
    internal static bool Matches(Accord a) =>
        a.Topics.Any(t => t is Topic.IllegalMining or Topic.FuelSmuggling)
        && a.Signed is { } signed && signed.From.StartDayNumber >= From && signed.To.EndDayNumber <= To;

    /// <summary>
    /// The run time (cache hit) answering every match: with the default options a query without <c>take</c> stops at
    /// <see cref="BdqOptions.MaxRows"/> (10,000) records, fewer than the baseline's at N = 1e6, so this one raises it
    /// (<see cref="AccordScenario.WholeAnswer"/>).
    /// </summary>
    [Benchmark]
    public BdqResult RunTimeWholeAnswer() => Bdq.Execute(Store, Queries.TopicsInDateRange, options: WholeAnswer);

    [Benchmark]
    public IReadOnlyList<Accord> Generated() => Queries.TopicsInDateRangeGenerated(Store);

    /// <summary>
    /// The generated code's plan, written by hand: the union of the two topic lists; the rows whose first day and
    /// whose last day both fall in 2015–2018 (two narrow slices of the date indexes, intersected through a bitmap);
    /// then the two intersected.
    /// </summary>
    [Benchmark]
    public IReadOnlyList<Accord> HandWritten()
    {
        var topics = PostingList.Union(_topics.Lookup(MiningKey), _topics.Lookup(FuelKey));
        var range = (Low: new KeyBound<int>(From, true), High: new KeyBound<int>(To, true));
        var dates = PostingList.IntersectUnsorted(
            _signed.ByStart.RowsInRange(range.Low, range.High),
            _signed.ByEnd.RowsInRange(range.Low, range.High),
            Table.Count);
        return Table.Select(PostingList.Intersect(topics, dates));
    }

    /// <summary>
    /// A plan the library does not choose: only the start index is needed as an index (a date that starts in the
    /// range and ends by its end), so take the slice of rows starting in 2015–2018, mark them in a bitmap, and keep
    /// the topic rows that are marked and end by 2018. No sorting of row ids.
    /// </summary>
    [Benchmark]
    public IReadOnlyList<Accord> HandTunedPlan()
    {
        var byStart = _signed.ByStart;
        var starting = byStart.RowsInRange(new KeyBound<int>(From, true), new KeyBound<int>(To, true));
        var marked = new ulong[(Table.Count + 63) >> 6];
        foreach (var row in starting)
        {
            marked[row >> 6] |= 1UL << row;
        }

        var result = new List<Accord>();
        var topics = PostingList.Union(_topics.Lookup(MiningKey), _topics.Lookup(FuelKey));
        foreach (var row in topics)
        {
            if ((marked[row >> 6] & (1UL << row)) != 0 && Table[row].Signed!.Value.To.EndDayNumber <= To)
            {
                result.Add(Table[row]);
            }
        }

        return result;
    }

    protected override void SetUpScenario()
    {
        _topics = Postings("topics");
        _signed = Table.GetDateIndex(Field("signed"))!;
    }
}
