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
    /// <see cref="NullRows"/>), through a <see cref="ValueBuilder{TValue}"/>: no value is boxed but each distinct key, once.
    /// </summary>
    internal static PostingIndex Build<TValue>(int rowCount, Func<int, TValue> valueAt)
    {
        var builder = new ValueBuilder<TValue>(rowCount);
        for (var row = 0; row < rowCount; row++)
        {
            builder.Add(valueAt(row), row);
        }

        return builder.Finish();
    }

    /// <summary>
    /// Builds the index of a collection field from each row's elements (a row with no non-null element is in
    /// <see cref="NullRows"/>; an element repeated within a row counts once), read by index without boxing them, through
    /// a <see cref="CollectionBuilder{TElement}"/>.
    /// </summary>
    internal static PostingIndex BuildCollection<TElement>(int rowCount, Func<int, Schema.FieldElements<TElement>> elementsAt)
    {
        var builder = new CollectionBuilder<TElement>(rowCount);
        for (var row = 0; row < rowCount; row++)
        {
            builder.Add(elementsAt(row), row);
        }

        return builder.Finish();
    }

    /// <summary>
    /// The index of a single-valued field, built a row at a time (rows <c>0 .. rowCount - 1</c> in order, each once, so a
    /// table can feed every field's builder from one pass over its records): each row's key number is noted in one
    /// array of the table's size (as narrow as the key count allows), the keys are numbered as first seen (typed, compared as
    /// <see cref="IndexKeyComparer"/> compares them boxed: <see cref="TypedValues.KeyComparer{TKey}"/>) and counted; the
    /// lists are then made at their final sizes and filled by one pass over the notes, in row order (a counting sort).
    /// </summary>
    internal sealed class ValueBuilder<TValue>
    {
        private readonly KeyNumbers<TValue> _keys = new();
        private readonly int _rowCount;
        private int _nullCount;

        // By row: its key's number plus one, 0 for null, in the narrowest width the numbers so far need (a byte while
        // there are fewer than 255 keys, then 16 bits, then 32): an enum's field notes a byte per row.
        private byte[]? _narrow;
        private ushort[]? _middle;
        private int[]? _wide;

        internal ValueBuilder(int rowCount)
        {
            _rowCount = rowCount;
            _narrow = new byte[rowCount];
        }

        /// <summary>Notes row <paramref name="row"/>'s value (the rows come in order).</summary>
        internal void Add(TValue value, int row)
        {
            if (TypedValues.IsNull(value))
            {
                _nullCount++;
                return; // the notes start as zeros: null
            }

            var id = _keys.Number(value);
            _keys.Counts[id]++;
            var note = id + 1;
            if (_narrow is { } narrow)
            {
                if (note <= byte.MaxValue)
                {
                    narrow[row] = (byte)note;
                    return;
                }

                _middle = new ushort[_rowCount];
                for (var i = 0; i < row; i++)
                {
                    _middle[i] = narrow[i];
                }

                _narrow = null;
            }

            if (_middle is { } middle)
            {
                if (note <= ushort.MaxValue)
                {
                    middle[row] = (ushort)note;
                    return;
                }

                _wide = new int[_rowCount];
                for (var i = 0; i < row; i++)
                {
                    _wide[i] = middle[i];
                }

                _middle = null;
            }

            _wide![row] = note;
        }

        /// <summary>The index of the rows added.</summary>
        internal PostingIndex Finish()
        {
            var lists = _keys.Lists();
            var nulls = _nullCount == 0 ? [] : new int[_nullCount];
            if (_narrow is { } narrow)
            {
                Fill(narrow, lists, _keys.Counts, nulls);
            }
            else if (_middle is { } middle)
            {
                Fill(middle, lists, _keys.Counts, nulls);
            }
            else
            {
                Fill(_wide!, lists, _keys.Counts, nulls);
            }

            return _keys.Index(lists, nulls, _rowCount);
        }

        // The counting sort's second pass: each row into its key's list (or the null rows), in row order.
        private static void Fill<TNote>(TNote[] notes, int[][] lists, int[] next, int[] nulls)
            where TNote : unmanaged, System.Numerics.IBinaryInteger<TNote>
        {
            var nullAt = 0;
            for (var row = 0; row < notes.Length; row++)
            {
                var id = int.CreateTruncating(notes[row]) - 1;
                if (id < 0)
                {
                    nulls[nullAt++] = row;
                }
                else
                {
                    lists[id][next[id]++] = row;
                }
            }
        }
    }

    /// <summary>
    /// The index of a collection field, built a row at a time (rows <c>0 .. rowCount - 1</c> in order, each once): each
    /// row's distinct elements are noted once as key numbers (<see cref="BuildScratch"/>: a field whose collections are
    /// empty notes nothing), the keys are numbered as first seen and counted, and the lists are made at their final sizes
    /// and filled from the notes in row order; the rows without a note are the null rows.
    /// </summary>
    internal sealed class CollectionBuilder<TElement>
    {
        private readonly int _rowCount;
        private readonly KeyNumbers<TElement> _keys = new();
        private readonly BuildScratch _notes = new();
        private int[] _lastRow = new int[16]; // by key number: the last row that posted it
        private int _nullCount;

        internal CollectionBuilder(int rowCount) => _rowCount = rowCount;

        /// <summary>Notes row <paramref name="row"/>'s elements (the rows come in order).</summary>
        internal void Add(Schema.FieldElements<TElement> elements, int row)
        {
            var any = false;
            for (var i = 0; i < elements.Count; i++)
            {
                var element = elements[i];
                if (TypedValues.IsNull(element))
                {
                    continue;
                }

                any = true;
                var known = _keys.Count;
                var id = _keys.Number(element);
                if (id == known)
                {
                    if (id == _lastRow.Length)
                    {
                        Array.Resize(ref _lastRow, id * 2);
                    }

                    _lastRow[id] = -1;
                }

                if (_lastRow[id] == row)
                {
                    continue; // the element repeats within the row
                }

                _lastRow[id] = row;
                _keys.Counts[id]++;
                _notes.Note(row, id);
            }

            if (!any)
            {
                _nullCount++;
            }
        }

        /// <summary>The index of the rows added.</summary>
        internal PostingIndex Finish()
        {
            var lists = _keys.Lists();
            var next = _keys.Counts;
            var nulls = _nullCount == 0 ? [] : new int[_nullCount];
            var nullAt = 0;
            var expected = 0; // the next row not yet seen in the notes: rows skipped over have no element
            foreach (var (row, id) in _notes)
            {
                while (expected < row)
                {
                    nulls[nullAt++] = expected++;
                }

                expected = row + 1;
                lists[id][next[id]++] = row;
            }

            while (expected < _rowCount)
            {
                nulls[nullAt++] = expected++;
            }

            return _keys.Index(lists, nulls, _rowCount);
        }
    }

    /// <summary>
    /// A field's keys numbered as first seen (typed, compared by <see cref="TypedValues.KeyComparer{TKey}"/>), each boxed
    /// once, with a count per number.
    /// </summary>
    private sealed class KeyNumbers<TKey>
    {
#pragma warning disable CS8714 // a null key is never numbered
        private readonly Dictionary<TKey, int> _ids = new(TypedValues.KeyComparer<TKey>());
#pragma warning restore CS8714
        private object[] _keys = new object[16];

        /// <summary>By key number: how many rows hold it.</summary>
        internal int[] Counts = new int[16];

        /// <summary>How many keys are numbered.</summary>
        internal int Count => _ids.Count;

        /// <summary>The number of <paramref name="key"/>, numbering it (count 0) the first time.</summary>
        internal int Number(TKey key)
        {
#pragma warning disable CS8714
            ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, key, out var exists);
#pragma warning restore CS8714
            if (!exists)
            {
                id = _ids.Count - 1;
                if (id == _keys.Length)
                {
                    Array.Resize(ref _keys, id * 2);
                    Array.Resize(ref Counts, id * 2);
                }

                _keys[id] = key!; // the key's one box
                Counts[id] = 0;
            }

            return id;
        }

        /// <summary>One empty posting array per key, at its count; <see cref="Counts"/> is then each list's next free position (0).</summary>
        internal int[][] Lists()
        {
            var lists = new int[_ids.Count][];
            for (var id = 0; id < lists.Length; id++)
            {
                lists[id] = new int[Counts[id]];
                Counts[id] = 0;
            }

            return lists;
        }

        /// <summary>The index of the filled lists (a list holding at least a thirty-second of the rows also gets its bitmap, <see cref="RowBitmap"/>).</summary>
        internal PostingIndex Index(int[][] lists, int[] nulls, int rowCount)
        {
            var postings = new Dictionary<object, int[]>(lists.Length, IndexKeyComparer.Instance);
            for (var id = 0; id < lists.Length; id++)
            {
                postings[_keys[id]] = lists[id];
                if (RowBitmap.IsDense(lists[id].Length, rowCount))
                {
                    RowBitmap.Register(lists[id], RowBitmap.Mark(lists[id], rowCount));
                }
            }

            return new PostingIndex(postings, nulls);
        }
    }
}
