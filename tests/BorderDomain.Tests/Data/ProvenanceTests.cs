using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Data;

/// <summary>
/// Values from outside the five articles: a record holds one only when it cites a named reference source, and the
/// bundled data keeps no value the articles do not give (issue 15, item 9).
/// </summary>
public sealed class ProvenanceTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    /// <summary>The agency parent links the articles state: INL is the State Department's bureau, the NTC is CBP's.</summary>
    private static readonly (string Agency, string Parent)[] StatedParents = [("us-inl", "us-state"), ("us-ntc", "us-cbp")];

    [Fact]
    public void ReferenceSources_AreTheTwoStandards_WithPublisherTitleAndUrl()
    {
        var references = Store.Sources.Where(s => s.Kind == SourceKind.Reference).ToList();

        Assert.Equal(["ref-iso-3166-1", "ref-un-m49"], references.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(references, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Publisher));
            Assert.False(string.IsNullOrWhiteSpace(s.Title));
            Assert.StartsWith("https://", s.Url, StringComparison.Ordinal);
            Assert.Null(s.Published);
        });
        Assert.All(Store.Sources.Where(s => s.Kind != SourceKind.Reference), s => Assert.Null(s.Url));
    }

    [Fact]
    public void ReferenceSources_AreCitedOnlyByNations_AndEveryNationCitesBoth()
    {
        var references = Store.Sources.Where(s => s.Kind == SourceKind.Reference).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var citations = Store.Agencies.SelectMany(a => a.Sources.Select(s => ("agencies", a.Id, s)))
            .Concat(Store.People.SelectMany(p => p.Sources.Select(s => ("people", p.Id, s))))
            .Concat(Store.Accords.SelectMany(a => a.Sources.Select(s => ("accords", a.Id, s))))
            .Concat(Store.Events.SelectMany(e => e.Sources.Select(s => ("events", e.Id, s))))
            .Concat(Store.Statistics.Select(s => ("statistics", s.Id, s.Source)))
            .Concat(Store.Statements.Select(s => ("statements", s.Id, s.Source)))
            .Concat(Store.Organizations.SelectMany(o => o.Sources.Select(s => ("organizations", o.Id, s))))
            .Concat(Store.Places.SelectMany(p => p.Sources.Select(s => ("places", p.Id, s))));

        Assert.DoesNotContain(citations, c => references.Contains(c.Item3));
        Assert.All(Store.Nations, n =>
        {
            Assert.Contains("ref-iso-3166-1", n.Sources);
            Assert.Contains("ref-un-m49", n.Sources);
            Assert.Contains(n.Sources, s => !references.Contains(s));
        });
    }

    [Fact]
    public void Regions_AreUnM49Groupings()
    {
        var regions = Store.Nations.ToDictionary(n => n.Code.Alpha3, n => n.Region, StringComparer.Ordinal);

        Assert.Equal("Northern America", regions["USA"]);
        Assert.Equal("Central America", regions["MEX"]);
        Assert.All(new[] { "BRA", "COL", "ECU", "PER", "VEN" }, code => Assert.Equal("South America", regions[code]));
    }

    [Fact]
    public void AgencyParents_AreExactlyTheStatedOnes()
    {
        var parents = Store.Agencies.Where(a => a.Parent is not null).Select(a => (a.Id, a.Parent!)).Order().ToArray();

        Assert.Equal(StatedParents.Order(), parents);
    }

    [Fact]
    public void Neighbours_AreTheLandBordersTheArticlesState()
    {
        var pairs = Store.Nations
            .SelectMany(n => n.Neighbours.Select(m => string.CompareOrdinal(n.Code.Alpha3, m.Alpha3) < 0 ? (n.Code.Alpha3, m.Alpha3) : (m.Alpha3, n.Code.Alpha3)))
            .ToList();

        Assert.Equal([("COL", "ECU"), ("COL", "PER"), ("ECU", "PER")], pairs.Distinct().Order());
        Assert.All(pairs.GroupBy(p => p), g => Assert.Equal(2, g.Count()));
    }

    [Fact]
    public void NoAgencyCarriesAnOfficialName_AndOnlyStatedAcronyms()
    {
        Assert.All(Store.Agencies, a => Assert.Null(a.OfficialName));
        Assert.Null(Store.Agencies.Find("us-dhs")?.Acronym);
    }

    [Fact]
    public void RemovedOutsideValues_StayRemoved()
    {
        Assert.Null(Store.Events.Find("el-empresario-recapture-2013")?.Place);
        Assert.Equal(AccordStatus.Signed, Store.Accords.Find("pe-ec-1998-peace")?.Status);
        Assert.DoesNotContain("Peru's", Store.Sources.Find("src-004")?.Note, StringComparison.Ordinal);
        Assert.All(new[] { "joaquin-guzman", "otoniel", "gentil-duarte" }, id => Assert.Null(Store.People.Find(id)?.Nation));
        var crossings = Store.Statistics.Find("pe-illegal-crossings-northern-border-2025");
        Assert.NotNull(crossings);
        Assert.Equal([NationCode.Peru], crossings.Nations.ToArray());
        var defence2012 = Store.Accords.Find("pe-co-2012-defence");
        Assert.NotNull(defence2012);
        Assert.Empty(defence2012.BuildsOn);
    }

    /// <summary>Every record of every set but <c>sources</c> cites at least one source that exists (issue 15: nothing unsourced).</summary>
    [Fact]
    public void EveryRecordOfEverySet_CitesAnExistingSource()
    {
        var checkedSets = 0;
        foreach (var table in Store.Tables)
        {
            if (table.Schema.Name == "sources")
            {
                continue;
            }

            checkedSets++;
            for (var row = 0; row < table.Count; row++)
            {
                var record = table.GetRecord(row);
                var type = record.GetType();
                var cited = type.GetProperty("Sources")?.GetValue(record) is System.Collections.Immutable.ImmutableArray<string> many
                    ? many.ToArray()
                    : type.GetProperty("Source")?.GetValue(record) is string one ? [one] : [];
                var id = type.GetProperty("Id")?.GetValue(record) ?? type.GetProperty("Code")?.GetValue(record);

                Assert.True(cited.Length > 0, $"{table.Schema.Name}: {id} cites no source");
                Assert.All(cited, s => Assert.NotNull(Store.Sources.Find(s)));
            }
        }

        Assert.True(checkedSets >= 11, $"only {checkedSets} sets checked");
    }

    [Fact]
    public void RelayedSources_AreNamedByTheArticleThatRelaysThem()
    {
        var relayed = Store.Sources.SelectMany(s => s.Relays.Select(r => (Relay: s.Id, Original: r))).Order().ToArray();

        Assert.Equal(
            [("src-003", "src-003-dhs"), ("src-004", "src-004-andina"), ("src-004", "src-004-ap"), ("src-004", "src-004-efe")],
            relayed);
        Assert.All(relayed, r => Assert.NotEqual(SourceKind.Reference, Store.Sources.Find(r.Original)?.Kind));
    }

    /// <summary>A renamed record fails here rather than leaving the list of stated parents silently stale.</summary>
    [Fact]
    public void StatedParentRecords_Exist()
    {
        Assert.All(StatedParents.SelectMany(p => new[] { p.Agency, p.Parent }), id => Assert.NotNull(Store.Agencies.Find(id)));
    }
}
