using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;
using BorderDomain.Tests.Generators;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>
/// The operator and aggregate table against every stage: each enum member has one entry; the binder accepts exactly
/// the field kinds the table lists; and every member, on every field of the bundled data it applies to, runs through
/// the printer and parser, the in-memory executor (index accesses and <c>ValueSemantics</c>), the LINQ trees and the
/// generated code with one answer. A member some back end does not handle throws there and fails here.
/// </summary>
public sealed class OperatorTableTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    private static readonly PredicateOperator[] AllOperators = Enum.GetValues<PredicateOperator>();

    private static readonly AggregateFunction[] AllAggregates = Enum.GetValues<AggregateFunction>();

    [Fact]
    public void Table_HasOneEntryPerMember()
    {
        Assert.Equal(AllOperators.Order(), OperatorTable.Operators.Select(o => o.Operator).Order());
        Assert.Equal(AllAggregates.Order(), OperatorTable.Aggregates.Select(a => a.Function).Order());
        Assert.All(AllOperators, op => Assert.Equal(op, OperatorTable.Of(op).Operator));
        Assert.All(AllAggregates, f => Assert.Equal(f, OperatorTable.Of(f).Function));
    }

    [Fact]
    public void Spellings_AreReservedAndParseBackToTheirMember()
    {
        foreach (var info in OperatorTable.Operators)
        {
            Assert.All(info.IsSymbol ? [] : info.Words.ToArray(), word => Assert.Contains(word, QueryGrammar.Reserved));
            string[] operands = info.Operands switch
            {
                OperandShape.None => [],
                OperandShape.One or OperandShape.SearchText => ["@a"],
                OperandShape.List => ["@a", "@b"],
                OperandShape.Range => ["@a", "@b"],
                _ => throw new InvalidOperationException(info.Operands.ToString()),
            };
            var text = "accords where " + QueryPrinter.Predicate("x", info.Operator, operands);
            var syntax = QueryParser.Parse(text);
            Assert.True(syntax.Diagnostics.Count == 0, text);
            Assert.Equal(info.Operator, Assert.IsType<PredicateSyntax>(syntax.Query!.Where).Operator);
            Assert.Equal(text, QueryPrinter.Print(syntax.Query));
        }

        foreach (var info in OperatorTable.Aggregates)
        {
            Assert.Contains(info.Spelling, QueryGrammar.Reserved);
            var text = info.NeedsArgument ? $"statistics group by metric {info.Spelling}(value)" : $"statistics group by metric {info.Spelling}";
            var syntax = QueryParser.Parse(text);
            Assert.True(syntax.Diagnostics.Count == 0, text);
            Assert.Equal(info.Function, Assert.Single(syntax.Query!.GroupBy!.Aggregates).Function);
        }
    }

    [Fact]
    public void Binder_AcceptsExactlyTheKindsTheTableLists()
    {
        var checkedCombinations = 0;
        foreach (var (set, field) in Fields())
        {
            foreach (var info in OperatorTable.Operators)
            {
                var operands = Placeholders(info);
                var text = $"{set.Name} where {QueryPrinter.Predicate(field.Name, info.Operator, operands)}";
                var accepted = Accepts(info, field);
                Bdq.TryCompile(text, Store.Schema, null, out var bound, out var diagnostics);
                Assert.True(accepted == (bound is not null), $"{text}: the table says {(accepted ? "accepted" : "rejected")}; the binder said {string.Join("; ", diagnostics.Select(d => d.Message))}");
                if (!accepted)
                {
                    Assert.Contains(Assert.Single(diagnostics).Code, new[] { BdqDiagnostics.NotABoolean, BdqDiagnostics.OperatorNotApplicable, BdqDiagnostics.CollectionNotAllowed });
                }

                checkedCombinations++;
            }
        }

        Assert.True(checkedCombinations >= AllOperators.Length * 20);
    }

    // Parameters in the place of each operand the operator takes, so that the binder checks kinds without values.
    private static string[] Placeholders(OperatorInfo info) => info.Operands switch
    {
        OperandShape.None => [],
        OperandShape.One or OperandShape.SearchText or OperandShape.List => ["@a"],
        OperandShape.Range => ["@a", "@b"],
        _ => throw new InvalidOperationException(info.Operands.ToString()),
    };

    [Fact]
    public void EveryOperator_RunsTheSameOnEveryBackEnd()
    {
        var witnesses = OperatorWitnesses().ToList();
        foreach (var op in AllOperators)
        {
            Assert.True(witnesses.Any(w => w.Operator == op), $"No field of the bundled data takes {op}.");
        }

        AssertSameOnEveryBackEnd(witnesses, length: false);
    }

    [Fact]
    public void LengthMeasure_BinderAcceptsExactlyTheFamiliesTheTableLists()
    {
        var measure = OperatorTable.Length;
        var checkedLists = 0;
        foreach (var (set, field) in Fields())
        {
            foreach (var info in OperatorTable.Operators)
            {
                var operands = Placeholders(info);
                var text = $"{set.Name} where {QueryPrinter.Predicate(QueryPrinter.Subject(field.Name, length: true), info.Operator, operands)}";
                var accepted = field.IsCollection && measure.Operators.Contains(info.Family);
                Bdq.TryCompile(text, Store.Schema, null, out var bound, out var diagnostics);
                Assert.True(accepted == (bound is not null), $"{text}: the table says {(accepted ? "accepted" : "rejected")}; the binder said {string.Join("; ", diagnostics.Select(d => d.Message))}");
                if (accepted)
                {
                    var predicate = Predicates(bound!.Filter!).Single();
                    Assert.True(predicate.Length, text);
                    Assert.Equal(info.Operator, predicate.Operator);
                }
                else
                {
                    // Not a list: the measure does not apply. A list: a bare count(list) is no condition, any other
                    // operator outside the measure's families does not apply to a number.
                    var expected = field.IsCollection && info.Family == OperatorFamily.Truth ? BdqDiagnostics.NotABoolean : BdqDiagnostics.OperatorNotApplicable;
                    Assert.True(expected == Assert.Single(diagnostics).Code, $"{text}: expected {expected}, got {string.Join("; ", diagnostics.Select(d => d.Code + " " + d.Message))}");
                }
            }

            checkedLists += field.IsCollection ? 1 : 0;
        }

        Assert.True(checkedLists >= 5, $"only {checkedLists} list fields in the bundled schema");
    }

    [Fact]
    public void LengthMeasure_RunsTheSameOnEveryBackEnd()
    {
        var witnesses = LengthWitnesses().ToList();
        foreach (var (set, field) in Fields().Where(f => f.Field.IsCollection && Store.GetTable(f.Set.Name)!.Count > 0))
        {
            Assert.True(witnesses.Any(w => w.Query.StartsWith($"{set.Name} where {QueryPrinter.Subject(field.Name, length: true)} ", StringComparison.Ordinal)), $"No length witness for {set.Name}.{field.Name}.");
        }

        foreach (var info in OperatorTable.Operators.Where(o => OperatorTable.Length.Operators.Contains(o.Family)))
        {
            Assert.True(witnesses.Any(w => w.Operator == info.Operator), $"No length witness for {info.Operator}.");
        }

        // '=' with a length the data holds finds that record, so the comparisons below are not between empty answers.
        Assert.All(witnesses.Where(w => w.Operator == PredicateOperator.Equal), w => Assert.NotEmpty(Bdq.Execute(Store, w.Query).Records));
        AssertSameOnEveryBackEnd(witnesses, length: true);
    }

    [Fact]
    public void EveryAggregate_RunsTheSameOnEveryBackEnd()
    {
        var witnesses = AggregateWitnesses().ToList();
        foreach (var function in AllAggregates)
        {
            Assert.True(witnesses.Any(w => w.Function == function), $"No field of the bundled data takes {function}.");
        }

        var source = new StringBuilder("using System.Collections.Generic;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\nnamespace Walk;\npublic static partial class Groups\n{\n");
        for (var i = 0; i < witnesses.Count; i++)
        {
            source.Append($"    [BdqQuery({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(witnesses[i].Query, true)})]\n    public static partial IReadOnlyList<IReadOnlyList<object?>> G{i}(BorderStore store);\n");
        }

        var (compilation, generatorDiagnostics, _) = GeneratorHarness.Run(source.Append("}\n").ToString());
        Assert.Empty(generatorDiagnostics);
        var assembly = GeneratorHarness.Load(compilation);

        for (var i = 0; i < witnesses.Count; i++)
        {
            var query = witnesses[i].Query;
            var expected = Bdq.Execute(Store, query).Rows;
            Assert.True(SameRows(expected, Translate(query).Rows), $"LINQ trees: {query}");
            var generated = (IReadOnlyList<IReadOnlyList<object?>>)GeneratorHarness.Invoke(assembly, "Walk.Groups", $"G{i}")!;
            Assert.True(SameRows(expected, generated), $"generated code: {query}");
        }
    }

    // Every field of every set, as the binder sees it.
    private static IEnumerable<(EntitySetSchema Set, FieldSchema Field)> Fields() =>
        Store.Schema.Sets.Items.SelectMany(set => set.Fields.Items.Select(field => (set, field)));

    private static bool Accepts(OperatorInfo info, FieldSchema field) =>
        info.Kinds.Contains(field.Kind) && (info.OnCollection is not { } collection || collection == field.IsCollection);

    // One query per operator and field it applies to, its operands taken from the data so that something matches.
    private static IEnumerable<(string Set, string Query, PredicateOperator Operator)> OperatorWitnesses()
    {
        foreach (var (set, field) in Fields())
        {
            if (Sample(set, field) is not { } sample)
            {
                continue;
            }

            foreach (var info in OperatorTable.Operators.Where(o => Accepts(o, field)))
            {
                string[] operands = info.Operands switch
                {
                    OperandShape.None => [],
                    OperandShape.One => [Literal(field, sample)],
                    OperandShape.List => [Literal(field, sample), Literal(field, sample)],
                    OperandShape.Range => [Literal(field, sample), Literal(field, sample)],
                    OperandShape.SearchText => [Search(info, (string)sample)],
                    _ => throw new InvalidOperationException(info.Operands.ToString()),
                };
                var query = $"{set.Name} where {QueryPrinter.Predicate(field.Name, info.Operator, operands)}";
                yield return (set.Name, query, info.Operator);
            }
        }
    }

    // Runs each record query through the in-memory executor, the LINQ trees and code the generator emits for it (one
    // compilation for all), and asserts one answer, order included; each query's filter is the one predicate named.
    private static void AssertSameOnEveryBackEnd(IReadOnlyList<(string Set, string Query, PredicateOperator Operator)> witnesses, bool length)
    {
        var source = new StringBuilder("using System.Collections.Generic;\nusing BorderDomain.Query;\nusing BorderDomain.Storage;\nnamespace Walk;\npublic static partial class Queries\n{\n");
        for (var i = 0; i < witnesses.Count; i++)
        {
            var set = Store.GetTable(witnesses[i].Set)!.Schema.RecordTypeName;
            source.Append($"    [BdqQuery({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(witnesses[i].Query, true)})]\n    public static partial IReadOnlyList<global::{set}> Q{i}(BorderStore store);\n");
        }

        var (compilation, generatorDiagnostics, _) = GeneratorHarness.Run(source.Append("}\n").ToString());
        Assert.Empty(generatorDiagnostics);
        var assembly = GeneratorHarness.Load(compilation);

        for (var i = 0; i < witnesses.Count; i++)
        {
            var (_, query, _) = witnesses[i];
            Assert.True(Bdq.TryCompile(query, Store.Schema, null, out var bound, out var compileDiagnostics), query + ": " + string.Join("; ", compileDiagnostics.Select(d => d.Message)));
            var predicate = Predicates(bound!.Filter!).Single();
            Assert.Equal(witnesses[i].Operator, predicate.Operator);
            Assert.Equal(length, predicate.Length);
            var expected = Bdq.Execute(Store, query).Records;
            Assert.True(expected.SequenceEqual(Translate(query).Records), $"LINQ trees: {query}");
            var generated = ((IEnumerable)GeneratorHarness.Invoke(assembly, "Walk.Queries", $"Q{i}")!).Cast<object>();
            Assert.True(expected.SequenceEqual(generated), $"generated code: {query}");
        }
    }

    // One record query per list field and operator the length measure accepts, its numbers lengths the data holds: a
    // common one (the first record's, in key order, with a non-empty list; 0 if none is) and the longest.
    private static IEnumerable<(string Set, string Query, PredicateOperator Operator)> LengthWitnesses()
    {
        foreach (var (set, field) in Fields().Where(f => f.Field.IsCollection))
        {
            var lengths = Bdq.Execute(Store, $"{set.Name} order by {set.Key!.Name} select {field.Name}").Rows
                .Select(row => ((IEnumerable?)row[0])?.Cast<object?>().Count() ?? 0)
                .ToList();
            Assert.True(lengths.Count > 0, $"{set.Name} holds no record to take {field.Name}'s lengths from");

            var (some, longest) = (lengths.FirstOrDefault(n => n > 0), lengths.Max());
            var subject = QueryPrinter.Subject(field.Name, length: true);
            foreach (var info in OperatorTable.Operators.Where(o => OperatorTable.Length.Operators.Contains(o.Family)))
            {
                string[] operands = info.Operands switch
                {
                    OperandShape.One => [Number(some)],
                    OperandShape.List => [Number(some), Number(longest)],
                    OperandShape.Range => [Number(some), Number(longest)],
                    _ => throw new InvalidOperationException(info.Operands.ToString()),
                };
                yield return (set.Name, $"{set.Name} where {QueryPrinter.Predicate(subject, info.Operator, operands)}", info.Operator);
            }
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // One grouped query per aggregate and own single field it applies to, grouped by the set's first enum field.
    private static IEnumerable<(string Query, AggregateFunction Function)> AggregateWitnesses()
    {
        foreach (var set in Store.Schema.Sets.Items)
        {
            if (set.Fields.Items.FirstOrDefault(f => f.Kind == FieldKind.Enum && !f.IsCollection && f.References is null) is not { } key)
            {
                continue;
            }

            foreach (var info in OperatorTable.Aggregates)
            {
                if (!info.NeedsArgument)
                {
                    yield return ($"{set.Name} group by {key.Name} {info.Spelling}", info.Function);
                    continue;
                }

                foreach (var field in set.Fields.Items.Where(f => !f.IsCollection && info.ArgumentKinds.Contains(f.Kind)))
                {
                    yield return ($"{set.Name} group by {key.Name} {info.Spelling}({field.Name})", info.Function);
                }
            }
        }
    }

    // A value the field holds in the bundled data (a list's first element) that BDQ can write as a literal (a unit
    // such as '%' cannot be), or null when none does.
    private static object? Sample(EntitySetSchema set, FieldSchema field)
    {
        var rows = Bdq.Execute(Store, $"{set.Name} where {field.Name} is not null order by {set.Key!.Name} select {field.Name}").Rows;
        return rows.Select(row => row[0])
            .SelectMany(value => field.IsCollection ? ((IEnumerable?)value)?.Cast<object?>() ?? [] : [value])
            .FirstOrDefault(value => value is not null && (field.Kind != FieldKind.Unit || value.ToString()!.All(char.IsLetter)));
    }

    private static string Literal(FieldSchema field, object value) => field.Kind switch
    {
        FieldKind.String => QueryPrinter.Quote((string)value),
        FieldKind.Number => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        FieldKind.Boolean => (bool)value ? "true" : "false",
        FieldKind.Period => value is Period { HasStart: false } open ? open.To.ToString() : ((Period)value).From.ToString(), // an open start has no From
        FieldKind.Enum or FieldKind.Nation or FieldKind.Unit or FieldKind.Date => value.ToString()!,
        _ => throw new InvalidOperationException(field.Kind.ToString()),
    };

    // A piece of the text the operator will find: its first word, last word or a middle word.
    private static string Search(OperatorInfo info, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return QueryPrinter.Quote(info.Text switch
        {
            TextPosition.Start => words[0],
            TextPosition.End => words[^1],
            TextPosition.Anywhere => words[words.Length / 2],
            _ => throw new InvalidOperationException(info.Operator.ToString()),
        });
    }

    private static BdqResult Translate(string query) => SetQueryables.Call(Store, query, new TranslateCall(query));

    private sealed record TranslateCall(string Query) : IQueryableCall<BdqResult>
    {
        public BdqResult Call<T>(IQueryable<T> rows)
            where T : class => BdqQueryable.Translate(rows, Query).Execute();
    }

    private static IEnumerable<BoundPredicate> Predicates(BoundExpression expression) => expression switch
    {
        BoundAnd and => Predicates(and.Left).Concat(Predicates(and.Right)),
        BoundOr or => Predicates(or.Left).Concat(Predicates(or.Right)),
        BoundNot not => Predicates(not.Operand),
        BoundPredicate predicate => [predicate],
        _ => throw new InvalidOperationException(expression.GetType().Name),
    };

    private static bool SameRows(IReadOnlyList<IReadOnlyList<object?>> left, IReadOnlyList<IReadOnlyList<object?>> right) =>
        left.Count == right.Count && left.Zip(right).All(pair => pair.First.SequenceEqual(pair.Second));
}
