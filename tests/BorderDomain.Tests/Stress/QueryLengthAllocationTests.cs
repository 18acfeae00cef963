using System;
using BorderDomain.Benchmarks.Scenarios;
using BorderDomain.Query;
using BorderDomain.Storage;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// Allocation per query stays within a constant factor of its length under the default options: for each long query
/// shape of <see cref="QueryLengthBenchmarks"/>, the bytes allocated per character at 8,000 characters are at most 4× those
/// at 1,000 (a quadratic step would give about 8×). Linearity, not a budget; no time is measured.
/// </summary>
public sealed class QueryLengthAllocationTests(ITestOutputHelper output)
{
    private const int Short = 1_000;
    private const int Long = 8_000;
    private const double MaxGrowth = 4.0;

    private static int _variant = 100_000;

    [Theory]
    [InlineData(LongQueryShape.OrChain)]
    [InlineData(LongQueryShape.AndChain)]
    [InlineData(LongQueryShape.UnknownFields)]
    [InlineData(LongQueryShape.LongList)]
    public void TryExecute_EightTimesLonger_AllocatesAtMostFourTimesMorePerCharacter(LongQueryShape shape)
    {
        // Warm up (JIT, static tables) on other texts, so neither measurement pays for it.
        Allocated(shape, Short);
        Allocated(shape, Long);

        var (shortText, shortBytes) = Allocated(shape, Short);
        var (longText, longBytes) = Allocated(shape, Long);
        var perCharShort = (double)shortBytes / shortText.Length;
        var perCharLong = (double)longBytes / longText.Length;
        var parseBytes = ParseAllocated(longText);
        output.WriteLine($"{shape}: parsing alone allocates {(double)parseBytes / longText.Length:F1} B/char at {longText.Length} chars");
        output.WriteLine($"{shape}: {shortText.Length} chars {shortBytes:N0} B ({perCharShort:F1} B/char), {longText.Length} chars {longBytes:N0} B ({perCharLong:F1} B/char), growth {perCharLong / perCharShort:F2}×");

        Assert.True(perCharLong <= MaxGrowth * perCharShort, $"{shape}: {perCharLong:F1} B/char at {longText.Length} chars against {perCharShort:F1} at {shortText.Length}, over {MaxGrowth}×.");
    }

    private static long ParseAllocated(string text)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = BorderDomain.Query.Syntax.QueryParser.Parse(text);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(parsed);
        return bytes;
    }

    private static (string Text, long Bytes) Allocated(LongQueryShape shape, int length)
    {
        // A text the compiled-query cache has not seen, so the whole front end runs.
        var text = QueryLengthBenchmarks.Text(shape, length, System.Threading.Interlocked.Increment(ref _variant));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ok = Bdq.TryExecute(BorderStore.Default, text, out var result, out var diagnostics);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(ok == (shape != LongQueryShape.UnknownFields), $"{shape}: TryExecute gave {(ok ? "a result" : diagnostics[0].Code)}.");
        GC.KeepAlive(result);
        return (text, bytes);
    }
}
