using System;
using System.Collections;
using System.ComponentModel;
using System.Collections.Generic;
using System.Globalization;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.CompilerServices;

/// <summary>
/// What BDQ's comparisons mean for each kind of value: text compares by its folded form (case and accents ignored,
/// <see cref="FoldedTextComparer"/>: equal when the folded texts are, ordered by their code points), dates are intervals (<c>=</c> falls
/// inside, <c>&gt;=</c> on or after the start, <c>&lt;=</c> on or before the end), enums compare by member name.
/// A missing value satisfies no comparison. Index answers are checked against this in the tests.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueSemantics
{
    /// <summary>
    /// Whether a value passes a predicate. <paramref name="constants"/> are the predicate's values as records hold
    /// them; for contains, startswith and endswith the search text must already be folded by <see cref="TextNormalizer"/>.
    /// The in-memory executor and the LINQ expression path both call this, so both mean the same thing.
    /// </summary>
    public static bool Test(FieldKind kind, PredicateOperator op, object? value, object[] constants, bool isCollection) => op switch
    {
        PredicateOperator.IsTrue => value is true,
        PredicateOperator.Equal => AreEqual(kind, value, constants[0]),
        PredicateOperator.NotEqual => value is not null && !AreEqual(kind, value, constants[0]),
        PredicateOperator.In => Array.Exists(constants, c => AreEqual(kind, value, c)),
        PredicateOperator.NotIn => value is not null && !Array.Exists(constants, c => AreEqual(kind, value, c)),
        PredicateOperator.Between => Compare(kind, value, constants[0], PredicateOperator.GreaterOrEqual)
            && Compare(kind, value, constants[1], PredicateOperator.LessOrEqual),
        PredicateOperator.Less or PredicateOperator.LessOrEqual or PredicateOperator.Greater or PredicateOperator.GreaterOrEqual
            => Compare(kind, value, constants[0], op),
        PredicateOperator.Has => Has(kind, value, constants[0]),
        PredicateOperator.HasAny => Array.Exists(constants, c => Has(kind, value, c)),
        PredicateOperator.HasAll => Array.TrueForAll(constants, c => Has(kind, value, c)),
        PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith
            => TextOf(value) is { } text && TextIndex.IsMatch(TextNormalizer.Normalize(text), (string)constants[0], TextMatchOf(op)),
        PredicateOperator.IsNull => IsMissing(value, isCollection),
        PredicateOperator.IsNotNull => !IsMissing(value, isCollection),
        _ => throw OperatorTable.Unhandled(op),
    };

    /// <summary>The match a text operator makes, from the operator table.</summary>
    internal static TextMatch TextMatchOf(PredicateOperator op) => OperatorTable.Of(op).Text switch
    {
        TextPosition.Anywhere => TextMatch.Contains,
        TextPosition.Start => TextMatch.StartsWith,
        TextPosition.End => TextMatch.EndsWith,
        _ => throw OperatorTable.Unhandled(op),
    };

    /// <summary>The order of two sort keys: by <see cref="Order"/>, reversed when descending, missing values last either way.</summary>
    internal static int SortOrder(FieldKind kind, object? left, object? right, bool descending)
    {
        var order = Order(kind, left, right);
        return left is null || right is null || !descending ? order : -order;
    }

    /// <summary>Whether <paramref name="value"/> equals (for dates: falls inside) <paramref name="constant"/>.</summary>
    internal static bool AreEqual(FieldKind kind, object? value, object constant) => value is not null && kind switch
    {
        FieldKind.String => FoldedTextComparer.Instance.Equals(TextOf(value), (string)constant),
        FieldKind.Number => ToDecimal(value) == (decimal)constant,
        FieldKind.Date or FieldKind.Period => DateIndex.TryGetDays(value, out var start, out var end)
            && DaysHold(start, end, PredicateOperator.Equal, (PartialDate)constant),
        FieldKind.Enum => string.Equals(value.ToString(), (string)constant, StringComparison.Ordinal),
        _ => value.Equals(constant),
    };

    /// <summary>The comparison of <paramref name="value"/> with <paramref name="constant"/> under <paramref name="op"/> (&lt;, &lt;=, &gt;, &gt;=).</summary>
    internal static bool Compare(FieldKind kind, object? value, object constant, PredicateOperator op)
    {
        if (value is null)
        {
            return false;
        }

        if (kind is FieldKind.Date or FieldKind.Period)
        {
            return DateIndex.TryGetDays(value, out var start, out var end) && DaysHold(start, end, op, (PartialDate)constant);
        }

        var order = kind == FieldKind.Number
            ? ToDecimal(value).CompareTo((decimal)constant)
            : FoldedTextComparer.Instance.Compare(TextOf(value), (string)constant);
        return OrderHolds(order, op);
    }

    /// <summary>
    /// Whether a value spanning days <paramref name="start"/>..<paramref name="end"/> stands to <paramref name="literal"/>
    /// as <paramref name="op"/> (=, &lt;, &lt;=, &gt;, &gt;=) says, as intervals: = falls inside, &lt; ends before it starts.
    /// </summary>
    internal static bool DaysHold(int start, int end, PredicateOperator op, PartialDate literal) => op switch
    {
        PredicateOperator.Equal => start >= literal.StartDayNumber && end <= literal.EndDayNumber,
        PredicateOperator.GreaterOrEqual => start >= literal.StartDayNumber,
        PredicateOperator.Greater => start > literal.EndDayNumber,
        PredicateOperator.LessOrEqual => end <= literal.EndDayNumber,
        PredicateOperator.Less => end < literal.StartDayNumber,
        _ => throw OperatorTable.Unhandled(op),
    };

    /// <summary>Whether a comparison's <paramref name="order"/> (negative, zero, positive) satisfies <paramref name="op"/> (&lt;, &lt;=, &gt;, &gt;=).</summary>
    internal static bool OrderHolds(int order, PredicateOperator op) => op switch
    {
        PredicateOperator.GreaterOrEqual => order >= 0,
        PredicateOperator.Greater => order > 0,
        PredicateOperator.LessOrEqual => order <= 0,
        PredicateOperator.Less => order < 0,
        _ => throw OperatorTable.Unhandled(op),
    };

    /// <summary>Whether a collection value holds an element equal to <paramref name="constant"/>.</summary>
    internal static bool Has(FieldKind kind, object? collection, object constant)
    {
        foreach (var element in (IEnumerable?)collection ?? Array.Empty<object>())
        {
            if (AreEqual(kind, element, constant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a value is missing: null, or an empty collection.</summary>
    internal static bool IsMissing(object? value, bool isCollection)
    {
        if (value is null)
        {
            return true;
        }

        if (!isCollection)
        {
            return false;
        }

        foreach (var element in (IEnumerable)value)
        {
            if (element is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Orders two values of one kind: nulls last, dates by first day, enums by value, text by its folded form's code points, codes by their text.</summary>
    internal static int Order(FieldKind kind, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : 1) : -1;
        }

        return kind switch
        {
            FieldKind.Number => ToDecimal(left).CompareTo(ToDecimal(right)),
            FieldKind.Date or FieldKind.Period => SortDay(left).CompareTo(SortDay(right)),
            FieldKind.String => FoldedTextComparer.Instance.Compare(TextOf(left), TextOf(right)),
            FieldKind.Enum => Convert.ToInt64(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToInt64(right, CultureInfo.InvariantCulture)),
            FieldKind.Boolean => ((bool)left).CompareTo((bool)right),
            _ => TextNormalizer.CompareCodePoints(RecordKey.Text(left), RecordKey.Text(right)),
        };
    }

    /// <summary>The day a date or period sorts by: its first day.</summary>
    internal static int SortDay(object value) => DateIndex.TryGetDays(value, out var start, out _) ? start : int.MaxValue;

    /// <summary>
    /// The text of a text field's value: the string itself, or a <see cref="Guid"/>'s lower-case <c>D</c> form
    /// (<c>0f8fad5b-d9cb-469f-a165-70867728950e</c>), which BDQ treats as text (see <see cref="SchemaConventions.KindOf"/>).
    /// Public because LINQ expression trees (<c>BdqQueryable</c>) call it.
    /// </summary>
    public static string? TextOf(object? value) => FoldedTextComparer.TextOf(value);

    /// <summary>
    /// A path through a list of references (<c>agencies.name</c>): the value of field <paramref name="field"/> of each
    /// record of <paramref name="target"/> that <paramref name="keys"/> names, in the list's order; references that
    /// dangle and missing values are left out.
    /// </summary>
    internal static object[] FollowEach(IEntityTable? target, object? keys, int field)
    {
        if (target is null || keys is not IEnumerable elements)
        {
            return [];
        }

        var values = new List<object>();

        foreach (var key in elements)
        {
            if (RecordKey.Text(key) is { } text && target.TryGetRow(text, out var row) && target.GetValue(row, field) is { } value)
            {
                values.Add(value);
            }
        }

        return values.ToArray();
    }

    /// <summary>
    /// A list field value's length, what <c>count(parties)</c> tests: its number of elements, 0 for a missing list
    /// (null).
    /// </summary>
    /// <param name="value">The list field's value as the record holds it.</param>
    public static int Length(object? value)
    {
        if (value is ICollection collection)
        {
            return collection.Count;
        }

        var count = 0;
        if (value is IEnumerable elements)
        {
            foreach (var unused in elements)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A number field value as a decimal.</summary>
    internal static decimal ToDecimal(object value) => value as decimal? ?? Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
