using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>The kinds of long query <see cref="QueryLengthBenchmarks"/> runs.</summary>
public enum LongQueryShape
{
    /// <summary><c>statistics where value &gt; 1 or value &gt; 2 or …</c>: valid, a flat <c>or</c> chain.</summary>
    OrChain,

    /// <summary><c>statistics where value &gt; -1 and value &gt; -2 and …</c>: valid, a flat <c>and</c> chain.</summary>
    AndChain,

    /// <summary><c>accords where f1 = 1 and f2 = 1 and …</c>: every field unknown, one diagnostic each.</summary>
    UnknownFields,

    /// <summary><c>accords where id in ("q00001", "q00002", …)</c>: valid, one long list (under the list limit).</summary>
    LongList,
}

/// <summary>
/// Run-time cost of one query against its length, under the default options: <c>Bdq.TryExecute</c> on the bundled
/// store with a long flat <c>or</c> chain, a long <c>and</c> chain, a chain of unknown fields and a long <c>in</c> list,
/// each of about 1,000, 4,000 and 10,000 characters (the default length limit). Every call runs a text the cache has
/// not seen (the valid texts cycle through more variants than the cache holds), so each parses, binds, plans and runs
/// anew. Mean and allocated divided by <see cref="Length"/> should stay about constant down each method's rows: the
/// front end is linear in the query's length. The store is the bundled one, so the records scanned stay few and the
/// front end dominates.
/// </summary>
[MemoryDiagnoser]
public class QueryLengthBenchmarks
{
    // More distinct texts than BdqOptions.Default.CacheCapacity (256), cycled in order, so every lookup misses.
    private const int Variants = 512;

    private readonly BorderStore _store = BorderStore.Default;
    private Dictionary<LongQueryShape, string[]> _texts = [];
    private int _next;

    /// <summary>The query's length in characters (each text is at most this long and within 40 of it).</summary>
    [Params(1_000, 4_000, 10_000)]
    public int Length { get; set; } = 1_000;

    /// <summary>
    /// A query of <paramref name="shape"/>, at most <paramref name="length"/> characters and within 40 of it;
    /// <paramref name="variant"/> changes its first literal, so different variants are different texts.
    /// </summary>
    public static string Text(LongQueryShape shape, int length, int variant)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 100);
        var (head, first, term, separator, tail) = shape switch
        {
            LongQueryShape.OrChain => ("statistics where ", Invariant($"value < -{variant}"), (Func<int, string>)(i => Invariant($"value > {i}")), " or ", string.Empty),
            LongQueryShape.AndChain => ("statistics where ", Invariant($"value > -{variant}"), i => Invariant($"value > -{i}"), " and ", string.Empty),
            LongQueryShape.UnknownFields => ("accords where ", Invariant($"v{variant} = 1"), i => Invariant($"f{i} = 1"), " and ", string.Empty),
            LongQueryShape.LongList => ("accords where id in (", Invariant($"\"v{variant:D5}\""), i => Invariant($"\"q{i:D5}\""), ", ", ")"),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
        };
        var text = new StringBuilder(head).Append(first);
        for (var i = 1; ; i++)
        {
            var next = term(i);
            if (text.Length + separator.Length + next.Length + tail.Length > length)
            {
                break;
            }

            text.Append(separator).Append(next);
        }

        return text.Append(tail).ToString();
    }

    /// <summary>Builds the texts of each shape at <see cref="Length"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (BdqOptions.Default.CacheCapacity >= Variants)
        {
            throw new InvalidOperationException($"The query cache holds {BdqOptions.Default.CacheCapacity} queries: raise Variants above it.");
        }

        _texts = Enum.GetValues<LongQueryShape>().ToDictionary(
            shape => shape,
            shape => Enumerable.Range(0, Variants).Select(variant => Text(shape, Length, variant)).ToArray());
        _next = 0;
    }

    /// <summary>A long valid <c>or</c> chain.</summary>
    [Benchmark(Baseline = true)]
    public int OrChain() => Run(LongQueryShape.OrChain);

    /// <summary>A long valid <c>and</c> chain.</summary>
    [Benchmark]
    public int AndChain() => Run(LongQueryShape.AndChain);

    /// <summary>A long chain of unknown fields: diagnostics, no result.</summary>
    [Benchmark]
    public int UnknownFields() => Run(LongQueryShape.UnknownFields);

    /// <summary>A long <c>in</c> list.</summary>
    [Benchmark]
    public int LongList() => Run(LongQueryShape.LongList);

    /// <summary>Runs the next text of <paramref name="shape"/>: the records or count returned, or minus the diagnostics.</summary>
    public int Run(LongQueryShape shape)
    {
        var text = _texts[shape][_next];
        _next = (_next + 1) % Variants;
        return Bdq.TryExecute(_store, text, out var result, out var diagnostics)
            ? result!.Count ?? result.Records.Count + result.Rows.Count
            : -diagnostics.Count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
