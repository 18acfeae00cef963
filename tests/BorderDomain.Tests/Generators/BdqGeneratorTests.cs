using System.Collections;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BorderDomain.Tests.Generators;

public sealed class BdqGeneratorTests
{
    private const string Queries = """
        using System.Collections.Generic;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Storage;

        namespace Consumer;

        public static partial class PeruQueries
        {
            [BdqQuery("accords where parties has PER and topics has any (IllegalMining, DrugTrafficking) order by signed desc")]
            public static partial IReadOnlyList<Accord> MiningAndDrugs(BorderStore store);

            [BdqQuery("accords where parties has @nation and signed >= @since")]
            public static partial IReadOnlyList<Accord> Since(this BorderStore store, NationCode nation, PartialDate since);

            [BdqQuery("statistics where disputed count")]
            public static partial int DisputedCount(BorderStore store);

            [BdqQuery("agencies where nation = ECU and kind in (Police, Customs) order by name")]
            public static partial Agency[] EcuadorPoliceAndCustoms(BorderStore store);

            [BdqQuery("agencies where nation.region = \"South America\" count")]
            public static partial long SouthAmerican(BorderStore store);

            [BdqQuery("people where name contains \"JERI\"")]
            public static partial Person? Jeri(BorderStore store);

            [BdqQuery("statistics where disputed order by value select metric, value, unit, source")]
            public static partial IReadOnlyList<IReadOnlyList<object?>> DisputedRows(BorderStore store);

            [BdqQuery("statistics where metric = BilateralTrade group by period sum(value)")]
            public static partial IReadOnlyList<IReadOnlyList<object?>> TradeByPeriod(BorderStore store);

            [BdqQuery("accords where signed >= 1990 order by signed desc take 3")]
            public static partial List<Accord> Latest(BorderStore store);

            [BdqQuery("accords where kind = @kind and not (title contains @text) skip 1")]
            public static partial IEnumerable<Accord> OfKind(BorderStore store, AccordKind kind, string text);
        }
        """;

    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void RepresentativeQueries_GenerateWithoutDiagnosticsAndCallTheIndexes()
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(Queries);

        Assert.Empty(diagnostics);
        var generated = string.Join("\n", output.SyntaxTrees.Skip(1).Select(t => t.ToString()));
        Assert.Contains("IndexQueries.Rows(__table", generated);
        Assert.Contains("IndexAccessKind.PostingUnion", generated);
        Assert.Contains(".RowsInKeyOrder", generated); // a filtered walk, written out over the sorted index
        Assert.Contains("IndexQueries.FoundInOrder(__table", generated); // a whole answer ordered from the row set found
        Assert.DoesNotContain("QueryParser", generated);
        Assert.DoesNotContain("Bdq.Execute", generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void GeneratedMethods_AnswerAsTheRunTimePathDoes()
    {
        var (output, _, _) = GeneratorHarness.Run(Queries);
        var assembly = GeneratorHarness.Load(output);
        object? Call(string method, params object?[] arguments) => GeneratorHarness.Invoke(assembly, "Consumer.PeruQueries", method, arguments);

        AssertRecords("accords where parties has PER and topics has any (IllegalMining, DrugTrafficking) order by signed desc", null, Call("MiningAndDrugs"));
        AssertRecords("accords where parties has @nation and signed >= @since", new() { ["nation"] = NationCode.Ecuador, ["since"] = PartialDate.Parse("2013") }, Call("Since", NationCode.Ecuador, PartialDate.Parse("2013")));
        Assert.Equal(Bdq.Execute(Store, "statistics where disputed count").Count, Call("DisputedCount"));
        AssertRecords("agencies where nation = ECU and kind in (Police, Customs) order by name", null, Call("EcuadorPoliceAndCustoms"));
        Assert.Equal((long)Bdq.Execute(Store, "agencies where nation.region = \"South America\" count").Count!.Value, Call("SouthAmerican"));
        Assert.Equal("jose-jeri", ((Person)Call("Jeri")!).Id);
        AssertRows("statistics where disputed order by value select metric, value, unit, source", Call("DisputedRows"));
        AssertRows("statistics where metric = BilateralTrade group by period sum(value)", Call("TradeByPeriod"));
        AssertRecords("accords where signed >= 1990 order by signed desc take 3", null, Call("Latest"));
        AssertRecords("accords where kind = @kind and not (title contains @text) skip 1", new() { ["kind"] = AccordKind.Agreement, ["text"] = "PERU" }, Call("OfKind", AccordKind.Agreement, "PERU"));
    }

    [Theory]
    [InlineData("[BdqQuery(\"accords where parites has PER\")]", 14, 30)]
    [InlineData("[BdqQuery(@\"accords where title = \"\"x\"\" and parites has PER\")]", 14, 49)]
    [InlineData("[BdqQuery(\"accords where title = \\\"\\u0078\\\" and parites has PER\")]", 14, 53)]
    [InlineData("[BdqQuery(\"\"\"accords where parites has PER\"\"\")]", 14, 32)]
    public void MisspeltField_IsReportedAtItsColumnInTheLiteral(string attribute, int line, int column)
    {
        var source = $$"""
            using System.Collections.Generic;
            using BorderDomain.Model;
            using BorderDomain.Query;
            using BorderDomain.Storage;

            namespace Consumer;

            public static partial class Broken
            {
                // padding so the attribute is on line 14 (1-based)
                //
                //
                //
                {{attribute}}
                public static partial IReadOnlyList<Accord> Find(BorderStore store);
            }
            """;

        var (output, diagnostics, _) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ0102", diagnostic.Id);
        Assert.Equal("Unknown field 'parites' on accords; did you mean 'parties'?", diagnostic.GetMessage());
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (position.Line + 1, position.Character + 1));
        Assert.Equal("parites", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

        // A body is still generated (it throws), so the only error is the BDQ one, not CS8795.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void MultiLineRawQuery_ErrorPointsInsideTheRightLine()
    {
        var source = "using System.Collections.Generic;\nusing BorderDomain.Model;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\n"
            + "public static partial class Q\n{\n    [BdqQuery(\"\"\"\n        accords\n        where kind = Treaty\n          and signed >= 2013-13\n        \"\"\")]\n"
            + "    public static partial IReadOnlyList<Accord> Find(BorderStore store);\n}\n";

        var (_, diagnostics, _) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ0108", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((10, 25), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(7, diagnostic.Location.SourceSpan.Length);
    }

    [Fact]
    public void Subquery_CompilesInAStoreMethod_WithoutDiagnostics()
    {
        var source = "using System.Collections.Generic;\nusing BorderDomain.Model;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\n"
            + "public static partial class Q\n{\n    [BdqQuery(\"agencies where id in (events where title contains \\\"Tumbes\\\" select agencies)\")]\n"
            + "    public static partial IReadOnlyList<Agency> Find(BorderStore store);\n}\n";

        var (output, diagnostics, _) = GeneratorHarness.Run(source);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Subquery_IsRefusedInASingleTableMethod_AtTheSubquery()
    {
        var source = "using System.Collections.Generic;\nusing BorderDomain.Model;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\n"
            + "public static partial class Q\n{\n    [BdqQuery(\"agencies where id in (events where title contains \\\"Tumbes\\\" select agencies)\")]\n"
            + "    public static partial IReadOnlyList<Agency> Find(EntityTable<Agency> table);\n}\n";

        var (_, diagnostics, _) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(BdqDiagnostics.NotSupportedHere, diagnostic.Id);
        Assert.Equal("(events where title contains \\\"Tumbes\\\" select agencies)", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void OrderByWithTake_WalksTheSortedIndex_TestingEachRowOrAfterTheAccesses()
    {
        const string broad = "accords where kind in (Agreement, Treaty, MemorandumOfUnderstanding) order by signed desc take 4";
        const string narrow = "accords where parties has PER and topics has DrugTrafficking order by signed desc take 30";
        var source = "using System.Collections.Generic;\nusing BorderDomain.Model;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\nnamespace Consumer;\n"
            + "public static partial class Walks\n{\n"
            + $"    [BdqQuery(\"{broad}\")] public static partial IReadOnlyList<Accord> Broad(BorderStore store);\n"
            + $"    [BdqQuery(\"{narrow}\")] public static partial IReadOnlyList<Accord> Narrow(BorderStore store);\n"
            + "}\n";

        var (output, diagnostics, _) = GeneratorHarness.Run(source);

        Assert.Empty(diagnostics);
        var generated = output.SyntaxTrees.Skip(1).Select(t => t.ToString()).ToList();
        var broadCode = Assert.Single(generated, code => code.Contains(" Broad(", System.StringComparison.Ordinal));
        var narrowCode = Assert.Single(generated, code => code.Contains(" Narrow(", System.StringComparison.Ordinal));
        Assert.Contains(".RowsInKeyOrder", broadCode); // the walk written out, testing each row typed
        Assert.DoesNotContain("IndexQueries.Rows(", broadCode);
        Assert.Contains("IndexQueries.Rows(", narrowCode);
        Assert.Contains("IndexQueries.Walk(__table", narrowCode);
        var assembly = GeneratorHarness.Load(output);
        Assert.Equal(Bdq.Execute(Store, broad).Records, (IEnumerable)GeneratorHarness.Invoke(assembly, "Consumer.Walks", "Broad")!);
        Assert.Equal(Bdq.Execute(Store, narrow).Records, (IEnumerable)GeneratorHarness.Invoke(assembly, "Consumer.Walks", "Narrow")!);
        Assert.Contains("testing each row", Bdq.Explain(Store, broad), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GroupCountsOverAWholeSet_ReadThePostingListsAndMatchTheRunTime()
    {
        const string query = "agencies group by nation count order by nation desc";
        var source = "using System.Collections.Generic;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\nnamespace Consumer;\n"
            + $"public static partial class Groups\n{{\n    [BdqQuery(\"{query}\")] public static partial IReadOnlyList<IReadOnlyList<object?>> ByNation(BorderStore store);\n}}\n";

        var (output, diagnostics, _) = GeneratorHarness.Run(source);

        Assert.Empty(diagnostics);
        Assert.Contains("Grouping.CountByIndex(__table", string.Join("\n", output.SyntaxTrees.Skip(1).Select(t => t.ToString())));
        var generated = (IReadOnlyList<IReadOnlyList<object?>>)GeneratorHarness.Invoke(GeneratorHarness.Load(output), "Consumer.Groups", "ByNation")!;
        Assert.True(generated.Count > 1);
        Assert.Equal(Bdq.Execute(Store, query).Rows, generated);
    }

    [Fact]
    public void CountsTheIndexSizesAnswer_ReadNoRowsAndMatchTheRunTime()
    {
        string[] queries =
        [
            "accords where signed >= 2013 count",
            "accords where signed < 2000 count",
            "statistics where value >= 1000 count",
            "statistics where value between 10 and 500 count",
            "accords where kind = Treaty count",
        ];
        var source = "using BorderDomain.Query;\nusing BorderDomain.Storage;\nnamespace Consumer;\npublic static partial class Counts\n{\n"
            + string.Concat(queries.Select((query, i) => $"    [BdqQuery(\"{query}\")] public static partial int C{i}(BorderStore store);\n"))
            + "}\n";

        var (output, diagnostics, _) = GeneratorHarness.Run(source);

        Assert.Empty(diagnostics);
        var generated = string.Join("\n", output.SyntaxTrees.Skip(1).Select(t => t.ToString()));
        Assert.Equal(4, generated.Split("IndexQueries.ExactCount(").Length - 1);
        Assert.DoesNotContain("IndexQueries.Rows(", generated);
        var assembly = GeneratorHarness.Load(output);
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(Bdq.Execute(Store, queries[i]).Count, GeneratorHarness.Invoke(assembly, "Consumer.Counts", "C" + i));
        }
    }

    [Theory]
    [InlineData("public static IReadOnlyList<Accord> Find(BorderStore store) => null!;", "BDQ1001")]
    [InlineData("public partial IReadOnlyList<Accord> Find(BorderStore store);", "BDQ1001")]
    [InlineData("public static partial IReadOnlyList<Accord> Find(int store);", "BDQ1002")]
    [InlineData("public static partial int Find(BorderStore store);", "BDQ1003")]
    [InlineData("public static partial IReadOnlyList<Agency> Find(BorderStore store);", "BDQ1003")]
    public void InvalidMethodShapes_HaveTheirOwnCodes(string declaration, string code)
    {
        var source = ShapeSource("[BdqQuery(\"accords where kind = Treaty\")]", declaration);

        var (_, diagnostics, _) = GeneratorHarness.Run(source);

        Assert.Contains(diagnostics, d => d.Id == code);
    }

    [Theory]
    [InlineData("public static partial IReadOnlyList<Accord> Find(BorderStore store);", "The query uses @nation; add a parameter 'global::BorderDomain.Model.NationCode nation' to 'Find'.")]
    [InlineData("public static partial IReadOnlyList<Accord> Find(BorderStore store, string nation);", "Parameter 'nation' is string, but @nation needs global::BorderDomain.Model.NationCode.")]
    [InlineData("public static partial IReadOnlyList<Accord> Find(BorderStore store, NationCode nation, int extra);", "Parameter 'extra' is not used by the query; use it as @extra or remove it.")]
    public void ParameterMismatch_IsBdq1004(string declaration, string message)
    {
        var source = ShapeSource("[BdqQuery(\"accords where parties has @nation\")]", declaration);

        var (_, diagnostics, _) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ1004", diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("\"accords where parites \" + \"has PER count\"")]
    [InlineData("Misspelt")]
    [InlineData("nameof(Accord)")]
    [InlineData("$\"accords where {Clause}\"")]
    public void NonLiteralQuery_IsOneBdq1005AtTheArgument(string argument)
    {
        var source = ShapeSource(
            "private const string Misspelt = \"accords where parites has PER count\";\n    private const string Clause = \"parites has PER count\";\n    [BdqQuery(" + argument + ")]",
            "public static partial int Find(BorderStore store);");

        var (output, diagnostics, _) = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ1005", diagnostic.Id);
        Assert.Equal("The query must be a string literal, so its errors can be shown in place.", diagnostic.GetMessage());
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        Assert.Equal("Queries0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(source.IndexOf("[BdqQuery(", System.StringComparison.Ordinal) + "[BdqQuery(".Length, diagnostic.Location.SourceSpan.Start);
        Assert.Equal(argument, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void OverloadedQueryMethods_EachGetTheirOwnFileAndAnswerAsTheRunTimeDoes()
    {
        const string source = """
            using System.Collections.Generic;
            using BorderDomain.Model;
            using BorderDomain.Query;
            using BorderDomain.Storage;

            namespace Consumer;

            public static partial class Overloads
            {
                [BdqQuery("accords where parties has @nation")]
                public static partial IReadOnlyList<Accord> Find(BorderStore store, NationCode nation);

                [BdqQuery("accords where kind = @kind")]
                public static partial IReadOnlyList<Accord> Find(BorderStore store, AccordKind kind);

                [BdqQuery("accords where signed >= 2013")]
                public static partial IReadOnlyList<Accord> find(BorderStore store);
            }
            """;

        var (output, diagnostics, hints) = GeneratorHarness.RunWithoutException([], source);

        Assert.Empty(diagnostics);
        Assert.Equal(["Consumer.Overloads.Find.1.g.cs", "Consumer.Overloads.Find.2.g.cs", "Consumer.Overloads.find.3.g.cs"], hints.Order(System.StringComparer.Ordinal));
        var type = GeneratorHarness.Load(output).GetType("Consumer.Overloads", throwOnError: true)!;
        AssertRecords(
            "accords where parties has @nation",
            new() { ["nation"] = NationCode.Peru },
            type.GetMethod("Find", [typeof(BorderStore), typeof(NationCode)])!.Invoke(null, [Store, NationCode.Peru]));
        AssertRecords(
            "accords where kind = @kind",
            new() { ["kind"] = AccordKind.Agreement },
            type.GetMethod("Find", [typeof(BorderStore), typeof(AccordKind)])!.Invoke(null, [Store, AccordKind.Agreement]));
        AssertRecords("accords where signed >= 2013", null, type.GetMethod("find")!.Invoke(null, [Store]));
    }

    [Fact]
    public void MethodParametersNamedLikeGeneratedLocals_CompileAndAnswerAsTheRunTimeDoes()
    {
        var source = ShapeSource(
            "[BdqQuery(\"accords where title contains @__row and kind != Treaty order by signed desc, title\")]",
            "public static partial IReadOnlyList<Accord> M(BorderStore __table, string __row);");

        var (output, diagnostics, _) = GeneratorHarness.RunWithoutException([], source);

        Assert.Empty(diagnostics);
        var generated = GeneratorHarness.Load(output).GetType("Shapes", throwOnError: true)!.GetMethod("M")!.Invoke(null, [Store, "border"]);
        AssertRecords("accords where title contains @__row and kind != Treaty order by signed desc, title", new Dictionary<string, object?> { ["__row"] = "border" }, generated);
    }

    [Fact]
    public void ParametersDifferingOnlyInCase_AreBdq1004_NotAGeneratorException()
    {
        var source = ShapeSource("[BdqQuery(\"accords where parties has @nation\")]", "public static partial IReadOnlyList<Accord> Find(BorderStore store, NationCode nation, NationCode Nation);");

        var (_, diagnostics, _) = GeneratorHarness.RunWithoutException([], source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ1004", diagnostic.Id);
        Assert.Equal("Parameters 'nation' and 'Nation' differ only in case, but query parameters ignore case; rename one of them.", diagnostic.GetMessage());
        Assert.Equal("\"accords where parties has @nation\"", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    private static string ShapeSource(string attribute, string declaration) => $$"""
        using System.Collections.Generic;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Storage;

        public static partial class Shapes
        {
            {{attribute}}
            {{declaration}}
        }
        """;

    private static void AssertRecords(string query, Dictionary<string, object?>? parameters, object? generated)
    {
        var expected = Bdq.Execute(Store, query, parameters).Records;
        var actual = ((IEnumerable)generated!).Cast<object>().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private static void AssertRows(string query, object? generated)
    {
        var expected = Bdq.Execute(Store, query).Rows;
        var actual = (IReadOnlyList<IReadOnlyList<object?>>)generated!;
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(r => r.ToArray()), actual.Select(r => r.ToArray()));
    }
}
