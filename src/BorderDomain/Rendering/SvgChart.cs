using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Rendering;

/// <summary>One bar of a <see cref="SvgChart"/>.</summary>
/// <param name="Label">
/// What the bar stands for, e.g. a period (<c>2024</c>) or nations, with the claim's date and source where the rows
/// carry them (<c>ECU, PER · 2013 · Hólger Álava</c>).
/// </param>
/// <param name="Value">The bar's length.</param>
/// <param name="Disputed">Whether the bar is a disputed claim: drawn in another colour, its label marked <c>⚑ disputed</c>.</param>
public sealed record ChartBar(string Label, decimal Value, bool Disputed = false);

/// <summary>
/// A small, dependency-free horizontal bar chart as inline SVG, for statistics by period or by nation.
/// Each bar is a <c>rect</c> of class <c>bar</c> (<c>bar disputed</c> for a disputed claim) with a <c>title</c> giving
/// its label and value; the label is written above the bar, across the chart's width.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int ValueWidth = 110;
    private const int LabelHeight = 16;
    private const int BarHeight = 18;
    private const int Gap = 8;
    private const int Top = 28;
    private const int Step = LabelHeight + BarHeight + Gap;
    private const string DisputedMark = " · ⚑ disputed";

    /// <summary>An SVG bar chart of <paramref name="bars"/> under <paramref name="title"/>; negative values are drawn as empty bars.</summary>
    /// <param name="bars">The bars, drawn top to bottom in this order.</param>
    /// <param name="title">The chart's heading, e.g. <c>BilateralTrade (USD) by period</c>.</param>
    public static string Render(IReadOnlyList<ChartBar> bars, string title)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(title);
        var max = 0m;
        foreach (var bar in bars)
        {
            max = Math.Max(max, bar.Value);
        }

        var height = Top + (bars.Count * Step);
        var plot = Width - ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bdq-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">");
        svg.Append("<title>").Append(HtmlRenderer.Encode(title)).Append("</title>");
        svg.Append("<text x=\"0\" y=\"16\" font-weight=\"600\">").Append(HtmlRenderer.Encode(title)).Append("</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + (i * Step);
            var length = max <= 0 || bar.Value <= 0 ? 0 : (double)(bar.Value / max) * plot;
            var value = bar.Value.ToString("#,0.##", CultureInfo.InvariantCulture);
            var label = HtmlRenderer.Encode(bar.Label + (bar.Disputed ? DisputedMark : string.Empty));
            var (css, fill) = bar.Disputed ? ("bar disputed", "#d4a72c") : ("bar", "#2f6feb");
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bar-group\"><text class=\"label\" x=\"0\" y=\"{y + 12}\">{label}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"0\" y=\"{y + LabelHeight}\" width=\"{length:0.#}\" height=\"{BarHeight}\" fill=\"{fill}\"><title>{label}: {value}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{length + 6:0.#}\" y=\"{y + LabelHeight + 13}\">{value}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The chart for a statistics result, or <see langword="null"/> when there is nothing to chart: records or
    /// selected rows with a <c>value</c> (by <c>period</c> when the rows have periods, else by <c>nations</c>),
    /// or groups keyed by <c>period</c> or <c>nations</c> with a numeric aggregate. Mixed units are not charted.
    /// </summary>
    /// <param name="result">A query result.</param>
    public static string? ForResult(BdqResult result) => ForResult(result, null);

    /// <summary>
    /// As <see cref="ForResult(BdqResult)"/>; each bar's label also names the claim's period (when the chart is by
    /// nation), its source's date and author or publisher (from <paramref name="store"/>'s sources) when the rows have a
    /// <c>source</c>, and marks a disputed claim, so that two claims about the same nations can be told apart.
    /// </summary>
    internal static string? ForResult(BdqResult result, IQueryStore? store)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Set.Name.Equals("statistics", StringComparison.OrdinalIgnoreCase) || result.Rows.Count == 0 || result.Kind == BdqResultKind.Count)
        {
            return null;
        }

        var columns = result.Columns;
        var period = IndexOf(columns, "period");
        var nations = IndexOf(columns, "nations");
        var unit = IndexOf(columns, "unit");
        var metric = IndexOf(columns, "metric");
        var source = IndexOf(columns, "source");
        var disputed = IndexOf(columns, "disputed");
        var sources = store?.GetTable(HtmlRenderer.SourcesColumn) as EntityTable<Source>;
        var value = result.Kind == BdqResultKind.Groups ? FirstAggregate(result) : IndexOf(columns, "value");
        if (value < 0)
        {
            return null;
        }

        var byPeriod = period >= 0 && AnyValue(result, period);
        var label = byPeriod ? period : nations >= 0 && AnyValue(result, nations) ? nations : -1;
        if (label < 0 || !SameEverywhere(result, unit))
        {
            return null;
        }

        var bars = new List<ChartBar>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            if (!TryNumber(row[value], out var number))
            {
                return null;
            }

            var text = ValueText.Display(row[label]);
            var parts = new List<string> { text.Length == 0 ? "(none)" : text };
            if (!byPeriod && period >= 0 && ValueText.Display(row[period]) is { Length: > 0 } when)
            {
                parts.Add(when);
            }

            if (source >= 0 && row[source] is string id)
            {
                var cited = sources?.Find(id);
                if (cited?.Published is { } published && (byPeriod || period < 0 || row[period] is null))
                {
                    parts.Add(published.Year.ToString(CultureInfo.InvariantCulture));
                }

                parts.Add(cited?.Publisher ?? cited?.Dateline ?? cited?.Author ?? id);
            }

            bars.Add(new ChartBar(string.Join(" · ", parts), number, disputed >= 0 && row[disputed] is true));
        }

        var what = metric >= 0 && SameEverywhere(result, metric) ? ValueText.Display(result.Rows[0][metric]) : columns[value];
        var unitText = unit >= 0 ? " (" + ValueText.Display(result.Rows[0][unit]) + ")" : string.Empty;
        return Render(bars, $"{what}{unitText} by {(byPeriod ? "period" : "nation")}");
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FirstAggregate(BdqResult result)
    {
        for (var i = 0; i < result.Columns.Count; i++)
        {
            if (result.Columns[i].Contains('(', StringComparison.Ordinal) && TryNumber(result.Rows[0][i], out _))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool AnyValue(BdqResult result, int column)
    {
        foreach (var row in result.Rows)
        {
            if (ValueText.Display(row[column]).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameEverywhere(BdqResult result, int column)
    {
        if (column < 0)
        {
            return true;
        }

        var first = ValueText.Display(result.Rows[0][column]);
        foreach (var row in result.Rows)
        {
            if (!ValueText.Display(row[column]).Equals(first, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryNumber(object? value, out decimal number)
    {
        switch (value)
        {
            case decimal d:
                number = d;
                return true;
            case double or float or int or long or short or byte or sbyte or uint or ulong or ushort:
                try
                {
                    number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    return true;
                }
                catch (OverflowException)
                {
                    break;
                }
        }

        number = 0;
        return false;
    }
}
