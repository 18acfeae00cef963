using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Schema;

namespace BorderDomain.Storage;

/// <summary>
/// An immutable table of records addressed by dense int row ids, with the indexes its record type declares
/// (<see cref="IndexedAttribute"/>), all built once when the table is made. Safe to read from any thread.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class EntityTable<T> : IEntityTable, IReadOnlyList<T>
    where T : class
{
    private readonly ImmutableArray<T> _rows;
    private readonly Dictionary<string, int> _rowByKey;
    private readonly PostingIndex?[] _postings;
    private readonly DateIndex?[] _dates;
    private readonly SortedIndex<decimal>?[] _numbers;
    private readonly TextIndex?[] _texts;

    /// <summary>Builds a table and its indexes from records.</summary>
    /// <param name="metadata">The record type's metadata (see <see cref="QuerySets.For{T}"/>).</param>
    /// <param name="rows">
    /// The records. A set with a key keeps them in key order (the code points of the key's text, as
    /// <see cref="TextNormalizer.CompareCodePoints"/> orders them): ties in every query's order are broken by key, the
    /// same in every engine, and a query without <c>order by</c> answers in key order. A set without a key keeps them
    /// in the order given.
    /// </param>
    /// <exception cref="ArgumentException">Two records share a key, or a record has a null key.</exception>
    public EntityTable(QuerySetMetadata<T> metadata, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(rows);
        Metadata = metadata;
        (_rows, var keys, var textKeys) = InKeyOrder(metadata, rows);
        var fields = metadata.Schema.Fields;
        _postings = new PostingIndex?[fields.Count];
        _dates = new DateIndex?[fields.Count];
        _numbers = new SortedIndex<decimal>?[fields.Count];
        _texts = new TextIndex?[fields.Count];
        _rowByKey = new Dictionary<string, int>(keys is null ? 0 : _rows.Length, FoldedTextComparer.Instance);
        BuildIndexes(keys, textKeys);
    }

    /// <summary>The record type's metadata.</summary>
    public QuerySetMetadata<T> Metadata { get; }

    /// <inheritdoc />
    public EntitySetSchema Schema => Metadata.Schema;

    /// <summary>The records in row order.</summary>
    public ImmutableArray<T> Rows => _rows;

    /// <inheritdoc cref="IEntityTable.Count" />
    public int Count => _rows.Length;

    /// <summary>The record at <paramref name="row"/>.</summary>
    public T this[int row] => _rows[row];

    /// <summary>The record whose key is <paramref name="key"/> (ignoring case), or <see langword="null"/>.</summary>
    public T? Find(string key) => TryGetRow(key, out var row) ? _rows[row] : null;

    /// <inheritdoc />
    public bool TryGetRow(string key, out int row)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _rowByKey.TryGetValue(key, out row);
    }

    /// <summary>
    /// The records whose field <paramref name="field"/> equals (or, for a collection, contains) <paramref name="value"/>,
    /// answered from the field's posting index.
    /// </summary>
    /// <exception cref="ArgumentException">The set has no such field, or the field has no posting index.</exception>
    public IReadOnlyList<T> FindAll(string field, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var ordinal = Schema.IndexOfField(field);
        var index = (ordinal < 0 ? null : _postings[ordinal])
            ?? throw new ArgumentException($"'{field}' is not a field of {Schema.Name} with a posting index.", nameof(field));
        return Select(index.Lookup(value));
    }

    /// <summary>The records at the given rows, in that order.</summary>
    public IReadOnlyList<T> Select(ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = _rows[rows[i]];
        }

        return result;
    }

    /// <summary>The value of field number <paramref name="field"/> at <paramref name="row"/>.</summary>
    public object? GetValue(int row, int field) => Metadata.Getters[field](_rows[row]);

    /// <inheritdoc />
    public PostingIndex? GetPostingIndex(int field) => _postings[field];

    /// <inheritdoc />
    public DateIndex? GetDateIndex(int field) => _dates[field];

    /// <inheritdoc />
    public SortedIndex<decimal>? GetNumberIndex(int field) => _numbers[field];

    /// <inheritdoc />
    public TextIndex? GetTextIndex(int field) => _texts[field];

    /// <summary>Approximate bytes held by all indexes of the table (not the records).</summary>
    public long EstimatedIndexBytes
    {
        get
        {
            long bytes = _rowByKey.Count * 40L;
            for (var i = 0; i < _postings.Length; i++)
            {
                bytes += (_postings[i]?.EstimatedBytes ?? 0) + (_dates[i]?.EstimatedBytes ?? 0)
                    + (_numbers[i]?.EstimatedBytes ?? 0) + (_texts[i]?.EstimatedBytes ?? 0);
            }

            return bytes;
        }
    }

    object IEntityTable.GetRecord(int row) => _rows[row];

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
    System.Linq.IQueryable IEntityTable.AsQueryable() => System.Linq.Queryable.AsQueryable<T>(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(_rows)!);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The rows in key order and, for a set with a key, each row's key text in that order (read once, through the
    // key's typed reader). Already ordered rows (a file written by the store, a snapshot's copy) are kept as they are; the sort
    // is not stable, which only matters for equal keys, and equal keys are refused.
    private static (ImmutableArray<T> Rows, string?[]? Keys, bool TextKeys) InKeyOrder(QuerySetMetadata<T> metadata, IEnumerable<T> rows)
    {
        var key = metadata.Schema.Key is { } field ? metadata.Schema.IndexOfField(field.Name) : -1;
        var records = rows.ToArray();
        if (key < 0)
        {
            return (System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(records), null, false);
        }

        var (keys, text) = metadata.Readers[key].Accept(new KeyTexts(records));
        var sorted = true;
        for (var row = 1; row < records.Length && sorted; row++)
        {
            sorted = TextNormalizer.CompareCodePoints(keys[row - 1], keys[row]) < 0;
        }

        if (!sorted)
        {
            Array.Sort(keys, records, CodePointComparer.Instance);
        }

        return (System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(records), keys, text);
    }

    // Builds every index: the key map first (from the key texts InKeyOrder read), then one pass over the records in row
    // order feeding each indexed field's builder (a record is read once for all its fields while it is in the cache,
    // not once per field), then each builder's index. keys: each row's key text when the set has a key (textKeys: every
    // one a string).
    private void BuildIndexes(string?[]? keys, bool textKeys)
    {
        var rows = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(_rows)!;
        var fields = Schema.Fields;
        var columns = new List<Column>(fields.Count);
        for (var field = 0; field < fields.Count; field++)
        {
            var schema = fields[field];
            var reader = Metadata.Readers[field];
            var kind = schema.Index switch
            {
                null => (IndexKind?)null,
                IndexKind.Key when KeyMap(field, schema, reader, keys, textKeys, rows) => null,
                IndexKind.Text when !schema.IsCollection => IndexKind.Text,
                IndexKind.Sorted when !schema.IsCollection && schema.Kind is FieldKind.Date or FieldKind.Period => IndexKind.Sorted,
                IndexKind.Sorted when !schema.IsCollection && schema.Kind == FieldKind.Number => IndexKind.Auto,
                _ => IndexKind.Posting,
            };
            if (kind is { } columnKind)
            {
                columns.Add(reader.Accept(new ColumnMaker(field, rows.Length, columnKind)));
            }
        }

        var builders = columns.ToArray();
        for (var row = 0; row < rows.Length; row++)
        {
            var record = rows[row];
            foreach (var builder in builders)
            {
                builder.Add(record, row);
            }
        }

        foreach (var builder in builders)
        {
            switch (builder.Finish())
            {
                case PostingIndex postings:
                    _postings[builder.Field] = postings;
                    break;
                case TextIndex text:
                    _texts[builder.Field] = text;
                    break;
                case DateIndex dates:
                    _dates[builder.Field] = dates;
                    break;
                case SortedIndex<decimal> numbers:
                    _numbers[builder.Field] = numbers;
                    break;
            }
        }
    }

    // Fills the key map from a key field; true when its posting index is the key map itself (the set's key, all text),
    // false when the field still needs a posting index of its own (other keys, e.g. nation codes).
    private bool KeyMap(int field, Schema.FieldSchema schema, FieldReader<T> reader, string?[]? keys, bool textKeys, T[] rows)
    {
        var isSetKey = keys is not null && string.Equals(Schema.Key?.Name, schema.Name, StringComparison.Ordinal);
        var texts = isSetKey ? keys! : reader.Accept(new KeyTexts(rows)).Keys;
        for (var row = 0; row < texts.Length; row++)
        {
            var key = texts[row] ?? throw new ArgumentException($"Row {row} of {Schema.Name} has no {schema.Name}.", nameof(field));
            if (!_rowByKey.TryAdd(key, row))
            {
                throw new ArgumentException($"Two rows of {Schema.Name} have the {schema.Name} '{key}'.", nameof(field));
            }
        }

        // Text keys are looked up in the key map itself; other keys (nation codes) keep a posting list each.
        if (isSetKey && textKeys)
        {
            _postings[field] = PostingIndex.ForTextKeys(_rowByKey, rows.Length);
            return true;
        }

        return false;
    }

    // Each row's key text (RecordKey.Text of its typed value) and whether every value is a string.
    private sealed class KeyTexts(T[] rows) : IFieldReaderVisitor<T, (string?[] Keys, bool Text)>
    {
        public (string?[] Keys, bool Text) VisitValue<TValue>(ValueReader<T, TValue> reader)
        {
            var keys = new string?[rows.Length];
            var text = true;
            for (var row = 0; row < rows.Length; row++)
            {
                var value = reader.Read(rows[row]);
                text = text && !typeof(TValue).IsValueType && (object?)value is string;
                keys[row] = TypedValues.KeyText(value);
            }

            return (keys, text);
        }

        public (string?[] Keys, bool Text) VisitCollection<TElement>(CollectionReader<T, TElement> reader) =>
            throw new ArgumentException("A key field holds one value, not a collection.", nameof(reader));
    }

    // One field's index builder, fed the records in row order: a posting index (IndexKind.Posting), a text index (Text),
    // a date index (Sorted) or a number index (Auto), made from its typed reader.
    private sealed class ColumnMaker(int field, int rowCount, IndexKind kind) : IFieldReaderVisitor<T, Column>
    {
        public Column VisitValue<TValue>(ValueReader<T, TValue> reader) => kind switch
        {
            IndexKind.Posting => new PostingColumn<TValue>(field, reader, rowCount),
            IndexKind.Text => new TextColumn<TValue>(field, reader, rowCount),
            IndexKind.Sorted => new DateColumn<TValue>(field, reader, rowCount),
            _ => new NumberColumn<TValue>(field, reader, rowCount),
        };

        public Column VisitCollection<TElement>(CollectionReader<T, TElement> reader) => kind == IndexKind.Posting
            ? new CollectionColumn<TElement>(field, reader, rowCount)
            : throw new InvalidOperationException("Only posting indexes are built over collections.");
    }

    private abstract class Column(int field)
    {
        public int Field { get; } = field;

        public abstract void Add(T record, int row);

        public abstract object Finish();
    }

    private sealed class PostingColumn<TValue>(int field, ValueReader<T, TValue> reader, int rowCount) : Column(field)
    {
        private readonly PostingIndex.ValueBuilder<TValue> _builder = new(rowCount);

        public override void Add(T record, int row) => _builder.Add(reader.Read(record), row);

        public override object Finish() => _builder.Finish();
    }

    private sealed class CollectionColumn<TElement>(int field, CollectionReader<T, TElement> reader, int rowCount) : Column(field)
    {
        private readonly PostingIndex.CollectionBuilder<TElement> _builder = new(rowCount);

        public override void Add(T record, int row) => _builder.Add(reader.Read(record), row);

        public override object Finish() => _builder.Finish();
    }

    private sealed class TextColumn<TValue>(int field, ValueReader<T, TValue> reader, int rowCount) : Column(field)
    {
        private readonly TextIndex.Builder _builder = new(rowCount);

        public override void Add(T record, int row) => _builder.Add(TypedValues.TextOf(reader.Read(record)), row);

        public override object Finish() => _builder.Finish();
    }

    private sealed class DateColumn<TValue>(int field, ValueReader<T, TValue> reader, int rowCount) : Column(field)
    {
        private readonly DateIndex.Builder _builder = new(rowCount);

        public override void Add(T record, int row) => _builder.Add(reader.Read(record), row);

        public override object Finish() => _builder.Finish();
    }

    // The rows with a number, by number: the arrays are the index's own when every row has one.
    private sealed class NumberColumn<TValue>(int field, ValueReader<T, TValue> reader, int rowCount) : Column(field)
    {
        private readonly decimal[] _keys = new decimal[rowCount];
        private readonly int[] _rows = new int[rowCount];
        private int _count;

        public override void Add(T record, int row)
        {
            if (TypedValues.TryGetNumber(reader.Read(record), out var number))
            {
                _keys[_count] = number;
                _rows[_count++] = row;
            }
        }

        public override object Finish() => _count == _rows.Length
            ? new SortedIndex<decimal>(_keys, _rows)
            : new SortedIndex<decimal>(_keys[.._count], _rows[.._count]);
    }
}
