using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// Generated query methods returning records or rows are compiled as methods of their own (not inlined into their
/// callers), so the JIT inlines the index code they call into them; counts are left to the JIT; a declaration that says
/// how it is to be compiled keeps its own say.
/// </summary>
public sealed class GeneratedMethodImplTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Storage;
        namespace Shapes;
        public static partial class Queries
        {
            [BdqQuery("accords where id = \"pe-ec-2025-pledge\"")]
            public static partial IReadOnlyList<Accord> ByKey(BorderStore store);
            [BdqQuery("accords where parties has PER count")]
            public static partial int Count(BorderStore store);
            [BdqQuery("agencies group by kind count")]
            public static partial IReadOnlyList<IReadOnlyList<object?>> Grouped(BorderStore store);
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            [BdqQuery("accords where parties has ECU count")]
            public static partial int Declared(BorderStore store);
        }
        """;

    [Fact]
    public void GeneratedMethods_AreNotInlined_UnlessTheDeclarationSaysOtherwise()
    {
        var (compilation, diagnostics, _) = GeneratorHarness.Run(Source);
        Assert.Empty(diagnostics);
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        var type = GeneratorHarness.Load(compilation).GetType("Shapes.Queries", throwOnError: true)!;

        MethodImplAttributes Flags(string name) => type.GetMethod(name)!.MethodImplementationFlags;

        foreach (var name in new[] { "ByKey", "Grouped" })
        {
            Assert.True(Flags(name).HasFlag(MethodImplAttributes.NoInlining), name);
        }

        // A count is left to the JIT to inline.
        Assert.False(Flags("Count").HasFlag(MethodImplAttributes.NoInlining));

        Assert.True(Flags("Declared").HasFlag(MethodImplAttributes.AggressiveOptimization));
        Assert.False(Flags("Declared").HasFlag(MethodImplAttributes.NoInlining));
    }

    [Fact]
    public void GeneratedMethods_StillAnswer()
    {
        var (compilation, _, _) = GeneratorHarness.Run(Source);
        var assembly = GeneratorHarness.Load(compilation);
        var store = BorderDomain.Storage.BorderStore.Default;

        Assert.Equal(store.Accords.Count(a => a.Parties.Contains(BorderDomain.Model.NationCode.Peru)), GeneratorHarness.Invoke(assembly, "Shapes.Queries", "Count"));
        Assert.Equal(store.Accords.Count(a => a.Parties.Contains(BorderDomain.Model.NationCode.Ecuador)), GeneratorHarness.Invoke(assembly, "Shapes.Queries", "Declared"));
    }
}
