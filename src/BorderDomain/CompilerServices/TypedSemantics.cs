using System;
using System.ComponentModel;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.CompilerServices;

/// <summary>
/// The typed forms of the comparisons whose meaning is shared and not a plain C# operator, for generated code that
/// reads a record's property without boxing it: text compared by its folded form (<see cref="FoldedTextComparer"/>)
/// and dates compared as intervals. They mean exactly what <see cref="ValueSemantics.Test"/> means for the same kind.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TypedSemantics
{
    /// <summary>Whether <paramref name="value"/>'s folded form equals <paramref name="constant"/>'s; a missing value equals nothing.</summary>
    public static bool TextEqual(string? value, string? constant) =>
        value is not null && FoldedTextComparer.Instance.Equals(value, constant);

    /// <summary>The comparison (&lt;, &lt;=, &gt;, &gt;=) of <paramref name="value"/> with <paramref name="constant"/> by their folded forms; a missing value satisfies none.</summary>
    public static bool TextCompare(string? value, string? constant, PredicateOperator op) =>
        value is not null && ValueSemantics.OrderHolds(FoldedTextComparer.Instance.Compare(value, constant), op);

    /// <summary>Whether <paramref name="value"/>'s folded form contains, starts or ends with (by <paramref name="op"/>) the already folded <paramref name="folded"/>.</summary>
    public static bool TextMatch(string? value, string? folded, PredicateOperator op) =>
        value is not null && TextIndex.IsMatch(TextNormalizer.Normalize(value), folded!, ValueSemantics.TextMatchOf(op));

    /// <summary>The date comparison (=, &lt;, &lt;=, &gt;, &gt;=) of <paramref name="value"/> with <paramref name="literal"/>, as intervals.</summary>
    public static bool DateTest(PartialDate value, PredicateOperator op, PartialDate literal) =>
        DateIndex.TryGetDays(value, out var start, out var end) && ValueSemantics.DaysHold(start, end, op, literal);

    /// <summary>The date comparison (=, &lt;, &lt;=, &gt;, &gt;=) of the period <paramref name="value"/> with <paramref name="literal"/>, as intervals.</summary>
    public static bool DateTest(Period value, PredicateOperator op, PartialDate literal) =>
        DateIndex.TryGetDays(value, out var start, out var end) && ValueSemantics.DaysHold(start, end, op, literal);
}
