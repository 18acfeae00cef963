using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Data;

/// <summary>Facts from article 001: the Peru–Ecuador pledge in Quito (2025-12-12).</summary>
public sealed class Article001Tests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void Source_IsANewsSiteByTheWebEditor()
    {
        var source = Store.Sources.Find("src-001");

        Assert.NotNull(source);
        Assert.Equal(SourceKind.NewsSite, source.Kind);
        Assert.Equal("Web Editor", source.Author);
        Assert.Equal(PartialDate.Parse("2025-12-12"), source.Published);
        Assert.Equal("Peru and Ecuador Pledge to Combat Organized Crime and Illegal Mining", source.Title);
    }

    [Fact]
    public void QuitoPledge_BuildsOnThe1998PeaceAccord()
    {
        var pledge = Store.Accords.Find("pe-ec-2025-pledge");
        var peace = Store.Accords.Find("pe-ec-1998-peace");

        Assert.NotNull(pledge);
        Assert.NotNull(peace);
        Assert.Equal(AccordKind.Pledge, pledge.Kind);
        Assert.Equal(["pe-ec-1998-peace"], pledge.BuildsOn.ToArray());
        Assert.Equal("Quito", Store.Places.Find(pledge.Place!)?.Name);
        Assert.Equal(Period.Parse("2025-12"), pledge.Signed);
        Assert.Equal(AccordKind.PeaceAccord, peace.Kind);
        Assert.Equal(Period.Parse("1998"), peace.Signed);
        Assert.Contains(Topic.TerritorialDispute, peace.Topics);
    }

    [Fact]
    public void QuitoPledge_CoversMiningBorderControlAndEnergy()
    {
        var pledge = Store.Accords.Find("pe-ec-2025-pledge");

        Assert.NotNull(pledge);
        Assert.Contains(Topic.OrganizedCrime, pledge.Topics);
        Assert.Contains(Topic.IllegalMining, pledge.Topics);
        Assert.Contains(Topic.JointBorderControl, pledge.Topics);
        Assert.Contains(Topic.EnergySecurity, pledge.Topics);
        Assert.Contains(Store.Accords.FindAll("topics", Topic.IllegalMining), a => a.Id == "pe-ec-2025-pledge");
        Assert.Contains(Store.Accords.FindAll("parties", NationCode.Peru), a => a.Id == "pe-ec-2025-pledge");
    }

    [Fact]
    public void BorderLengthClaims_AreBothKeptAndDisputed()
    {
        var claims = Store.Statistics.FindAll("metric", Metric.BorderLength)
            .Where(s => s.Nations.Contains(NationCode.Peru) && s.Nations.Contains(NationCode.Ecuador))
            .OrderBy(s => s.Value)
            .ToList();

        Assert.Equal(2, claims.Count);
        Assert.Equal(1420m, claims[0].Value);
        Assert.Equal("src-002", claims[0].Source);
        Assert.Equal(1500m, claims[1].Value);
        Assert.Equal("src-001", claims[1].Source);
        Assert.All(claims, c =>
        {
            Assert.Equal(Unit.Parse("km"), c.Unit);
            Assert.Null(c.Period);
            Assert.True(c.Disputed);
        });
    }

    [Fact]
    public void JeriInterimPresidency_KeepsTheSourcesDoubtfulDateWithANote()
    {
        var jeri = Store.People.Find("jose-jeri");

        Assert.NotNull(jeri);
        Assert.Equal(NationCode.Peru, jeri.Nation);
        var role = Assert.Single(jeri.Roles);
        Assert.Equal("pe-presidency", role.Agency);
        Assert.Equal(Period.Parse("2022-10"), role.From);
        Assert.Contains("December 2022", role.Note, StringComparison.Ordinal);
        Assert.Contains("source", role.Note, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void QuitoMeeting_BringsTogetherJeriAndNoboa()
    {
        var meeting = Store.Events.Find("quito-presidential-meeting-2025");

        Assert.NotNull(meeting);
        Assert.Equal(EventKind.Meeting, meeting.Kind);
        Assert.Equal("Quito", Store.Places.Find(meeting.Place!)?.Name);
        Assert.Equal(["daniel-noboa", "jose-jeri"], meeting.People.OrderBy(p => p, StringComparer.Ordinal).ToArray());
        Assert.Contains("pe-ec-2025-pledge", meeting.Accords);
        Assert.Equal(NationCode.Ecuador, Store.People.Find("daniel-noboa")?.Nation);
        Assert.Contains(Store.Events.FindAll("people", "dina-boluarte"), e => e.Kind == EventKind.Resignation);
    }

    [Fact]
    public void BilateralTrade_IsReportedByEcuadorsCentralBank()
    {
        var year = Store.Statistics.Find("pe-ec-trade-2024");
        var tenMonths = Store.Statistics.Find("pe-ec-trade-2025-jan-oct");
        var bank = Store.Agencies.Find("ec-central-bank");

        Assert.NotNull(year);
        Assert.NotNull(tenMonths);
        Assert.NotNull(bank);
        Assert.Equal(AgencyKind.CentralBank, bank.Kind);
        Assert.Equal(NationCode.Ecuador, bank.Nation);
        Assert.Equal(new Quantity(2037000000m, Unit.Parse("USD")), year.Quantity);
        Assert.Equal(Period.Parse("2024"), year.Period);
        Assert.Equal(1683000000m, tenMonths.Value);
        Assert.Equal(Period.Parse("2025-01..2025-10"), tenMonths.Period);
        Assert.All([year, tenMonths], s =>
        {
            Assert.Equal(Metric.BilateralTrade, s.Metric);
            Assert.Equal("ec-central-bank", s.Agency);
            Assert.False(s.Disputed);
        });
    }

    [Fact]
    public void CocaineRanking_PutsPeruSecondBehindColombia()
    {
        var ranks = Store.Statistics.FindAll("metric", Metric.CocaineProductionRank);

        Assert.Contains(ranks, s => s.Nations.SequenceEqual([NationCode.Peru]) && s.Value == 2m && s.Unit == Unit.Parse("rank"));
        Assert.Contains(ranks, s => s.Nations.SequenceEqual([NationCode.Colombia]) && s.Value == 1m);
    }
}
