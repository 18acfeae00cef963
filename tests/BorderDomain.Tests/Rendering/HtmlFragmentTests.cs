using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Rendering;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Rendering;

/// <summary>The HTML of each library type <see cref="HtmlRenderer.TryRenderFragment(object?, out string)"/> shows, parsed as XML.</summary>
public sealed class HtmlFragmentTests
{
    private const string OldClaim = "pe-ec-border-length-2013-claim";
    private const string NewClaim = "pe-ec-border-length-2025-claim";

    private static BorderStore Store => BorderStore.Default;

    /// <summary>A value of each type extension.dib may register, by the name it registers it under.</summary>
    public static IReadOnlyDictionary<string, object> Samples() => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["BorderDomain.Query.BdqResult"] = Bdq.Execute(Store, "accords"),
        ["BorderDomain.Rendering.HtmlResult"] = HtmlRenderer.Display(Bdq.Execute(Store, "accords count")),
        ["BorderDomain.Query.BdqPlan"] = Bdq.ExplainPlan(Store, "accords where parties has PER order by signed desc take 2"),
        ["BorderDomain.Query.BdqException"] = Error("accords where titel = 'x'"),
        ["BorderDomain.Storage.BorderStore"] = Store,
        ["BorderDomain.Model.Accord"] = Store.Accords[0],
        ["BorderDomain.Model.Agency"] = Store.Agencies[0],
        ["BorderDomain.Model.Nation"] = Store.Nations[0],
        ["BorderDomain.Model.Statistic"] = Store.Statistics.Find(OldClaim)!,
        ["BorderDomain.Model.Source"] = Store.Sources[0],
        ["BorderDomain.Model.Person"] = Store.People[0],
        ["BorderDomain.Model.Event"] = Store.Events[0],
        ["BorderDomain.Model.Organization"] = SampleOrganization,
        ["BorderDomain.Model.Place"] = Store.Places[0],
        ["BorderDomain.Model.Statement"] = SampleStatement,
        ["BorderDomain.Model.Participation"] = Store.Participants[0],
        ["BorderDomain.Model.Affiliation"] = Store.Affiliations[0],
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Accord>"] = Store.Accords.Rows,
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Agency>"] = Store.Agencies.Rows,
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Nation>"] = Store.Nations.Rows,
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Statistic>"] = Store.Statistics.Rows,
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Source>"] = Store.Sources.Rows,
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Person>"] = Store.People.Rows.ToList(),
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Event>"] = Store.Events.Rows.Take(2),
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Organization>"] = new[] { SampleOrganization },
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Place>"] = Store.Places.Rows,
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Statement>"] = new[] { SampleStatement },
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Participation>"] = Store.Participants.Rows.Take(3),
        ["System.Collections.Generic.IEnumerable<BorderDomain.Model.Affiliation>"] = Store.Affiliations.Rows,
    };

    // The bundled data has no organizations or statements yet; these samples cite a bundled source.
    private static readonly Organization SampleOrganization = new() { Id = "t-group", Name = "Test Group", Kind = OrganizationKind.CriminalGroup, Sources = ["src-002"] };

    private static readonly Statement SampleStatement = new() { Id = "t-said", Speaker = "jose-jeri", Summary = "A summary in our words.", Source = "src-001" };

    [Fact]
    public void TryRenderFragment_EveryTypeExtensionDibRegisters_RendersWellFormedHtml()
    {
        var dib = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "BorderDomain", "Rendering", "extension.dib"));
        var registered = Regex.Matches(dib, @"Formatter\.Register<((?:[^<>]|<[^<>]*>)+)>\(").Select(m => m.Groups[1].Value).ToList();
        var samples = Samples();

        Assert.True(registered.Count >= 19, $"extension.dib registers only {registered.Count} formatters.");
        Assert.Equal(registered.Count, registered.Distinct().Count());
        foreach (var name in registered)
        {
            Assert.True(samples.TryGetValue(name, out var sample), $"extension.dib registers {name}, which the test has no sample of.");
            Assert.True(TypeNamed(name).IsInstanceOfType(sample), $"The sample for {name} is a {sample.GetType()}.");
            Assert.True(HtmlRenderer.TryRenderFragment(sample, out var html), $"TryRenderFragment does not render {name}.");
            var root = XElement.Parse(html);
            Assert.Equal("div", root.Name.LocalName);
            Assert.Contains("bdq-result", (string?)root.Attribute("class"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryRenderFragment_ValueOfAnotherType_ReturnsFalseAndEmpty()
    {
        Assert.False(HtmlRenderer.TryRenderFragment("accords", out var text));
        Assert.False(HtmlRenderer.TryRenderFragment(null, out var none));
        Assert.False(HtmlRenderer.TryRenderFragment(new List<int> { 1 }, out var numbers));

        Assert.Equal(string.Empty, text + none + numbers);
    }

    [Fact]
    public void TryRenderFragment_OneAccord_IsAFieldByValueTableWithItsCitationsListed()
    {
        var accord = Store.Accords.Rows.First(a => a.Sources.Length > 0 && a.Note is { Length: > 100 });

        Assert.True(HtmlRenderer.TryRenderFragment(accord, out var html));
        var root = XElement.Parse(html);
        var table = root.Element("table")!;
        Assert.Equal("accord " + accord.Id, table.Element("caption")!.Value);
        var fields = table.Descendants("th").Where(th => (string?)th.Attribute("scope") == "row").Select(th => th.Value).ToList();
        Assert.Equal("id", fields[0]);
        Assert.Contains("title", fields);
        Assert.Contains("sources", fields);
        var note = table.Descendants("tr").Single(tr => tr.Element("th")?.Value == "note");
        var details = note.Descendants("details").Single();
        Assert.EndsWith("…", details.Element("summary")!.Value, StringComparison.Ordinal);
        Assert.Contains(accord.Note!, details.Value, StringComparison.Ordinal);
        var citations = root.Elements("ol").Single(ol => (string?)ol.Attribute("class") == "bdq-citations").Elements("li").ToList();
        Assert.Equal(accord.Sources.Length, citations.Count);
        Assert.Equal(Store.Sources.Find(accord.Sources[0])!.Citation + " (" + accord.Sources[0] + ")", citations[0].Value);
    }

    [Fact]
    public void TryRenderFragment_AccordList_IsTheSameTableAsTheQuery()
    {
        Assert.True(HtmlRenderer.TryRenderFragment(Store.Accords.Rows, out var list));

        Assert.Equal(HtmlRenderer.RenderFragment(Bdq.Execute(Store, "accords"), Store), list);
    }

    [Fact]
    public void RenderFragment_BareAccords_ListsEachCitationOnceAndMarksRowsWithItsNumber()
    {
        var html = HtmlRenderer.RenderFragment(Bdq.Execute(Store, "accords"), Store);
        var root = XElement.Parse(html);

        var cited = Store.Accords.SelectMany(a => a.Sources).Distinct().Count();
        var items = root.Elements("ol").Single().Elements("li").Select(li => li.Value).ToList();
        Assert.Equal(cited, items.Count);
        Assert.Equal(items.Count, items.Distinct().Count());
        var marks = root.Descendants("span").Where(s => (string?)s.Attribute("class") == "cite").Select(s => s.Value).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, cited).Select(n => $"[{n}]"), marks.OrderBy(m => int.Parse(m[1..^1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, root.Descendants("td").Count(td => td.Value.Length > 200 && !td.Descendants("details").Any()));
        Assert.DoesNotContain("<ul>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRenderFragment_DisputedStatistic_FindsTheClaimsTheStoreMarked_NationsInAnyOrder_AndNamesTheAgency()
    {
        // The store marks disputes by claim key (nations in any order); the side-by-side claims must be the same group.
        var builder = new BorderStoreBuilder();
        builder.Sources.Add(new Source { Id = "s1", Kind = SourceKind.NewsSite });
        builder.Nations.Add(new Nation { Code = NationCode.Peru, Name = "Peru", Region = "South America" });
        builder.Nations.Add(new Nation { Code = NationCode.Ecuador, Name = "Ecuador", Region = "South America" });
        builder.Agencies.Add(new Agency { Id = "police", Name = "Border Police", Nation = NationCode.Peru, Kind = AgencyKind.Police });
        builder.Statistics.Add(new Statistic { Id = "a", Metric = Metric.BorderLength, Nations = [NationCode.Peru, NationCode.Ecuador], Agency = "police", Value = 1420m, Unit = Unit.Parse("km"), Source = "s1" });
        builder.Statistics.Add(new Statistic { Id = "b", Metric = Metric.BorderLength, Nations = [NationCode.Ecuador, NationCode.Peru], Agency = "police", Value = 1500m, Unit = Unit.Parse("km"), Source = "s1" });
        var store = builder.Build();
        Assert.True(store.Statistics.Find("a")!.Disputed);

        Assert.True(HtmlRenderer.TryRenderFragment(store.Statistics.Find("a")!, store, out var html));

        var disputed = XElement.Parse(html).Elements("div").Single(d => (string?)d.Attribute("class") == "bdq-disputed").Element("table")!;
        Assert.Equal(["a", "b"], disputed.Element("thead")!.Descendants("th").Select(th => th.Value));
        Assert.StartsWith("⚑ Disputed: BorderLength · ", disputed.Element("caption")!.Value, StringComparison.Ordinal);
        Assert.Contains(" · Border Police — 2 claims disagree (1420 km vs 1500 km)", disputed.Element("caption")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRenderFragment_DisputedStatistic_ShowsTheSiblingClaimsSideBySideWithTheirSources()
    {
        Assert.True(HtmlRenderer.TryRenderFragment(Store.Statistics.Find(OldClaim)!, out var html));
        var root = XElement.Parse(html);

        var disputed = root.Elements("div").Single(d => (string?)d.Attribute("class") == "bdq-disputed").Element("table")!;
        Assert.Equal("⚑ Disputed: BorderLength · ECU, PER · Peru–Ecuador border — 2 claims disagree (1420 km vs 1500 km)", disputed.Element("caption")!.Value);
        Assert.Equal([OldClaim, NewClaim], disputed.Element("thead")!.Descendants("th").Select(th => th.Value));
        var value = disputed.Element("tbody")!.Elements("tr").Single(tr => tr.Element("th")!.Value == "value");
        Assert.Equal(["1420", "1500"], value.Elements("td").Select(td => td.Value));
        var source = disputed.Element("tbody")!.Elements("tr").Single(tr => tr.Element("th")!.Value == "citation");
        var titles = source.Descendants("span").Select(s => (string)s.Attribute("title")!).ToList();
        Assert.Equal(2, titles.Count);
        Assert.StartsWith("src-002: ", titles[0], StringComparison.Ordinal);
        Assert.StartsWith("src-001: ", titles[1], StringComparison.Ordinal);
        Assert.Contains(root.Descendants().Where(e => e.Name.LocalName == "rect"), rect => (string?)rect.Attribute("class") == "bar disputed");
    }

    [Fact]
    public void RenderFragment_DisputedStatistics_MarksTheirRowsAndShowsEachGroupOnce()
    {
        var result = Bdq.Execute(Store, "statistics where disputed");
        var root = XElement.Parse(HtmlRenderer.RenderFragment(result, Store));

        var rows = ListTable(root).Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(result.Rows.Count, rows.Count);
        Assert.All(rows, tr => Assert.Equal("disputed", (string?)tr.Attribute("class")));
        Assert.All(rows, tr => Assert.Contains("⚑ disputed", tr.Value, StringComparison.Ordinal));
        var groups = root.Elements("div").Where(d => (string?)d.Attribute("class") == "bdq-disputed").ToList();
        Assert.NotEmpty(groups);
        var shown = groups.SelectMany(g => g.Element("table")!.Element("thead")!.Descendants("th").Select(th => th.Value)).ToList();
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Contains(OldClaim, shown);
        Assert.Contains(NewClaim, shown);
    }

    [Fact]
    public void SvgChart_BorderLengthClaims_LabelsEachBarByDateAndSourceAndMarksBothDisputed()
    {
        var result = Bdq.Execute(Store, "statistics where metric = BorderLength and nations has PER and nations has ECU");
        var svg = XElement.Parse(SvgChart.ForResult(result, Store)!);
        XNamespace ns = "http://www.w3.org/2000/svg";

        var labels = svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "label").Select(t => t.Value).ToList();
        Assert.Equal(2, labels.Count);
        Assert.NotEqual(labels[0], labels[1]);
        Assert.Contains("ECU, PER · 2013 · Hólger Álava · ⚑ disputed", labels);
        Assert.Contains(labels, label => label.StartsWith("ECU, PER · 2025 · ", StringComparison.Ordinal) && label.EndsWith("⚑ disputed", StringComparison.Ordinal));
        Assert.All(svg.Descendants(ns + "rect"), rect => Assert.Equal("bar disputed", (string?)rect.Attribute("class")));
    }

    [Fact]
    public void SvgChart_TradeGroups_KeepsPlainPeriodLabelsAndUnmarkedBars()
    {
        var svg = XElement.Parse(SvgChart.ForResult(Bdq.Execute(Store, "statistics where metric = BilateralTrade group by period sum(value)"), Store)!);
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(["2024", "2025-01..2025-10"], svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "label").Select(t => t.Value));
        Assert.All(svg.Descendants(ns + "rect"), rect => Assert.Equal("bar", (string?)rect.Attribute("class")));
    }

    [Fact]
    public void TryRenderFragment_BdqException_ShowsEachDiagnosticWithItsCaretLine()
    {
        const string query = "accords where titel = 'x'";
        var error = Error(query);

        Assert.True(HtmlRenderer.TryRenderFragment(error, out var html));
        var root = XElement.Parse(html);
        var diagnostic = root.Elements("pre").First();
        Assert.Equal(error.Diagnostics[0].Format(query), diagnostic.Value);
        Assert.Equal(error.Diagnostics[0].Code, (string?)diagnostic.Attribute("data-code"));
        var lines = diagnostic.Value.Split('\n');
        Assert.Equal(query, lines[0]);
        Assert.Matches(@"^ *\^+$", lines[1]);
        Assert.StartsWith(error.Diagnostics[0].Code + " (1,", lines[2], StringComparison.Ordinal);
        Assert.Equal("accords where titel = 'x' — 1 problem", root.Element("p")!.Value);
    }

    [Fact]
    public void TryRenderFragment_ControlCharactersInData_AreShownAsControlPicturesAndEncoded()
    {
        var accord = Store.Accords[0] with { Title = "Tab\there, escape \u001b[31m, <b>bold</b>", Note = null };

        Assert.True(HtmlRenderer.TryRenderFragment(accord, out var html));

        Assert.DoesNotContain('\u001b', html);
        Assert.DoesNotContain('\t', html);
        Assert.Contains("Tab␉here, escape ␛[31m, &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRenderFragment_Plan_ShowsTheQueryAndEachStep()
    {
        const string query = "accords where parties has PER order by signed desc take 2";
        var plan = Bdq.ExplainPlan(Store, query);

        Assert.True(HtmlRenderer.TryRenderFragment(plan, out var html));
        var root = XElement.Parse(html);

        Assert.Equal(query + " — plan", root.Element("p")!.Value);
        Assert.Equal(plan.Steps, root.Element("pre")!.Value.Split('\n'));
        Assert.StartsWith("accords (", plan.Steps[0], StringComparison.Ordinal);
        Assert.Equal(Bdq.Explain(Store, query), plan.Text);
    }

    [Fact]
    public void TryRenderFragment_BorderStore_ListsEverySetWithItsCount()
    {
        Assert.True(HtmlRenderer.TryRenderFragment(Store, out var html));
        var table = ListTable(XElement.Parse(html));

        var rows = table.Element("tbody")!.Elements("tr").Select(tr => tr.Elements("td").Select(td => td.Value).ToList()).ToList();
        Assert.Equal(["sources", "nations", "agencies", "people", "accords", "statistics", "events", "organizations", "places", "statements", "participants", "affiliations"], rows.Select(r => r[0]));
        Assert.Equal(Store.Statistics.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[5][2]);
        Assert.Equal($"BorderStore — 12 sets, {Store.Tables.Sum(t => t.Count)} records", table.Element("caption")!.Value);
    }

    [Fact]
    public void NotebookFormatterSource_CoversExactlyTheTypesCarryingTheConvention_AndFormatsThemAsTheirFragment()
    {
        var formatters = new NotebookFormatterSource().CreateTypeFormatters().Cast<NotebookFormatterSource.HtmlFormatter>().ToList();
        var conventionTypes = typeof(HtmlRenderer).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(false).Any(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
            .ToHashSet();

        Assert.Equal(conventionTypes.OrderBy(t => t.FullName), formatters.Select(f => f.Type).OrderBy(t => t.FullName));
        Assert.All(conventionTypes, t => Assert.Equal("BorderDomain.Rendering", t.Namespace));
        foreach (var formatter in formatters)
        {
            var sample = Samples().Values.First(formatter.Type.IsInstanceOfType);
            using var writer = new StringWriter();
            Assert.True(formatter.Format(sample, writer));
            Assert.True(HtmlRenderer.TryRenderFragment(sample, out var html));
            Assert.Equal(html, writer.ToString());
        }
    }

    internal static BdqException Error(string query)
    {
        Assert.False(Bdq.TryExecute(Store, query, out _, out var diagnostics));
        return new BdqException(query, diagnostics);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "BorderDomain", "Rendering", "extension.dib")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    private static Type TypeNamed(string name)
    {
        var match = Regex.Match(name, @"^System\.Collections\.Generic\.IEnumerable<(.+)>$");
        return match.Success
            ? typeof(IEnumerable<>).MakeGenericType(TypeNamed(match.Groups[1].Value))
            : typeof(BorderStore).Assembly.GetType(name, throwOnError: true)!;
    }

    // A list table sits in its sideways scroller (.bdq-scroll), so a wide list never widens the page.
    private static XElement ListTable(XElement root) =>
        root.Elements("div").Single(d => (string?)d.Attribute("class") == "bdq-scroll").Element("table")!;
}
