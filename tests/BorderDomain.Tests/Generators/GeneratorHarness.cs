extern alias generator;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using BorderDomain.Storage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using BdqGenerator = generator::BorderDomain.Generators.BdqGenerator;

namespace BorderDomain.Tests.Generators;

/// <summary>Runs the BDQ generator over a consumer's source in memory, as a build would.</summary>
internal static class GeneratorHarness
{
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    /// <summary>A consumer compilation of <paramref name="sources"/> referencing the framework and BorderDomain.</summary>
    internal static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer" + Guid.NewGuid().ToString("N"),
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Queries{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver for the generator that records its incremental steps, with <c>.bdq</c> files as additional texts.</summary>
    internal static GeneratorDriver Driver(params (string Path, string Text)[] files) => Driver([.. files.Select(file => Text(file.Path, file.Text))]);

    /// <summary>A driver for the generator that records its incremental steps, with additional texts.</summary>
    internal static GeneratorDriver Driver(AdditionalText[] files) => CSharpGeneratorDriver.Create(
        [new BdqGenerator().AsSourceGenerator()],
        additionalTexts: files,
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>An additional text (a <c>.bdq</c> file) held in memory.</summary>
    internal static AdditionalText Text(string path, string text) => new InMemoryText(path, text);

    /// <summary>Runs the generator over sources and .bdq files.</summary>
    internal static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics) RunWithFiles((string Path, string Text)[] files, params string[] sources)
    {
        Driver(files).RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out var diagnostics);
        return (output, diagnostics);
    }

    /// <summary>
    /// Runs the generator over sources and .bdq files, failing the test if the generator threw (Roslyn would turn that
    /// into warning CS8785 and drop every generated file); returns the hint names of the generated files too.
    /// </summary>
    internal static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> HintNames) RunWithoutException((string Path, string Text)[] files, params string[] sources)
    {
        var driver = Driver(files).RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out var diagnostics);
        var result = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(result.Exception);
        return (output, diagnostics, [.. result.GeneratedSources.Select(s => s.HintName)]);
    }

    /// <summary>Runs the generator; returns the updated compilation and the generator's diagnostics.</summary>
    internal static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriver Driver) Run(params string[] sources)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out var diagnostics);
        return (output, diagnostics, driver);
    }

    /// <summary>Compiles the generator's output into an assembly and loads it; fails the test on any compiler error.</summary>
    internal static Assembly Load(Compilation output)
    {
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>Calls a generated static method of <paramref name="type"/> on the bundled store.</summary>
    internal static object? Invoke(Assembly assembly, string type, string method, params object?[] arguments) =>
        assembly.GetType(type, throwOnError: true)!.GetMethod(method)!.Invoke(null, [BorderStore.Default, .. arguments]);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");
        return [.. platform.Append(typeof(BorderStore).Assembly.Location).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
