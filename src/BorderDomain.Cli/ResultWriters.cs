using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BorderDomain.Query;
using BorderDomain.Rendering;

namespace BorderDomain.Cli;

/// <summary>Writes a <see cref="ResultTable"/> (the one table of a result every format shows) as a table, JSON or CSV.</summary>
internal static class ResultWriters
{
    /// <summary>Cells longer than this are cut and end with "…".</summary>
    public const int MaxCellWidth = 60;

    private const string ColumnGap = "  ";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // The output is read by people and programs, not embedded in HTML: keep accents and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="view"/> in <paramref name="format"/>.</summary>
    public static void Write(ResultTable view, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(view, output);
                break;
            case OutputFormat.Csv:
                WriteCsv(view, output);
                break;
            default:
                WriteTable(view, output);
                break;
        }
    }

    /// <summary>
    /// Aligned columns under a header and a separator line, numbers right-aligned, long cells cut at
    /// <see cref="MaxCellWidth"/>, then a line such as <c>3 accords</c>. A count is written as the bare number.
    /// </summary>
    public static void WriteTable(ResultTable view, TextWriter output)
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
            widths[c] = header[c].Length;
            numeric[c] = view.Rows.Count > 0;
        }

        for (var r = 0; r < view.Rows.Count; r++)
        {
            cells[r] = new string[columns];
            for (var c = 0; c < columns; c++)
            {
                var value = view.Rows[r][c];
                cells[r][c] = Cell(ValueText.Display(value));
                widths[c] = Math.Max(widths[c], cells[r][c].Length);
                numeric[c] &= value is null || ValueText.IsNumber(value);
            }
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
    /// An array with one object per row, keyed by column: numbers and yes/no values as themselves, collections as
    /// arrays, null as null, everything else as its display string.
    /// </summary>
    public static void WriteJson(ResultTable view, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var row in view.Rows)
            {
                json.WriteStartObject();
                for (var c = 0; c < view.Columns.Count; c++)
                {
                    json.WritePropertyName(view.Columns[c]);
                    WriteJsonValue(json, row[c]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
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

    private static void AppendCsvLine(TextWriter output, StringBuilder line, System.Collections.Generic.IReadOnlyList<string> fields)
    {
        for (var c = 0; c < fields.Count; c++)
        {
            line.Append(c == 0 ? string.Empty : ",").Append(CsvField(fields[c]));
        }

        output.Write(line.Append("\r\n").ToString());
        line.Clear();
    }

    private static void WriteLine(TextWriter output, StringBuilder line, System.Collections.Generic.IReadOnlyList<string> cells, int[] widths, bool[] numeric)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            if (c > 0)
            {
                line.Append(ColumnGap);
            }

            var pad = widths[c] - cells[c].Length;
            if (numeric[c])
            {
                line.Append(' ', pad).Append(cells[c]);
            }
            else
            {
                line.Append(cells[c]);
                if (c < cells.Count - 1)
                {
                    line.Append(' ', pad);
                }
            }
        }

        output.WriteLine(line.ToString().TrimEnd());
        line.Clear();
    }

    /// <summary>A table cell: one line, control characters shown by <see cref="VisibleText.Escape"/> (a newline as ␊).</summary>
    private static string Cell(string text)
    {
        text = VisibleText.Escape(text);

        if (text.Length <= MaxCellWidth)
        {
            return text;
        }

        var cut = MaxCellWidth - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
