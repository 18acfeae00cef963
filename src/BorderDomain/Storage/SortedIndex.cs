using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// Rows sorted by a key (ties by row id), so a range of keys is a contiguous slice found with two binary searches.
/// Rows whose key is null are not in the index.
/// </summary>
/// <typeparam name="TKey">The key: a day number for dates, a decimal for numbers.</typeparam>
public sealed class SortedIndex<TKey>
    where TKey : IComparable<TKey>
{
    private readonly TKey[] _keys;
    private readonly int[] _rows;

    internal SortedIndex(TKey[] keys, int[] rows)
    {
        Array.Sort(keys, rows, Comparer<TKey>.Default);
        SortTiesByRow(keys, rows);
        _keys = keys;
        _rows = rows;
    }

    /// <summary>How many rows have a key.</summary>
    public int Count => _rows.Length;

    /// <summary>The rows in ascending key order (ties by ascending row).</summary>
    public ReadOnlySpan<int> RowsInKeyOrder => _rows;

    /// <summary>The keys, ascending, aligned with <see cref="RowsInKeyOrder"/>.</summary>
    public ReadOnlySpan<TKey> Keys => _keys;

    /// <summary>Approximate bytes held.</summary>
    public long EstimatedBytes => (long)_rows.Length * (sizeof(int) + System.Runtime.CompilerServices.Unsafe.SizeOf<TKey>());

    /// <summary>The positions [start, end) of the keys in the range; a missing bound is open.</summary>
    public (int Start, int End) Range(KeyBound<TKey>? low, KeyBound<TKey>? high)
    {
        var start = low is not { } from ? 0 : from.Inclusive ? LowerBound(from.Value) : UpperBound(from.Value);
        var end = high is not { } to ? _keys.Length : to.Inclusive ? UpperBound(to.Value) : LowerBound(to.Value);
        return (start, Math.Max(start, end));
    }

    /// <summary>The rows whose key falls in the range, in key order.</summary>
    public ReadOnlySpan<int> RowsInRange(KeyBound<TKey>? low, KeyBound<TKey>? high)
    {
        var (start, end) = Range(low, high);
        return _rows.AsSpan(start, end - start);
    }

    /// <summary>How many rows' keys fall in the range: two binary searches, no rows touched.</summary>
    public int CountInRange(KeyBound<TKey>? low, KeyBound<TKey>? high)
    {
        var (start, end) = Range(low, high);
        return end - start;
    }

    private int LowerBound(TKey key)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (_keys[mid].CompareTo(key) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private int UpperBound(TKey key)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (_keys[mid].CompareTo(key) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static void SortTiesByRow(TKey[] keys, int[] rows)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i].CompareTo(keys[start]) != 0)
            {
                if (i - start > 1)
                {
                    Array.Sort(rows, start, i - start);
                }

                start = i;
            }
        }
    }
}
