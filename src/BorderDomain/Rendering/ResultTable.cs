using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Rendering;

/// <summary>One source id in a row and its citation, <see langword="null"/> when the store has no such source.</summary>
internal readonly record struct Citation(string Id, string? Text);

/// <summary>
/// The citations of one row's source ids, the value of its <see cref="ResultTable.CitationColumnName"/> cell: shown
/// joined with "; " (citations contain commas), written to JSON as one string for a single-source field
/// (<see cref="IsSingle"/>) and as an array of strings for a list of sources.
/// </summary>
/// <param name="Items">The ids in the row's order, each with its citation when the store has the source.</param>
/// <param name="IsSingle">Whether the ids came from a single-source field (<c>source</c>) rather than a list (<c>sources</c>).</param>
internal sealed record RowCitations(ImmutableArray<Citation> Items, bool IsSingle)
{
    /// <summary>The citations that resolved, in the row's order.</summary>
    public IEnumerable<string> Texts
    {
        get
        {
            foreach (var item in Items)
            {
                if (item.Text is { } text)
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>The resolved citations joined with "; ".</summary>
    public override string ToString() => string.Join("; ", Texts);
}

/// <summary>
/// A result as every format shows it (the CLI's table, JSON and CSV, and <see cref="HtmlRenderer"/>): a caption, the
/// columns and rows of raw values and, where the rows hold source ids (a record's <c>sources</c> or <c>source</c>
/// field, a selected or grouped <c>source</c>/<c>sources</c> column, or the sources a <c>select</c> keeps of each row's
/// record in <see cref="BdqResult.RowSources"/>) and the store has a <c>sources</c> set, one
/// more column, <see cref="CitationColumnName"/>, last, holding each row's <see cref="RowCitations"/>. Results,
/// records, claims side by side and a store's sets all become one of these.
/// </summary>
internal sealed class ResultTable
{
    /// <summary>
    /// The name of the column of citations in every format. Not <c>sources</c>: that is a field of source ids (and the
    /// set's name), so the ids and their citations stand side by side under two names and never collide.
    /// </summary>
    public const string CitationColumnName = "citation";

    private const string SourcesSet = "sources";

    private ResultTable(BdqResultKind? kind, string caption, string? set, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, int citationColumn, IReadOnlyList<RowCitations?> citations)
    {
        Kind = kind;
        Caption = caption;
        Set = set;
        Columns = columns;
        Rows = rows;
        CitationColumn = citationColumn;
        Citations = citations;
    }

    /// <summary>What the query returned, or <see langword="null"/> for a table of plain values (<see cref="Of"/>).</summary>
    public BdqResultKind? Kind { get; }

    /// <summary><c>3 accords</c>, <c>1 accord</c>, <c>2 rows</c>, <c>4 groups</c>, <c>count of accords</c>, with <c>(truncated: more rows matched)</c> after it when rows were left out.</summary>
    public string Caption { get; }

    /// <summary>The queried set's name, when the table shows one.</summary>
    public string? Set { get; }

    /// <summary>The column names, <see cref="CitationColumnName"/> last when the table has it.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One array of values per row, one value per column.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The index of the <see cref="CitationColumnName"/> column, or -1.</summary>
    public int CitationColumn { get; }

    /// <summary>Per row, the ids of its sources with their citations (null for a row without ids).</summary>
    public IReadOnlyList<RowCitations?> Citations { get; }

    /// <summary>The table of <paramref name="result"/>, citing the sources of <paramref name="store"/>.</summary>
    public static ResultTable From(BdqResult result, IQueryStore store)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(store);
        var columns = new List<string>(result.Columns);
        if (result.Kind == BdqResultKind.Records && columns.Count == 0)
        {
            foreach (var field in result.Set.Fields)
            {
                columns.Add(field.Name);
            }
        }

        // Citations come from the store's sources set; a store of your own records without one gets none.
        var sources = store.GetTable(SourcesSet) as EntityTable<Source>;
        var sourceColumn = sources is null ? -1 : FindSourceColumn(result, columns);

        // A select that leaves the sources out still carries each row's (BdqResult.RowSources).
        var rowSources = sources is not null && sourceColumn < 0 ? result.RowSources : null;
        var citationColumn = -1;
        if (sourceColumn >= 0 || rowSources is not null)
        {
            citationColumn = columns.Count;
            columns.Add(CitationColumnName);
        }

        var rows = new List<object?[]>(result.Rows.Count);
        var citations = new List<RowCitations?>(result.Rows.Count);
        for (var r = 0; r < result.Rows.Count; r++)
        {
            var row = result.Rows[r];
            var values = new object?[columns.Count];
            for (var i = 0; i < row.Count && i < values.Length; i++)
            {
                values[i] = row[i];
            }

            var cited = sourceColumn >= 0 && sourceColumn < row.Count ? Cite(row[sourceColumn], sources!)
                : rowSources is not null && r < rowSources.Count ? Cite(rowSources[r], sources!)
                : null;
            if (citationColumn >= 0)
            {
                // A single source that did not resolve is an empty cell (null in JSON), as a missing source is.
                values[citationColumn] = cited is { IsSingle: true } && cited.Items[0].Text is null ? null : cited;
            }

            rows.Add(values);
            citations.Add(cited);
        }

        return new ResultTable(result.Kind, Footer(result, rows.Count), result.Set.Name, columns, rows, citationColumn, citations);
    }

    /// <summary>A table of plain values (no citations), e.g. a store's sets and their counts.</summary>
    public static ResultTable Of(string caption, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows) =>
        new(null, caption, null, columns, rows, -1, new RowCitations?[rows.Count]);

    /// <summary>
    /// This table without the column at <paramref name="index"/>, e.g. the <see cref="CitationColumnName"/> column for
    /// <c>--no-sources</c> (then the rows keep no citations).
    /// </summary>
    public ResultTable WithoutColumn(int index)
    {
        if (index < 0 || index >= Columns.Count)
        {
            return this;
        }

        var columns = new List<string>(Columns);
        columns.RemoveAt(index);
        var rows = new List<object?[]>(Rows.Count);
        foreach (var row in Rows)
        {
            var values = new object?[row.Length - 1];
            Array.Copy(row, 0, values, 0, index);
            Array.Copy(row, index + 1, values, index, row.Length - index - 1);
            rows.Add(values);
        }

        var citationColumn = index == CitationColumn ? -1 : CitationColumn > index ? CitationColumn - 1 : CitationColumn;
        var citations = citationColumn < 0 ? new RowCitations?[rows.Count] : Citations;
        return new ResultTable(Kind, Caption, Set, columns, rows, citationColumn, citations);
    }

    /// <summary>The index of the column named <paramref name="name"/> (ignoring case), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><c>accord</c> for <c>accords</c>, <c>agency</c> for <c>agencies</c>, <c>person</c> for <c>people</c>.</summary>
    internal static string Singular(string set) => set switch
    {
        "people" => "person",
        _ when set.EndsWith("ies", StringComparison.Ordinal) => set[..^3] + "y",
        _ when set.EndsWith('s') => set[..^1],
        _ => set,
    };

    private static string Footer(BdqResult result, int count)
    {
        var setName = result.Set.Name;
        var (one, many) = result.Kind switch
        {
            BdqResultKind.Records => (Singular(setName), setName),
            BdqResultKind.Groups => ("group", "groups"),
            BdqResultKind.Count => ("count", "count"),
            _ => ("row", "rows"),
        };
        var text = result.Kind == BdqResultKind.Count
            ? string.Create(CultureInfo.InvariantCulture, $"count of {setName}")
            : string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
        return result.IsTruncated ? text + " (truncated: more rows matched)" : text;
    }

    private static int FindSourceColumn(BdqResult result, List<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (!columns[i].Equals("sources", StringComparison.OrdinalIgnoreCase) && !columns[i].Equals("source", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A record's values follow the schema's fields; selected and grouped columns are named after theirs.
            var field = result.Kind == BdqResultKind.Records && i < result.Set.Fields.Count ? result.Set.Fields[i] : result.Set.FindField(columns[i]);
            if (field is not null && field.IsNamed(columns[i]) && (field.References is null || field.References.Equals(SourcesSet, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static RowCitations? Cite(object? ids, EntityTable<Source> sources)
    {
        switch (ids)
        {
            case string id:
                return new RowCitations([new Citation(id, sources.Find(id)?.Citation)], IsSingle: true);
            case IEnumerable many:
                var citations = ImmutableArray.CreateBuilder<Citation>();
                foreach (var item in many)
                {
                    if (item is string each)
                    {
                        citations.Add(new Citation(each, sources.Find(each)?.Citation));
                    }
                }

                return new RowCitations(citations.ToImmutable(), IsSingle: false);
            default:
                return null;
        }
    }
}
