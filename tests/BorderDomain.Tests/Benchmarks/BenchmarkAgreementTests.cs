using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BorderDomain.Benchmarks;
using BorderDomain.Benchmarks.Scenarios;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using Xunit;

namespace BorderDomain.Tests.Benchmarks;

/// <summary>
/// Every benchmark method returns its scenario's baseline answer (ids in order, counts, group rows), on a small
/// synthetic store, so speed never drifts from truth. No timing is measured or asserted here.
/// </summary>
public sealed class BenchmarkAgreementTests
{
    private const int N = 5_000;

    private static readonly Type[] Scenarios =
    [
        typeof(SelectiveAndBenchmarks),
        typeof(TopicsInDateRangeBenchmarks),
        typeof(TopKBenchmarks),
        typeof(TextContainsBenchmarks),
        typeof(CountBenchmarks),
        typeof(GroupByCountBenchmarks),
        typeof(IndexBuildBenchmarks),
        typeof(AccordIndexBuildBenchmarks),
        typeof(RunTimePathBenchmarks),
        typeof(ThreePathsBenchmarks),
        typeof(CalibrationBenchmarks),
        typeof(QueryLengthBenchmarks),
        typeof(ParserBenchmarks),
        typeof(DisputedClaimsBenchmarks),
        typeof(ManyWordsContainsBenchmarks),
        typeof(LongSearchBenchmarks),
        typeof(RoaringPeerBenchmarks),
        typeof(SetCountBenchmarks),
        typeof(LoadBenchmarks),
        typeof(QueryableTreesBenchmarks),
        typeof(EfCoreBenchmarks),
    ];

    [Fact]
    public void SelectiveAnd_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<SelectiveAndBenchmarks>();

    [Fact]
    public void TopicsInDateRange_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<TopicsInDateRangeBenchmarks>();

    [Fact]
    public void TopK_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<TopKBenchmarks>();

    [Fact]
    public void TextContains_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<TextContainsBenchmarks>();

    [Fact]
    public void Count_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<CountBenchmarks>();

    [Fact]
    public void GroupByCount_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<GroupByCountBenchmarks>();

    [Fact]
    public void IndexBuild_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<IndexBuildBenchmarks>();

    [Fact]
    public void AccordIndexBuild_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<AccordIndexBuildBenchmarks>();

    [Fact]
    public void RunTimePath_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<RunTimePathBenchmarks>();

    [Fact]
    public void ThreePaths_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<ThreePathsBenchmarks>();

    [Fact]
    public void DisputedClaims_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<DisputedClaimsBenchmarks>();

    [Fact]
    public void ManyWordsContains_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<ManyWordsContainsBenchmarks>();

    [Fact]
    public void LongSearch_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<LongSearchBenchmarks>();

    [Fact]
    public void SetCount_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<SetCountBenchmarks>();

    [Theory]
    [InlineData(RoaringPeerBenchmarks.SetOperation.AndOfThree)]
    [InlineData(RoaringPeerBenchmarks.SetOperation.Union)]
    [InlineData(RoaringPeerBenchmarks.SetOperation.UnionCount)]
    [InlineData(RoaringPeerBenchmarks.SetOperation.MembershipWalk)]
    public void RoaringPeer_EveryMethod_ReturnsTheBaselineAnswer(RoaringPeerBenchmarks.SetOperation operation) =>
        AssertAgreement<RoaringPeerBenchmarks>(scenario => scenario.Operation = operation);

    [Theory]
    [InlineData(LoadBenchmarks.FileShape.Synthetic)]
    [InlineData(LoadBenchmarks.FileShape.OneClaim)]
    public void Load_EveryMethod_ReturnsTheBaselineAnswer(LoadBenchmarks.FileShape shape) =>
        AssertAgreement<LoadBenchmarks>(scenario => scenario.Shape = shape);

    [Theory]
    [InlineData(TreeQuery.EqualityHasDateRange)]
    [InlineData(TreeQuery.TextContains)]
    [InlineData(TreeQuery.OrderByTake)]
    public void QueryableTrees_EveryMethod_ReturnsTheBaselineAnswer(TreeQuery query) =>
        AssertAgreement<QueryableTreesBenchmarks>(scenario => scenario.Query = query);

    [Fact]
    public void EfCore_EveryMethod_ReturnsTheBaselineAnswer() => AssertAgreement<EfCoreBenchmarks>();

    [Fact]
    public void Calibration_SpanSumAndPointerChase_ComputeWhatTheyClaim()
    {
        var calibration = new CalibrationBenchmarks { Elements = 1 << 16 };
        calibration.Setup();

        long expected = 0;
        foreach (var value in calibration.Values)
        {
            expected += value;
        }

        Assert.Equal(expected, calibration.SpanSum());

        // The chase's array is one cycle through every slot, and the benchmark stops where following it stops.
        var next = calibration.Next.ToArray();
        var at = 0;
        var length = 0;
        do
        {
            at = next[at];
            length++;
        }
        while (at != 0 && length <= next.Length);
        Assert.Equal(next.Length, length);

        at = 0;
        for (var i = 0; i < CalibrationBenchmarks.ChaseSteps; i++)
        {
            at = next[at];
        }

        Assert.Equal(at, calibration.PointerChase());
    }

    [Fact]
    public void Parser_EveryShapeAtEveryLength_ParsesItsText()
    {
        // One method, parsing one text per shape and length: each is as long as its length says and parses.
        var lengths = typeof(ParserBenchmarks).GetProperty(nameof(ParserBenchmarks.Length))!.GetCustomAttribute<ParamsAttribute>()!.Values.Cast<int>().ToList();
        Assert.NotEmpty(lengths);
        foreach (var shape in Enum.GetValues<ParsedQueryShape>())
        {
            foreach (var length in lengths)
            {
                var benchmark = new ParserBenchmarks { Shape = shape, Length = length };
                benchmark.Setup();
                Assert.InRange(ParserBenchmarks.Text(shape, length).Length, length - 200, length);
                Assert.True(benchmark.Parse(), $"{shape} at {length}");
            }
        }
    }

    [Fact]
    public void QueryLength_EveryMethod_RunsItsShapeAtItsLength()
    {
        // The methods run different queries, so they are not compared with one another: each runs a text of its shape
        // and length, the valid ones give results and the unknown fields diagnostics, on every call (new texts each time).
        foreach (var length in new[] { 1_000, 4_000, 10_000 })
        {
            var benchmark = new QueryLengthBenchmarks { Length = length };
            benchmark.Setup();
            foreach (var shape in Enum.GetValues<LongQueryShape>())
            {
                var text = QueryLengthBenchmarks.Text(shape, length, 7);
                Assert.InRange(text.Length, length - 40, length);
                Assert.True(text.Length <= BdqOptions.Default.MaxQueryLength);
                for (var call = 0; call < 3; call++)
                {
                    var answer = (int)typeof(QueryLengthBenchmarks).GetMethod(shape.ToString())!.Invoke(benchmark, null)!;
                    Assert.True(shape == LongQueryShape.UnknownFields ? answer < -1 : answer >= 0, $"{shape} at {length}: {answer}");
                }
            }
        }

        Assert.Equal(
            Enum.GetNames<LongQueryShape>().Order(StringComparer.Ordinal),
            typeof(QueryLengthBenchmarks).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scenarios_EveryBenchmarkClass_IsCheckedHere()
    {
        var benchmarkClasses = typeof(SyntheticData).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        Assert.Equal(benchmarkClasses, Scenarios.OrderBy(type => type.FullName, StringComparer.Ordinal));
        foreach (var type in Scenarios)
        {
            Assert.True(type.GetCustomAttribute<MemoryDiagnoserAttribute>() is not null, $"{type.Name} has no [MemoryDiagnoser].");
            Assert.Single(type.GetMethods(), m => m.GetCustomAttribute<BenchmarkAttribute>() is { Baseline: true });
        }
    }

    [Fact]
    public void Queries_GeneratedAttributeTexts_AreTheRunTimeTexts()
    {
        var methods = typeof(Queries).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<BdqQueryAttribute>() is not null)
            .ToList();
        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            var name = method.Name[..^"Generated".Length];
            var text = typeof(Queries).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue();
            Assert.Equal(text, method.GetCustomAttribute<BdqQueryAttribute>()!.Query);
        }
    }

    [Fact]
    public void Create_SameSizeAndSeed_DrawsTheSameRecords()
    {
        var first = SyntheticData.Create(300);
        var second = SyntheticData.Create(300);
        var other = SyntheticData.Create(300, seed: 7);

        Assert.Equal(first.Accords, second.Accords, AccordComparer.Instance);
        Assert.Equal(first.Statistics.Select(s => (s.Id, s.Metric, s.Value, s.Period)), second.Statistics.Select(s => (s.Id, s.Metric, s.Value, s.Period)));
        Assert.Equal(first.Agencies.Select(a => (a.Id, a.Name, a.Parent)), second.Agencies.Select(a => (a.Id, a.Name, a.Parent)));
        Assert.NotEqual(first.Accords.Select(a => a.Title), other.Accords.Select(a => a.Title));
    }

    [Fact]
    public void Create_FiveThousand_HasTheSkewItClaims()
    {
        var data = SyntheticData.Shared(N);
        var store = SyntheticData.SharedStore(N);

        Assert.Equal(N, store.Accords.Count);
        Assert.Equal(N, store.Statistics.Count);
        Assert.Equal(N, store.Agencies.Count);

        // A few nations in many accords: the most frequent party is in over a third of them, most nations in almost none.
        var byNation = data.Accords.SelectMany(a => a.Parties).GroupBy(code => code).Select(g => g.Count()).OrderDescending().ToList();
        Assert.True(byNation[0] > N / 3, $"top nation in {byNation[0]} accords");
        Assert.True(byNation.Count(count => count < N / 100) > byNation.Count / 2);

        // Zipf topics: the first topic is several times as frequent as the tenth.
        var byTopic = data.Accords.SelectMany(a => a.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byTopic[Topic.DrugTrafficking] > 5 * byTopic[Topic.Migration]);

        var signed = data.Accords.Where(a => a.Signed is not null).Select(a => a.Signed!.Value.From).ToList();
        Assert.True(signed.Min().Year >= 1990 && signed.Max().Year <= 2026);
        Assert.Contains(signed, date => date.Precision == PartialDatePrecision.Year);
        Assert.Contains(data.Accords, a => a.Signed is null);
        Assert.InRange(data.Accords.Count(a => a.Title.Length > 300), 1, N / 50);
    }

    [Theory]
    [InlineData(null, new[] { 1_000, 100_000, 1_000_000 })]
    [InlineData("  ", new[] { 1_000, 100_000, 1_000_000 })]
    [InlineData("1000", new[] { 1_000 })]
    [InlineData("1e3, 1e6", new[] { 1_000, 1_000_000 })]
    public void Parse_SizeList_GivesTheSizes(string? text, int[] expected) =>
        Assert.Equal(expected, BenchmarkSizes.Parse(text));

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("many")]
    public void Parse_NotAPositiveWholeNumber_Throws(string text) =>
        Assert.Throws<FormatException>(() => BenchmarkSizes.Parse(text));

    private static void AssertAgreement<TScenario>(Action<TScenario>? configure = null)
        where TScenario : new()
    {
        var scenario = new TScenario();
        configure?.Invoke(scenario);
        typeof(TScenario).GetProperty("N")!.SetValue(scenario, N);
        foreach (var setup in typeof(TScenario).GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
        {
            setup.Invoke(scenario, null);
        }

        try
        {
            var benchmarks = typeof(TScenario).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
            var baseline = benchmarks.Single(m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
            var expected = Answer(baseline.Invoke(scenario, null));
            Assert.True(expected.Count > 0 && expected[0] != "count:0", $"{typeof(TScenario).Name}: the baseline's answer is empty at N = {N}, so agreement proves little.");

            Assert.True(benchmarks.Count >= 4 || typeof(TScenario) == typeof(IndexBuildBenchmarks) || typeof(TScenario) == typeof(AccordIndexBuildBenchmarks), $"{typeof(TScenario).Name} has only {benchmarks.Count} methods.");
            foreach (var method in benchmarks)
            {
                // Twice: the second call of a run-time query hits the cache, the second cold call compiles another text.
                for (var call = 1; call <= 2; call++)
                {
                    var result = method.Invoke(scenario, null);
                    Assert.False(result is BdqResult { IsTruncated: true }, $"{typeof(TScenario).Name}.{method.Name} (call {call}) answered a truncated result: compare whole answers (AccordScenario.WholeAnswer).");
                    var actual = Answer(result);
                    Assert.True(expected.SequenceEqual(actual), $"{typeof(TScenario).Name}.{method.Name} (call {call}) differs from {baseline.Name}:\n"
                        + $"  expected {expected.Count}: {string.Join(", ", expected.Take(12))}\n  actual   {actual.Count}: {string.Join(", ", actual.Take(12))}");
                }
            }
        }
        finally
        {
            // A scenario that starts a server (EfCoreBenchmarks) stops it here, as BenchmarkDotNet does after a run.
            foreach (var cleanup in typeof(TScenario).GetMethods().Where(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null))
            {
                cleanup.Invoke(scenario, null);
            }
        }
    }

    /// <summary>An answer in one comparable shape: record ids in order, a count, or group rows as typed values.</summary>
    private static List<string> Answer(object? result) => result switch
    {
        BdqResult { Kind: BdqResultKind.Count } counted => [$"count:{counted.Count}"],
        BdqResult { Kind: BdqResultKind.Records } records => Answer(records.Records),
        BdqResult rows => Answer(rows.Rows),
        int count => [$"count:{count}"],
        long count => [$"count:{count}"],
        IEnumerable<Accord> accords => accords.Select(a => a.Id).ToList(),
        IEnumerable<IReadOnlyList<object?>> rows => rows.Select(Row).ToList(),
        IEnumerable items => items.Cast<object>().Select(item => item is Accord accord ? accord.Id : Value(item)).ToList(),
        _ => throw new InvalidOperationException($"No answer shape for {result?.GetType().Name ?? "null"}."),
    };

    private static string Row(IReadOnlyList<object?> row) => string.Join(" | ", row.Select(Value));

    private static string Value(object? value) =>
        value is null ? "null" : $"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}";

    private sealed class AccordComparer : IEqualityComparer<Accord>
    {
        public static readonly AccordComparer Instance = new();

        public bool Equals(Accord? x, Accord? y) => x is not null && y is not null
            && x.Id == y.Id && x.Title == y.Title && x.Kind == y.Kind && x.Status == y.Status && x.Signed == y.Signed && x.Place == y.Place
            && x.Parties.SequenceEqual(y.Parties) && x.Topics.SequenceEqual(y.Topics) && x.Signatories.SequenceEqual(y.Signatories)
            && x.BuildsOn.SequenceEqual(y.BuildsOn) && x.Sources.SequenceEqual(y.Sources);

        public int GetHashCode(Accord obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
