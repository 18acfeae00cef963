using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// Marking disputed claims when <see cref="N"/> statistics share one claim key (metric, nations, agency, place,
/// period, unit) and all but the last share one value: every one of them is disputed. The check used to compare
/// each claim with every other of its key (quadratic: 80,000 such claims took 65 s to load); it is one pass now, so
/// time and allocation per claim should stay about constant as <see cref="N"/> grows. The baseline groups the claims
/// with LINQ and counts the members of groups holding two values.
/// </summary>
[MemoryDiagnoser]
public class DisputedClaimsBenchmarks
{
    private List<Statistic> _statistics = [];
    private SyntheticData _references = null!;

    /// <summary>The sizes this scenario runs at (see <see cref="BenchmarkSizes"/>).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values();

    /// <summary>Statistics sharing one claim key.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; } = 1_000;

    /// <summary>Draws the claims (and borrows the sources and nations they refer to from a small synthetic set).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _references = SyntheticData.Shared(1_000);
        var source = _references.Sources[0].Id;
        _statistics = Enumerable.Range(0, N).Select(i => new Statistic
        {
            Id = $"claim-{i:D7}",
            Metric = Metric.BorderPatrolPersonnel,
            Nations = [NationCode.Peru, NationCode.Ecuador],
            Value = i == N - 1 ? 977 : 976,
            Unit = Unit.Parse("people"),
            Period = Period.Parse("2025-06"),
            Source = source,
        }).ToList();
    }

    /// <summary>Groups by the claim's fields and counts the members of groups with two values.</summary>
    [Benchmark(Baseline = true)]
    public int Linq() => _statistics
        .GroupBy(s => (s.Metric, string.Join(",", s.Nations.Select(n => n.Alpha3).Order(StringComparer.Ordinal)), s.Agency?.ToUpperInvariant(), s.Place?.ToUpperInvariant(), s.Period, s.Unit.Code))
        .Where(group => group.Select(s => s.Value).Distinct().Skip(1).Any())
        .Sum(group => group.Count());

    /// <summary>The library's check alone.</summary>
    [Benchmark]
    public int MarkDisputed() => BorderStoreBuilder.MarkDisputed(_statistics).Count(s => s.Disputed);

    /// <summary>A store built from the claims without validation: the check plus the statistics' indexes.</summary>
    [Benchmark]
    public int BuildValidated() => Builder().BuildValidated().Statistics.FindAll("disputed", true).Count;

    /// <summary>A store built from the claims, validated, as a load builds it.</summary>
    [Benchmark]
    public int Build() => Builder().Build().Statistics.FindAll("disputed", true).Count;

    private BorderStoreBuilder Builder()
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.AddRange(_references.Sources);
        builder.Nations.AddRange(_references.Nations);
        builder.Statistics.AddRange(_statistics);
        return builder;
    }
}
