using System.Collections.Generic;
using System.Linq;
using System.Reflection;
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

    [Fact]
    public void QueryFileWithTheSameNameTwice_IsBdq1008AtTheSecondName_AndTheFirstStillWorks()
    {
        const string text = "-- name: dup\naccords count\n\n-- name: dup\nstatistics count\n";

        AssertDuplicate(text, "The query name 'dup' is already used by 'dup' at line 1; names of queries in one file must differ in more than case");
    }

    [Fact]
    public void QueryFileNamesDifferingOnlyInCase_AreBdq1008TooBecauseQueryNamesIgnoreCase()
    {
        const string text = "-- name: dup\naccords count\n\n-- name: DUP\nstatistics count\n";

        AssertDuplicate(text, "The query name 'DUP' is already used by 'dup' at line 1; names of queries in one file must differ in more than case");
    }

    [Theory]
    [InlineData("class", "'class' cannot name a query method: it is a C# keyword")]
    [InlineData("NamesQueries", "'NamesQueries' cannot name a query method: it is the name of the class the file becomes")]
    [InlineData("2fast", "'2fast' cannot name a query method: it is not a C# identifier")]
    public void QueryFileNameThatCannotBeAMethod_IsBdq1007AtTheName_AndTheRestCompiles(string name, string message)
    {
        var text = "-- name: " + name + "\naccords count\n\n-- name: Ok\naccords count\n";

        var (output, diagnostics, _) = GeneratorHarness.RunWithoutException([("names.bdq", text)], "class Anchor { }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ1007", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage());
        AssertAt(diagnostic, text, "names.bdq", 1, 10, name);
        var type = GeneratorHarness.Load(output).GetType("BdqQueries.NamesQueries", throwOnError: true)!;
        Assert.Equal(["Ok"], type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => m.Name));
    }

    [Fact]
    public void QueryFileParamsNameTheQueryDoesNotUse_IsWarningBdq1009AtThatName()
    {
        const string text = "-- name: ByNation\n-- params: nation, extra\naccords where parties has @nation\n";

        var (output, diagnostics, _) = GeneratorHarness.RunWithoutException([("unused.bdq", text)], "class Anchor { }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ1009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("'extra' in '-- params:' is not a parameter of query 'ByNation'; use it as @extra in the query or remove it", diagnostic.GetMessage());
        AssertAt(diagnostic, text, "unused.bdq", 2, 20, "extra");
        var method = GeneratorHarness.Load(output).GetType("BdqQueries.UnusedQueries", throwOnError: true)!.GetMethod("ByNation")!;
        Assert.Equal(["store", "nation"], method.GetParameters().Select(p => p.Name));
    }

    [Theory]
    [InlineData("Count")]
    [InlineData("count")]
    public void FilesOfOneNameInTwoFolders_ShareAClass_AndARepeatedQueryNameIsBdq1008InTheLaterFile(string repeated)
    {
        const string first = "-- name: Count\naccords count\n\n-- name: OnlyA\nstatistics count\n";
        var second = "-- name: " + repeated + "\nstatistics count\n\n-- name: OnlyB\nagencies count\n";

        var (output, diagnostics, _) = GeneratorHarness.RunWithoutException([("b/peru.bdq", second), ("a/peru.bdq", first)], "class Anchor { }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ1008", diagnostic.Id);
        Assert.Equal($"The query name '{repeated}' is already used by 'Count' in a/peru.bdq at line 1; both files become class BdqQueries.PeruQueries, whose query names must differ in more than case", diagnostic.GetMessage());
        AssertAt(diagnostic, second, "b/peru.bdq", 1, 10, repeated);
        var type = GeneratorHarness.Load(output).GetType("BdqQueries.PeruQueries", throwOnError: true)!;
        Assert.Equal(["Count", "OnlyA", "OnlyB"], type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => m.Name).Order());
        Assert.Equal(Bdq.Execute(BorderStore.Default, "accords count").Count, type.GetMethod("Count")!.Invoke(null, [BorderStore.Default]));
    }

    [Fact]
    public void QueryParameterNamedStore_DoesNotCollideWithTheStoreParameter()
    {
        const string text = "-- name: ByStore\n-- params: store\naccords where title contains @store order by title\n";

        var (output, diagnostics, _) = GeneratorHarness.RunWithoutException([("stores.bdq", text)], "class Anchor { }");

        Assert.Empty(diagnostics);
        var method = GeneratorHarness.Load(output).GetType("BdqQueries.StoresQueries", throwOnError: true)!.GetMethod("ByStore")!;
        Assert.Equal(["queryStore", "store"], method.GetParameters().Select(p => p.Name));
        Assert.Equal([typeof(IQueryStore), typeof(string)], method.GetParameters().Select(p => p.ParameterType));
        var expected = Bdq.Execute(BorderStore.Default, "accords where title contains @store order by title", new Dictionary<string, object?> { ["store"] = "border" }).Records;
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (IReadOnlyList<Accord>)method.Invoke(null, [BorderStore.Default, "border"])!);
    }

    [Theory]
    [InlineData("__table")]
    [InlineData("__row")]
    [InlineData("__r")]
    [InlineData("__matches")]
    public void QueryParameterNamedLikeAGeneratedLocal_StillCompiles(string name)
    {
        var text = $"-- name: Find\naccords where title contains @{name} and signed >= 2000 order by signed desc take 3\n";

        var (output, diagnostics, _) = GeneratorHarness.RunWithoutException([("locals.bdq", text)], "class Anchor { }");

        Assert.Empty(diagnostics);
        var method = GeneratorHarness.Load(output).GetType("BdqQueries.LocalsQueries", throwOnError: true)!.GetMethod("Find")!;
        var expected = Bdq.Execute(BorderStore.Default, text, new Dictionary<string, object?> { [name] = "border" }).Records;
        Assert.Equal(expected, (IReadOnlyList<Accord>)method.Invoke(null, [BorderStore.Default, "border"])!);
    }

    private static void AssertDuplicate(string text, string message)
    {
        var (output, diagnostics, hints) = GeneratorHarness.RunWithoutException([("dups.bdq", text)], "class Anchor { }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ1008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage());
        AssertAt(diagnostic, text, "dups.bdq", 4, 10, text.Split('\n')[3]["-- name: ".Length..]);
        Assert.Equal(["BdqFile.BdqQueries.DupsQueries.dup.g.cs"], hints.ToArray());
        var type = GeneratorHarness.Load(output).GetType("BdqQueries.DupsQueries", throwOnError: true)!;
        Assert.Equal(Bdq.Execute(BorderStore.Default, "accords count").Count, type.GetMethod("dup")!.Invoke(null, [BorderStore.Default]));
    }

    private static void AssertAt(Diagnostic diagnostic, string text, string path, int line, int column, string covered)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(covered, text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }
}
