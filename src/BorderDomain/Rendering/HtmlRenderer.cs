using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Rendering;

/// <summary>
/// Renders a <see cref="BdqResult"/> as HTML: a table with a caption (the query and the row count), a
/// <c>sources</c> column with the citations of each row's sources where the rows carry source ids, and for
/// statistics a small SVG bar chart by period or by nation (<see cref="SvgChart"/>). Every value is HTML-encoded.
/// </summary>
public static class HtmlRenderer
{
    /// <summary>The name of the column holding each row's citations.</summary>
    public const string SourcesColumn = "sources";

    private const string Style = """
        .bdq-result{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;color:#1f2328;margin:0 0 1.5em}
        .bdq-result table{border-collapse:collapse;margin:.5em 0}
        .bdq-result caption{caption-side:top;text-align:left;font-weight:600;padding:.25em 0 .5em}
        .bdq-result caption code{font-weight:400;background:#f6f8fa;padding:.1em .3em;border-radius:4px}
        .bdq-result th,.bdq-result td{border:1px solid #d0d7de;padding:.3em .6em;vertical-align:top;text-align:left}
        .bdq-result th{background:#f6f8fa}
        .bdq-result tbody tr:nth-child(even){background:#fbfcfd}
        .bdq-result td.number{text-align:right;font-variant-numeric:tabular-nums}
        .bdq-result td{max-width:26em}
        .bdq-result td:first-child{white-space:nowrap}
        .bdq-result td.sources{font-size:12px;color:#57606a;min-width:16em}
        .bdq-result td.sources ul{margin:0;padding-left:1.1em}
        .bdq-result .bdq-chart{display:block;margin:.5em 0}
        .bdq-result .bdq-chart rect.bar{fill:#2f6feb}
        .bdq-result .bdq-chart text{font-size:12px;fill:#1f2328}
        """;

    /// <summary>A complete, self-contained HTML page (UTF-8, inline style, no scripts) showing <paramref name="result"/>.</summary>
    /// <param name="result">The result to show.</param>
    /// <param name="store">The store the query ran on; its <c>sources</c> set, when it has one, gives the citations.</param>
    /// <param name="query">The query text, shown in the caption and the page title; optional.</param>
    public static string Render(BdqResult result, IQueryStore store, string? query = null)
    {
        var title = query is null ? "BDQ result" : "BDQ: " + query;
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(title))
            .Append("</title>\n</head>\n<body>\n")
            .Append(RenderFragment(result, store, query))
            .Append("</body>\n</html>\n")
            .ToString();
    }

    /// <summary>
    /// The result as an HTML fragment (a <c>div</c> with its own scoped style, the table and, for statistics, the chart):
    /// what a notebook cell shows, or a piece of a larger page.
    /// </summary>
    /// <param name="result">The result to show.</param>
    /// <param name="store">The store the query ran on; its <c>sources</c> set, when it has one, gives the citations.</param>
    /// <param name="query">The query text, shown in the caption; optional.</param>
    public static string RenderFragment(BdqResult result, IQueryStore store, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(store);
        var table = ResultTable.From(result, store);
        var html = new StringBuilder();
        html.Append("<div class=\"bdq-result\">\n<style>").Append(Style).Append("</style>\n");
        html.Append("<table class=\"bdq\">\n<caption>");
        if (query is not null)
        {
            html.Append("<code>").Append(Encode(query)).Append("</code> — ");
        }

        html.Append(Encode(table.Footer())).Append("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                AppendCell(html, row[c], c == table.CitationColumn);
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (SvgChart.ForResult(result) is { } chart)
        {
            html.Append(chart).Append('\n');
        }

        return html.Append("</div>\n").ToString();
    }

    /// <summary>
    /// Wraps <paramref name="result"/> so that Polyglot Notebooks (.NET Interactive) show it as HTML when it is a
    /// cell's value, without this library referencing the notebook kernel (see <see cref="NotebookFormatterSource"/>).
    /// </summary>
    /// <param name="result">The result to show.</param>
    /// <param name="store">The store the query ran on; <see cref="BorderStore.Default"/> when null.</param>
    /// <param name="query">The query text, shown in the caption; optional.</param>
    public static HtmlResult Display(BdqResult result, IQueryStore? store = null, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new HtmlResult(result, store ?? BorderStore.Default, query);
    }

    /// <summary>HTML-encodes <paramref name="text"/> (<c>&lt; &gt; &amp; " '</c>).</summary>
    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void AppendCell(StringBuilder html, object? value, bool citations)
    {
        if (citations)
        {
            html.Append("<td class=\"sources\">");
            if (value is IReadOnlyList<string> { Count: > 0 } items)
            {
                html.Append("<ul>");
                foreach (var item in items)
                {
                    html.Append("<li>").Append(Encode(item)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td>");
            return;
        }

        html.Append(ValueText.IsNumber(value) ? "<td class=\"number\">" : "<td>")
            .Append(Encode(ValueText.Display(value)))
            .Append("</td>");
    }
}

/// <summary>A result's columns and rows as the renderers show them, with the citation column added where it applies.</summary>
internal sealed class ResultTable
{
    private ResultTable(BdqResult result, List<string> columns, List<object?[]> rows, int citationColumn)
    {
        Result = result;
        Columns = columns;
        Rows = rows;
        CitationColumn = citationColumn;
    }

    public BdqResult Result { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The index of the citation column (its values are <c>IReadOnlyList&lt;string&gt;</c>), or -1.</summary>
    public int CitationColumn { get; }

    public static ResultTable From(BdqResult result, IQueryStore store)
    {
        var columns = new List<string>(result.Columns);
        if (result.Kind == BdqResultKind.Records && columns.Count == 0)
        {
            foreach (var field in result.Set.Fields)
            {
                columns.Add(field.Name);
            }
        }

        // Citations come from the store's sources set; a store of your own records without one gets no citation column.
        var sources = store.GetTable(HtmlRenderer.SourcesColumn) as EntityTable<Source>;
        var sourceIndex = sources is null ? -1 : FindSourceColumn(result, columns);
        var citationColumn = -1;
        if (sourceIndex >= 0)
        {
            citationColumn = columns.Count;
            columns.Add(columns.Exists(c => c.Equals(HtmlRenderer.SourcesColumn, StringComparison.OrdinalIgnoreCase)) ? "citations" : HtmlRenderer.SourcesColumn);
        }

        var rows = new List<object?[]>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < row.Count && i < values.Length; i++)
            {
                values[i] = row[i];
            }

            if (citationColumn >= 0 && sourceIndex < row.Count)
            {
                values[citationColumn] = Cite(row[sourceIndex], sources!);
            }

            rows.Add(values);
        }

        return new ResultTable(result, columns, rows, citationColumn);
    }

    /// <summary><c>3 accords</c>, <c>1 accord</c>, <c>2 rows</c>, <c>4 groups</c>, <c>count</c>.</summary>
    public string Footer()
    {
        var count = Rows.Count;
        var setName = Result.Set.Name;
        var (one, many) = Result.Kind switch
        {
            BdqResultKind.Records => (Singular(setName), setName),
            BdqResultKind.Groups => ("group", "groups"),
            BdqResultKind.Count => ("count", "count"),
            _ => ("row", "rows"),
        };
        return Result.Kind == BdqResultKind.Count
            ? string.Create(CultureInfo.InvariantCulture, $"count of {setName}")
            : string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
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

    private static List<string>? Cite(object? ids, EntityTable<Source> sources)
    {
        var citations = new List<string>();
        switch (ids)
        {
            case null:
                return null;
            case string id:
                if (sources.Find(id)?.Citation is { } one)
                {
                    citations.Add(one);
                }

                break;
            case IEnumerable many:
                foreach (var item in many)
                {
                    if (item is string each && sources.Find(each)?.Citation is { } citation)
                    {
                        citations.Add(citation);
                    }
                }

                break;
        }

        return citations;
    }

    private static string Singular(string set) => set switch
    {
        "people" => "person",
        _ when set.EndsWith("ies", StringComparison.Ordinal) => set[..^3] + "y",
        _ when set.EndsWith('s') => set[..^1],
        _ => set,
    };
}
