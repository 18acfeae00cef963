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
    private static readonly Dictionary<object, int[]> NoPostings = new(IndexKeyComparer.Instance);

    private readonly Dictionary<object, int[]> _postings;
    private readonly int[] _nullRows;

    // A key field's index whose keys are all text: its table's key map (row by folded key) and the row numbers in order,
    // so each key's one row is a slice of _identity, not an array of its own. Null for every other index.
    private readonly Dictionary<string, int>? _rowByKey;
    private readonly int[]? _identity;

    private PostingIndex(Dictionary<object, int[]> postings, int[] nullRows)
    {
        _postings = postings;
        _nullRows = nullRows;
    }

    private PostingIndex(Dictionary<string, int> rowByKey, int rowCount)
    {
        _postings = NoPostings;
        _nullRows = [];
        _rowByKey = rowByKey;
        _identity = new int[rowCount];
        for (var row = 0; row < rowCount; row++)
        {
            _identity[row] = row;
        }
    }

    /// <summary>The number of distinct keys.</summary>
    public int KeyCount => _rowByKey?.Count ?? _postings.Count;

    /// <summary>The distinct keys.</summary>
    public IEnumerable<object> Keys => _rowByKey is { } byKey ? byKey.Keys : _postings.Keys;

    /// <summary>
    /// The key whose text (<see cref="object.ToString"/>, an enum member's name) is <paramref name="name"/>, compared
    /// ordinally, or <see langword="null"/>. Reads the dictionary's keys through their struct enumerator: allocates nothing.
    /// </summary>
    internal object? KeyNamed(string name)
    {
        if (_rowByKey is { } byKey)
        {
            foreach (var text in byKey.Keys)
            {
                if (string.Equals(text, name, StringComparison.Ordinal))
                {
                    return text;
                }
            }

            return null;
        }

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
        if (_rowByKey is { } byKey)
        {
            return FoldedTextComparer.TextOf(key) is { } text && byKey.TryGetValue(text, out var row) ? _identity.AsSpan(row, 1) : ReadOnlySpan<int>.Empty;
        }

        return _postings.TryGetValue(key, out var rows) ? rows : ReadOnlySpan<int>.Empty;
    }

    /// <summary>
    /// The posting array for <paramref name="key"/> (shared; do not modify), or an empty array. A key field's index
    /// answers a new array of its one row.
    /// </summary>
    internal int[] LookupArray(object key)
    {
        if (_rowByKey is not null)
        {
            var rows = Lookup(key);
            return rows.IsEmpty ? [] : [rows[0]];
        }

        return _postings.TryGetValue(key, out var list) ? list : [];
    }

    /// <summary>How many rows hold <paramref name="key"/>, without touching them.</summary>
    public int Count(object key) => Lookup(key).Length;

    /// <summary>Approximate bytes the index holds in posting arrays and the bitmaps of dense ones.</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = (_nullRows.Length + (_identity?.Length ?? 0)) * (long)sizeof(int); // a shared key map is counted by its table
            foreach (var rows in _postings.Values)
            {
                bytes += 24 + (rows.Length * sizeof(int)) + 32; // array header, ids, dictionary entry
                bytes += RowBitmap.Of(rows) is { } bits ? 24 + (bits.Length * sizeof(ulong)) : 0;
            }

            return bytes;
        }
    }

    /// <summary>
    /// The index of a key field whose every row's key is text: it answers from the table's own key map
    /// <paramref name="rowByKey"/> (row by key, compared as <see cref="FoldedTextComparer"/> compares, as this index
    /// compares text keys), holding no posting array per row.
    /// </summary>
    internal static PostingIndex ForTextKeys(Dictionary<string, int> rowByKey, int rowCount) => new(rowByKey, rowCount);

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

            // Elements by index, not through a boxed enumerator; a collection of text without boxing any element.
            var any = false;
            switch (value)
            {
                case System.Collections.Immutable.ImmutableArray<string> texts:
                    foreach (var text in texts.IsDefault ? [] : texts)
                    {
                        if (text is not null)
                        {
                            Post(text, row);
                            any = true;
                        }
                    }

                    break;
                case IList list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is { } element)
                        {
                            Post(element, row);
                            any = true;
                        }
                    }

                    break;
                default:
                    foreach (var element in (IEnumerable?)value ?? Array.Empty<object>())
                    {
                        if (element is not null)
                        {
                            Post(element, row);
                            any = true;
                        }
                    }

                    break;
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
