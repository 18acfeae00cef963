using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;
using BorderDomain.Tests.Generators;
using BorderDomain.Tests.Query;
using BorderDomain.Tests.Query.Differential;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// One corpus of over 200 queries through every engine: the run-time executor, the IQueryable path and code the
/// generator wrote (compiled here into an assembly and loaded), over the bundled store and FsCheck-generated stores.
/// Results are identical, in the same order wherever the query has <c>order by</c>.
/// </summary>
public sealed class CorpusEveryEngineTests(ITestOutputHelper output)
{
    private const string TypeName = "StressCorpus.Queries";

    private static readonly Dictionary<string, (string Type, object Value)> Parameters = new(StringComparer.Ordinal)
    {
        ["nation"] = ("global::BorderDomain.Model.NationCode", NationCode.Peru),
        ["since"] = ("global::BorderDomain.Model.PartialDate", PartialDate.Parse("2000")),
        ["until"] = ("global::BorderDomain.Model.PartialDate", PartialDate.Parse("2025")),
        ["text"] = ("string", "peru"),
        ["kind"] = ("global::BorderDomain.Model.AccordKind", AccordKind.Agreement),
        ["min"] = ("decimal", 100m),
    };

    private static readonly Lazy<(Assembly Assembly, List<Case> Cases)> Compiled = new(Compile);

    [Fact]
    public void Corpus_HasOverTwoHundredQueries_OfEveryShape()
    {
        var all = StressCorpus.All.ToList();
        Assert.True(all.Count >= 200, $"{all.Count} queries");
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        foreach (var token in new[] { " = ", " != ", " < ", " <= ", " > ", " >= ", " in (", " not in (", " between ", " has ", " has any (", " has all (", " contains ", " startswith ", " endswith ", " is null", " is not null", " not ", " or ", " and ", "(", "order by", " desc", " skip ", " take ", " select ", "group by", " count", "sum(", "min(", "max(", "avg(", "@", ".region", "-", "\"" })
        {
            Assert.Contains(all, q => q.Contains(token, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var set in new[] { "accords", "agencies", "statistics", "nations", "people", "events", "sources" })
        {
            Assert.Contains(all, q => q.StartsWith(set + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryEngine_OnTheBundledStore_GivesTheSameAnswers()
    {
        var (assembly, cases) = Compiled.Value;
        var failures = new List<string>();
        var nonEmpty = cases.Count(c => Check(assembly, c, BorderStore.Default, failures));
        output.WriteLine($"{cases.Count} queries through the executor, the generated code and (for records and counts) the IQueryable path; {nonEmpty} non-empty");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.True(nonEmpty * 4 >= cases.Count * 3, $"only {nonEmpty} of {cases.Count} answers are non-empty");
    }

    [BdqProperty(MaxTest = 25)]
    public void EveryEngine_OnFsCheckStores_GivesTheSameAnswers(StoreSeed seed)
    {
        var (assembly, cases) = Compiled.Value;
        var failures = new List<string>();
        var store = RandomStores.Create(new Random(seed.Seed)).Build();
        var nonEmpty = cases.Count(c => Check(assembly, c, store, failures, $"random store, seed {seed.Seed}"));
        output.WriteLine($"random store, seed {seed.Seed}: {cases.Count} queries, {nonEmpty} non-empty answers");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static bool Check(Assembly assembly, Case c, BorderStore store, List<string> failures, string origin = "bundled store")
    {
        var parameters = c.Parameters.ToDictionary(p => p, p => (object?)Parameters[p].Value);
        try
        {
            var expected = Bdq.Execute(store, c.Query, parameters);
            // A sub-query has no generated method (the generator refuses it): the executor and the IQueryable path only.
            var compiled = c.Method is not null;
            var generated = compiled
                ? assembly.GetType(TypeName, throwOnError: true)!.GetMethod(c.Method!)!.Invoke(null, [store, .. c.Parameters.Select(p => Parameters[p].Value)])
                : null;
            var ordered = c.Query.Contains("order by", StringComparison.OrdinalIgnoreCase);
            switch (c.Shape)
            {
                case Shape.Count:
                    Require(!compiled || expected.Count == (int)generated!, "generated count", $"{expected.Count} vs {generated}");
                    Require(expected.Count == Applied(store, c.Query, parameters).Count, "IQueryable count", string.Empty);
                    return expected.Count > 0;
                case Shape.Rows:
                    var rows = compiled ? ((IReadOnlyList<IReadOnlyList<object?>>)generated!).Select(r => r.ToArray()).ToList() : expected.Rows.Select(r => r.ToArray()).ToList();
                    Require(expected.Rows.Select(r => r.ToArray()).SequenceEqual(rows, RowComparer.Instance), "generated rows", $"{expected.Rows.Count} vs {rows.Count} rows");
                    return expected.Rows.Count > 0;
                default:
                    var mine = compiled ? ((IEnumerable)generated!).Cast<object>().ToList() : [.. expected.Records];
                    var applied = Applied(store, c.Query, parameters);
                    Require(Same(expected.Records, mine, ordered), "generated records", Describe(expected.Records, mine));
                    Require(Same(expected.Records, applied, ordered), "IQueryable records", Describe(expected.Records, applied));
                    return expected.Records.Count > 0;
            }
        }
#pragma warning disable CA1031 // Any exception is a finding.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failures.Add($"{origin}: {c.Query}: {exception.GetType().Name}: {(exception.InnerException ?? exception).Message}");
            return false;
        }

        void Require(bool condition, string what, string detail)
        {
            if (!condition)
            {
                failures.Add($"{origin}: {c.Query}: {what} differ from the executor's {detail}");
            }
        }
    }

    private static bool Same(IReadOnlyList<object> expected, List<object> actual, bool ordered) => ordered
        ? expected.SequenceEqual(actual)
        : expected.Count == actual.Count && !expected.Except(actual).Any();

    private static string Describe(IReadOnlyList<object> expected, List<object> actual) =>
        $"[{string.Join(", ", expected.Select(Id))}] vs [{string.Join(", ", actual.Select(Id))}]";

    private static string Id(object record) => record.GetType().GetProperty("Id")?.GetValue(record)?.ToString() ?? record.ToString()!;

    private static List<object> Applied(BorderStore store, string query, IReadOnlyDictionary<string, object?> parameters) =>
        SetQueryables.Call(store, query, new ApplyCall(store, query, parameters), fallback: "accords");

    private sealed record ApplyCall(BorderStore Store, string Query, IReadOnlyDictionary<string, object?> Parameters) : IQueryableCall<List<object>>
    {
        public List<object> Call<T>(IQueryable<T> rows)
            where T : class => [.. BdqQueryable.Apply(rows, Query, Parameters, Store)];
    }

    private static (Assembly, List<Case>) Compile()
    {
        var cases = new List<Case>();
        var text = new StringBuilder("using System.Collections.Generic;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\nnamespace StressCorpus;\npublic static partial class Queries\n{\n");
        void Add(string query, Shape shape)
        {
            var method = $"Q{cases.Count}";
            var names = Regex.Matches(query, "@([A-Za-z_][A-Za-z0-9_]*)").Select(m => m.Groups[1].Value).Distinct().ToArray();
            var returnType = shape switch
            {
                Shape.Count => "int",
                Shape.Rows => "IReadOnlyList<IReadOnlyList<object?>>",
                _ => $"IReadOnlyList<global::{BorderStore.Default.GetTable(query.Split(' ')[0])!.Schema.RecordTypeName}>",
            };
            var arguments = string.Concat(names.Select(n => $", {Parameters[n].Type} {n}"));
            text.Append($"    [BdqQuery({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(query, true)})]\n    public static partial {returnType} {method}(BorderStore store{arguments});\n");
            cases.Add(new Case(method, query, shape, names));
        }

        StressCorpus.RecordQueries.ToList().ForEach(q => Add(q, Shape.Records));
        StressCorpus.CountQueries.ToList().ForEach(q => Add(q, Shape.Count));
        StressCorpus.RowQueries.ToList().ForEach(q => Add(q, Shape.Rows));
        var (compilation, diagnostics, _) = GeneratorHarness.Run(text.Append("}\n").ToString());
        Assert.Empty(diagnostics);
        return (GeneratorHarness.Load(compilation), cases);
    }

    private enum Shape
    {
        Records,
        Count,
        Rows,
    }

    private sealed record Case(string? Method, string Query, Shape Shape, string[] Parameters);

    private sealed class RowComparer : IEqualityComparer<object?[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y) => x!.Length == y!.Length && x.Zip(y).All(pair => SameValue(pair.First, pair.Second));

        public int GetHashCode(object?[] obj) => obj.Length;

        private static bool SameValue(object? a, object? b) => a is IEnumerable left and not string && b is IEnumerable right
            ? left.Cast<object>().SequenceEqual(right.Cast<object>())
            : Equals(a, b);
    }
}
