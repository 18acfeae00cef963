using System;
using System.Collections;
using System.Globalization;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query.Execution;

/// <summary>
/// What BDQ's comparisons mean for each kind of value: strings ignore case, dates are intervals (<c>=</c> falls
/// inside, <c>&gt;=</c> on or after the start, <c>&lt;=</c> on or before the end), enums compare by member name.
/// A missing value satisfies no comparison. Index answers are checked against this in the tests.
/// </summary>
internal static class ValueSemantics
{
    /// <summary>Whether <paramref name="value"/> equals (for dates: falls inside) <paramref name="constant"/>.</summary>
    internal static bool AreEqual(FieldKind kind, object? value, object constant) => value is not null && kind switch
    {
        FieldKind.String => string.Equals((string)value, (string)constant, StringComparison.OrdinalIgnoreCase),
        FieldKind.Number => ToDecimal(value) == (decimal)constant,
        FieldKind.Date or FieldKind.Period => DateIndex.TryGetDays(value, out var start, out var end)
            && start >= ((PartialDate)constant).StartDayNumber && end <= ((PartialDate)constant).EndDayNumber,
        FieldKind.Enum => string.Equals(value.ToString(), (string)constant, StringComparison.Ordinal),
        _ => value.Equals(constant),
    };

    /// <summary>The comparison of <paramref name="value"/> with <paramref name="constant"/> under <paramref name="op"/> (&lt;, &lt;=, &gt;, &gt;=).</summary>
    internal static bool Compare(FieldKind kind, object? value, object constant, Syntax.PredicateOperator op)
    {
        if (value is null)
        {
            return false;
        }

        if (kind is FieldKind.Date or FieldKind.Period)
        {
            if (!DateIndex.TryGetDays(value, out var start, out var end))
            {
                return false;
            }

            var literal = (PartialDate)constant;
            return op switch
            {
                Syntax.PredicateOperator.GreaterOrEqual => start >= literal.StartDayNumber,
                Syntax.PredicateOperator.Greater => start > literal.EndDayNumber,
                Syntax.PredicateOperator.LessOrEqual => end <= literal.EndDayNumber,
                _ => end < literal.StartDayNumber,
            };
        }

        var order = kind == FieldKind.Number
            ? ToDecimal(value).CompareTo((decimal)constant)
            : string.Compare((string)value, (string)constant, StringComparison.OrdinalIgnoreCase);
        return op switch
        {
            Syntax.PredicateOperator.GreaterOrEqual => order >= 0,
            Syntax.PredicateOperator.Greater => order > 0,
            Syntax.PredicateOperator.LessOrEqual => order <= 0,
            _ => order < 0,
        };
    }

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

    /// <summary>Orders two values of one kind: nulls last, dates by first day, enums by value, text ignoring case.</summary>
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
            FieldKind.String => string.Compare((string)left, (string)right, StringComparison.OrdinalIgnoreCase),
            FieldKind.Enum => Convert.ToInt64(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToInt64(right, CultureInfo.InvariantCulture)),
            FieldKind.Boolean => ((bool)left).CompareTo((bool)right),
            _ => string.CompareOrdinal(left.ToString(), right.ToString()),
        };
    }

    /// <summary>The day a date or period sorts by: its first day.</summary>
    internal static int SortDay(object value) => DateIndex.TryGetDays(value, out var start, out _) ? start : int.MaxValue;

    internal static decimal ToDecimal(object value) => value as decimal? ?? Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
