using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using BorderDomain.Query;
using BorderDomain.Storage;
using BorderDomain.Tests.Query;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Generators;

/// <summary>The shared query corpus through generated code and through the run-time path: identical results.</summary>
public sealed class GeneratedCorpusTests(ITestOutputHelper output)
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void Corpus_GeneratedCodeAnswersAsTheRunTimePath()
    {
        var (source, methods) = Source(1);
        var (compilation, diagnostics, _) = GeneratorHarness.Run(source);
        Assert.Empty(diagnostics);
        var assembly = GeneratorHarness.Load(compilation);

        foreach (var (method, query, shape) in methods)
        {
            var generated = GeneratorHarness.Invoke(assembly, "Corpus.Queries", method);
            var expected = Bdq.Execute(Store, query);
            switch (shape)
            {
                case "count":
                    Assert.True(expected.Count == (int)generated!, query);
                    break;
                case "rows":
                    Assert.True(expected.Rows.Select(r => r.ToArray()).SequenceEqual(((IReadOnlyList<IReadOnlyList<object?>>)generated!).Select(r => r.ToArray()), RowComparer.Instance), query);
                    break;
                default:
                    Assert.True(expected.Records.SequenceEqual(((IEnumerable)generated!).Cast<object>()), query);
                    break;
            }
        }

        Assert.True(methods.Count >= 80);
    }

    [Fact]
    public void FiveHundredQueries_GenerateInOneCompilation()
    {
        var (source, methods) = Source(6);
        var compilation = GeneratorHarness.Compilation(source);
        Assert.True(methods.Count >= 500);

        var clock = Stopwatch.StartNew();
        var driver = GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        var first = clock.Elapsed;
        clock.Restart();
        driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Edit { }", GeneratorHarness.ParseOptions)));
        var incremental = clock.Elapsed;

        Assert.Empty(diagnostics);
        Assert.Equal(methods.Count, updated.SyntaxTrees.Count() - 1); // the source, then one generated file per method
        output.WriteLine($"{methods.Count} queries: first run {first.TotalMilliseconds:F0} ms, run after an unrelated edit {incremental.TotalMilliseconds:F0} ms");
    }

    private static (string Source, List<(string Method, string Query, string Shape)> Methods) Source(int copies)
    {
        var methods = new List<(string, string, string)>();
        var text = new StringBuilder("using System.Collections.Generic;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\nnamespace Corpus;\npublic static partial class Queries\n{\n");
        for (var copy = 0; copy < copies; copy++)
        {
            void Add(string query, string shape, string returnType)
            {
                var name = $"Q{methods.Count}";
                methods.Add((name, query, shape));
                text.Append($"    [BdqQuery({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(query, true)})]\n    public static partial {returnType} {name}(BorderStore store);\n");
            }

            foreach (var query in QueryCorpus.RecordQueries)
            {
                var set = Store.GetTable(query.Split(' ')[0])!.Schema.RecordTypeName;
                Add(query, "records", $"IReadOnlyList<global::{set}>");
            }

            foreach (var query in QueryCorpus.CountQueries)
            {
                Add(query, "count", "int");
            }

            foreach (var query in QueryCorpus.RowQueries)
            {
                Add(query, "rows", "IReadOnlyList<IReadOnlyList<object?>>");
            }
        }

        return (text.Append("}\n").ToString(), methods);
    }

    private sealed class RowComparer : IEqualityComparer<object?[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y) => x!.Length == y!.Length && x.Zip(y).All(pair => Same(pair.First, pair.Second));

        public int GetHashCode(object?[] obj) => obj.Length;

        private static bool Same(object? a, object? b) => a is IEnumerable left and not string && b is IEnumerable right
            ? left.Cast<object>().SequenceEqual(right.Cast<object>())
            : Equals(a, b);
    }
}
