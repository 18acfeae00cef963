using System.Collections.Generic;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>What a query returned.</summary>
public enum BdqResultKind
{
    /// <summary>Whole records.</summary>
    Records = 1,

    /// <summary>Selected fields (<c>select</c>).</summary>
    Rows,

    /// <summary>A number (<c>count</c>).</summary>
    Count,

    /// <summary>Groups with their aggregates (<c>group by</c>).</summary>
    Groups,
}

/// <summary>A query's answer, in one tabular shape for every kind, plus the records themselves for record queries.</summary>
public sealed class BdqResult
{
    // A record result read from a table holds the table and one array of row ids; its two views (RecordRows,
    // TableRecords) are made when first asked for, so a warm call allocates this object and the ids only. Two threads
    // asking at once may each make a view: they are equal, and either is kept.
    private readonly IEntityTable? _table;
    private readonly int[]? _ids;
    private IReadOnlyList<IReadOnlyList<object?>>? _rows;
    private IReadOnlyList<object>? _records;

    internal BdqResult(BdqResultKind kind, EntitySetSchema set, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows, IReadOnlyList<object> records, int? count, bool isTruncated = false, IReadOnlyList<object?>? rowSources = null)
    {
        RowSources = rowSources;
        IsTruncated = isTruncated;
        Kind = kind;
        Set = set;
        Columns = columns;
        _rows = rows;
        _records = records;
        Count = count;
    }

    /// <summary>A record result: the records of <paramref name="table"/> at <paramref name="ids"/>, in that order (the array is kept, never changed).</summary>
    internal BdqResult(EntitySetSchema set, IReadOnlyList<string> columns, IEntityTable table, int[] ids, bool isTruncated)
    {
        Kind = BdqResultKind.Records;
        Set = set;
        Columns = columns;
        IsTruncated = isTruncated;
        _table = table;
        _ids = ids;
    }

    /// <summary>What the query returned.</summary>
    public BdqResultKind Kind { get; }

    /// <summary>The queried set.</summary>
    public EntitySetSchema Set { get; }

    /// <summary>The column names: every field for records; the selected paths; group keys then aggregates; or <c>count</c>.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One row per record, selection or group (one row with the number for a count).</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows ??= new RecordRows(_table!, _ids!);

    /// <summary>The records, for <see cref="BdqResultKind.Records"/>; otherwise empty.</summary>
    public IReadOnlyList<object> Records => _records ??= new TableRecords(_table!, _ids!);

    /// <summary>The number, for <see cref="BdqResultKind.Count"/>.</summary>
    public int? Count { get; }

    /// <summary>
    /// Whether rows were left out: the query has no <c>take</c> and more rows matched than
    /// <see cref="BdqOptions.MaxRows"/>, so the result holds the first <see cref="BdqOptions.MaxRows"/> in the query's
    /// order. Add <c>take</c>, <c>skip</c> or a narrower condition to see the rest.
    /// </summary>
    public bool IsTruncated { get; }

    /// <summary>
    /// For a <c>select</c> that leaves out its set's <see cref="CitedField"/>: per row, that field's value in the row's
    /// record (a source id or a list of them), so each row can be cited; otherwise <see langword="null"/>.
    /// </summary>
    internal IReadOnlyList<object?>? RowSources { get; }

    /// <summary>
    /// The field of <paramref name="set"/> that names its records' sources (<c>sources</c> or <c>source</c>, referencing
    /// the <c>sources</c> set or not a reference), or <see langword="null"/> when the set has none.
    /// </summary>
    internal static FieldSchema? CitedField(EntitySetSchema set)
    {
        foreach (var field in set.Fields)
        {
            if ((field.IsNamed("sources") || field.IsNamed("source")) && (field.References is null || field.References.Equals("sources", System.StringComparison.OrdinalIgnoreCase)))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>
    /// The field a <c>select</c> of <paramref name="set"/> selecting <paramref name="columns"/> keeps in
    /// <see cref="RowSources"/>: the set's <see cref="CitedField"/> when no column is it, else <see langword="null"/>.
    /// </summary>
    internal static FieldSchema? RowSourcesField(EntitySetSchema set, IEnumerable<string> columns)
    {
        if (CitedField(set) is not { } field)
        {
            return null;
        }

        foreach (var column in columns)
        {
            if (field.IsNamed(column))
            {
                return null;
            }
        }

        return field;
    }
}
