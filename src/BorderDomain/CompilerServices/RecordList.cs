using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using BorderDomain.Storage;

namespace BorderDomain.CompilerServices;

/// <summary>
/// The records of a table at some of its rows, in the rows' order: what generated code returns for a method declared
/// to return a read-only list (or a sequence) of records. It holds the row numbers only and reads each record from the
/// table when asked, so an answer allocates one <see cref="int"/> per record (the row list it was found as) instead of a
/// second array of the records. The table is immutable, so the list never changes and is safe to read from any thread.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordList<T> : IReadOnlyList<T>
    where T : class
{
    private readonly EntityTable<T> _table;
    private readonly int[] _rows;
    private readonly int _start;

    /// <summary>The records at <c>rows[start..end]</c> of <paramref name="table"/>.</summary>
    /// <param name="table">The table the rows number.</param>
    /// <param name="rows">
    /// Row numbers of <paramref name="table"/>. An array of which the list is at least half is kept as it is (the caller
    /// gives it up and does not change it); a shorter page of it, or another list, is copied.
    /// </param>
    /// <param name="start">The first position of <paramref name="rows"/> in the list.</param>
    /// <param name="end">The position after the last.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> and <paramref name="end"/> are not a range of <paramref name="rows"/>.</exception>
    public RecordList(EntityTable<T> table, IReadOnlyList<int> rows, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, rows.Count);
        _table = table;
        // An array is kept when the list is most of it; a short page of a long array is copied, so that it does not keep
        // the whole array alive.
        if (rows is int[] array && (end - start) * 2L >= array.Length)
        {
            _rows = array;
            _start = start;
        }
        else
        {
            _rows = new int[end - start];
            for (var i = 0; i < _rows.Length; i++)
            {
                _rows[i] = rows[start + i];
            }
        }

        Count = end - start;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _table[_rows[_start + index]];
        }
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _table[_rows[_start + i]];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
