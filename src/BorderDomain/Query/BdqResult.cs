using System.Collections.Generic;
using BorderDomain.Schema;

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
[BorderDomain.Rendering.TypeFormatterSource(typeof(BorderDomain.Rendering.NotebookFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class BdqResult
{
    internal BdqResult(BdqResultKind kind, EntitySetSchema set, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows, IReadOnlyList<object> records, int? count, bool isTruncated = false)
    {
        IsTruncated = isTruncated;
        Kind = kind;
        Set = set;
        Columns = columns;
        Rows = rows;
        Records = records;
        Count = count;
    }

    /// <summary>What the query returned.</summary>
    public BdqResultKind Kind { get; }

    /// <summary>The queried set.</summary>
    public EntitySetSchema Set { get; }

    /// <summary>The column names: every field for records; the selected paths; group keys then aggregates; or <c>count</c>.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One row per record, selection or group (one row with the number for a count).</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>The records, for <see cref="BdqResultKind.Records"/>; otherwise empty.</summary>
    public IReadOnlyList<object> Records { get; }

    /// <summary>The number, for <see cref="BdqResultKind.Count"/>.</summary>
    public int? Count { get; }

    /// <summary>
    /// Whether rows were left out: the query has no <c>take</c> and more rows matched than
    /// <see cref="BdqOptions.MaxRows"/>, so the result holds the first <see cref="BdqOptions.MaxRows"/> in the query's
    /// order. Add <c>take</c>, <c>skip</c> or a narrower condition to see the rest.
    /// </summary>
    public bool IsTruncated { get; }
}
