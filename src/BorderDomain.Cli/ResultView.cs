using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Cli;

/// <summary>
/// A query result as the formatters see it: column names and rows of raw values, plus a column with the citations
/// of each row's source(s) where the result carries source ids.
/// </summary>
internal sealed class ResultView
{
    private const string SourcesSet = "sources";

    private ResultView(BdqResultKind kind, string setName, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        Kind = kind;
        SetName = setName;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>What the query returned.</summary>
    public BdqResultKind Kind { get; }

    /// <summary>The queried set, e.g. <c>accords</c>.</summary>
    public string SetName { get; }

    /// <summary>The column names, the citation column last.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One array of values per row, one value per column.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>
    /// The view of <paramref name="result"/>. Where the rows hold source ids (a record's <c>sources</c> or
    /// <c>source</c> field, or a selected or grouped <c>source</c>/<c>sources</c> column), a column with their
    /// citations is added: named <c>source</c>, or <c>citation</c> when the result already has a <c>source</c> column.
    /// </summary>
    public static ResultView From(BdqResult result, BorderStore store)
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

        var sourceIndex = FindSourceColumn(result, columns);
        if (sourceIndex >= 0)
        {
            columns.Add(columns.Exists(c => c.Equals("source", StringComparison.OrdinalIgnoreCase)) ? "citation" : "source");
        }

        var rows = new List<object?[]>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < row.Count && i < values.Length; i++)
            {
                values[i] = row[i];
            }

            if (sourceIndex >= 0 && sourceIndex < row.Count)
            {
                values[^1] = Cite(row[sourceIndex], store);
            }

            rows.Add(values);
        }

        return new ResultView(result.Kind, result.Set.Name, columns, rows);
    }

    /// <summary>The footer: <c>3 accords</c>, <c>1 accord</c>, <c>2 rows</c>, <c>4 groups</c>.</summary>
    public string Footer()
    {
        var count = Rows.Count;
        var (one, many) = Kind switch
        {
            BdqResultKind.Records => (Singular(SetName), SetName),
            BdqResultKind.Groups => ("group", "groups"),
            _ => ("row", "rows"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
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

    private static object? Cite(object? ids, BorderStore store)
    {
        switch (ids)
        {
            case null:
                return null;
            case string id:
                return store.Sources.Find(id)?.Citation;
            case IEnumerable many:
                var citations = ImmutableArray.CreateBuilder<string>();
                foreach (var item in many)
                {
                    if (item is string each && store.Sources.Find(each)?.Citation is { } citation)
                    {
                        citations.Add(citation);
                    }
                }

                return new Citations(citations.ToImmutable());
            default:
                return null;
        }
    }

    private static string Singular(string set) => set switch
    {
        "people" => "person",
        _ when set.EndsWith("ies", StringComparison.Ordinal) => set[..^3] + "y",
        _ when set.EndsWith('s') => set[..^1],
        _ => set,
    };
}
