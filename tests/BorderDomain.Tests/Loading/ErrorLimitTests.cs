using System;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Storage;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// A rejected load keeps the first <see cref="BorderDataset.DefaultMaxErrors"/> errors (or the limit given) and
/// counts the rest without keeping them, so a file of a million mistakes costs memory in proportion to its size.
/// </summary>
public sealed class ErrorLimitTests(ITestOutputHelper output)
{
    [Fact]
    public void Load_TenThousandNullRecords_KeepsTheFirstHundredAndCountsTheRest()
    {
        var error = Fails(NullAccords(10_000));

        Assert.Equal(100, BorderDataset.DefaultMaxErrors);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"$.accords[{i}]"), error.Errors.Select(e => e.Path));
        Assert.All(error.Errors, e => Assert.Equal((DataErrorKind.MissingValue, "Expected a record, found null.", (int?)1), (e.Kind, e.Message, e.Line)));
        Assert.Equal((10_000L, 9_900L), (error.TotalErrorCount, error.OmittedErrorCount));
    }

    [Fact]
    public void Message_OfALoadWithMoreErrorsThanTheLimit_GivesTheTotalAndEndsWithTheCountLeftOut()
    {
        var error = Fails(NullAccords(10_000));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(102, lines.Length);
        Assert.Equal("The data was rejected with 10000 error(s):", lines[0]);
        Assert.Equal("  name.json(1): MissingValue at $.accords[0]: Expected a record, found null.", lines[1]);
        Assert.Equal("  … and 9900 more errors.", lines[^1]);
    }

    [Fact]
    public void Load_OneErrorOverTheLimit_SaysOneMoreError()
    {
        var error = Fails(NullAccords(101));

        Assert.Equal("  … and 1 more error.", error.Message.Split(Environment.NewLine)[^1]);
    }

    [Fact]
    public void Load_ErrorsExactlyAtTheLimit_KeepsThemAllAndOmitsNone()
    {
        var error = Fails(NullAccords(100));

        Assert.Equal((100, 100L, 0L), (error.Errors.Count, error.TotalErrorCount, error.OmittedErrorCount));
        Assert.DoesNotContain("more error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MaxErrorsGiven_KeepsThatMany()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(NullAccords(10_000)));

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, stream, "name.json", maxErrors: 5));

        Assert.Equal((5, 10_000L), (error.Errors.Count, error.TotalErrorCount));
    }

    [Fact]
    public void TryLoad_TenThousandNullRecords_ReturnsTheFirstHundredAndTheTotal()
    {
        using var files = new DataFiles();
        var path = files.Write("nulls.json", NullAccords(10_000));

        Assert.False(BorderDataset.TryLoad(BorderStore.Default, [path], out _, out var errors));

        Assert.Equal((100, 9_900L, 10_000L), (errors.Count, errors.OmittedCount, errors.TotalCount));
    }

    [Fact]
    public void TryLoad_LimitsGiven_KeepsThatManyErrors()
    {
        using var files = new DataFiles();
        var path = files.Write("nulls.json", NullAccords(50));

        Assert.False(BorderDataset.TryLoad(BorderStore.Default, [path], BorderDataset.DefaultMaxFileBytes, 3, out _, out var errors));

        Assert.Equal((3, 50L), (errors.Count, errors.TotalCount));
    }

    [Fact]
    public void Load_MillionNullRecords_AllocatesInProportionToTheFileNotToItsErrors()
    {
        var bytes = Encoding.UTF8.GetBytes(NullAccords(1_000_000));
        using var stream = new MemoryStream(bytes);
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, stream, "million.json"));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((100, 1_000_000L), (error.Errors.Count, error.TotalErrorCount));
        Assert.True(allocated < 30L * bytes.Length, $"{allocated} bytes allocated to reject a {bytes.Length}-byte file");
        output.WriteLine($"{bytes.Length} bytes, 1,000,000 errors: {allocated} bytes allocated ({(double)allocated / bytes.Length:F1} × the file)");
    }

    private static BorderDataException Fails(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, stream, "name.json"));
    }

    private static string NullAccords(int count) => "{ \"accords\": [" + string.Join(",", Enumerable.Repeat("null", count)) + "] }";
}
