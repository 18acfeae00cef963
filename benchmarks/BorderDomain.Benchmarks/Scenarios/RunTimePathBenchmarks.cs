using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Dynamic.Core;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using DynamicExpresso;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// The run-time path's own cost, on the cheapest query there is (a key lookup, <c>accords where id = "acc-0000042"</c>):
/// warm, the same text every call (a cache hit: normalise the text, look it up, plan, execute); cold, a new text every
/// call (<c>… take 1</c>, <c>… take 2</c>, … cycling through more texts than the cache holds, so each call parses,
/// binds, plans and executes a query it has not seen). Warm minus generated is the cache-hit overhead; cold minus warm
/// is the price of compiling a new query. Two peers compile the same predicate from text on every call, as BDQ's cold
/// path does: System.Linq.Dynamic.Core's <c>Where(string)</c> and DynamicExpresso's <c>ParseAsDelegate</c> (neither
/// caches a parsed text), each then scanning the list as the LINQ baseline does.
/// </summary>
[MemoryDiagnoser]
public class RunTimePathBenchmarks : AccordScenario
{
    // More distinct texts than BdqOptions.Default.CacheCapacity (256), cycled in order, so every lookup misses.
    private const int ColdTexts = 4_096;

    private string[] _coldTexts = [];
    private int _next;

    [Benchmark(Baseline = true)]
    public List<Accord> Linq() => Accords.Where(a => string.Equals(a.Id, Queries.ByIdKey, StringComparison.OrdinalIgnoreCase)).ToList();

    [Benchmark]
    public BdqResult Warm() => Bdq.Execute(Store, Queries.ById);

    [Benchmark]
    public BdqResult Cold()
    {
        var text = _coldTexts[_next];
        _next = (_next + 1) % ColdTexts;
        return Bdq.Execute(Store, text);
    }

    [Benchmark]
    public List<Accord> DynamicLinqCold() =>
        Accords.AsQueryable().Where(ParsingConfig.Default, "Id.Equals(@0, @1)", Queries.ByIdKey, StringComparison.OrdinalIgnoreCase).ToList();

    [Benchmark]
    public List<Accord> DynamicExpressoCold()
    {
        var predicate = new Interpreter()
            .Reference(typeof(StringComparison))
            .SetVariable("key", Queries.ByIdKey)
            .ParseAsDelegate<Func<Accord, bool>>("string.Equals(a.Id, key, StringComparison.OrdinalIgnoreCase)", "a");
        return Accords.Where(predicate).ToList();
    }

    [Benchmark]
    public IReadOnlyList<Accord> Generated() => Queries.ByIdGenerated(Store);

    [Benchmark]
    public IReadOnlyList<Accord> HandWritten() => Table.TryGetRow(Queries.ByIdKey, out var row) ? [Table[row]] : [];

    protected override void SetUpScenario()
    {
        if (BdqOptions.Default.CacheCapacity >= ColdTexts)
        {
            throw new InvalidOperationException($"The query cache holds {BdqOptions.Default.CacheCapacity} queries: raise ColdTexts above it.");
        }

        _coldTexts = Enumerable.Range(1, ColdTexts)
            .Select(take => Queries.ById + " take " + take.ToString(CultureInfo.InvariantCulture))
            .ToArray();
        _next = 0;
    }
}
