using System.Collections.Generic;
using System.Linq;
using BorderDomain.Tests.Query.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The generated source of the DESIGN examples, read through Roslyn's operation tree: predicates compare a record's
/// properties typed, so no record field is boxed on the way to a test; a one-hop path (<c>nation.region</c>) reads the
/// referenced record through the store's typed table. What may still box is named here: the result rows of
/// <c>select</c> and <c>group by</c> (their shape is <c>object?</c>).
/// </summary>
public sealed class GeneratedBoxingTests
{
    private const string Header = """
        using System.Collections.Generic;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Storage;
        namespace Design;
        public static partial class Examples
        {
        """;

    // Queries whose plans leave predicates to a residual test (a negation, a range on an unindexed field, a
    // filtered walk), so the typed tests themselves are inspected.
    private static readonly string[] Residual =
    [
        "accords where kind = @kind and not (title contains @text) skip 1",
        "accords where not (title contains \"mineria\") and not (kind = Treaty) and not (signed >= 2000)",
        "statistics where not (value > 100) and not (value between 1 and 5)",
        "accords where title contains \"paz\" order by signed desc take 3",
        "agencies where not (name = \"Policía Nacional\") and not (name < \"m\") order by name",
    ];

    [Fact]
    public void DesignExamples_BoxNoRecordFieldOutsideResultRows()
    {
        var (unexpected, allowed, _) = Inspect(QueryParserTests.DesignExamples);

        Assert.Empty(unexpected);
        Assert.True(allowed > 0); // the select and group by examples still box their result values
    }

    [Fact]
    public void DesignExamples_NeitherLookUpByNameNorUseLinqPerCall()
    {
        var generated = Generate(QueryParserTests.DesignExamples);

        // The store's typed tables, not GetTable by set name; hops through a typed table, not by set and field name;
        // results built into arrays, not through LINQ operators.
        Assert.All(generated, code => Assert.DoesNotContain("GeneratedQuerySupport.Table<", code, System.StringComparison.Ordinal));
        Assert.All(generated, code => Assert.DoesNotContain("GeneratedQuerySupport.Hop(", code, System.StringComparison.Ordinal));
        Assert.All(generated, code => Assert.DoesNotContain("global::System.Linq.Enumerable.", code, System.StringComparison.Ordinal));
        Assert.Contains(generated, code => code.Contains(".Nations;", System.StringComparison.Ordinal) && code.Contains(".TryGetRow(", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ResidualPredicates_AreTypedTests_WithoutBoxing()
    {
        var (unexpected, _, typed) = Inspect(Residual);

        Assert.Empty(unexpected);
        Assert.True(typed >= 4, $"typed semantic calls: {typed}");
    }

    private static List<string> Generate(string[] queries) => Compile(queries).Generated.Select(tree => tree.ToString()).ToList();

    // The queries as [BdqQuery] methods on a BorderStore, compiled with the generator: no diagnostics, one file each.
    private static (Compilation Compilation, List<SyntaxTree> Generated) Compile(string[] queries)
    {
        var source = new System.Text.StringBuilder(Header);
        for (var i = 0; i < queries.Length; i++)
        {
            var query = queries[i];
            var returns = query.Contains(" count", System.StringComparison.Ordinal) && !query.Contains("group by", System.StringComparison.Ordinal) ? "int"
                : query.Contains("select", System.StringComparison.Ordinal) || query.Contains("group by", System.StringComparison.Ordinal) ? "IReadOnlyList<IReadOnlyList<object?>>"
                : "IReadOnlyList<object>";
            var record = query.StartsWith("agencies", System.StringComparison.Ordinal) ? "Agency" : query.StartsWith("statistics", System.StringComparison.Ordinal) ? "Statistic" : "Accord";
            returns = returns == "IReadOnlyList<object>" ? $"IReadOnlyList<{record}>" : returns;
            var parameters = query.Contains("@nation", System.StringComparison.Ordinal) ? ", NationCode nation, PartialDate from, PartialDate to"
                : query.Contains("@kind", System.StringComparison.Ordinal) ? ", AccordKind kind, string text" : string.Empty;
            source.Append($"    [BdqQuery({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(query, true)})]\n    public static partial {returns} E{i}(BorderStore store{parameters});\n");
        }

        var (compilation, diagnostics, _) = GeneratorHarness.Run(source.Append("}\n").ToString());
        Assert.Empty(diagnostics);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var generated = compilation.SyntaxTrees.Skip(1).ToList();
        Assert.Equal(queries.Length, generated.Count);
        return (compilation, generated);
    }

    private static (List<string> Unexpected, int Allowed, int Typed) Inspect(string[] queries)
    {
        var (compilation, generated) = Compile(queries);
        var unexpected = new List<string>();
        var allowed = 0;
        var typedTests = 0;
        foreach (var tree in generated)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            typedTests += root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Count(m => m.Name.Identifier.Text is "TextEqual" or "TextCompare" or "TextMatch" or "DateTest");
            foreach (var node in root.DescendantNodes())
            {
                if (model.GetOperation(node) is not IConversionOperation conversion
                    || !Microsoft.CodeAnalysis.CSharp.CSharpExtensions.GetConversion(conversion).IsBoxing
                    || conversion.Operand is not IPropertyReferenceOperation { Instance.Type: { } owner }
                    || owner.ContainingNamespace?.ToDisplayString() != "BorderDomain.Model")
                {
                    continue;
                }

                if (IsResultRow(conversion.Syntax))
                {
                    allowed++;
                }
                else
                {
                    unexpected.Add($"{tree.FilePath}: {conversion.Syntax}");
                }
            }
        }

        return (unexpected, allowed, typedTests);
    }

    // Inside a row initialiser (select), a group key or aggregate.
    private static bool IsResultRow(SyntaxNode node) => node.Ancestors().Any(a => a switch
    {
        ArrayCreationExpressionSyntax array => array.Type.ElementType.ToString() == "object?",
        ObjectCreationExpressionSyntax create => create.Type.ToString().Contains("GroupKey", System.StringComparison.Ordinal)
            || create.Type.ToString().Contains("GroupAggregate", System.StringComparison.Ordinal),
        _ => false,
    });
}
