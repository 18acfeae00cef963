using System.Collections.Immutable;
using System.Linq;
using BorderDomain.CompilerServices;
using BorderDomain.Storage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The generator checks the generated-code contract version of the BorderDomain it compiles against (BDQ1011) and
/// stamps the version it writes into each generated file.
/// </summary>
public sealed class ContractVersionTests
{
    private const string Contract = "BDQ1011";

    private const string Queries = """
        using System.Collections.Generic;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Storage;
        public static partial class Q
        {
            [BdqQuery("accords where parties has PER")]
            public static partial IReadOnlyList<Accord> M(BorderStore store);
        }
        """;

    [Fact]
    public void MatchingLibrary_GetsNoContractDiagnostic_AndTheFilesCarryTheVersion()
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(Queries);

        Assert.DoesNotContain(diagnostics, d => d.Id == Contract);
        var generated = output.SyntaxTrees.Skip(1).Select(t => t.ToString()).ToList();
        Assert.NotEmpty(generated);
        Assert.All(generated, text => Assert.Contains("// BorderDomain generated-code contract version " + GeneratedCodeContract.Version + "\n", text.Replace("\r\n", "\n")));
    }

    [Fact]
    public void LibraryOfAnotherVersion_GetsOneContractDiagnostic()
    {
        var compilation = WithoutBorderDomain(GeneratorHarness.Compilation("class Anchor { }")).AddReferences(FakeContract(999));

        var diagnostics = Run(compilation);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == Contract);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            $"BorderDomain's generated-code contract is version 999, but this generator writes version {GeneratedCodeContract.Version}; use the generator and the library of the same package version",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AnotherAssemblysCopyOfTheContract_IsNotMistakenForTheLibrarys()
    {
        var compilation = GeneratorHarness.Compilation(Queries).AddReferences(FakeContract(999));

        Assert.DoesNotContain(Run(compilation), d => d.Id == Contract);
    }

    [Fact]
    public void MissingContract_IsOneDiagnostic_OnlyWhenQueriesAreDeclared()
    {
        var compilation = WithoutBorderDomain(GeneratorHarness.Compilation("class Anchor { }"));

        Assert.DoesNotContain(Run(compilation), d => d.Id == Contract);
        var diagnostic = Assert.Single(Run(compilation, ("q.bdq", "-- name: All\naccords\n")), d => d.Id == Contract);
        Assert.Contains("is missing", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    private static ImmutableArray<Diagnostic> Run(Compilation compilation, params (string Path, string Text)[] files)
    {
        var driver = GeneratorHarness.Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.Null(Assert.Single(driver.GetRunResult().Results).Exception);
        return diagnostics;
    }

    private static Compilation WithoutBorderDomain(Compilation compilation) =>
        compilation.RemoveReferences(compilation.References.Where(r => r.Display == typeof(BorderStore).Assembly.Location));

    // A separate assembly holding only a contract type of the given version.
    private static MetadataReference FakeContract(int version)
    {
        var fake = CSharpCompilation.Create(
            "FakeBorderDomain",
            [CSharpSyntaxTree.ParseText($"namespace BorderDomain.CompilerServices {{ public static class GeneratedCodeContract {{ public const int Version = {version}; }} }}", GeneratorHarness.ParseOptions)],
            GeneratorHarness.Compilation().References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return fake.ToMetadataReference();
    }
}
