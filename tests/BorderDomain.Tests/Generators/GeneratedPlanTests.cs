using System;
using System.Linq;
using System.Reflection;
using BorderDomain.Query;
using BorderDomain.Query.Planning;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The generator plans with the one planner (statistics-free at compile time), writes the plan beside each method
/// (<see cref="BdqCompiledPlanAttribute"/>), and <see cref="Bdq.ExplainCompiled"/> shows it, with the run-time plan too
/// where the two differ.
/// </summary>
public sealed class GeneratedPlanTests
{
    private const string MiningAndDrugs = "accords where parties has PER and topics has any (IllegalMining, DrugTrafficking) order by signed desc";

    private const string Source = $$"""
        using System.Collections.Generic;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Storage;
        namespace Consumer;
        public static partial class Plans
        {
            [BdqQuery("{{MiningAndDrugs}}")]
            public static partial IReadOnlyList<Accord> MiningAndDrugs(BorderStore store);

            [BdqQuery("accords count")]
            public static partial int All(BorderStore store);

            [BdqQuery("accords group by kind count")]
            public static partial IReadOnlyList<IReadOnlyList<object?>> ByKind(BorderStore store);
        }
        """;

    private static readonly BorderStore Store = BorderStore.Default;

    private static readonly Lazy<(Type Type, string Code)> Compiled = new(() =>
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(Source);
        Assert.Empty(diagnostics);
        return (GeneratorHarness.Load(output).GetType("Consumer.Plans")!, string.Join("\n", output.SyntaxTrees.Skip(1).Select(t => t.ToString())));
    });

    private static MethodInfo Method(string name) => Compiled.Value.Type.GetMethod(name)!;

    private static QueryPlan Plan(string query, IIndexStatistics? statistics)
    {
        Assert.True(Bdq.TryCompile(query, Store.Schema, null, out var bound, out _));
        return QueryPlanner.Plan(bound!, statistics);
    }

    [Fact]
    public void GeneratedMethod_CarriesTheStatisticsFreePlanOfTheOnePlanner()
    {
        var attribute = Method("MiningAndDrugs").GetCustomAttribute<BdqCompiledPlanAttribute>()!;

        Assert.Equal(MiningAndDrugs, attribute.Query);
        Assert.Equal(PlanPrinter.Print(Plan(MiningAndDrugs, null)), attribute.Plan);
        Assert.Equal(
            "accords (planned without statistics, at compile time: sizes are guesses)\n"
            + "  posting list of parties: parties has PER -> ~100 rows\n"
            + "  union of the posting lists of topics: topics has any (IllegalMining, DrugTrafficking) -> ~200 rows\n"
            + "  intersect in this order (smallest estimate first)\n"
            + "  sort by signed desc",
            attribute.Plan);
    }

    [Fact]
    public void GeneratedCode_IntersectsInThePlansOrder()
    {
        var code = Compiled.Value.Code;
        var method = code[code.IndexOf("MiningAndDrugs_", StringComparison.Ordinal)..];

        var parties = code.IndexOf("Field<global::BorderDomain.Model.Accord>(\"parties\")", StringComparison.Ordinal);
        var topics = code.IndexOf("Field<global::BorderDomain.Model.Accord>(\"topics\")", StringComparison.Ordinal);
        Assert.True(parties >= 0 && parties < topics, method);

        // A union of several topics is one of the accesses: they are stepped through as the run time steps (row sets,
        // bitmaps kept), parties first, not intersected as lists, and ordered from the row set they make.
        var accesses = code.IndexOf("IndexAccessArguments[] __a", StringComparison.Ordinal);
        var first = code.IndexOf("PredicateOperator.Has,", accesses, StringComparison.Ordinal);
        var second = code.IndexOf("PredicateOperator.HasAny,", accesses, StringComparison.Ordinal);
        Assert.True(accesses >= 0 && first > accesses && second > first, method);
        Assert.Contains("IndexQueries.FoundInOrder(__table, __a", method, StringComparison.Ordinal);
        Assert.DoesNotContain("IndexQueries.Intersect(", method, StringComparison.Ordinal);
        Assert.DoesNotContain("IntersectSmallestFirst", code, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainCompiled_WhereTheRunTimePlansDifferently_ShowsBothPlans()
    {
        var runTime = Plan(MiningAndDrugs, new BorderDomain.Query.TableStatistics(Store.Accords));
        Assert.False(QueryPlanner.SameStrategy(Plan(MiningAndDrugs, null), runTime));

        var text = Bdq.ExplainCompiled(Method("MiningAndDrugs"), Store).ReplaceLineEndings("\n");

        Assert.Equal(
            "generated code for " + MiningAndDrugs + "\n"
            + PlanPrinter.Print(Plan(MiningAndDrugs, null)) + "\n"
            + "the run time plans it differently on this store:\n"
            + Bdq.Explain(Store, MiningAndDrugs),
            text);
        Assert.Contains("topics has any (IllegalMining, DrugTrafficking) -> ~4 rows\n  posting list of parties", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("All", "accords count", "  count: the table's size, no row read")]
    [InlineData("ByKind", "accords group by kind count", "  group by kind: count is each posting list's length, no row read")]
    public void ExplainCompiled_WhereBothPlanAlike_SaysSo(string method, string query, string step)
    {
        var text = Bdq.ExplainCompiled(Method(method), Store).ReplaceLineEndings("\n");

        Assert.Equal(
            $"generated code for {query}\naccords (planned without statistics, at compile time: sizes are guesses)\n{step}\nthe run time plans it the same way on this store",
            text);
        Assert.Equal(text[..text.LastIndexOf('\n')], Bdq.ExplainCompiled(Method(method)).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ExplainCompiled_OfAHandWrittenMethod_Throws()
    {
        Assert.Throws<ArgumentException>(() => Bdq.ExplainCompiled(typeof(GeneratedPlanTests).GetMethod(nameof(ExplainCompiled_OfAHandWrittenMethod_Throws))!));
    }
}
