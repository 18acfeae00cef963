using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Schema;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// <c>accords where topics has any (IllegalMining, FuelSmuggling) and signed between 2015 and 2018 count</c>: the
/// rows found as a set (the topics' union and the date range, bitmaps ANDed a word at a time), counted from the set's
/// words by the run time and by generated code; <see cref="ReadOut"/> counts them as both did before, by reading the
/// rows out (<see cref="IndexQueries.Found"/>) and taking the array's length.
/// </summary>
[MemoryDiagnoser]
public class SetCountBenchmarks : AccordScenario
{
    private IndexAccessArguments[] _accesses = [];

    [Benchmark(Baseline = true)]
    public int Linq() => Accords.Count(TopicsInDateRangeBenchmarks.Matches);

    [Benchmark]
    public int RunTime() => Bdq.Execute(Store, Queries.TopicsInDateRangeCount).Count!.Value;

    [Benchmark]
    public int Generated() => Queries.TopicsInDateRangeCountGenerated(Store);

    /// <summary>The same accesses intersected as row sets, the rows read out and counted: the count's former path.</summary>
    [Benchmark]
    public int ReadOut() => IndexQueries.Found(Table, _accesses).Length;

    protected override void SetUpScenario() => _accesses =
    [
        new(Field("topics"), IndexAccessKind.PostingUnion, PredicateOperator.HasAny, FieldKind.Enum, [nameof(Topic.IllegalMining), nameof(Topic.FuelSmuggling)]),
        new(Field("signed"), IndexAccessKind.DateRange, PredicateOperator.Between, FieldKind.Date, [PartialDate.FromYear(2015), PartialDate.FromYear(2018)]),
    ];
}
