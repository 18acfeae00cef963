using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>.bdq files passed as AdditionalFiles become generated query methods.</summary>
public sealed class QueryFileTests
{
    private const string PeruBorder = """
        -- Queries about the Peru–Ecuador border.

        -- name: PeruAccords
        -- params: nation, since
        accords where parties has @nation
          and signed >= @since
        order by signed desc

        -- name: DisputedCount
        statistics where disputed count

        -- name: TradeByPeriod
        statistics where metric = BilateralTrade group by period sum(value)
        """;

    [Fact]
    public void QueryFile_BecomesAClassOfTypedMethods()
    {
        var (output, diagnostics) = GeneratorHarness.RunWithFiles([("queries/peru-border.bdq", PeruBorder)], "class Anchor { }");

        Assert.Empty(diagnostics);
        var assembly = GeneratorHarness.Load(output);
        var type = assembly.GetType("BdqQueries.PeruBorderQueries", throwOnError: true)!;
        var accords = type.GetMethod("PeruAccords")!;
        Assert.Equal(["store", "nation", "since"], accords.GetParameters().Select(p => p.Name));
        Assert.Equal([typeof(IQueryStore), typeof(NationCode), typeof(PartialDate)], accords.GetParameters().Select(p => p.ParameterType));

        var found = (IReadOnlyList<Accord>)accords.Invoke(null, [BorderStore.Default, NationCode.Peru, PartialDate.Parse("2013")])!;
        var expected = Bdq.Execute(BorderStore.Default, "accords where parties has @nation and signed >= @since order by signed desc",
            new Dictionary<string, object?> { ["nation"] = NationCode.Peru, ["since"] = PartialDate.Parse("2013") }).Records;
        Assert.NotEmpty(found);
        Assert.Equal(expected, found);
        Assert.Equal(2, type.GetMethod("DisputedCount")!.Invoke(null, [BorderDomain.Storage.BorderStore.Default]));
        Assert.Equal(2, ((IReadOnlyList<IReadOnlyList<object?>>)type.GetMethod("TradeByPeriod")!.Invoke(null, [BorderStore.Default])!).Count);
    }

    [Fact]
    public void QueryFileError_IsReportedAtItsLineAndColumnInTheFile()
    {
        const string text = "-- name: Broken\naccords\n  where parites has PER\n";

        var (output, diagnostics) = GeneratorHarness.RunWithFiles([("broken.bdq", text)], "class Anchor { }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ0102", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("broken.bdq", span.Path);
        Assert.Equal((3, 9), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal("parites", text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void QueryFileWithoutNames_IsBdq1006()
    {
        var (_, diagnostics) = GeneratorHarness.RunWithFiles([("empty.bdq", "accords count\n")], "class Anchor { }");

        Assert.Equal("BDQ1006", Assert.Single(diagnostics).Id);
    }
}
