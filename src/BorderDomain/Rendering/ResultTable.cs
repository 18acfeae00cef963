using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Rendering;

/// <summary>One source id in a row and its citation, <see langword="null"/> when the store has no such source.</summary>
internal readonly record struct Citation(string Id, string? Text);

/// <summary>
/// A table as the renderers show it: a caption, columns and rows, and for the column of source ids (when the store
/// has a <c>sources</c> set) each row's citations. Results, records, claims side by side and a store's sets all
/// become one of these and are written by the one table writer in <see cref="HtmlRenderer"/>.
/// </summary>
internal sealed class ResultTable
{
    private ResultTable(string caption, string? set, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, int citationColumn, IReadOnlyList<IReadOnlyList<Citation>?> citations)
    {
        Caption = caption;
        Set = set;
        Columns = columns;
        Rows = rows;
        CitationColumn = citationColumn;
        Citations = citations;
    }

    /// <summary><c>3 accords</c>, <c>1 accord</c>, <c>2 rows</c>, <c>4 groups</c>, <c>count of accords</c>.</summary>
    public string Caption { get; }

    /// <summary>The queried set's name, when the table shows one.</summary>
    public string? Set { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The index of the column of source ids whose citations <see cref="Citations"/> holds, or -1.</summary>
    public int CitationColumn { get; }

    /// <summary>Per row, the ids in <see cref="CitationColumn"/> with their citations (null for a row without ids).</summary>
    public IReadOnlyList<IReadOnlyList<Citation>?> Citations { get; }

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
        var sources = store.GetTable(HtmlRenderer.SourcesColumn) as EntityTable<Source>;
        var citationColumn = sources is null ? -1 : FindSourceColumn(result, columns);
        var rows = new List<object?[]>(result.Rows.Count);
        var citations = new List<IReadOnlyList<Citation>?>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < row.Count && i < values.Length; i++)
            {
                values[i] = row[i];
            }

            rows.Add(values);
            citations.Add(citationColumn >= 0 ? Cite(values[citationColumn], sources!) : null);
        }

        return new ResultTable(Footer(result, rows.Count), result.Set.Name, columns, rows, citationColumn, citations);
    }

    /// <summary>A table of plain values (no citations), e.g. a store's sets and their counts.</summary>
    public static ResultTable Of(string caption, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows) =>
        new(caption, null, columns, rows, -1, new IReadOnlyList<Citation>?[rows.Count]);

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

            var field = result.Kind == BdqResultKind.Records && i < result.Set.Fields.Count ? result.Set.Fields[i] : result.Set.FindField(columns[i]);
            if (field is not null && field.IsNamed(columns[i]) && (field.References is null || field.References.Equals("sources", StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<Citation>? Cite(object? ids, EntityTable<Source> sources)
    {
        var citations = new List<Citation>();
        switch (ids)
        {
            case null:
                return null;
            case string id:
                citations.Add(new Citation(id, sources.Find(id)?.Citation));
                break;
            case IEnumerable many:
                foreach (var item in many)
                {
                    if (item is string each)
                    {
                        citations.Add(new Citation(each, sources.Find(each)?.Citation));
                    }
                }

                break;
        }

        return citations;
    }

    internal static string Singular(string set) => set switch
    {
        "people" => "person",
        _ when set.EndsWith("ies", StringComparison.Ordinal) => set[..^3] + "y",
        _ when set.EndsWith('s') => set[..^1],
        _ => set,
    };
}
