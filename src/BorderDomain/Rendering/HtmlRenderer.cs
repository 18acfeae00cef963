using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Rendering;

/// <summary>
/// Renders query results, records, plans, diagnostics and stores as HTML (<see cref="TryRenderFragment(object?, out string)"/>
/// takes any of them). A result is a table with a caption (the query and the row count) whose <c>citation</c> cells
/// (the column every format adds beside a row's source ids) hold numbered citation marks, the citations listed once
/// under the table; long notes fold into <c>details</c>;
/// disputed statistics are marked and shown beside the claims they disagree with; statistics get a small SVG bar
/// chart (<see cref="SvgChart"/>). Every value is HTML-encoded, control characters shown as Unicode control pictures.
/// </summary>
public static partial class HtmlRenderer
{
    /// <summary>
    /// The name of the field (and the set) holding each row's source ids; their citations are shown beside them, as
    /// numbered marks in the <c>citation</c> column.
    /// </summary>
    public const string SourcesColumn = "sources";

    // A note longer than this folds into a details element showing its start.
    private const int FoldAfter = 90;
    private const int SummaryLength = 60;
    private const int ShortWord = 10;

    private const string Style = """
        .bdq-result{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;color:#1f2328;margin:0 0 1.5em;max-width:100%;overflow-wrap:anywhere}
        .bdq-result table{border-collapse:collapse;margin:.5em 0;max-width:100%}
        .bdq-result .bdq-scroll{max-width:100%;overflow-x:auto}
        .bdq-result caption,.bdq-result .bdq-caption{caption-side:top;text-align:left;font-weight:600;padding:.25em 0 .5em;margin:0}
        .bdq-result code{font-weight:400;background:#f6f8fa;padding:.1em .3em;border-radius:4px}
        .bdq-result th,.bdq-result td{border:1px solid #d0d7de;padding:.3em .5em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
        .bdq-result th{background:#f6f8fa}
        .bdq-result td{min-width:3.5em}
        .bdq-result td.word{white-space:nowrap}
        .bdq-result th[scope=row]{white-space:nowrap;overflow-wrap:normal}
        .bdq-result tbody tr:nth-child(even){background:#fbfcfd}
        .bdq-result td.number{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
        .bdq-result td.citation{font-size:12px;white-space:nowrap;overflow-wrap:normal;min-width:0}
        .bdq-result .cite{color:#0969da;cursor:help}
        .bdq-result ol.bdq-citations{font-size:12px;color:#57606a;margin:.25em 0 1em;padding-left:2.2em}
        .bdq-result ol.bdq-citations .id{color:#8c959f}
        .bdq-result details summary{cursor:pointer;color:#57606a}
        .bdq-result tr.disputed>td{background:#fff8c5}
        .bdq-result .disputed-mark{color:#9a6700;font-weight:600;white-space:nowrap}
        .bdq-result pre{background:#f6f8fa;padding:.5em;border-radius:4px;overflow-x:auto;margin:.25em 0}
        .bdq-result .bdq-chart{display:block;margin:.5em 0;max-width:100%;height:auto}
        .bdq-result .bdq-chart rect.bar{fill:#2f6feb}
        .bdq-result .bdq-chart rect.bar.disputed{fill:#d4a72c}
        .bdq-result .bdq-chart text{font-size:12px;fill:#1f2328}
        """;

    /// <summary>A complete, self-contained HTML page (UTF-8, inline style, no scripts) showing <paramref name="result"/>.</summary>
    /// <param name="result">The result to show.</param>
    /// <param name="store">The store the query ran on; its <c>sources</c> set, when it has one, gives the citations.</param>
    /// <param name="query">The query text, shown in the caption and the page title; optional.</param>
    public static string Render(BdqResult result, IQueryStore store, string? query = null) => RenderShaped(result, store, query, shape: null);

    /// <summary>
    /// The page of <see cref="Render(BdqResult, IQueryStore, string?)"/>, its table first passed through
    /// <paramref name="shape"/> (borderq leaves out the citations for <c>--no-sources</c>).
    /// </summary>
    internal static string RenderShaped(BdqResult result, IQueryStore store, string? query, Func<ResultTable, ResultTable>? shape)
    {
        var title = query is null ? "BDQ result" : "BDQ: " + query;
        return Page(title, Fragment(result, store, query, shape));
    }

    /// <summary>
    /// The result as an HTML fragment (a <c>div</c> with its own scoped style, the table, its citations, the
    /// disputed claims side by side and, for statistics, the chart): what a notebook cell shows, or a piece of a page.
    /// </summary>
    /// <param name="result">The result to show.</param>
    /// <param name="store">The store the query ran on; its <c>sources</c> set, when it has one, gives the citations.</param>
    /// <param name="query">The query text, shown in the caption; optional.</param>
    public static string RenderFragment(BdqResult result, IQueryStore store, string? query = null) => Fragment(result, store, query, shape: null);

    private static string Fragment(BdqResult result, IQueryStore store, string? query, Func<ResultTable, ResultTable>? shape)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(store);
        var table = ResultTable.From(result, store);
        table = shape is null ? table : shape(table);
        var html = Open("bdq-result");
        var footnotes = new Footnotes();
        AppendTable(html, table, query, footnotes);
        AppendDisputes(html, table, store, footnotes);
        footnotes.AppendList(html);
        if (SvgChart.ForResult(result, store) is { } chart)
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

    /// <summary>
    /// HTML-encodes <paramref name="text"/> (<c>&lt; &gt; &amp; " '</c>), with control characters other than the line
    /// feed shown as their Unicode control pictures (<c>␀</c>, <c>␉</c>, <c>␛</c> …) and C1 and bidirectional controls
    /// as <c>�</c>, the same as the diagnostics' caret lines.
    /// </summary>
    internal static string Encode(string text)
    {
        var shown = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i += TextWidth.Units(text, i))
        {
            if (text[i] == '\n')
            {
                shown.Append('\n');
            }
            else
            {
                TextWidth.Append(shown, text, i);
            }
        }

        return WebUtility.HtmlEncode(shown.ToString());
    }

    internal static string Page(string title, string fragment) => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .Append(Encode(title))
        .Append("</title>\n</head>\n<body>\n")
        .Append(fragment)
        .Append("</body>\n</html>\n")
        .ToString();

    private static StringBuilder Open(string classes) =>
        new StringBuilder().Append("<div class=\"").Append(classes).Append("\">\n<style>").Append(Style).Append("</style>\n");

    /// <summary>The HTML table writer: a caption, a header row, and a row per row, citations as numbered marks.</summary>
    private static void AppendTable(StringBuilder html, ResultTable table, string? query, Footnotes footnotes)
    {
        var disputed = table.Set is "statistics" ? table.IndexOf("disputed") : -1;

        // A list of records with every field can be wider than the pane (accords have 21 fields): like a wide data
        // frame, the table then scrolls sideways in its own frame and the page never does.
        html.Append("<div class=\"bdq-scroll\">\n<table class=\"bdq\">\n<caption>");
        AppendCaption(html, query, table.Caption);
        html.Append("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            html.Append(disputed >= 0 && row[disputed] is true ? "<tr class=\"disputed\">" : "<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                AppendCell(html, table, r, c, footnotes);
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    /// <summary>
    /// The same table turned on its side, for a few records: one row per column (those with a value in some record),
    /// one column per record, under <paramref name="heads"/>.
    /// </summary>
    private static void AppendTransposed(StringBuilder html, ResultTable table, string caption, IReadOnlyList<string>? heads, Footnotes footnotes)
    {
        html.Append("<table class=\"bdq bdq-record\">\n<caption>").Append(Encode(caption)).Append("</caption>\n");
        if (heads is not null)
        {
            html.Append("<thead><tr><td></td>");
            foreach (var head in heads)
            {
                html.Append("<th scope=\"col\">").Append(Encode(head)).Append("</th>");
            }

            html.Append("</tr></thead>\n");
        }

        html.Append("<tbody>\n");
        var disputed = table.Set is "statistics" ? table.IndexOf("disputed") : -1;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var any = false;
            foreach (var row in table.Rows)
            {
                any |= ValueText.Display(row[c]).Length > 0 && row[c] is not false;
            }

            if (!any)
            {
                continue;
            }

            html.Append(c == disputed ? "<tr class=\"disputed\">" : "<tr>").Append("<th scope=\"row\">").Append(Encode(table.Columns[c])).Append("</th>");
            for (var r = 0; r < table.Rows.Count; r++)
            {
                AppendCell(html, table, r, c, footnotes);
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendCaption(StringBuilder html, string? query, string caption)
    {
        if (query is not null)
        {
            html.Append("<code>").Append(Encode(query)).Append("</code> — ");
        }

        html.Append(Encode(caption));
    }

    private static void AppendCell(StringBuilder html, ResultTable table, int r, int c, Footnotes footnotes)
    {
        var value = table.Rows[r][c];
        if (c == table.CitationColumn)
        {
            html.Append("<td class=\"citation\">");
            var first = true;
            foreach (var citation in table.Citations[r]?.Items ?? [])
            {
                html.Append(first ? string.Empty : " ");
                first = false;
                if (citation.Text is null)
                {
                    html.Append(Encode(citation.Id));
                    continue;
                }

                var number = footnotes.Number(citation);
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"cite\" title=\"{Encode(citation.Id + ": " + citation.Text)}\">[{number}]</span>");
            }

            html.Append("</td>");
            return;
        }

        if (value is true && table.Columns[c].Equals("disputed", StringComparison.OrdinalIgnoreCase))
        {
            html.Append("<td><span class=\"disputed-mark\">⚑ disputed</span></td>");
            return;
        }

        // A short word (a date, a status, a code) stays on one line; longer text wraps, anywhere if it must, to fit the pane.
        var text = ValueText.Display(value);
        html.Append(ValueText.IsNumber(value) ? "<td class=\"number\">" : text.Length <= ShortWord && !text.Contains(' ', StringComparison.Ordinal) && text.Length > 0 ? "<td class=\"word\">" : "<td>");
        if (text.Length > FoldAfter && (table.Columns[c].Equals("note", StringComparison.OrdinalIgnoreCase) || text.Length > 2 * FoldAfter))
        {
            var cut = text.LastIndexOf(' ', SummaryLength);
            cut = cut < SummaryLength / 2 ? TextWidth.AlignEnd(text, SummaryLength) : cut;
            html.Append("<details><summary>").Append(Encode(text[..cut])).Append(" …</summary>").Append(Encode(text)).Append("</details>");
        }
        else
        {
            html.Append(Encode(text));
        }

        html.Append("</td>");
    }

    /// <summary>The citations of one fragment, numbered in the order they are first cited and listed once.</summary>
    private sealed class Footnotes
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly List<Citation> _list = [];

        public int Number(Citation citation)
        {
            if (!_numbers.TryGetValue(citation.Id, out var number))
            {
                _list.Add(citation);
                number = _list.Count;
                _numbers.Add(citation.Id, number);
            }

            return number;
        }

        public void AppendList(StringBuilder html)
        {
            if (_list.Count == 0)
            {
                return;
            }

            html.Append("<ol class=\"bdq-citations\">\n");
            foreach (var citation in _list)
            {
                html.Append("<li>").Append(Encode(citation.Text ?? string.Empty)).Append(" <span class=\"id\">(").Append(Encode(citation.Id)).Append(")</span></li>\n");
            }

            html.Append("</ol>\n");
        }
    }
}
