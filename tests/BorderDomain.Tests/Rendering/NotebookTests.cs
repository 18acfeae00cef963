using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Threading.Tasks;
using BorderDomain.Query;
using BorderDomain.Rendering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace BorderDomain.Tests.Rendering;

/// <summary>
/// Runs samples/BorderDomain.ipynb's C# cells in order as chained script submissions (each cell a continuation of the
/// last, as the notebook kernel runs them) against the built library, with the Roslyn compiler the tests already use
/// (script compilations and their submission factories; no scripting package). Kernel directives (<c>#r</c>, <c>#i</c>)
/// are dropped: the library is referenced directly. Any compile error or exception fails the test.
/// </summary>
public class NotebookTests
{
    // The namespaces the .NET Interactive C# kernel imports before the first cell.
    private static readonly string[] KernelUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks"];

    [Fact]
    public async Task Every_notebook_cell_runs_in_order_as_a_script_submission()
    {
        var cells = CodeCells(Path.Combine(RepositoryRoot(), "samples", "BorderDomain.ipynb"));
        Assert.True(cells.Count >= 6, "the notebook has too few C# cells");

        var results = await RunAsync(cells);

        Assert.Contains(results, r => r is HtmlResult html && html.Result.Kind == BdqResultKind.Records && html.ToHtml().Contains("pe-ec-2025-pledge", StringComparison.Ordinal));
        Assert.Contains(results, r => r is string text && text.Contains("did you mean 'parties'", StringComparison.Ordinal) && text.Contains('^', StringComparison.Ordinal));
        Assert.Contains(results, r => r is HtmlResult html && html.ToHtml().Contains("<svg", StringComparison.Ordinal));
        Assert.Contains(results, r => r is string text && text.Contains("accords,", StringComparison.Ordinal));
    }

    private static async Task<List<object?>> RunAsync(IReadOnlyList<string> cells)
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Append(typeof(Bdq).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: KernelUsings, nullableContextOptions: NullableContextOptions.Enable);
        var parse = new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script);
        var context = new SubmissionContext();
        var states = new object?[cells.Count + 1];
        var results = new List<object?>();
        CSharpCompilation? previous = null;
        for (var i = 0; i < cells.Count; i++)
        {
            var tree = CSharpSyntaxTree.ParseText(cells[i], parse, path: $"cell{i + 1}.csx");
            var compilation = CSharpCompilation.CreateScriptCompilation($"notebook-cell-{i + 1}-{Guid.NewGuid():N}", tree, references, options, previous, typeof(object));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (!emitted.Success && errors.Count == 0)
            {
                // A submission with nothing to emit (only comments): the kernel runs it as a no-op; the chain goes on from the last one.
                results.Add(null);
                continue;
            }

            Assert.True(emitted.Success, $"cell {i + 1} does not compile:\n{string.Join('\n', errors)}\n---\n{cells[i]}");
            image.Position = 0;
            var assembly = context.Add(image);
            var entry = compilation.GetEntryPoint(default) ?? throw new InvalidOperationException("no submission entry point");
            var factory = assembly.GetType(entry.ContainingType.MetadataName, throwOnError: true)!
                .GetMethod(entry.MetadataName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
            try
            {
                var task = (Task<object>)factory.Invoke(null, [states])!;
                results.Add(await task);
            }
            catch (Exception failure)
            {
                Assert.Fail($"cell {i + 1} failed: {(failure is TargetInvocationException { InnerException: { } inner } ? inner : failure)}\n---\n{cells[i]}");
            }

            previous = compilation;
        }

        return results;
    }

    private static List<string> CodeCells(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cells = new List<string>();
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            var source = cell.GetProperty("source") is { ValueKind: JsonValueKind.Array } lines
                ? string.Concat(lines.EnumerateArray().Select(line => line.GetString()))
                : cell.GetProperty("source").GetString() ?? string.Empty;
            var code = string.Join('\n', source.Split('\n').Where(line => !line.TrimStart().StartsWith("#r ", StringComparison.Ordinal) && !line.TrimStart().StartsWith("#i ", StringComparison.Ordinal)));
            if (code.Trim().Length > 0)
            {
                cells.Add(code);
            }
        }

        return cells;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BorderDomain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BorderDomain.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Loads the submissions and resolves each one's references to the earlier ones; everything else comes from the default context.</summary>
    private sealed class SubmissionContext() : AssemblyLoadContext("notebook-submissions", isCollectible: false)
    {
        private readonly Dictionary<string, Assembly> _submissions = new(StringComparer.Ordinal);

        public Assembly Add(Stream image)
        {
            var assembly = LoadFromStream(image);
            _submissions[assembly.GetName().Name!] = assembly;
            return assembly;
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } name && _submissions.TryGetValue(name, out var assembly) ? assembly : null;
    }
}
