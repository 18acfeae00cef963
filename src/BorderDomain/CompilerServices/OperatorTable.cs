using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Schema;

namespace BorderDomain.CompilerServices;

/// <summary>What a predicate operator takes after its spelling.</summary>
internal enum OperandShape
{
    /// <summary>Nothing: <c>is null</c>, a bare yes/no field.</summary>
    None = 1,

    /// <summary>One value: <c>= x</c>, <c>has x</c>.</summary>
    One,

    /// <summary>A parenthesized list: <c>in (a, b)</c>.</summary>
    List,

    /// <summary>Two values joined by <c>and</c>: <c>between a and b</c>.</summary>
    Range,

    /// <summary>One search text, a string or a parameter: <c>contains "…"</c>.</summary>
    SearchText,
}

/// <summary>What an operator applies to; the binder's acceptance rule, one per member.</summary>
internal enum OperatorTarget
{
    /// <summary>A single yes/no value.</summary>
    Boolean = 1,

    /// <summary>A single value of any kind (not a list).</summary>
    Value,

    /// <summary>A single value of an ordered kind: text, number, date or period.</summary>
    OrderedValue,

    /// <summary>A list field, tested element by element.</summary>
    Collection,

    /// <summary>A single text value.</summary>
    Text,

    /// <summary>Anything: a single value or a list.</summary>
    Anything,
}

/// <summary>How an operator's test reads its operands; what every back end switches on.</summary>
internal enum OperatorFamily
{
    /// <summary>The value is <c>true</c>.</summary>
    Truth = 1,

    /// <summary><c>=</c> / <c>!=</c> (for dates: falls inside).</summary>
    Equality,

    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
    Order,

    /// <summary><c>in</c> / <c>not in</c>.</summary>
    Membership,

    /// <summary><c>between … and …</c>.</summary>
    Range,

    /// <summary><c>has</c>, <c>has any</c>, <c>has all</c>.</summary>
    Element,

    /// <summary><c>contains</c>, <c>startswith</c>, <c>endswith</c> on folded text.</summary>
    Text,

    /// <summary><c>is null</c> / <c>is not null</c>.</summary>
    Presence,
}

/// <summary>Where a text operator looks for its search text.</summary>
internal enum TextPosition
{
    /// <summary>Anywhere.</summary>
    Anywhere = 1,

    /// <summary>At the start.</summary>
    Start,

    /// <summary>At the end.</summary>
    End,
}

/// <summary>One predicate operator as every stage sees it.</summary>
/// <param name="Operator">The member.</param>
/// <param name="Spelling">The BDQ words or symbol, as the printer writes them (empty for a bare yes/no field).</param>
/// <param name="MessageText">How diagnostics name it.</param>
/// <param name="Operands">What follows the spelling.</param>
/// <param name="Target">What it applies to (the binder's rule).</param>
/// <param name="Family">How back ends run it.</param>
/// <param name="Negated">Whether it is the negation of its family's plain test (<c>!=</c>, <c>not in</c>, <c>is not null</c>).</param>
/// <param name="Text">For text operators, where the search text must be; otherwise <see langword="null"/>.</param>
/// <param name="Bound">For order operators: whether the literal is a lower bound (<c>&gt;</c>, <c>&gt;=</c>) and whether it is included.</param>
internal sealed record OperatorInfo(
    PredicateOperator Operator,
    string Spelling,
    string MessageText,
    OperandShape Operands,
    OperatorTarget Target,
    OperatorFamily Family,
    bool Negated = false,
    TextPosition? Text = null,
    (bool Lower, bool Inclusive)? Bound = null)
{
    /// <summary>The spelling's words (<c>not in</c> → <c>not</c>, <c>in</c>).</summary>
    public ImmutableArray<string> Words => Spelling.Length == 0 ? [] : [.. Spelling.Split(' ')];

    /// <summary>Whether the spelling is a symbol (<c>&lt;=</c>) rather than words.</summary>
    public bool IsSymbol => Spelling.Length > 0 && !char.IsLetter(Spelling[0]);

    /// <summary>The field kinds it accepts (of the value, or of a list's elements).</summary>
    public ImmutableArray<FieldKind> Kinds => Target switch
    {
        OperatorTarget.Boolean => [FieldKind.Boolean],
        OperatorTarget.OrderedValue => OperatorTable.OrderedKinds,
        OperatorTarget.Text => [FieldKind.String],
        OperatorTarget.Value or OperatorTarget.Collection or OperatorTarget.Anything => OperatorTable.AllKinds,
        _ => throw OperatorTable.Unhandled(Target),
    };

    /// <summary>Whether it applies to a list field (<see langword="true"/>), a single value (<see langword="false"/>), or either (<see langword="null"/>).</summary>
    public bool? OnCollection => Target switch
    {
        OperatorTarget.Collection => true,
        OperatorTarget.Anything => null,
        OperatorTarget.Boolean or OperatorTarget.Value or OperatorTarget.OrderedValue or OperatorTarget.Text => false,
        _ => throw OperatorTable.Unhandled(Target),
    };
}

/// <summary>One connective of conditions, with its precedence (higher binds tighter).</summary>
/// <param name="Spelling">The keyword.</param>
/// <param name="Precedence">Its binding strength: <c>not</c> 3, <c>and</c> 2, <c>or</c> 1.</param>
internal sealed record ConnectiveInfo(string Spelling, int Precedence);

/// <summary>One aggregate function as every stage sees it.</summary>
/// <param name="Function">The member.</param>
/// <param name="Spelling">The BDQ word.</param>
/// <param name="NeedsArgument">Whether it takes a field: <c>sum(value)</c>; <c>count</c> takes none.</param>
/// <param name="ArgumentKinds">The field kinds its argument may have (none for <c>count</c>).</param>
internal sealed record AggregateInfo(AggregateFunction Function, string Spelling, bool NeedsArgument, ImmutableArray<FieldKind> ArgumentKinds);

/// <summary>
/// A number computed from a field that a predicate tests in the field's place: <c>count(parties) = 1</c>, a list's
/// length. The binder checks the operator against <see cref="Result"/> as if it were a field of that kind.
/// </summary>
/// <param name="Spelling">The BDQ word before the parenthesized field.</param>
/// <param name="Applies">What its field must be (a list field of the record itself).</param>
/// <param name="Result">The kind of the number it gives.</param>
/// <param name="Operators">The operators that may test it.</param>
internal sealed record MeasureInfo(string Spelling, OperatorTarget Applies, FieldKind Result, ImmutableArray<OperatorFamily> Operators);

/// <summary>
/// The one table of BDQ's predicate operators and aggregate functions: spelling, what each applies to, and the family
/// each back end switches on. The grammar, printer, binder, executor (<c>ValueSemantics</c>), LINQ builder, index
/// queries, planner and the generator's emitter all read it; CONTRIBUTING.md lists what a new member needs.
/// </summary>
internal static class OperatorTable
{
    /// <summary>Every field kind.</summary>
    public static readonly ImmutableArray<FieldKind> AllKinds =
        [FieldKind.String, FieldKind.Enum, FieldKind.Nation, FieldKind.Date, FieldKind.Period, FieldKind.Number, FieldKind.Boolean, FieldKind.Unit];

    /// <summary>The kinds that have an order: text (folded), numbers, dates and periods.</summary>
    public static readonly ImmutableArray<FieldKind> OrderedKinds = [FieldKind.String, FieldKind.Date, FieldKind.Period, FieldKind.Number];

    /// <summary>
    /// Every operator, in the order the grammar tries them (a symbol before its prefix, a longer spelling before a
    /// shorter one that starts it).
    /// </summary>
    public static readonly ImmutableArray<OperatorInfo> Operators =
    [
        new(PredicateOperator.LessOrEqual, "<=", "<=", OperandShape.One, OperatorTarget.OrderedValue, OperatorFamily.Order, Bound: (false, true)),
        new(PredicateOperator.GreaterOrEqual, ">=", ">=", OperandShape.One, OperatorTarget.OrderedValue, OperatorFamily.Order, Bound: (true, true)),
        new(PredicateOperator.NotEqual, "!=", "!=", OperandShape.One, OperatorTarget.Value, OperatorFamily.Equality, Negated: true),
        new(PredicateOperator.Less, "<", "<", OperandShape.One, OperatorTarget.OrderedValue, OperatorFamily.Order, Bound: (false, false)),
        new(PredicateOperator.Greater, ">", ">", OperandShape.One, OperatorTarget.OrderedValue, OperatorFamily.Order, Bound: (true, false)),
        new(PredicateOperator.Equal, "=", "=", OperandShape.One, OperatorTarget.Value, OperatorFamily.Equality),
        new(PredicateOperator.In, "in", "in", OperandShape.List, OperatorTarget.Value, OperatorFamily.Membership),
        new(PredicateOperator.NotIn, "not in", "not in", OperandShape.List, OperatorTarget.Value, OperatorFamily.Membership, Negated: true),
        new(PredicateOperator.Between, "between", "between", OperandShape.Range, OperatorTarget.OrderedValue, OperatorFamily.Range),
        new(PredicateOperator.HasAny, "has any", "has any", OperandShape.List, OperatorTarget.Collection, OperatorFamily.Element),
        new(PredicateOperator.HasAll, "has all", "has all", OperandShape.List, OperatorTarget.Collection, OperatorFamily.Element),
        new(PredicateOperator.Has, "has", "has", OperandShape.One, OperatorTarget.Collection, OperatorFamily.Element),
        new(PredicateOperator.Contains, "contains", "contains", OperandShape.SearchText, OperatorTarget.Text, OperatorFamily.Text, Text: TextPosition.Anywhere),
        new(PredicateOperator.StartsWith, "startswith", "startswith", OperandShape.SearchText, OperatorTarget.Text, OperatorFamily.Text, Text: TextPosition.Start),
        new(PredicateOperator.EndsWith, "endswith", "endswith", OperandShape.SearchText, OperatorTarget.Text, OperatorFamily.Text, Text: TextPosition.End),
        new(PredicateOperator.IsNotNull, "is not null", "is not null", OperandShape.None, OperatorTarget.Anything, OperatorFamily.Presence, Negated: true),
        new(PredicateOperator.IsNull, "is null", "is null", OperandShape.None, OperatorTarget.Anything, OperatorFamily.Presence),
        new(PredicateOperator.IsTrue, string.Empty, "(yes/no test)", OperandShape.None, OperatorTarget.Boolean, OperatorFamily.Truth),
    ];

    /// <summary>The connectives, tightest first.</summary>
    public static readonly ImmutableArray<ConnectiveInfo> Connectives = [new("not", 3), new("and", 2), new("or", 1)];

    /// <summary>Every aggregate function.</summary>
    public static readonly ImmutableArray<AggregateInfo> Aggregates =
    [
        new(AggregateFunction.Count, "count", false, []),
        new(AggregateFunction.Sum, "sum", true, [FieldKind.Number]),
        new(AggregateFunction.Min, "min", true, [FieldKind.Number, FieldKind.Date, FieldKind.Period, FieldKind.String]),
        new(AggregateFunction.Max, "max", true, [FieldKind.Number, FieldKind.Date, FieldKind.Period, FieldKind.String]),
        new(AggregateFunction.Avg, "avg", true, [FieldKind.Number]),
    ];

    /// <summary>
    /// A list's length, <c>count(parties)</c>: spelled like the <c>count</c> aggregate, a whole number (a missing list
    /// has length 0), tested with the number operators.
    /// </summary>
    public static readonly MeasureInfo Length = new(
        "count", OperatorTarget.Collection, FieldKind.Number, [OperatorFamily.Equality, OperatorFamily.Order, OperatorFamily.Membership, OperatorFamily.Range]);

    private static readonly Dictionary<PredicateOperator, OperatorInfo> ByOperator = Operators.ToDictionary(o => o.Operator);

    private static readonly Dictionary<AggregateFunction, AggregateInfo> ByFunction = Aggregates.ToDictionary(a => a.Function);

    private static readonly Dictionary<string, AggregateInfo> BySpelling = Aggregates.ToDictionary(a => a.Spelling, StringComparer.OrdinalIgnoreCase);

    /// <summary>The operator's entry.</summary>
    public static OperatorInfo Of(PredicateOperator op) => ByOperator.TryGetValue(op, out var info) ? info : throw Unhandled(op);

    /// <summary>The aggregate's entry.</summary>
    public static AggregateInfo Of(AggregateFunction function) => ByFunction.TryGetValue(function, out var info) ? info : throw Unhandled(function);

    /// <summary>The aggregate spelled <paramref name="word"/> (any case), if one is.</summary>
    public static AggregateInfo? Aggregate(string word) => BySpelling.TryGetValue(word, out var info) ? info : null;

    /// <summary>Every word an operator or aggregate is spelled with.</summary>
    public static IEnumerable<string> Words =>
        Operators.SelectMany(o => o.IsSymbol ? [] : o.Words).Concat(Aggregates.Select(a => a.Spelling)).Concat(Connectives.Select(c => c.Spelling))
            .Append("and"); // 'between … and …'

    /// <summary>
    /// The first word or symbol of each operator (both words of <c>not in</c>, since <c>not</c> alone also starts a
    /// condition), once each, in the enum's order: what may follow a field.
    /// </summary>
    public static IEnumerable<string> Leads =>
        Operators.OrderBy(o => o.Operator).Where(o => o.Spelling.Length > 0)
            .Select(o => o.Words[0] == "not" ? o.Spelling : o.Words[0]).Distinct();

    /// <summary>The failure for a member a switch does not handle: a bug, never a silent meaning.</summary>
    public static InvalidOperationException Unhandled<T>(T member)
        where T : struct => new($"{typeof(T).Name}.{member} is not handled here; add it to OperatorTable and to every back end (CONTRIBUTING.md).");
}
