using System;
using System.Collections;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// Maps each value of a field (each element, for a collection field) to the ascending rows that hold it.
/// String keys match ignoring case.
/// </summary>
public sealed class PostingIndex
{
    private readonly Dictionary<object, int[]> _postings;
    private readonly int[] _nullRows;

    private PostingIndex(Dictionary<object, int[]> postings, int[] nullRows)
    {
        _postings = postings;
        _nullRows = nullRows;
    }

    /// <summary>The number of distinct keys.</summary>
    public int KeyCount => _postings.Count;

    /// <summary>The distinct keys.</summary>
    public IEnumerable<object> Keys => _postings.Keys;

    /// <summary>
    /// The key whose text (<see cref="object.ToString"/>, an enum member's name) is <paramref name="name"/>, compared
    /// ordinally, or <see langword="null"/>. Reads the dictionary's keys through their struct enumerator: allocates nothing.
    /// </summary>
    internal object? KeyNamed(string name)
    {
        foreach (var key in _postings.Keys)
        {
            if (string.Equals(key.ToString(), name, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>The rows whose value is null (or, for a collection, empty).</summary>
    public ReadOnlySpan<int> NullRows => _nullRows;

    /// <summary>The ascending rows holding <paramref name="key"/>; empty when none does.</summary>
    public ReadOnlySpan<int> Lookup(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _postings.TryGetValue(key, out var rows) ? rows : ReadOnlySpan<int>.Empty;
    }

    /// <summary>The posting array for <paramref name="key"/> (shared; do not modify), or an empty array.</summary>
    internal int[] LookupArray(object key) => _postings.TryGetValue(key, out var rows) ? rows : [];

    /// <summary>How many rows hold <paramref name="key"/>, without touching them.</summary>
    public int Count(object key) => Lookup(key).Length;

    /// <summary>Approximate bytes the index holds in posting arrays and the bitmaps of dense ones.</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = _nullRows.Length * sizeof(int);
            foreach (var rows in _postings.Values)
            {
                bytes += 24 + (rows.Length * sizeof(int)) + 32; // array header, ids, dictionary entry
                bytes += RowBitmap.Of(rows) is { } bits ? 24 + (bits.Length * sizeof(ulong)) : 0;
            }

            return bytes;
        }
    }

    /// <summary>
    /// Builds the index from each row's value (a boxed collection for a collection field) by a counting sort: one
    /// pass numbers the keys and notes each row's keys, the lists are made at their final sizes, a second pass over
    /// the notes fills them in row order. A list holding at least a thirty-second of the rows also gets its bitmap
    /// (<see cref="RowBitmap"/>).
    /// </summary>
    internal static PostingIndex Build(int rowCount, Func<int, object?> valueAt, bool isCollection)
    {
        var ids = new Dictionary<object, int>(IndexKeyComparer.Instance);
        var keys = new List<object>();
        var counts = new List<int>();
        var lastRow = new List<int>();
        var nulls = new List<int>();

        // (row, key number) pairs in row order: one per row for a scalar field.
        var pairRows = new int[rowCount];
        var pairKeys = new int[rowCount];
        var pairs = 0;

        void Post(object key, int row)
        {
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = keys.Count;
                keys.Add(key);
                counts.Add(0);
                lastRow.Add(-1);
            }

            if (lastRow[id] == row)
            {
                return; // the element repeats within the row
            }

            lastRow[id] = row;
            counts[id]++;
            if (pairs == pairRows.Length)
            {
                Array.Resize(ref pairRows, Math.Max(16, pairs * 2));
                Array.Resize(ref pairKeys, pairRows.Length);
            }

            pairRows[pairs] = row;
            pairKeys[pairs++] = id;
        }

        for (var row = 0; row < rowCount; row++)
        {
            var value = valueAt(row);
            if (!isCollection)
            {
                if (value is null)
                {
                    nulls.Add(row);
                }
                else
                {
                    Post(value, row);
                }

                continue;
            }

            var any = false;
            foreach (var element in (IEnumerable?)value ?? Array.Empty<object>())
            {
                if (element is not null)
                {
                    Post(element, row);
                    any = true;
                }
            }

            if (!any)
            {
                nulls.Add(row);
            }
        }

        var lists = new int[keys.Count][];
        for (var id = 0; id < lists.Length; id++)
        {
            lists[id] = new int[counts[id]];
            counts[id] = 0; // now the next free position of the list
        }

        for (var i = 0; i < pairs; i++)
        {
            var id = pairKeys[i];
            lists[id][counts[id]++] = pairRows[i];
        }

        var postings = new Dictionary<object, int[]>(keys.Count, IndexKeyComparer.Instance);
        for (var id = 0; id < lists.Length; id++)
        {
            postings[keys[id]] = lists[id];
            if (RowBitmap.IsDense(lists[id].Length, rowCount))
            {
                RowBitmap.Register(lists[id], RowBitmap.Mark(lists[id], rowCount));
            }
        }

        return new PostingIndex(postings, nulls.ToArray());
    }
}
