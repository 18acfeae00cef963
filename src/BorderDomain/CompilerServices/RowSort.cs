using System;
using System.Collections.Generic;
using System.ComponentModel;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.CompilerServices;

/// <summary>One key of an <c>order by</c>: how to read it from a row, its kind, and its direction.</summary>
/// <param name="Value">Reads the key's value at a row.</param>
/// <param name="Kind">The key's kind, which decides how values compare.</param>
/// <param name="Descending">Largest value first.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record SortKey(Func<int, object?> Value, FieldKind Kind, bool Descending);

/// <summary>
/// Sorts rows for <c>order by</c>: the one sort the in-memory executor and generated code share. Values compare as
/// <see cref="ValueSemantics.SortOrder"/> says (missing values last in either direction), ties in ascending row
/// order. Each key is read once per row and turned into a plain number where its kind allows (a date's first day,
/// a number, an enum's value), so comparing never unboxes or parses; a single date or yes/no key sorts one packed
/// 64-bit integer per row.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowSort
{
    /// <summary>The rows in order.</summary>
    public static int[] Sort(IReadOnlyList<int> rows, IReadOnlyList<SortKey> keys)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keys);
        var count = rows.Count;
        var result = new int[count];
        if (keys.Count == 1 && keys[0].Kind is FieldKind.Date or FieldKind.Period or FieldKind.Boolean)
        {
            var key = keys[0];
            return SortPacked(rows, key.Descending, row => key.Value(row) is { } value ? (int)Ordinal(key.Kind, value) : null);
        }

        var columns = new Column[keys.Count];
        for (var k = 0; k < keys.Count; k++)
        {
            columns[k] = new Column(keys[k], rows);
        }

        var positions = new int[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = i;
        }

        Array.Sort(positions, (a, b) =>
        {
            foreach (var column in columns)
            {
                var order = column.Compare(a, b);
                if (order != 0)
                {
                    return order;
                }
            }

            return rows[a].CompareTo(rows[b]);
        });
        for (var i = 0; i < count; i++)
        {
            result[i] = rows[positions[i]];
        }

        return result;
    }

    /// <summary>
    /// The rows ordered by one date key given as its sort day (<see cref="Day(PartialDate?)"/>; null when missing), so
    /// generated code reads typed records without boxing. Same order as <see cref="Sort"/> with that key.
    /// </summary>
    public static int[] SortByDay(IReadOnlyList<int> rows, Func<int, int?> day, bool descending)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(day);
        return SortPacked(rows, descending, day);
    }

    /// <summary>The day <paramref name="date"/> sorts by (<see cref="ValueSemantics.SortDay"/>), or null when it is missing.</summary>
    public static int? Day(PartialDate? date) => date is { } value ? (DateIndex.TryGetDays(value, out var start, out _) ? start : int.MaxValue) : null;

    /// <summary>The day <paramref name="period"/> sorts by (<see cref="ValueSemantics.SortDay"/>), or null when it is missing.</summary>
    public static int? Day(Period? period) => period is { } value ? (DateIndex.TryGetDays(value, out var start, out _) ? start : int.MaxValue) : null;

    /// <summary>The day <paramref name="date"/> sorts by, or null when it is missing.</summary>
    public static int? Day(DateOnly? date) => date?.DayNumber;

    /// <summary>The day <paramref name="date"/> sorts by (its calendar date), or null when it is missing.</summary>
    public static int? Day(DateTime? date) => date is { } value && DateIndex.TryGetDays(value, out var start, out _) ? start : null;

    /// <summary>The day <paramref name="date"/> sorts by (its UTC date), or null when it is missing.</summary>
    public static int? Day(DateTimeOffset? date) => date is { } value && DateIndex.TryGetDays(value, out var start, out _) ? start : null;

    // A present value of a date, period, enum or yes/no key as a number that orders like it.
    private static long Ordinal(FieldKind kind, object value) => kind switch
    {
        FieldKind.Boolean => (bool)value ? 1 : 0,
        FieldKind.Enum => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => ValueSemantics.SortDay(value),
    };

    // One packed 64-bit integer per row, sorted as integers:
    // [missing: 1 bit][ordinal, order-preserving and flipped when descending: 32 bits][row: 31 bits].
    private static int[] SortPacked(IReadOnlyList<int> rows, bool descending, Func<int, int?> ordinal)
    {
        var count = rows.Count;
        var packed = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            ulong part;
            if (ordinal(row) is { } value)
            {
                var ascending = (uint)(value ^ int.MinValue);
                part = (ulong)(descending ? ~ascending : ascending) << 31;
            }
            else
            {
                part = 1UL << 63;
            }

            packed[i] = part | (uint)row;
        }

        Array.Sort(packed);
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (int)(packed[i] & 0x7FFF_FFFF);
        }

        return result;
    }

    // One key's values for every row, read once: as longs (dates, enums, yes/no), decimals (numbers) or objects.
    private sealed class Column
    {
        private readonly SortKey _key;
        private readonly bool[] _missing;
        private readonly long[]? _longs;
        private readonly decimal[]? _decimals;
        private readonly object?[]? _objects;

        public Column(SortKey key, IReadOnlyList<int> rows)
        {
            _key = key;
            _missing = new bool[rows.Count];
            switch (key.Kind)
            {
                case FieldKind.Date or FieldKind.Period or FieldKind.Enum or FieldKind.Boolean:
                    _longs = new long[rows.Count];
                    break;
                case FieldKind.Number:
                    _decimals = new decimal[rows.Count];
                    break;
                default:
                    _objects = new object?[rows.Count];
                    break;
            }

            for (var i = 0; i < rows.Count; i++)
            {
                var value = key.Value(rows[i]);
                if (value is null)
                {
                    _missing[i] = true;
                }
                else if (_longs is not null)
                {
                    _longs[i] = Ordinal(key.Kind, value);
                }
                else if (_decimals is not null)
                {
                    _decimals[i] = ValueSemantics.ToDecimal(value);
                }
                else
                {
                    // Text sorts by its folded form: fold once per row, not once per comparison.
                    _objects![i] = key.Kind == FieldKind.String && ValueSemantics.TextOf(value) is { } text ? TextNormalizer.Normalize(text) : value;
                }
            }
        }

        public int Compare(int a, int b)
        {
            if (_missing[a] || _missing[b])
            {
                return _missing[a] == _missing[b] ? 0 : _missing[a] ? 1 : -1;
            }

            var order = _longs is not null ? _longs[a].CompareTo(_longs[b])
                : _decimals is not null ? _decimals[a].CompareTo(_decimals[b])
                : _key.Kind == FieldKind.String ? TextNormalizer.CompareCodePoints((string?)_objects![a], (string?)_objects[b])
                : ValueSemantics.Order(_key.Kind, _objects![a], _objects[b]);
            return _key.Descending ? -order : order;
        }
    }
}
