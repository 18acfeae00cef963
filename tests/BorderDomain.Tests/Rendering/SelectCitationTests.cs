using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Rendering;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Rendering;

/// <summary>A <c>select</c> keeps each row's sources in the engine's answer, so every format can cite the row.</summary>
public class SelectCitationTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Theory]
    [InlineData("accords where parties has PER order by signed desc select title, signed", "sources")]
    [InlineData("statistics where disputed order by id select metric, value", "source")]
    [InlineData("agencies where nation = PER order by id select name, parent.name", "sources")]
    public void A_select_carries_the_sources_of_each_rows_record(string query, string field)
    {
        var selected = Bdq.Execute(Store, query);
        var withSources = Bdq.Execute(Store, query + ", " + field);

        Assert.NotNull(selected.RowSources);
        Assert.NotEmpty(selected.Rows);
        Assert.Equal(Ids(withSources.Rows.Select(r => r[^1])), Ids(selected.RowSources!));
        Assert.Equal(withSources.Rows.Select(r => r.Take(r.Count - 1).ToArray()), selected.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void A_select_that_names_its_sources_keeps_no_second_copy()
    {
        Assert.Null(Bdq.Execute(Store, "accords select id, sources").RowSources);
        Assert.Null(Bdq.Execute(Store, "accords group by kind count").RowSources);
    }

    [Theory]
    [InlineData("accords where parties has PER order by signed desc select title, signed")]
    [InlineData("statistics where metric = BorderLength order by id select metric, value")]
    public void The_linq_trees_keep_the_same_sources_as_the_executor(string query)
    {
        var executed = Bdq.Execute(Store, query);
        var translated = query.StartsWith("accords", System.StringComparison.Ordinal)
            ? BdqQueryable.Translate(Store.Accords.AsQueryable(), query).Execute()
            : BdqQueryable.Translate(Store.Statistics.AsQueryable(), query).Execute();

        Assert.Equal(executed.Columns, translated.Columns);
        Assert.Equal(executed.Rows.Select(r => r.ToArray()), translated.Rows.Select(r => r.ToArray()));
        Assert.Equal(Ids(executed.RowSources!), Ids(translated.RowSources!));
    }

    [Fact]
    public void The_table_of_a_select_has_a_citation_column_with_each_rows_citations()
    {
        const string Query = "accords where parties has PER order by signed desc select title";
        var table = ResultTable.From(Bdq.Execute(Store, Query), Store);
        var records = Bdq.Execute(Store, "accords where parties has PER order by signed desc").Records.Cast<BorderDomain.Model.Accord>().ToList();

        Assert.Equal(["title", ResultTable.CitationColumnName], table.Columns);
        Assert.Equal(records.Count, table.Rows.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var expected = records[i].Sources.Select(id => Store.Sources.Find(id)!.Citation).ToArray();
            Assert.Equal(expected, table.Citations[i]!.Texts.ToArray());
        }
    }

    [Fact]
    public void The_notebook_html_of_a_select_cites_its_rows()
    {
        const string Query = "accords where parties has PER and parties has ECU order by signed desc select title";
        var html = HtmlRenderer.RenderFragment(Bdq.Execute(Store, Query), Store);
        var first = Bdq.Execute(Store, "accords where parties has PER and parties has ECU order by signed desc").Records.Cast<BorderDomain.Model.Accord>().First();

        Assert.Contains(">" + ResultTable.CitationColumnName + "<", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Store.Sources.Find(first.Sources[0])!.Citation), html);
    }

    // Source ids as comparable lists: a single id, or the ids of a list.
    private static List<string[]> Ids(IEnumerable<object?> values) =>
        values.Select(v => v switch
        {
            string id => [id],
            IEnumerable<string> many => many.ToArray(),
            _ => [],
        }).ToList();
}
