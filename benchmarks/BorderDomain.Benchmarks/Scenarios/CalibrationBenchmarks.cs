using System;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// This machine's limits, to state the other results against: a streaming sum over a 64 MiB <c>int[]</c> (memory
/// bandwidth) and a dependent pointer chase through a random single cycle of the same size (one cache and TLB miss per
/// step). Both report nanoseconds per 64-byte cache line: bytes per ns = 64 / <see cref="SpanSum"/>'s mean, ns per
/// miss = <see cref="PointerChase"/>'s mean, and the ratio column is what one miss costs in streamed lines.
/// </summary>
[MemoryDiagnoser]
public class CalibrationBenchmarks
{
    /// <summary>Elements in each array: 16 Mi ints, 64 MiB, well beyond the last-level cache.</summary>
    public const int DefaultElements = 16 * 1024 * 1024;

    private const int LineInts = 64 / sizeof(int);
    private const int Steps = 1 << 20;

    private int[] _values = [];
    private int[] _next = [];

    /// <summary>Elements in each array (smaller in the agreement tests).</summary>
    public int Elements { get; set; } = DefaultElements;

    /// <summary>Steps each <see cref="PointerChase"/> takes.</summary>
    public static int ChaseSteps => Steps;

    /// <summary>The values summed.</summary>
    public ReadOnlySpan<int> Values => _values;

    /// <summary>The chase's cycle: <c>next[i]</c> follows <c>i</c>.</summary>
    public ReadOnlySpan<int> Next => _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(SyntheticData.DefaultSeed);
        _values = new int[Elements];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = random.Next(256);
        }

        // Sattolo's algorithm: a uniformly random permutation that is one single cycle, so the chase visits every slot.
        var order = new int[Elements];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        _next = new int[Elements];
        for (var i = 0; i < order.Length; i++)
        {
            _next[order[i]] = order[(i + 1) % order.Length];
        }
    }

    /// <summary>Sums the array with SIMD, one cache line per operation.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = DefaultElements / LineInts)]
    public long SpanSum()
    {
        var span = _values.AsSpan();
        var vectors = MemoryMarshal.Cast<int, Vector<int>>(span);
        var accumulator = Vector<int>.Zero;
        foreach (var vector in vectors)
        {
            accumulator += vector;
        }

        long sum = 0;
        for (var lane = 0; lane < Vector<int>.Count; lane++)
        {
            sum += accumulator[lane];
        }

        for (var i = vectors.Length * Vector<int>.Count; i < span.Length; i++)
        {
            sum += span[i];
        }

        return sum;
    }

    /// <summary>Follows the cycle <see cref="ChaseSteps"/> times; each step needs the previous one's load.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public int PointerChase()
    {
        var next = _next;
        var at = 0;
        for (var i = 0; i < Steps; i++)
        {
            at = next[at];
        }

        return at;
    }
}
