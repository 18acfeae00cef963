extern alias generator;

using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;
using BdqGenerator = generator::BorderDomain.Generators.BdqGenerator;
using G = generator::BorderDomain.Generators;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The generator's caching, in the manner of Mapperly's <c>IncrementalGeneratorTest</c>: a run over a consumer with
/// query methods, <c>.bdq</c> files and <c>[QuerySet]</c> records, then one kind of edit, then the reason Roslyn gives
/// for every output of every named step. Items are named by their query (or file, or set) so each expectation reads
/// as "this query was re-bound, that one came from the cache".
/// </summary>
public sealed class IncrementalGeneratorTests
{
    private const string Records = ConsumerSources.Records;

    private const string Queries = """
        using System.Collections.Generic;
        using BorderDomain.Model;
        using BorderDomain.Query;
        using BorderDomain.Storage;

        namespace Consumer;

        public static partial class CrossingQueries
        {
            [BdqQuery("crossings where mode = Road count")]
            public static partial int Roads(EntityTable<Crossing> crossings);

            [BdqQuery("crossings where station.nation = @nation order by people desc")]
            public static partial IReadOnlyList<Crossing> Through(QueryStore store, NationCode nation);

            [BdqQuery("stations where nation = ECU")]
            public static partial Station[] Ecuadorian(QueryStore store);

            [BdqQuery("accords where parties has PER count")]
            public static partial int PeruAccords(BorderStore store);
        }
        """;

    private const string CrossingsFile = """
        -- name: Slow
        crossings where people < @most order by id

        -- name: Named
        stations where name startswith "Hu"
        """;

    private const string AccordsFile = """
        -- name: Pledges
        accords where parties has ECU count
        """;

    private static readonly string[] MethodNames = ["Ecuadorian", "PeruAccords", "Roads", "Through"];

    private static readonly string[] FileQueryNames = ["Named", "Pledges", "Slow"];

    [Fact]
    public void FirstRun_TracksEveryNamedStep_AndCompilesWithoutDiagnostics()
    {
        var (_, result) = Fixture();

        Assert.Equal(BdqGenerator.Steps.Order(StringComparer.Ordinal), result.TrackedSteps.Keys.Where(k => k.StartsWith("Bdq", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(BdqGenerator.Steps, step => Assert.All(Reasons(result, step), item => Assert.Equal(New, item.Reason)));
        Assert.Equal(MethodNames, Items(result, BdqGenerator.OutputsStep));
        Assert.Equal(FileQueryNames, Items(result, BdqGenerator.FileOutputsStep));
        Assert.Equal(["crossings", "stations"], Items(result, BdqGenerator.QuerySetsStep));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void UnrelatedFileEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var (state, _) = Fixture();

        var result = state.Rerun(state.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; public static class Unrelated { public static int X => 1; }", GeneratorHarness.ParseOptions)));

        foreach (var step in BdqGenerator.Steps)
        {
            Assert.NotEmpty(Reasons(result, step));
            Assert.All(Reasons(result, step), item => Assert.True(item.Reason is Cached or Unchanged, $"{step} {item.Item}: {item.Reason}"));
        }

        // What reads the compilation runs and finds the same; everything after it comes from the cache.
        AssertReasons(result, BdqGenerator.SchemaStep, ("schema", Unchanged));
        AssertReasons(result, BdqGenerator.ContractStep, ("contract", Unchanged));
        AssertReasons(result, BdqGenerator.OutputsStep, All(MethodNames, Cached));
        AssertReasons(result, BdqGenerator.FileOutputsStep, All(FileQueryNames, Cached));
    }

    [Fact]
    public void EditingAQueryLiteral_RebindsThatQueryOnly()
    {
        var (state, _) = Fixture();

        var result = state.Rerun(state.Edit(1, "stations where nation = ECU", "stations where nation = PER"));

        AssertReasons(result, BdqGenerator.MethodsStep, ("Ecuadorian", Modified), ("PeruAccords", Unchanged), ("Roads", Unchanged), ("Through", Unchanged));
        foreach (var step in new[] { BdqGenerator.ParsedStep, BdqGenerator.InputsStep, BdqGenerator.OutputsStep })
        {
            AssertReasons(result, step, ("Ecuadorian", Modified), ("PeruAccords", Cached), ("Roads", Cached), ("Through", Cached));
        }

        AssertReasons(result, BdqGenerator.SchemaStep, ("schema", Unchanged));
        AssertFileStepsCached(result);
        AssertReasons(result, BdqGenerator.QuerySetsStep, ("crossings", Cached), ("stations", Cached));
    }

    [Fact]
    public void EditingABdqFile_RebindsTheEditedQueryOfThatFileOnly()
    {
        var (state, _) = Fixture();

        var result = state.Rerun(state.Compilation, replace: ("crossings.bdq", CrossingsFile.Replace("\"Hu\"", "\"Ag\"", StringComparison.Ordinal)));

        AssertReasons(result, BdqGenerator.FilesStep, ("accords.bdq", Cached), ("crossings.bdq", Modified));
        AssertReasons(result, BdqGenerator.FileContentsStep, ("accords.bdq", Cached), ("crossings.bdq", Modified));
        AssertReasons(result, BdqGenerator.FileProblemsStep, ("accords.bdq", Cached), ("crossings.bdq", Unchanged));
        AssertReasons(result, BdqGenerator.FileQueriesStep, ("Named", Modified), ("Pledges", Cached), ("Slow", Unchanged));
        foreach (var step in new[] { BdqGenerator.FileInputsStep, BdqGenerator.FileOutputsStep })
        {
            AssertReasons(result, step, ("Named", Modified), ("Pledges", Cached), ("Slow", Cached));
        }

        AssertMethodStepsCached(result, methods: Cached, schema: Cached);
    }

    [Fact]
    public void AddingABdqFile_AddsItsQueries_AndLeavesTheOthersCached()
    {
        var (state, _) = Fixture();

        var result = state.Rerun(state.Compilation, add: ("more.bdq", "-- name: Extra\nstations count\n"));

        foreach (var step in new[] { BdqGenerator.FilesStep, BdqGenerator.FileContentsStep, BdqGenerator.FileProblemsStep })
        {
            AssertReasons(result, step, ("accords.bdq", Cached), ("crossings.bdq", Cached), ("more.bdq", New));
        }

        foreach (var step in new[] { BdqGenerator.FileQueriesStep, BdqGenerator.FileInputsStep, BdqGenerator.FileOutputsStep })
        {
            AssertReasons(result, step, ("Extra", New), ("Named", Cached), ("Pledges", Cached), ("Slow", Cached));
        }

        AssertMethodStepsCached(result, methods: Cached, schema: Cached);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "BdqFile.BdqQueries.MoreQueries.Extra.g.cs");
    }

    [Fact]
    public void RemovingABdqFile_RemovesItsQueries_AndLeavesTheOthersCached()
    {
        var (state, _) = Fixture();

        var result = state.Rerun(state.Compilation, remove: "accords.bdq");

        foreach (var step in new[] { BdqGenerator.FilesStep, BdqGenerator.FileContentsStep, BdqGenerator.FileProblemsStep })
        {
            AssertReasons(result, step, ("accords.bdq", Removed), ("crossings.bdq", Cached));
        }

        foreach (var step in new[] { BdqGenerator.FileQueriesStep, BdqGenerator.FileInputsStep, BdqGenerator.FileOutputsStep })
        {
            AssertReasons(result, step, ("Named", Cached), ("Pledges", Removed), ("Slow", Cached));
        }

        AssertMethodStepsCached(result, methods: Cached, schema: Cached);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("AccordsQueries", StringComparison.Ordinal));
    }

    /// <summary>
    /// An edit to one property of a record: the queries whose binding reads that record (its own set, or a path that
    /// follows a reference into it) are bound again; every other query, of methods and of files, stays cached.
    /// </summary>
    [Theory]
    [InlineData("type", "public int Lanes { get; init; }", "public long Lanes { get; init; }", "stations")]
    [InlineData("name", "public int Lanes { get; init; }", "public int Gates { get; init; }", "stations")]
    [InlineData("indexed", "public required string Name { get; init; }", "[Indexed] public required string Name { get; init; }", "stations")]
    [InlineData("references", "[Indexed, References(\"stations\")] public required string Station", "[Indexed] public required string Station", "crossings")]
    public void EditingAQuerySetRecordsProperty_RebindsExactlyTheQueriesThatReadIt(string edit, string from, string to, string set)
    {
        var (state, _) = Fixture();
        Assert.NotEmpty(edit);

        var result = state.Rerun(state.Edit(0, from, to));

        // stations: read by Ecuadorian and Named, and by Through's 'station.nation'. crossings: by Roads, Through, Slow.
        string[] methods = set == "stations" ? ["Ecuadorian", "Through"] : ["Roads", "Through"];
        string[] fileQueries = set == "stations" ? ["Named"] : ["Slow"];
        AssertReasons(result, BdqGenerator.SchemaStep, ("schema", Modified));
        AssertReasons(result, BdqGenerator.QuerySetsStep, ("crossings", set == "crossings" ? Modified : Cached), ("stations", set == "stations" ? Modified : Cached));
        AssertReasons(result, BdqGenerator.MethodsStep, All(MethodNames, Unchanged));
        AssertReasons(result, BdqGenerator.ParsedStep, All(MethodNames, Cached));
        AssertReasons(result, BdqGenerator.InputsStep, MethodNames.Select(name => (name, methods.Contains(name) ? Modified : Unchanged)).ToArray());
        AssertRebound(result, BdqGenerator.OutputsStep, MethodNames, methods);

        // Nothing of the .bdq files is read or parsed again: only their inputs are paired with the new schema.
        foreach (var step in new[] { BdqGenerator.FilesStep, BdqGenerator.FileContentsStep, BdqGenerator.FileProblemsStep })
        {
            AssertReasons(result, step, ("accords.bdq", Cached), ("crossings.bdq", Cached));
        }

        AssertReasons(result, BdqGenerator.FileQueriesStep, All(FileQueryNames, Cached));
        AssertReasons(result, BdqGenerator.FileInputsStep, FileQueryNames.Select(name => (name, fileQueries.Contains(name) ? Modified : Unchanged)).ToArray());
        AssertRebound(result, BdqGenerator.FileOutputsStep, FileQueryNames, fileQueries);
    }

    [Fact]
    public void RemovingAReference_ReboundQueriesReportTheBrokenPath()
    {
        var (state, _) = Fixture();

        var result = state.Rerun(state.Edit(0, "[Indexed, References(\"stations\")] public required string Station", "[Indexed] public required string Station"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("BDQ0103", diagnostic.Id);
        Assert.Equal("'station' on crossings is not a reference, so no field can follow it.", diagnostic.GetMessage());
        AssertReasons(result, BdqGenerator.OutputsStep, ("Ecuadorian", Cached), ("PeruAccords", Cached), ("Roads", Unchanged), ("Through", Modified));
    }

    [Fact]
    public void WhitespaceAfterTheDeclarations_LeavesEveryStepCachedOrUnchanged()
    {
        var (state, _) = Fixture();

        var result = state.Rerun(FixtureState.Edit(state.Edit(1, Queries, Queries + "\n\n   \n"), 0, Records, Records + "\n   "));

        foreach (var step in BdqGenerator.Steps)
        {
            Assert.All(Reasons(result, step), item => Assert.True(item.Reason is Cached or Unchanged, $"{step} {item.Item}: {item.Reason}"));
        }

        AssertReasons(result, BdqGenerator.ParsedStep, All(MethodNames, Cached));
        AssertReasons(result, BdqGenerator.OutputsStep, All(MethodNames, Cached));
    }

    [Fact]
    public void WhitespaceBeforeTheMethods_MovesTheirLocations_ButRegeneratesNoFile()
    {
        var (state, _) = Fixture();

        var result = state.Rerun(state.Edit(1, "namespace Consumer;", "\n\nnamespace Consumer;"));

        // The models hold where each literal is, so diagnostics would land right; the sources they make are the same.
        foreach (var step in new[] { BdqGenerator.MethodsStep, BdqGenerator.ParsedStep, BdqGenerator.InputsStep })
        {
            AssertReasons(result, step, All(MethodNames, Modified));
        }

        AssertReasons(result, BdqGenerator.OutputsStep, All(MethodNames, Unchanged));
        AssertReasons(result, BdqGenerator.SchemaStep, ("schema", Unchanged));
        AssertFileStepsCached(result);
    }

    [Fact]
    public void WhitespaceBeforeABrokenQuery_MovesItsDiagnostic()
    {
        const string broken = """
            using System.Collections.Generic;
            using BorderDomain.Model;
            using BorderDomain.Query;
            using BorderDomain.Storage;
            public static partial class Q
            {
                [BdqQuery("accords where titel contains \"x\"")]
                public static partial IReadOnlyList<Accord> M(BorderStore store);
            }
            """;
        var state = new FixtureState(GeneratorHarness.Compilation(broken), []);
        var first = state.Rerun(state.Compilation);

        var result = state.Rerun(state.Edit(0, "public static partial class Q", "\n\npublic static partial class Q"));

        AssertReasons(result, BdqGenerator.OutputsStep, ("M", Modified));
        Assert.Equal(7, Assert.Single(first.Diagnostics).Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(9, Assert.Single(result.Diagnostics).Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    /// <summary>
    /// A .bdq file is read and its queries parsed in one step, <c>BdqFileContents</c>, which feeds both the file's problems
    /// and its queries (nothing else reads the file's text), once per file; binding takes the parsed queries from it.
    /// </summary>
    [Fact]
    public void BdqFile_IsReadAndParsedInOneStep_ThatFeedsBothItsDiagnosticsAndItsQueries()
    {
        var (state, result) = Fixture(("empty.bdq", "accords count\n"));

        Assert.Equal(3, result.TrackedSteps[BdqGenerator.FileContentsStep].Length);
        var contents = result.TrackedSteps[BdqGenerator.FileContentsStep].SelectMany(s => s.Outputs).Select(o => (G.QueryFileContents)o.Value).ToList();
        Assert.Equal(3, contents.Sum(c => c.Queries.Count));
        Assert.All(contents.SelectMany(c => c.Queries), query => Assert.NotNull(query.Parsed.Syntax));
        Assert.Equal("BDQ1006", Assert.Single(contents.SelectMany(c => c.Problems.Diagnostics)).Id);

        var readers = result.TrackedSteps.Values.SelectMany(steps => steps).Where(step => step.Inputs.Any(input => input.Source.Name == BdqGenerator.FilesStep)).Select(step => step.Name).Distinct();
        Assert.Equal([BdqGenerator.FileContentsStep], readers);
        Assert.All(result.TrackedSteps[BdqGenerator.FileProblemsStep], step => Assert.Equal(BdqGenerator.FileContentsStep, Assert.Single(step.Inputs).Source.Name));
        Assert.All(result.TrackedSteps[BdqGenerator.FileQueriesStep], step => Assert.Equal(BdqGenerator.FileContentsStep, Assert.Single(step.Inputs).Source.Name));
        Assert.All(result.TrackedSteps[BdqGenerator.FileInputsStep], step => Assert.Equal(
            [BdqGenerator.FileQueriesStep, BdqGenerator.SchemaStep],
            Assert.Single(step.Inputs).Source.Inputs.Select(input => input.Source.Name).Order(StringComparer.Ordinal)));

        // Binding's output is what reaches the compilation, with the file's problem and nothing bound twice.
        Assert.Equal("BDQ1006", Assert.Single(result.Diagnostics).Id);
        var rerun = state.Rerun(state.Edit(0, "public int Lanes", "public long Lanes"));
        AssertReasons(rerun, BdqGenerator.FileContentsStep, ("accords.bdq", Cached), ("crossings.bdq", Cached), ("empty.bdq", Cached));
    }

    [Fact]
    public void StepOutputs_HoldNoSymbolsSyntaxLocationsOrCompilations_OnlyValueEqualData()
    {
        var (_, result) = Fixture(("broken.bdq", "-- name: Broken\naccords where titel = \"x\"\n-- name: class\naccords count\n"));

        var seen = 0;
        foreach (var step in BdqGenerator.Steps)
        {
            foreach (var value in result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value))
            {
                seen += Walk(step, value, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        Assert.True(seen > 1000, $"only {seen} objects walked");
    }

    [Fact]
    public void StepOutputs_OfTwoCompilationsOfTheSameText_AreEqual()
    {
        var (_, first) = Fixture();
        var (_, second) = Fixture();

        foreach (var step in BdqGenerator.Steps)
        {
            var left = first.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
            var right = second.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
            Assert.NotEmpty(left);
            Assert.Equal(left.Count, right.Count);
            for (var i = 0; i < left.Count; i++)
            {
                Assert.NotSame(left[i], right[i]);
                Assert.True(Equals(left[i], right[i]), $"{step}: output {i} differs between two runs of the same text");
                Assert.Equal(left[i].GetHashCode(), right[i].GetHashCode());
            }
        }
    }

    // Walks a step output: no Roslyn object but a descriptor, and every model type compares by value. Returns the count walked.
    private static int Walk(string step, object? value, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return 1;
        }

        var type = value.GetType();
        if (type.IsClass && !visited.Add(value))
        {
            return 0;
        }

        if (value is DiagnosticDescriptor)
        {
            return 1;
        }

        Assert.False(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true, $"{step} holds a {type.FullName}");
        Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>), $"{step} holds an ImmutableArray, which compares by reference");
        Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>), $"{step} holds a List, which compares by reference");
        if (value is IEnumerable items)
        {
            // EquatableArray and value tuples' parts: their elements.
            return 1 + items.Cast<object?>().Sum(item => Walk(step, item, visited));
        }

        Assert.True(type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>)), $"{step} holds a {type.FullName}, which does not compare by value");
        if (type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal))
        {
            return 1 + type.GetFields().Sum(field => Walk(step, field.GetValue(value), visited));
        }

        Assert.StartsWith("BorderDomain.", type.FullName, StringComparison.Ordinal);
        return 1 + type.GetProperties().Where(p => p.GetIndexParameters().Length == 0).Sum(property => Walk(step, property.GetValue(value), visited));
    }

    private static (FixtureState State, GeneratorRunResult Result) Fixture(params (string Path, string Text)[] extraFiles)
    {
        var state = new FixtureState(
            GeneratorHarness.Compilation(Records, Queries),
            [GeneratorHarness.Text("queries/crossings.bdq", CrossingsFile), GeneratorHarness.Text("queries/accords.bdq", AccordsFile), .. extraFiles.Select(f => GeneratorHarness.Text(f.Path, f.Text))]);
        return (state, state.Rerun(state.Compilation));
    }

    private static void AssertFileStepsCached(GeneratorRunResult result)
    {
        foreach (var step in new[] { BdqGenerator.FilesStep, BdqGenerator.FileContentsStep, BdqGenerator.FileProblemsStep })
        {
            AssertReasons(result, step, ("accords.bdq", Cached), ("crossings.bdq", Cached));
        }

        foreach (var step in new[] { BdqGenerator.FileQueriesStep, BdqGenerator.FileInputsStep, BdqGenerator.FileOutputsStep })
        {
            AssertReasons(result, step, All(FileQueryNames, Cached));
        }
    }

    private static void AssertMethodStepsCached(GeneratorRunResult result, IncrementalStepRunReason methods, IncrementalStepRunReason schema)
    {
        AssertReasons(result, BdqGenerator.SchemaStep, ("schema", schema));
        AssertReasons(result, BdqGenerator.MethodsStep, All(MethodNames, methods));
        foreach (var step in new[] { BdqGenerator.ParsedStep, BdqGenerator.InputsStep, BdqGenerator.OutputsStep })
        {
            AssertReasons(result, step, All(MethodNames, Cached));
        }

        AssertReasons(result, BdqGenerator.QuerySetsStep, ("crossings", methods), ("stations", methods));
    }

    // The queries that read the edited record ran again (their output may come out equal); the others are from the cache.
    private static void AssertRebound(GeneratorRunResult result, string step, string[] all, string[] rebound)
    {
        foreach (var (item, reason) in Reasons(result, step))
        {
            if (rebound.Contains(item))
            {
                Assert.True(reason is Modified or Unchanged, $"{step} {item}: {reason}, expected it bound again");
            }
            else
            {
                Assert.True(reason == Cached, $"{step} {item}: {reason}, expected it from the cache");
            }
        }

        Assert.Equal(all, Reasons(result, step).Select(r => r.Item));
    }

    private static (string Item, IncrementalStepRunReason Reason)[] All(string[] items, IncrementalStepRunReason reason) => [.. items.Select(item => (item, reason))];

    private static void AssertReasons(GeneratorRunResult result, string step, params (string Item, IncrementalStepRunReason Reason)[] expected) =>
        Assert.Equal(expected.OrderBy(e => e.Item, StringComparer.Ordinal).ToList(), Reasons(result, step));

    private static string[] Items(GeneratorRunResult result, string step) => [.. Reasons(result, step).Select(r => r.Item)];

    private static List<(string Item, IncrementalStepRunReason Reason)> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs)
            ? [.. runs.SelectMany(run => run.Outputs).Select(o => (Name(o.Value), o.Reason)).OrderBy(o => o.Item1, StringComparer.Ordinal)]
            : [];

    // The query, file or set an output of a step is about.
    private static string Name(object value) => value switch
    {
        G.SchemaModel => "schema",
        G.QueryMethodModel method => method.Signature.Name,
        G.MethodQuery query => query.Method.Signature.Name,
        G.BindInput<G.MethodQuery> input => input.Query.Method.Signature.Name,
        G.QueryMethodOutput output => output.HintName.Split('.')[^1],
        G.QueryFileModel file => Path.GetFileName(file.Path),
        G.QueryFileContents contents => Path.GetFileName(contents.Problems.Path),
        G.QueryFileProblems problems => Path.GetFileName(problems.Path),
        G.FileQuery query => query.Name,
        G.BindInput<G.FileQuery> input => input.Query.Name,
        G.QuerySetModel set => set.Set.Name,
        int => "contract",
        _ => throw new InvalidOperationException($"No name for a {value.GetType().FullName}"),
    };

    /// <summary>A driver, the compilation and .bdq files it last ran on; each rerun continues from the last.</summary>
    private sealed class FixtureState(Compilation compilation, AdditionalText[] texts)
    {
        private readonly List<AdditionalText> _texts = [.. texts];

        private GeneratorDriver _driver = GeneratorHarness.Driver(texts);

        public Compilation Compilation { get; private set; } = compilation;

        /// <summary>The current compilation with <paramref name="from"/> replaced by <paramref name="to"/> in syntax tree <paramref name="tree"/>.</summary>
        public Compilation Edit(int tree, string from, string to) => Edit(Compilation, tree, from, to);

        /// <summary><paramref name="start"/> with <paramref name="from"/> replaced by <paramref name="to"/> in syntax tree <paramref name="tree"/>.</summary>
        public static Compilation Edit(Compilation start, int tree, string from, string to)
        {
            var old = start.SyntaxTrees.ElementAt(tree);
            var text = old.ToString();
            Assert.Contains(from, text, StringComparison.Ordinal);
            return start.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text.Replace(from, to, StringComparison.Ordinal), GeneratorHarness.ParseOptions, old.FilePath));
        }

        /// <summary>Runs the generator on <paramref name="next"/>, after replacing, adding or removing a .bdq file.</summary>
        public GeneratorRunResult Rerun(Compilation next, (string Path, string Text)? replace = null, (string Path, string Text)? add = null, string? remove = null)
        {
            if (replace is { } changed)
            {
                var old = Find(changed.Path);
                var text = GeneratorHarness.Text(old.Path, changed.Text);
                _driver = _driver.ReplaceAdditionalText(old, text);
                _texts[_texts.IndexOf(old)] = text;
            }

            if (add is { } added)
            {
                var text = GeneratorHarness.Text(added.Path, added.Text);
                _driver = _driver.AddAdditionalTexts([text]);
                _texts.Add(text);
            }

            if (remove is { } gone)
            {
                var old = Find(gone);
                _driver = _driver.RemoveAdditionalTexts([old]);
                _texts.Remove(old);
            }

            Compilation = next;
            _driver = _driver.RunGenerators(next);
            var result = Assert.Single(_driver.GetRunResult().Results);
            Assert.Null(result.Exception);
            return result;
        }

        private AdditionalText Find(string name) => _texts.Single(t => Path.GetFileName(t.Path) == name);
    }
}
