using System.Linq;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary><c>accords where parties has PER count</c> (about half the accords): the length of one posting list.</summary>
[MemoryDiagnoser]
public class CountBenchmarks : AccordScenario
{
    private static readonly object PeruKey = NationCode.Peru;

    private PostingIndex _parties = null!;

    [Benchmark(Baseline = true)]
    public int Linq() => Accords.Count(a => a.Parties.Contains(NationCode.Peru));

    [Benchmark]
    public int RunTime() => Bdq.Execute(Store, Queries.Count).Count!.Value;

    [Benchmark]
    public int Generated() => Queries.CountGenerated(Store);

    [Benchmark]
    public int HandWritten() => _parties.Count(PeruKey);

    protected override void SetUpScenario() => _parties = Postings("parties");
}
