using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;
using static BorderDomain.Tests.Data.ArticleQueries;

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
        Assert.Equal("quito", pledge.Place);
        Assert.Equal(AccordKind.PeaceAccord, peace.Kind);
        Assert.Equal(AccordStatus.Signed, peace.Status);
        Assert.Equal(Period.Parse("1998"), peace.Signed);
        Assert.Equal(DateBasis.Stated, peace.SignedBasis);
        Assert.Contains(Topic.TerritorialDispute, peace.Topics);
        Assert.Equal(["pe-ec-1998-peace-signing"], Column("events where outcomes has \"pe-ec-1998-peace\" select id"));
    }

    [Fact]
    public void QuitoPledge_WasAgreedByBothPresidencies_NoLaterThanTheArticle()
    {
        var pledge = Store.Accords.Find("pe-ec-2025-pledge");

        Assert.NotNull(pledge);
        Assert.Empty(pledge.Signatories);
        Assert.Null(pledge.Signed);
        Assert.Equal(["ec-presidency", "pe-presidency"], pledge.AgreedBy.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["daniel-noboa", "jose-jeri"], pledge.People.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(Period.Before(PartialDate.Parse("2025-12-12")), pledge.Agreed);
        Assert.Equal(DateBasis.UpperBound, pledge.AgreedBasis);
        // Only an upper bound: not certainly in December, certainly no later than the article.
        Assert.DoesNotContain("pe-ec-2025-pledge", Column("accords where agreed = 2025-12 select id"));
        Assert.Contains("pe-ec-2025-pledge", Column("accords where agreed <= 2025-12-12 select id"));
        Assert.Contains("pe-ec-2025-pledge", Column("accords where people has \"jose-jeri\" select id"));
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
            Assert.Equal("pe-ec-border", c.Place);
            Assert.True(c.Disputed);
        });
    }

    [Fact]
    public void JeriInterimPresidency_KeepsTheSourcesDateMarkedDoubtful()
    {
        var jeri = Store.People.Find("jose-jeri");
        var becomes = Store.Events.Find("jeri-becomes-interim-president");

        Assert.NotNull(jeri);
        Assert.NotNull(becomes);
        Assert.Equal(NationCode.Peru, jeri.Nation);
        var role = Assert.Single(jeri.Roles);
        Assert.Equal("pe-presidency", role.Agency);
        Assert.Equal(Period.Parse("2022-10"), role.From);
        Assert.Equal(DateBasis.Doubtful, role.FromBasis);
        Assert.DoesNotContain("December 2022", role.Note, StringComparison.Ordinal);
        Assert.Equal(Period.Parse("2022-10"), becomes.Date);
        Assert.Equal(DateBasis.Doubtful, becomes.DateBasis);
        Assert.Equal(["Appointee:jose-jeri", "Participant:pe-presidency"], Roles(becomes.Id));
        // A query can leave doubtful dates out.
        Assert.DoesNotContain(becomes.Id, Column("events where dateBasis != Doubtful and date < 2023 select id"));
    }

    [Fact]
    public void BoluarteRemoval_IsOnlyKnownToPrecedeJeri()
    {
        var removal = Store.Events.Find("boluarte-removed");

        Assert.NotNull(removal);
        Assert.Equal(Period.Before(PartialDate.Parse("2022-10")), removal.Date);
        Assert.Equal(DateBasis.UpperBound, removal.DateBasis);
        Assert.Equal(["Participant:pe-presidency", "Subject:dina-boluarte"], Roles(removal.Id));
        var role = Assert.Single(Store.People.Find("dina-boluarte")?.Roles ?? []);
        Assert.Equal(DateBasis.UpperBound, role.ToBasis);
    }

    [Fact]
    public void QuitoMeeting_IsLedByJeriAndNoboa_AndProducedThePledge()
    {
        var meeting = Store.Events.Find("quito-presidential-meeting-2025");
        var quito = Store.Places.Find("quito");

        Assert.NotNull(meeting);
        Assert.NotNull(quito);
        Assert.Equal(EventKind.Meeting, meeting.Kind);
        Assert.Equal("quito", meeting.Place);
        Assert.Equal(NationCode.Ecuador, quito.Nation);
        Assert.Equal(PlaceKind.City, quito.Kind);
        Assert.Equal(["pe-ec-2025-pledge"], meeting.Outcomes.ToArray());
        Assert.Equal(Period.Before(PartialDate.Parse("2025-12-12")), meeting.Date);
        Assert.Equal(DateBasis.UpperBound, meeting.DateBasis);
        Assert.Equal(
            ["DelegationHead:daniel-noboa", "DelegationHead:jose-jeri", "Participant:ec-presidency", "Participant:pe-presidency"],
            Roles(meeting.Id));
        Assert.Equal(["daniel-noboa", "jose-jeri"], meeting.People.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(NationCode.Ecuador, Store.People.Find("daniel-noboa")?.Nation);
        Assert.Equal(["quito-presidential-meeting-2025"], Column("events where outcomes has \"pe-ec-2025-pledge\" select id"));
    }

    [Fact]
    public void BothLeaders_StressTiesViolenceEconomyAndSocialPrograms()
    {
        var speakers = Sorted("statements where source = \"src-001\" select speaker");

        Assert.Equal(["daniel-noboa", "jose-jeri"], speakers);
        Assert.All(Store.Statements.FindAll("source", "src-001"), s => Assert.Equal(DateBasis.UpperBound, s.DateBasis));
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
        Assert.Equal(DateBasis.Stated, year.PeriodBasis);
        Assert.Equal(DateBasis.Inferred, tenMonths.PeriodBasis);
        Assert.Equal(["pe-ec-trade-2024", "pe-ec-trade-2025-jan-oct"], Sorted("statistics where reportedBy = \"ec-central-bank\" select id"));
        Assert.All([year, tenMonths], s =>
        {
            Assert.Equal(Metric.BilateralTrade, s.Metric);
            Assert.Equal("ec-central-bank", s.ReportedBy);
            Assert.Null(s.Agency);
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

    [Fact]
    public void MostOfPerusCocaine_PassesThroughEcuadorsPacificPorts()
    {
        var share = Store.Statistics.Find("pe-cocaine-via-ecuador-ports-2025");

        Assert.NotNull(share);
        Assert.Equal(Metric.CocaineTransitShare, share.Metric);
        Assert.Equal(ValueBasis.MoreThan, share.ValueBasis);
        Assert.Equal(new Quantity(50m, Unit.Parse("%")), share.Quantity);
        Assert.Equal("ec-pacific-ports", share.Place);
        Assert.Equal(PlaceKind.Port, Store.Places.Find("ec-pacific-ports")?.Kind);
        Assert.Equal("src-001", share.Source);
    }
}
