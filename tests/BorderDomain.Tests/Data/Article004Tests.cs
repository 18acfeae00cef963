using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Data;

/// <summary>Facts from article 004: InSight Crime on Peru–Colombia cooperation (2012-01-26) and its related-content teasers.</summary>
public sealed class Article004Tests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void Source_IsAnInSightCrimeAnalysisByChristopherLooft()
    {
        var source = Store.Sources.Find("src-004");

        Assert.NotNull(source);
        Assert.Equal("InSight Crime", source.Publisher);
        Assert.Equal("Christopher Looft", source.Author);
        Assert.Equal(SourceKind.Analysis, source.Kind);
        Assert.Equal(PartialDate.Parse("2012-01-26"), source.Published);
        Assert.Equal("Peru, Colombia Strengthen Ties Against Organized Crime", source.Title);
    }

    [Fact]
    public void PeruColombiaAccords_PlannedOneBuildsOn2012_2012DoesNotClaimToBuildOn2011()
    {
        var border2011 = Store.Accords.Find("pe-co-2011-border-security");
        var defence2012 = Store.Accords.Find("pe-co-2012-defence");
        var planned = Store.Accords.Find("pe-co-2012-03-detailed-agreement");

        Assert.NotNull(border2011);
        Assert.NotNull(defence2012);
        Assert.NotNull(planned);
        Assert.Equal(Period.Parse("2011-05"), border2011.Signed);
        Assert.Empty(defence2012.BuildsOn);
        Assert.Equal(["pe-co-2012-defence"], planned.BuildsOn.ToArray());
        Assert.Equal(AccordStatus.Planned, planned.Status);
        Assert.Equal(Period.Parse("2012-03"), planned.Signed);
        Assert.Equal(Period.Parse("2012-01"), defence2012.Signed);
    }

    [Fact]
    public void DefenceAgreement_IsSignedByBothDefenceMinistriesAndTargetsBorderCrime()
    {
        var accord = Store.Accords.Find("pe-co-2012-defence");

        Assert.NotNull(accord);
        Assert.Equal(["pe-mindef", "co-mindef"], accord.Signatories.ToArray());
        Assert.Equal([NationCode.Colombia, NationCode.Peru], accord.Parties.OrderBy(n => n).ToArray());
        Topic[] expected =
        [
            Topic.DrugTrafficking, Topic.MoneyLaundering, Topic.Smuggling, Topic.IllegalMining,
            Topic.IllegalLogging, Topic.WildlifeTrafficking, Topic.Education, Topic.Health, Topic.DefenceIndustry,
        ];
        Assert.All(expected, t => Assert.Contains(t, accord.Topics));
        Assert.Contains(Store.Accords.FindAll("parties", NationCode.Colombia), a => a.Id == accord.Id);
    }

    [Fact]
    public void DefenceMinisters_AreOtarolaAndPinzon()
    {
        var otarola = Store.People.Find("alberto-otarola");
        var pinzon = Store.People.Find("juan-carlos-pinzon");

        Assert.NotNull(otarola);
        Assert.NotNull(pinzon);
        Assert.Equal(NationCode.Peru, otarola.Nation);
        Assert.Equal(NationCode.Colombia, pinzon.Nation);
        Assert.Equal("pe-mindef", Assert.Single(otarola.Roles).Agency);
        Assert.Equal("co-mindef", Assert.Single(pinzon.Roles).Agency);
    }

    [Fact]
    public void MarchConference_IsPlannedWithBrazilianDelegates()
    {
        var conference = Store.Events.Find("pe-co-march-2012-conference");
        var brazil = Store.Nations.Find("BRA");

        Assert.NotNull(conference);
        Assert.NotNull(brazil);
        Assert.Equal(EventKind.Conference, conference.Kind);
        Assert.Equal(Period.Parse("2012-03"), conference.Date);
        Assert.Contains(brazil.Code, conference.Nations);
        Assert.Equal("South America", brazil.Region);
    }

    [Fact]
    public void VenezuelaBrazilCooperation_IsConfirmedOnJanuary25()
    {
        var accord = Store.Accords.Find("ve-br-2012-organized-crime");

        Assert.NotNull(accord);
        Assert.Equal(Period.Parse("2012-01-25"), accord.Signed);
        Assert.Equal(["BRA", "VEN"], accord.Parties.Select(n => n.Alpha3).OrderBy(c => c, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void ColombianRaidOnEcuadorianSoil_IsDatedOnlyToTheYear()
    {
        var raid = Assert.Single(Store.Events.FindAll("kind", EventKind.Raid));

        Assert.Equal(Period.Parse("2008"), raid.Date);
        Assert.Equal(PartialDatePrecision.Year, raid.Date?.From.Precision);
        Assert.Contains(NationCode.Ecuador, raid.Nations);
        Assert.Contains(Topic.Insurgency, raid.Topics);
        Assert.Contains(Store.Accords.FindAll("parties", NationCode.Ecuador), a => a.Id == "co-ec-farc-security");
    }

    [Fact]
    public void TeaserClaim_PutsFortyPercentOfFightersInVenezuela()
    {
        var claim = Assert.Single(Store.Statistics.FindAll("metric", Metric.ArmedGroupShareAbroad));
        var teaser = Store.Sources.Find(claim.Source);

        Assert.Equal(new Quantity(40m, Unit.Parse("%")), claim.Quantity);
        Assert.Contains(NationCode.Parse("VEN"), claim.Nations);
        Assert.Equal("src-004-rel-2021-10-05", claim.Source);
        Assert.NotNull(teaser);
        Assert.Equal("InSight Crime", teaser.Publisher);
        Assert.Equal(PartialDate.Parse("2021-10-05"), teaser.Published);
        Assert.Null(teaser.Title);
    }

    [Theory]
    [InlineData("gentil-duarte", "src-004-rel-2022-05-04", null)]
    [InlineData("ivan-duque", "src-004-rel-2021-11-01", "COL")]
    [InlineData("otoniel", "src-004-rel-2021-11-01", null)]
    public void TeaserPeople_AreCitedByTheirOwnTeaser_OnlyThePresidentHasANation(string personId, string sourceId, string? nation)
    {
        var person = Store.People.Find(personId);

        Assert.NotNull(person);
        Assert.Equal(nation is null ? null : NationCode.Parse(nation), person.Nation);
        Assert.Equal([sourceId], person.Sources.ToArray());
        Assert.NotNull(Store.Sources.Find(sourceId));
    }
}
