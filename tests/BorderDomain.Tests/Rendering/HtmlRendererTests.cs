using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using BorderDomain.Data;
using BorderDomain.Query;
using BorderDomain.Rendering;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Rendering;

public class HtmlRendererTests
{
    private const string PeruEcuador = "accords where parties has PER and parties has ECU order by signed desc";
    private const string TradeByPeriod = "statistics where metric = BilateralTrade group by period sum(value)";

    [Fact]
    public void A_page_is_a_complete_document_with_one_body_row_per_record()
    {
        var store = BorderStore.Default;
        var html = HtmlRenderer.Render(Bdq.Execute(store, PeruEcuador), store, PeruEcuador);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.EndsWith("</html>\n", html);
        Assert.Equal(6, Regex.Matches(Body(html), "<tr>").Count);
        Assert.Contains("<td>pe-ec-2025-pledge</td>", html);
        Assert.Contains("6 accords", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Every_record_row_cites_its_sources()
    {
        var store = BorderStore.Default;
        var html = HtmlRenderer.RenderFragment(Bdq.Execute(store, PeruEcuador), store);

        Assert.Contains("<th scope=\"col\">sources</th>", html);
        var rows = Regex.Matches(Body(html), "<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.All(rows, row => Assert.Matches("<td class=\"citation\"><span class=\"cite\" title=\"[^\"]+\">\\[[0-9]+\\]</span>", row));
        Assert.Contains("2013-11-25", rows[0]);
        Assert.Contains("Web Editor", rows[3]);
    }

    [Fact]
    public void A_store_of_your_own_records_renders_without_a_citation_column()
    {
        var posts = new EntityTable<BorderDomain.Tests.Storage.Post>(
            BorderDomain.Schema.QuerySets.For<BorderDomain.Tests.Storage.Post>(),
            [new() { Id = "p-1", Nation = BorderDomain.Model.NationCode.Peru, Name = "Aguas <Verdes>" }]);
        var store = new QueryStore(posts);
        const string query = "posts where nation = PER";

        var html = HtmlRenderer.Render(Bdq.Execute(store, query), store, query);

        Assert.Equal(["id", "nation", "name"], Regex.Matches(html, "<th scope=\"col\">([^<]*)</th>").Select(m => m.Groups[1].Value));
        Assert.Contains("<td class=\"word\">p-1</td><td class=\"word\">PER</td><td>Aguas &lt;Verdes&gt;</td>", html);
        Assert.Contains("1 post", html);
    }

    [Fact]
    public void A_selected_source_column_gets_citations_too()
    {
        var store = BorderStore.Default;
        var html = HtmlRenderer.RenderFragment(Bdq.Execute(store, "statistics where disputed select metric, value, unit, source"), store);

        Assert.Contains("<th scope=\"col\">source</th>", html);
        Assert.Contains("<td class=\"citation\"><span class=\"cite\"", html);
        Assert.DoesNotContain("<td class=\"citation\"></td>", html);
    }

    [Fact]
    public void Values_are_html_encoded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bd-html-{System.Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "sources": [ { "id": "x-src", "publisher": "<b>Desk</b> & Co", "title": "\"Quoted\"", "kind": "Analysis" } ],
              "accords": [ { "id": "x-accord", "title": "<script>alert('x')</script>", "kind": "Agreement", "parties": ["PER"], "sources": ["x-src"] } ]
            }
            """, Encoding.UTF8);
        try
        {
            var store = BorderDataset.Load(BorderStore.Default, path);
            var query = "accords where title contains \"alert\" -- <script>";
            var html = HtmlRenderer.Render(Bdq.Execute(store, query), store, query);

            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<b>", html);
            Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
            Assert.Contains("&lt;b&gt;Desk&lt;/b&gt; &amp; Co", html);
            Assert.Contains("&lt;script&gt;</code>", html);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Trade_by_period_renders_one_svg_bar_per_period()
    {
        var store = BorderStore.Default;
        var result = Bdq.Execute(store, TradeByPeriod);
        var html = HtmlRenderer.RenderFragment(result, store, TradeByPeriod);

        Assert.Contains("<svg class=\"bdq-chart\"", html);
        Assert.Equal(2, Regex.Matches(html, "<rect class=\"bar\"").Count);
        Assert.Contains("by period", html);
        Assert.Contains(">2024<", html);
        Assert.Contains(">2025-01..2025-10<", html);
    }

    [Fact]
    public void Statistic_records_chart_by_period_and_the_longest_bar_is_the_largest_value()
    {
        var result = Bdq.Execute(BorderStore.Default, "statistics where metric = BilateralTrade");
        var svg = SvgChart.ForResult(result);

        Assert.NotNull(svg);
        var widths = Regex.Matches(svg!, "<rect class=\"bar\"[^>]*width=\"([0-9.]+)\"").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, widths.Count);
        Assert.True(widths[0] > widths[1]);
        Assert.Contains("BilateralTrade (USD) by period", svg);
    }

    [Fact]
    public void Timeless_statistics_chart_by_nation()
    {
        var svg = SvgChart.ForResult(Bdq.Execute(BorderStore.Default, "statistics where metric = BorderLength and nations has PER and nations has ECU"));

        Assert.NotNull(svg);
        Assert.Contains("by nation", svg);
        Assert.Contains("ECU, PER", svg);
    }

    [Fact]
    public void Results_that_are_not_statistics_have_no_chart()
    {
        Assert.Null(SvgChart.ForResult(Bdq.Execute(BorderStore.Default, PeruEcuador)));
        Assert.Null(SvgChart.ForResult(Bdq.Execute(BorderStore.Default, "statistics count")));
    }

    [Fact]
    public void A_count_renders_as_a_one_cell_table()
    {
        var html = HtmlRenderer.RenderFragment(Bdq.Execute(BorderStore.Default, "accords count"), BorderStore.Default);

        Assert.Contains("<th scope=\"col\">count</th>", html);
        Assert.Matches("<td class=\"number\">[0-9]+</td>", html);
    }

    [Fact]
    public void The_notebook_wrapper_carries_the_convention_formatter()
    {
        var display = HtmlRenderer.Display(Bdq.Execute(BorderStore.Default, PeruEcuador), query: PeruEcuador);
        var attribute = display.GetType().GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (System.Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = System.Activator.CreateInstance(sourceType)!;
        var formatters = ((System.Collections.IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>().ToList();
        var formatter = Assert.Single(formatters, f => (System.Type)f.GetType().GetProperty("Type")!.GetValue(f)! == typeof(HtmlResult));
        Assert.Equal("text/html", formatter.GetType().GetProperty("MimeType")!.GetValue(formatter));

        using var writer = new StringWriter();
        var written = (bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, [display, writer])!;

        Assert.True(written);
        Assert.Equal(display.ToHtml(), writer.ToString());
        Assert.Equal(PeruEcuador + " — 6 accords", display.ToString());
    }

    private static string Body(string html)
    {
        var start = html.IndexOf("<tbody>", System.StringComparison.Ordinal);
        var end = html.IndexOf("</tbody>", System.StringComparison.Ordinal);
        return html[start..end];
    }
}
