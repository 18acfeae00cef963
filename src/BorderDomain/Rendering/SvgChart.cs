using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using BorderDomain.Query;

namespace BorderDomain.Rendering;

/// <summary>One bar of a <see cref="SvgChart"/>.</summary>
/// <param name="Label">What the bar stands for, e.g. a period (<c>2024</c>) or nations (<c>ECU, PER</c>).</param>
/// <param name="Value">The bar's length.</param>
public sealed record ChartBar(string Label, decimal Value);

/// <summary>
/// A small, dependency-free horizontal bar chart as inline SVG, for statistics by period or by nation.
/// Each bar is a <c>rect</c> of class <c>bar</c> with a <c>title</c> giving its label and value.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int LabelWidth = 170;
    private const int ValueWidth = 110;
    private const int BarHeight = 20;
    private const int Gap = 6;
    private const int Top = 28;

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

        var height = Top + (bars.Count * (BarHeight + Gap)) + Gap;
        var plot = Width - LabelWidth - ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bdq-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">");
        svg.Append("<title>").Append(HtmlRenderer.Encode(title)).Append("</title>");
        svg.Append("<text x=\"0\" y=\"16\" font-weight=\"600\">").Append(HtmlRenderer.Encode(title)).Append("</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + (i * (BarHeight + Gap));
            var length = max <= 0 || bar.Value <= 0 ? 0 : (double)(bar.Value / max) * plot;
            var value = bar.Value.ToString("#,0.##", CultureInfo.InvariantCulture);
            var label = HtmlRenderer.Encode(bar.Label);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bar-group\"><text x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{label}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight}\" fill=\"#2f6feb\"><title>{label}: {value}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 14}\">{value}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The chart for a statistics result, or <see langword="null"/> when there is nothing to chart: records or
    /// selected rows with a <c>value</c> (by <c>period</c> when the rows have periods, else by <c>nations</c>),
    /// or groups keyed by <c>period</c> or <c>nations</c> with a numeric aggregate. Mixed units are not charted.
    /// </summary>
    /// <param name="result">A query result.</param>
    public static string? ForResult(BdqResult result)
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
            bars.Add(new ChartBar(text.Length == 0 ? "(none)" : text, number));
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
