using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Query.Semantics;

/// <summary>
/// A field reached from the queried set: one field, or a reference followed one hop (<c>nation.region</c>).
/// </summary>
/// <param name="Text">The path as written in canonical form, e.g. <c>nation.region</c>.</param>
/// <param name="Fields">The fields along the path; the last is the one whose value is used.</param>
/// <param name="Sets">The set each field belongs to, aligned with <paramref name="Fields"/>.</param>
internal sealed record BoundPath(string Text, EquatableArray<FieldSchema> Fields, EquatableArray<string> Sets)
{
    /// <summary>The field whose value the path yields.</summary>
    public FieldSchema Field => Fields[^1];

    /// <summary>Whether the path follows a reference.</summary>
    public bool IsHop => Fields.Count > 1;

    /// <summary>
    /// Whether the path follows a list of references (<c>agencies.name</c>, in <c>select</c> only): its value is the
    /// list of the referenced records' values, in the list's order, leaving out references that dangle and missing values.
    /// </summary>
    public bool IsListHop => IsHop && Fields[0].IsCollection;
}

/// <summary>A value in a bound query: a constant, or a parameter filled in at run time.</summary>
internal abstract record BoundValue;

/// <summary>
/// A constant in portable form: text for strings, enum member names, nation codes (alpha-3) and units; a decimal for
/// numbers; a <see cref="Model.PartialDate"/> for dates; a bool for yes/no.
/// </summary>
/// <param name="Kind">The kind of the field it is compared with.</param>
/// <param name="Value">The value.</param>
internal sealed record BoundConstant(FieldKind Kind, object Value) : BoundValue;

/// <summary>A parameter, typed by where it is used.</summary>
/// <param name="Name">The name without <c>@</c>.</param>
/// <param name="Kind">The kind of value it must hold.</param>
/// <param name="TypeName">The CLR type name of that value.</param>
/// <param name="Span">Where it is first used, for diagnostics about its value.</param>
/// <param name="EnumMembers">For an enum parameter, the member names a value may take.</param>
internal sealed record BoundParameter(string Name, FieldKind Kind, string TypeName, TextSpan Span, EquatableArray<string> EnumMembers) : BoundValue;

/// <summary>
/// A sub-query's values (<c>id in (events where … select agencies)</c>): the one field <see cref="BoundQuery.Select"/>
/// holds, a list field contributing its elements. Every back end evaluates it once per run, not once per row.
/// </summary>
/// <param name="Query">The inner query, selecting exactly one field of the outer field's kind.</param>
internal sealed record BoundSubquery(BoundQuery Query) : BoundValue
{
    /// <summary>The selected field whose values are tested.</summary>
    public BoundPath Selected => Query.Select[0];

    /// <summary>Where the sub-query is written, parentheses included.</summary>
    public TextSpan Span { get; init; }
}

/// <summary>A bound condition.</summary>
internal abstract record BoundExpression
{
    /// <summary>
    /// The conjunction of <paramref name="terms"/> (at least one), as a balanced tree: a chain of n terms is
    /// log2(n) deep, so every stage that walks a condition recursively stays shallow however long the chain.
    /// </summary>
    internal static BoundExpression AllOf(IReadOnlyList<BoundExpression> terms) =>
        Balance(terms, 0, terms.Count, static (left, right) => new BoundAnd(left, right));

    /// <summary>Every predicate of <paramref name="condition"/>, left to right, walked without recursion.</summary>
    internal static IEnumerable<BoundPredicate> Predicates(BoundExpression? condition)
    {
        var pending = new Stack<BoundExpression>();
        if (condition is not null)
        {
            pending.Push(condition);
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case BoundAnd both:
                    pending.Push(both.Right);
                    pending.Push(both.Left);
                    break;
                case BoundOr either:
                    pending.Push(either.Right);
                    pending.Push(either.Left);
                    break;
                case BoundNot not:
                    pending.Push(not.Operand);
                    break;
                case BoundPredicate predicate:
                    yield return predicate;
                    break;
            }
        }
    }

    /// <summary>The disjunction of <paramref name="terms"/> (at least one), as a balanced tree; see <see cref="AllOf"/>.</summary>
    internal static BoundExpression AnyOf(IReadOnlyList<BoundExpression> terms) =>
        Balance(terms, 0, terms.Count, static (left, right) => new BoundOr(left, right));

    private static BoundExpression Balance(IReadOnlyList<BoundExpression> terms, int start, int end, Func<BoundExpression, BoundExpression, BoundExpression> combine)
    {
        if (end - start == 1)
        {
            return terms[start];
        }

        var middle = start + ((end - start + 1) / 2);
        return combine(Balance(terms, start, middle, combine), Balance(terms, middle, end, combine));
    }
}

/// <summary>Both conditions hold.</summary>
/// <param name="Left">The first condition.</param>
/// <param name="Right">The second condition.</param>
internal sealed record BoundAnd(BoundExpression Left, BoundExpression Right) : BoundExpression;

/// <summary>Either condition holds.</summary>
/// <param name="Left">The first condition.</param>
/// <param name="Right">The second condition.</param>
internal sealed record BoundOr(BoundExpression Left, BoundExpression Right) : BoundExpression;

/// <summary>The condition does not hold.</summary>
/// <param name="Operand">The negated condition.</param>
internal sealed record BoundNot(BoundExpression Operand) : BoundExpression;

/// <summary>A test of one path against values.</summary>
/// <param name="Path">The tested path.</param>
/// <param name="Operator">The test.</param>
/// <param name="Values">The values, typed for the path's field.</param>
internal sealed record BoundPredicate(BoundPath Path, PredicateOperator Operator, EquatableArray<BoundValue> Values) : BoundExpression
{
    /// <summary>
    /// Whether the test is of the list's length (<c>count(parties) = 1</c>, <see cref="OperatorTable.Length"/>): the
    /// number of elements of the list field <see cref="Path"/> (a record field, no hop), 0 when the list is missing.
    /// </summary>
    public bool Length { get; init; }

    /// <summary>The sub-query whose values the predicate tests against (<c>id in (… select …)</c>), or null.</summary>
    public BoundSubquery? Subquery => Values is [BoundSubquery subquery] ? subquery : null;
}

/// <summary>One ordering key.</summary>
/// <param name="Path">The key.</param>
/// <param name="Descending">Whether larger values come first.</param>
internal sealed record BoundOrdering(BoundPath Path, bool Descending);

/// <summary>One aggregate of a grouping.</summary>
/// <param name="Function">The function.</param>
/// <param name="Argument">Its field; <see langword="null"/> for count.</param>
/// <param name="Name">The result column's name, e.g. <c>sum(value)</c>.</param>
internal sealed record BoundAggregate(AggregateFunction Function, BoundPath? Argument, string Name);

/// <summary>Groups ordered by one of their aggregates.</summary>
/// <param name="Aggregate">The aggregate's position in <see cref="BoundGroupBy.Aggregates"/>.</param>
/// <param name="Descending">Whether larger values come first (missing values come last either way).</param>
internal sealed record BoundAggregateOrder(int Aggregate, bool Descending);

/// <summary>A grouping.</summary>
/// <param name="Keys">The grouping keys (none: the aggregates of the whole answer, one row, or one per unit).</param>
/// <param name="Aggregates">The aggregates (at least one; <c>count</c> when none was written).</param>
internal sealed record BoundGroupBy(EquatableArray<BoundPath> Keys, EquatableArray<BoundAggregate> Aggregates)
{
    /// <summary>
    /// The aggregates the groups are ordered by, in the order written, before their keys (<c>order by count desc</c>);
    /// empty when only keys order them.
    /// </summary>
    public EquatableArray<BoundAggregateOrder> Order { get; init; } = ImmutableArray<BoundAggregateOrder>.Empty;
}

/// <summary>A query checked against a schema: every name resolved, every literal typed.</summary>
/// <param name="Set">The queried set.</param>
/// <param name="Filter">The condition, if any.</param>
/// <param name="GroupBy">The grouping, if any.</param>
/// <param name="OrderBy">The ordering keys.</param>
/// <param name="Skip">Results to skip.</param>
/// <param name="Take">Most results to return.</param>
/// <param name="Select">Projected paths; empty for whole records.</param>
/// <param name="Count">Whether the query counts.</param>
/// <param name="Parameters">The parameters the query uses, each once, with its type.</param>
internal sealed record BoundQuery(
    EntitySetSchema Set,
    BoundExpression? Filter,
    BoundGroupBy? GroupBy,
    EquatableArray<BoundOrdering> OrderBy,
    int? Skip,
    int? Take,
    EquatableArray<BoundPath> Select,
    bool Count,
    EquatableArray<BoundParameter> Parameters)
{
    /// <summary>Where each text search's literal is written, for diagnostics that only execution can find.</summary>
    internal EquatableArray<SearchSpan> SearchSpans { get; init; }

    /// <summary>Where each predicate, path and aggregate of the query is written, for diagnostics about one part.</summary>
    internal EquatableArray<PartSpan> PartSpans { get; init; }

    /// <summary>Where <paramref name="part"/> (a predicate, path or aggregate of this query, by reference) is written; the default span if unknown.</summary>
    internal TextSpan SpanOfPart(object part)
    {
        foreach (var known in PartSpans)
        {
            if (ReferenceEquals(known.Part, part))
            {
                return known.Span;
            }
        }

        return default;
    }

    /// <summary>The span of <paramref name="predicate"/>'s search text: its literal, or its parameter's first use.</summary>
    internal TextSpan SpanOf(BoundPredicate predicate)
    {
        foreach (var search in SearchSpans)
        {
            if (ReferenceEquals(search.Predicate, predicate))
            {
                return search.Span;
            }
        }

        return predicate.Values is [BoundParameter parameter] ? parameter.Span : default;
    }
}

/// <summary>A text search and where its literal is written.</summary>
/// <param name="Predicate">The search.</param>
/// <param name="Span">Its literal.</param>
internal readonly record struct SearchSpan(BoundPredicate Predicate, TextSpan Span);

/// <summary>A part of a bound query (a predicate, path or aggregate) and where it is written.</summary>
/// <param name="Part">The part.</param>
/// <param name="Span">Where it is written.</param>
internal readonly record struct PartSpan(object Part, TextSpan Span);
