using System;
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
    /// Builds the index of a single-valued field from each row's typed value (null: the row is in
    /// <see cref="NullRows"/>) by a counting sort (see <see cref="KeyCounter{TKey}"/>): no value is boxed but each
    /// distinct key, once. <paramref name="scratch"/> lends the working arrays (a table's builds share one).
    /// </summary>
    internal static PostingIndex Build<TValue>(int rowCount, Func<int, TValue> valueAt, BuildScratch? scratch = null)
    {
#pragma warning disable CS8714 // a null value is never posted, so the counter's keys are not null
        var counter = new KeyCounter<TValue>(scratch ?? new BuildScratch(), rowCount, rowCount);
#pragma warning restore CS8714
        for (var row = 0; row < rowCount; row++)
        {
            var value = valueAt(row);
            if (TypedValues.IsNull(value))
            {
                counter.Null(row);
            }
            else
            {
                counter.Post(value, row);
            }
        }

        return counter.Finish(rowCount);
    }

    /// <summary>
    /// Builds the index of a collection field from each row's elements (a row with no non-null element is in
    /// <see cref="NullRows"/>; an element repeated within a row counts once), read by index without boxing them. A
    /// first pass counts the elements, so the notes are made at their final size.
    /// </summary>
    internal static PostingIndex BuildCollection<TElement>(int rowCount, Func<int, Schema.FieldElements<TElement>> elementsAt, BuildScratch? scratch = null)
    {
        var elementCount = 0;
        for (var row = 0; row < rowCount; row++)
        {
            elementCount += elementsAt(row).Count;
        }

#pragma warning disable CS8714 // a null element is never posted
        var counter = new KeyCounter<TElement>(scratch ?? new BuildScratch(), rowCount, elementCount);
#pragma warning restore CS8714
        for (var row = 0; row < rowCount; row++)
        {
            var elements = elementsAt(row);
            var any = false;
            for (var i = 0; i < elements.Count; i++)
            {
                var element = elements[i];
                if (!TypedValues.IsNull(element))
                {
                    counter.Post(element, row);
                    any = true;
                }
            }

            if (!any)
            {
                counter.Null(row);
            }
        }

        return counter.Finish(rowCount);
    }

    /// <summary>
    /// A counting sort of (row, key) pairs: one pass numbers the keys (typed, compared as <see cref="IndexKeyComparer"/>
    /// compares them boxed: <see cref="TypedValues.KeyComparer{TKey}"/>) and notes each row's keys; the lists are made
    /// at their final sizes and a second pass over the notes fills them in row order. The notes, counts and null rows
    /// and the key numbers are the build's (<see cref="BuildScratch"/>), so a table's build allocates them once. A list
    /// holding at least a thirty-second of the rows also gets its bitmap (<see cref="RowBitmap"/>).
    /// </summary>
    private struct KeyCounter<TKey>
        where TKey : notnull
    {
        private readonly BuildScratch _scratch;
        private readonly Dictionary<TKey, int> _ids;
        private object[] _keys;
        private int[] _counts; // by key number; then each list's next free position
        private int[] _lastRow; // by key number: the last row that posted it, so a repeat within a row counts once
        private readonly int[] _pairRows;
        private readonly int[] _pairKeys;
        private readonly int[] _nulls;
        private int _pairs;
        private int _nullCount;

        // pairCapacity: at least the number of (row, key) pairs to come.
        internal KeyCounter(BuildScratch scratch, int rowCount, int pairCapacity)
        {
            _scratch = scratch;
            _ids = scratch.Ids<TKey>();
            _keys = scratch.Objects(256);
            _counts = scratch.Ints(BuildScratch.Slot.Counts, 256);
            _lastRow = scratch.Ints(BuildScratch.Slot.LastRow, _counts.Length);
            _pairRows = scratch.Ints(BuildScratch.Slot.PairRows, pairCapacity);
            _pairKeys = scratch.Ints(BuildScratch.Slot.PairKeys, pairCapacity);
            _nulls = scratch.Ints(BuildScratch.Slot.Nulls, rowCount);
        }

        internal void Null(int row) => _nulls[_nullCount++] = row;

        internal void Post(TKey key, int row)
        {
            if (!_ids.TryGetValue(key, out var id))
            {
                id = _ids.Count;
                _ids.Add(key, id);
                _keys = id == _keys.Length ? _scratch.GrowObjects(id) : _keys;
                _counts = id == _counts.Length ? _scratch.Grow(BuildScratch.Slot.Counts, id) : _counts;
                _lastRow = id == _lastRow.Length ? _scratch.Grow(BuildScratch.Slot.LastRow, id) : _lastRow;

                _keys[id] = key; // the key's one box
                _counts[id] = 0;
                _lastRow[id] = -1;
            }

            if (_lastRow[id] == row)
            {
                return; // the element repeats within the row
            }

            _lastRow[id] = row;
            _counts[id]++;
            _pairRows[_pairs] = row;
            _pairKeys[_pairs++] = id;
        }

        internal readonly PostingIndex Finish(int rowCount)
        {
            var keyCount = _ids.Count;
            var lists = new int[keyCount][];
            for (var id = 0; id < keyCount; id++)
            {
                lists[id] = new int[_counts[id]];
                _counts[id] = 0;
            }

            for (var i = 0; i < _pairs; i++)
            {
                var id = _pairKeys[i];
                lists[id][_counts[id]++] = _pairRows[i];
            }

            var postings = new Dictionary<object, int[]>(keyCount, IndexKeyComparer.Instance);
            for (var id = 0; id < keyCount; id++)
            {
                postings[_keys[id]] = lists[id];
                if (RowBitmap.IsDense(lists[id].Length, rowCount))
                {
                    RowBitmap.Register(lists[id], RowBitmap.Mark(lists[id], rowCount));
                }
            }

            return new PostingIndex(postings, _nulls.AsSpan(0, _nullCount).ToArray());
        }
    }
}
