using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using BorderDomain.Model;

namespace BorderDomain.Storage;

/// <summary>
/// What the index builders read from a typed field value (<see cref="Schema.FieldReader{T}"/>) without boxing it: its
/// day numbers, its number, its text, its key text, and the equality its posting keys use. Each answers what the
/// boxed rule answers (<see cref="DateIndex.TryGetDays(object?, out int, out int)"/>, <see cref="Convert.ToDecimal(object?, IFormatProvider?)"/>,
/// <see cref="FoldedTextComparer.TextOf"/>, <see cref="RecordKey.Text"/>, <see cref="IndexKeyComparer"/>); the type
/// tests are on type arguments, so the JIT keeps one branch per value type (no box). A type it does not know, or
/// <see cref="object"/> (metadata made from boxed getters), goes to the boxed rule.
/// </summary>
internal static class TypedValues
{
    /// <summary>The first and last day <paramref name="value"/> covers, as <see cref="DateIndex.TryGetDays(object?, out int, out int)"/> says.</summary>
    internal static bool TryGetDays<TValue>(TValue value, out int start, out int end)
    {
        if (typeof(TValue) == typeof(Period))
        {
            return DateIndex.TryGetDays(Unsafe.As<TValue, Period>(ref value), out start, out end);
        }

        if (typeof(TValue) == typeof(Period?))
        {
            if (Unsafe.As<TValue, Period?>(ref value) is { } period)
            {
                return DateIndex.TryGetDays(period, out start, out end);
            }
        }
        else if (typeof(TValue) == typeof(PartialDate))
        {
            return DateIndex.TryGetDays(Unsafe.As<TValue, PartialDate>(ref value), out start, out end);
        }
        else if (typeof(TValue) == typeof(PartialDate?))
        {
            if (Unsafe.As<TValue, PartialDate?>(ref value) is { } date)
            {
                return DateIndex.TryGetDays(date, out start, out end);
            }
        }
        else if (typeof(TValue) == typeof(DateOnly) || typeof(TValue) == typeof(DateOnly?)
            || typeof(TValue) == typeof(DateTime) || typeof(TValue) == typeof(DateTime?)
            || typeof(TValue) == typeof(DateTimeOffset) || typeof(TValue) == typeof(DateTimeOffset?))
        {
            if (DayOf(value) is { } day)
            {
                start = end = day;
                return true;
            }
        }
        else
        {
            return DateIndex.TryGetDays(value, out start, out end);
        }

        (start, end) = (0, 0);
        return false;
    }

    private static int? DayOf<TValue>(TValue value)
    {
        if (typeof(TValue) == typeof(DateOnly))
        {
            return Unsafe.As<TValue, DateOnly>(ref value).DayNumber;
        }

        if (typeof(TValue) == typeof(DateOnly?))
        {
            return Unsafe.As<TValue, DateOnly?>(ref value)?.DayNumber;
        }

        if (typeof(TValue) == typeof(DateTime) || typeof(TValue) == typeof(DateTime?))
        {
            var moment = typeof(TValue) == typeof(DateTime) ? Unsafe.As<TValue, DateTime>(ref value) : Unsafe.As<TValue, DateTime?>(ref value);
            return moment is { } m ? DateIndex.DayOf(m) : null;
        }

        var instant = typeof(TValue) == typeof(DateTimeOffset) ? Unsafe.As<TValue, DateTimeOffset>(ref value) : Unsafe.As<TValue, DateTimeOffset?>(ref value);
        return instant is { } i ? DateIndex.DayOf(i) : null;
    }

    /// <summary>The number <paramref name="value"/> is, as <see cref="Convert.ToDecimal(object?, IFormatProvider?)"/> makes it; <see langword="false"/> for none.</summary>
    internal static bool TryGetNumber<TValue>(TValue value, out decimal number)
    {
        if (typeof(TValue) == typeof(decimal))
        {
            number = Unsafe.As<TValue, decimal>(ref value);
            return true;
        }

        decimal? result = typeof(TValue) == typeof(decimal?) ? Unsafe.As<TValue, decimal?>(ref value)
            : typeof(TValue) == typeof(int) ? Unsafe.As<TValue, int>(ref value)
            : typeof(TValue) == typeof(int?) ? Unsafe.As<TValue, int?>(ref value)
            : typeof(TValue) == typeof(long) ? Unsafe.As<TValue, long>(ref value)
            : typeof(TValue) == typeof(long?) ? Unsafe.As<TValue, long?>(ref value)
            : typeof(TValue) == typeof(double) ? (decimal)Unsafe.As<TValue, double>(ref value)
            : typeof(TValue) == typeof(double?) ? (decimal?)Unsafe.As<TValue, double?>(ref value)
            : value is null ? null : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        number = result.GetValueOrDefault();
        return result.HasValue;
    }

    /// <summary>The text of <paramref name="value"/> as a text index and posting keys read it (<see cref="FoldedTextComparer.TextOf"/>).</summary>
    internal static string? TextOf<TValue>(TValue value)
    {
        if (typeof(TValue) == typeof(string))
        {
            return Unsafe.As<TValue, string?>(ref value);
        }

        // Only strings and Guids have text; a Guid makes its string, boxed or not.
        return typeof(TValue).IsValueType && typeof(TValue) != typeof(Guid) && typeof(TValue) != typeof(Guid?)
            ? null
            : FoldedTextComparer.TextOf(value);
    }

    /// <summary>The key text of <paramref name="value"/>, as <see cref="RecordKey.Text"/> makes it.</summary>
    internal static string? KeyText<TValue>(TValue value)
    {
        if (typeof(TValue) == typeof(string))
        {
            return Unsafe.As<TValue, string?>(ref value);
        }

        if (typeof(TValue) == typeof(NationCode))
        {
            var code = Unsafe.As<TValue, NationCode>(ref value);
            return code.IsDefault ? null : code.Alpha3;
        }

        if (typeof(TValue) == typeof(NationCode?))
        {
            return Unsafe.As<TValue, NationCode?>(ref value) is { IsDefault: false } code ? code.Alpha3 : null;
        }

        return RecordKey.Text(value);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is null (a reference, or a <see cref="Nullable{T}"/> without a value), without the
    /// box that <c>value is null</c> makes of a value type in unoptimized code.
    /// </summary>
    internal static bool IsNull<TValue>(TValue value) => NullOf<TValue>.CanBeNull && EqualityComparer<TValue>.Default.Equals(value, default!);

    /// <summary>
    /// The equality of posting keys of type <typeparamref name="TKey"/> that <see cref="IndexKeyComparer"/> has on them
    /// boxed: folded text for strings, the boxed rule for objects, the type's own equality otherwise (a Guid's text is
    /// equal, folded, exactly when the Guids are).
    /// </summary>
    internal static IEqualityComparer<TKey> KeyComparer<TKey>() =>
        typeof(TKey) == typeof(string) ? (IEqualityComparer<TKey>)(object)FoldedTextComparer.Instance
        : typeof(TKey) == typeof(object) ? (IEqualityComparer<TKey>)(object)IndexKeyComparer.Instance
        : EqualityComparer<TKey>.Default;

    private static class NullOf<TValue>
    {
        internal static readonly bool CanBeNull = default(TValue) is null;
    }
}
