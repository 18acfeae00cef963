using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Rendering;

namespace BorderDomain.Cli;

/// <summary>
/// Writes a <see cref="ResultTable"/> (the one table of a result every format shows) as a table, expanded lines,
/// JSON, JSON lines, CSV or Markdown.
/// </summary>
internal static class ResultWriters
{
    /// <summary>No table column is narrowed below this when fitting a table to the terminal's width.</summary>
    public const int MinWrapWidth = 12;

    private const string ColumnGap = "  ";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // The output is read by people and programs, not embedded in HTML: keep accents and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions JsonLineOptions = JsonOptions with { Indented = false };

    /// <summary>
    /// Writes <paramref name="view"/> in <paramref name="format"/>; a table or expanded lines are fitted to
    /// <paramref name="width"/> columns by wrapping long cells (<see langword="null"/>: never wrapped).
    /// </summary>
    public static void Write(ResultTable view, OutputFormat format, TextWriter output, int? width = null)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(view, output);
                break;
            case OutputFormat.JsonLines:
                WriteJsonLines(view, output);
                break;
            case OutputFormat.Csv:
                WriteCsv(view, output);
                break;
            case OutputFormat.Markdown:
                WriteMarkdown(view, output);
                break;
            case OutputFormat.Line:
                WriteLines(view, output, width);
                break;
            default:
                WriteTable(view, output, width);
                break;
        }
    }

    /// <summary>
    /// Aligned columns under a header and a separator line, numbers right-aligned with thousands separators, then a
    /// line such as <c>3 accords</c>. No cell is ever cut: when the table is wider than <paramref name="width"/>, the
    /// widest columns are narrowed (to <see cref="MinWrapWidth"/> at least) and their cells wrap onto more lines. A
    /// count is written as the bare number.
    /// </summary>
    public static void WriteTable(ResultTable view, TextWriter output, int? width = null)
    {
        if (view.Kind == Query.BdqResultKind.Count)
        {
            output.WriteLine(view.Rows.Count > 0 && view.Rows[0].Length > 0 ? ValueText.Display(view.Rows[0][0]) : "0");
            return;
        }

        var columns = view.Columns.Count;
        var header = new string[columns];
        var cells = new string[view.Rows.Count][];
        var widths = new int[columns];
        var numeric = new bool[columns];
        for (var c = 0; c < columns; c++)
        {
            header[c] = VisibleText.Escape(view.Columns[c]);
            widths[c] = Columns(header[c]);
            numeric[c] = view.Rows.Count > 0;
        }

        for (var r = 0; r < view.Rows.Count; r++)
        {
            cells[r] = new string[columns];
            for (var c = 0; c < columns; c++)
            {
                var value = view.Rows[r][c];
                cells[r][c] = VisibleText.Escape(DisplayGrouped(value));
                widths[c] = Math.Max(widths[c], Columns(cells[r][c]));
                numeric[c] &= value is null || ValueText.IsNumber(value);
            }
        }

        if (width is { } available)
        {
            Fit(widths, header, numeric, available);
        }

        var line = new StringBuilder();
        WriteLine(output, line, header, widths, numeric);
        for (var c = 0; c < columns; c++)
        {
            line.Append(c == 0 ? string.Empty : ColumnGap).Append('-', widths[c]);
        }

        output.WriteLine(line.ToString());
        line.Clear();
        foreach (var row in cells)
        {
            WriteLine(output, line, row, widths, numeric);
        }

        output.WriteLine(view.Caption);
    }

    /// <summary>
    /// The expanded display: for each row a line <c>-[ 1 ]-</c>, then one field a line, names aligned, values wrapped to
    /// <paramref name="width"/>; then the caption. A count is the bare number.
    /// </summary>
    public static void WriteLines(ResultTable view, TextWriter output, int? width = null)
    {
        if (view.Kind == Query.BdqResultKind.Count)
        {
            WriteTable(view, output, width);
            return;
        }

        var names = new string[view.Columns.Count];
        var nameWidth = 0;
        for (var c = 0; c < names.Length; c++)
        {
            names[c] = VisibleText.Escape(view.Columns[c]);
            nameWidth = Math.Max(nameWidth, Columns(names[c]));
        }

        var valueWidth = width is { } available ? Math.Max(MinWrapWidth, available - nameWidth - 3) : int.MaxValue;
        for (var r = 0; r < view.Rows.Count; r++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-[ {r + 1} ]-"));
            for (var c = 0; c < names.Length; c++)
            {
                var pieces = Wrap(VisibleText.Escape(DisplayGrouped(view.Rows[r][c])), valueWidth);
                for (var p = 0; p < pieces.Count; p++)
                {
                    var name = p == 0 ? names[c] : string.Empty;
                    output.WriteLine((name + new string(' ', nameWidth - Columns(name)) + " | " + pieces[p]).TrimEnd());
                }
            }
        }

        output.WriteLine(view.Caption);
    }

    /// <summary>A GitHub-flavoured Markdown table (numbers right-aligned; <c>|</c> escaped, line breaks as <c>&lt;br&gt;</c>), then the caption in italics.</summary>
    public static void WriteMarkdown(ResultTable view, TextWriter output)
    {
        var line = new StringBuilder("|");
        foreach (var column in view.Columns)
        {
            line.Append(' ').Append(MarkdownCell(column)).Append(" |");
        }

        output.WriteLine(line.ToString());
        line.Clear().Append('|');
        for (var c = 0; c < view.Columns.Count; c++)
        {
            var numeric = view.Rows.Count > 0 && view.Rows.All(row => row[c] is null || ValueText.IsNumber(row[c]));
            line.Append(numeric ? " ---: |" : " --- |");
        }

        output.WriteLine(line.ToString());
        foreach (var row in view.Rows)
        {
            line.Clear().Append('|');
            foreach (var value in row)
            {
                line.Append(' ').Append(MarkdownCell(ValueText.Display(value))).Append(" |");
            }

            output.WriteLine(line.ToString());
        }

        output.WriteLine();
        output.WriteLine("_" + MarkdownCell(view.Caption) + "_");
    }

    /// <summary>One JSON object a line, one line a row, keyed by column, values as <see cref="WriteJson"/> writes them.</summary>
    public static void WriteJsonLines(ResultTable view, TextWriter output)
    {
        foreach (var row in view.Rows)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, JsonLineOptions))
            {
                WriteJsonRow(json, view, row);
            }

            output.WriteLine(EscapeBidiControls(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
        }
    }

    /// <summary>Several results as one JSON document: an array with, per query, <c>{"query": …, "rows": […]}</c>.</summary>
    public static void WriteJsonDocument(IReadOnlyList<(string Query, ResultTable View)> results, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var (query, view) in results)
            {
                json.WriteStartObject();
                json.WriteString("query", query);
                json.WritePropertyName("rows");
                WriteJsonRows(json, view);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(EscapeBidiControls(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
    }

    /// <summary>A plan as JSON: <c>{"query": …, "plan": [its lines]}</c>.</summary>
    public static void WritePlanJson(string query, string plan, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("query", query);
            json.WriteStartArray("plan");
            foreach (var line in plan.TrimEnd().Split('\n'))
            {
                json.WriteStringValue(line.TrimEnd('\r'));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(EscapeBidiControls(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
    }

    /// <summary>
    /// <paramref name="value"/> as <see cref="ValueText.Display"/> shows it, numbers with thousands separators
    /// (<c>1,234,567.5</c>): the table's and the expanded display's text. CSV, JSON and Markdown keep plain numbers.
    /// </summary>
    public static string DisplayGrouped(object? value) => value switch
    {
        decimal number => number.ToString("#,0.############################", CultureInfo.InvariantCulture),
        double number when double.IsFinite(number) => number.ToString("#,0.################", CultureInfo.InvariantCulture),
        float number when float.IsFinite(number) => number.ToString("#,0.#########", CultureInfo.InvariantCulture),
        int or long or short or sbyte or uint or ulong or ushort or byte => ((IFormattable)value).ToString("#,0", CultureInfo.InvariantCulture),
        _ => ValueText.Display(value),
    };

    /// <summary>
    /// An array with one object per row, keyed by column: numbers and yes/no values as themselves, collections as
    /// arrays, null as null, everything else as its display string.
    /// </summary>
    public static void WriteJson(ResultTable view, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteJsonRows(json, view);
        }

        output.WriteLine(EscapeBidiControls(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
    }

    /// <summary>
    /// <paramref name="json"/> with the bidi controls U+202A–U+202E and U+2066–U+2069 written as <c>\u202E</c>-style
    /// escapes, as System.Text.Json already writes every C0 and C1 control: its relaxed encoder leaves these raw.
    /// They can only stand inside strings, so the JSON means the same and keeps every character.
    /// </summary>
    public static string EscapeBidiControls(string json)
    {
        var text = new StringBuilder(json.Length);
        foreach (var c in json)
        {
            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// RFC 4180: a header line, CRLF line ends, fields quoted where they hold a comma, quote or line break; text that
    /// a spreadsheet would run as a formula is neutralised by <see cref="CsvText"/>.
    /// </summary>
    public static void WriteCsv(ResultTable view, TextWriter output)
    {
        var line = new StringBuilder();
        var header = new string[view.Columns.Count];
        for (var c = 0; c < header.Length; c++)
        {
            header[c] = CsvText(view.Columns[c]);
        }

        AppendCsvLine(output, line, header);
        foreach (var row in view.Rows)
        {
            var fields = new string[row.Length];
            for (var c = 0; c < row.Length; c++)
            {
                fields[c] = CsvText(row[c]);
            }

            AppendCsvLine(output, line, fields);
        }
    }

    /// <summary>
    /// The text of <paramref name="value"/> for a CSV cell. Text starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return gets a leading <c>'</c> (OWASP's advice against CSV injection), so a
    /// spreadsheet shows it instead of running it as a formula. Numbers are never changed: whether to neutralise is
    /// decided by the value's type, so <c>-5</c> stays <c>-5</c> while the text <c>"-5"</c> becomes <c>'-5</c>.
    /// </summary>
    public static string CsvText(object? value)
    {
        var text = ValueText.Display(value);
        return !ValueText.IsNumber(value) && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    /// <summary><paramref name="field"/> quoted as RFC 4180 requires: only when needed, inner quotes doubled.</summary>
    public static string CsvField(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case long or int or short or sbyte:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong or uint or ushort or byte:
                json.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture));
                break;
            case RowCitations { IsSingle: true } citation:
                WriteJsonValue(json, citation.Texts.FirstOrDefault());
                break;
            case RowCitations citations:
                WriteJsonArray(json, citations.Texts);
                break;
            case IEnumerable items when value is not IFormattable:
                WriteJsonArray(json, items);
                break;
            default:
                json.WriteStringValue(ValueText.Display(value));
                break;
        }
    }

    private static void WriteJsonArray(Utf8JsonWriter json, IEnumerable items)
    {
        json.WriteStartArray();
        foreach (var item in items)
        {
            WriteJsonValue(json, item);
        }

        json.WriteEndArray();
    }

    private static void AppendCsvLine(TextWriter output, StringBuilder line, IReadOnlyList<string> fields)
    {
        for (var c = 0; c < fields.Count; c++)
        {
            line.Append(c == 0 ? string.Empty : ",").Append(CsvField(fields[c]));
        }

        output.Write(line.Append("\r\n").ToString());
        line.Clear();
    }

    private static int Columns(string text) => TextWidth.Of(text, 0, text.Length);

    private static void WriteJsonRows(Utf8JsonWriter json, ResultTable view)
    {
        json.WriteStartArray();
        foreach (var row in view.Rows)
        {
            WriteJsonRow(json, view, row);
        }

        json.WriteEndArray();
    }

    private static void WriteJsonRow(Utf8JsonWriter json, ResultTable view, object?[] row)
    {
        json.WriteStartObject();
        for (var c = 0; c < view.Columns.Count; c++)
        {
            json.WritePropertyName(view.Columns[c]);
            WriteJsonValue(json, row[c]);
        }

        json.WriteEndObject();
    }

    private static string MarkdownCell(string text) =>
        VisibleText.Escape(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", "<br>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal));

    // Narrows the widest columns until the table fits in available (never a header below its own width or MinWrapWidth).
    private static void Fit(int[] widths, string[] header, bool[] numeric, int available)
    {
        var total = widths.Sum() + (ColumnGap.Length * Math.Max(0, widths.Length - 1));
        while (total > available)
        {
            var widest = -1;
            for (var c = 0; c < widths.Length; c++)
            {
                var floor = Math.Max(MinWrapWidth, Columns(header[c]));
                if (!numeric[c] && widths[c] > floor && (widest < 0 || widths[c] > widths[widest]))
                {
                    widest = c;
                }
            }

            if (widest < 0)
            {
                return;
            }

            widths[widest]--;
            total--;
        }
    }

    // The pieces of text, each at most width columns wide, broken after spaces where possible.
    private static List<string> Wrap(string text, int width)
    {
        var pieces = new List<string>();
        while (Columns(text) > width)
        {
            var cut = 0;
            var columns = 0;
            while (cut < text.Length)
            {
                var step = TextWidth.Units(text, cut);
                var w = TextWidth.Of(text, cut, cut + step);
                if (columns + w > width)
                {
                    break;
                }

                columns += w;
                cut += step;
            }

            cut = Math.Max(cut, 1);
            var space = text.LastIndexOf(' ', Math.Min(cut, text.Length - 1));
            if (space > 0 && space >= cut / 2)
            {
                pieces.Add(text[..space].TrimEnd());
                text = text[(space + 1)..];
            }
            else
            {
                pieces.Add(text[..cut]);
                text = text[cut..];
            }
        }

        pieces.Add(text);
        return pieces;
    }

    private static void WriteLine(TextWriter output, StringBuilder line, IReadOnlyList<string> cells, int[] widths, bool[] numeric)
    {
        var wrapped = new List<string>[cells.Count];
        var height = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            wrapped[c] = Wrap(cells[c], widths[c]);
            height = Math.Max(height, wrapped[c].Count);
        }

        for (var l = 0; l < height; l++)
        {
            for (var c = 0; c < cells.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(ColumnGap);
                }

                var cell = l < wrapped[c].Count ? wrapped[c][l] : string.Empty;
                var pad = widths[c] - Columns(cell);
                if (numeric[c])
                {
                    line.Append(' ', Math.Max(0, pad)).Append(cell);
                }
                else
                {
                    line.Append(cell);
                    if (c < cells.Count - 1)
                    {
                        line.Append(' ', Math.Max(0, pad));
                    }
                }
            }

            output.WriteLine(line.ToString().TrimEnd());
            line.Clear();
        }
    }
}
