using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;
using static BorderDomain.Tests.Data.ArticleQueries;

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
        Assert.Equal(["src-004-andina", "src-004-ap", "src-004-efe"], source.Relays.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["AP", "Andina", "EFE"], source.Relays.Select(id => Store.Sources.Find(id)?.Publisher ?? "").Order(StringComparer.Ordinal).ToArray());
        Assert.All(source.Relays, id => Assert.Null(Store.Sources.Find(id)?.Published));
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
        Assert.Equal(DateBasis.Stated, border2011.SignedBasis);
        Assert.Empty(defence2012.BuildsOn);
        Assert.Equal(["pe-co-2012-defence"], planned.BuildsOn.ToArray());
        Assert.Equal(AccordStatus.Planned, planned.Status);
        Assert.Null(planned.Signed);
        Assert.Equal(Period.Parse("2012-03"), planned.PlannedFor);
        Assert.Equal(DateBasis.Inferred, planned.PlannedForBasis);
        Assert.Contains("src-004-ap", planned.Sources);
        Assert.Null(defence2012.Signed);
        Assert.Equal(Period.Before(PartialDate.Parse("2012-01-26")), defence2012.Agreed);
        Assert.Equal(DateBasis.UpperBound, defence2012.AgreedBasis);
        Assert.Equal(["pe-co-2012-03-detailed-agreement"], Column("accords where plannedFor = 2012-03 select id"));
        // The guessed month is gone: only "no later than the article" is certain.
        Assert.DoesNotContain("pe-co-2012-defence", Column("accords where agreed = 2012-01 select id"));
    }

    [Fact]
    public void DefenceAgreement_IsAgreedByBothDefenceMinistriesAndTargetsBorderCrime()
    {
        var accord = Store.Accords.Find("pe-co-2012-defence");

        Assert.NotNull(accord);
        Assert.Empty(accord.Signatories);
        Assert.Equal(["co-mindef", "pe-mindef"], accord.AgreedBy.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["alberto-otarola", "juan-carlos-pinzon"], accord.People.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([NationCode.Colombia, NationCode.Peru], accord.Parties.OrderBy(n => n).ToArray());
        Topic[] expected =
        [
            Topic.DrugTrafficking, Topic.MoneyLaundering, Topic.Smuggling, Topic.IllegalMining,
            Topic.IllegalLogging, Topic.WildlifeTrafficking, Topic.Education, Topic.Health, Topic.DefenceIndustry,
        ];
        Assert.All(expected, t => Assert.Contains(t, accord.Topics));
        Assert.Contains("src-004-efe", accord.Sources);
        Assert.Contains("src-004-andina", accord.Sources);
        Assert.Contains(Store.Accords.FindAll("parties", NationCode.Colombia), a => a.Id == accord.Id);
        Assert.Equal(["pe-co-2012-defence"], Column("accords where people has \"alberto-otarola\" select id"));
    }

    [Fact]
    public void DefenceMinistersMeeting_ProducedTheAgreement()
    {
        var announcement = Store.Events.Find("pe-co-defence-ministers-agreement-2012");

        Assert.NotNull(announcement);
        Assert.Equal(["pe-co-2012-defence"], announcement.Outcomes.ToArray());
        Assert.Equal(DateBasis.UpperBound, announcement.DateBasis);
        Assert.Equal(
            ["Participant:co-mindef", "Participant:pe-mindef", "Signer:alberto-otarola", "Signer:juan-carlos-pinzon"],
            Roles(announcement.Id));
    }

    [Fact]
    public void AgreementsAimedAtTheFarc_AreTheDefenceAgreementAndTheColombiaEcuadorAccord()
    {
        var farc = Store.Organizations.Find("farc");

        Assert.NotNull(farc);
        Assert.Equal(OrganizationKind.ArmedGroup, farc.Kind);
        Assert.Equal("FARC", farc.Acronym);
        Assert.Equal(NationCode.Colombia, farc.BaseNation);
        Assert.Contains(NationCode.Peru, farc.OperatesIn);
        Assert.Contains(NationCode.Colombia, farc.OperatesIn);
        Assert.Equal(["co-ec-farc-security", "pe-co-2012-defence"], Sorted("accords where targets has \"farc\" select id"));
        var reading = Store.Statements.Find("st-2012-insight-crime-farc-reading");
        Assert.NotNull(reading);
        Assert.Equal("insight-crime", reading.SpeakerOrganization);
        Assert.Equal(["pe-co-2012-defence"], reading.Accords.ToArray());
    }

    [Fact]
    public void Ministers_PromisedEducationAndHealthProgrammes()
    {
        Assert.Equal(
            ["alberto-otarola", "juan-carlos-pinzon"],
            Sorted("statements where accords has \"pe-co-2012-defence\" and topics has Health select speaker"));
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
        Assert.Equal(EventStatus.Planned, conference.Status);
        Assert.Equal(Period.Parse("2012-03"), conference.Date);
        Assert.Equal(DateBasis.Inferred, conference.DateBasis);
        Assert.Contains("src-004-ap", conference.Sources);
        Assert.Contains(brazil.Code, conference.Nations);
        Assert.Equal(["pe-co-march-2012-conference", "santos-correa-meeting-2013"], Sorted("events where status = Planned select id"));
        Assert.Equal("South America", brazil.Region);
    }

    [Fact]
    public void VenezuelaBrazilCooperation_IsConfirmedOnJanuary25()
    {
        var accord = Store.Accords.Find("ve-br-2012-organized-crime");

        Assert.NotNull(accord);
        Assert.Null(accord.Signed);
        Assert.Equal(Period.Parse("2012-01-25"), accord.Agreed);
        Assert.Equal(DateBasis.Inferred, accord.AgreedBasis);
        Assert.Equal(["BRA", "VEN"], accord.Parties.Select(n => n.Alpha3).OrderBy(c => c, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void ColombianRaidOnEcuadorianSoil_IsDatedOnlyToTheYear()
    {
        var raid = Assert.Single(Store.Events.FindAll("kind", EventKind.Raid));

        Assert.Equal(Period.Parse("2008"), raid.Date);
        Assert.True(raid.Date?.IsSingle);
        Assert.Equal(PartialDatePrecision.Year, raid.Date?.From.Precision);
        Assert.Equal(DateBasis.Stated, raid.DateBasis);
        Assert.Null(raid.Place);
        Assert.Contains(NationCode.Ecuador, raid.Nations);
        Assert.Equal(["Target:farc"], Roles(raid.Id));
        Assert.Contains("farc", raid.Organizations);
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
        Assert.Equal("co-military", claim.ReportedBy);
        Assert.Null(claim.Agency);
        Assert.Equal(["eln", "farc"], claim.Organizations.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([claim.Id], Column("statistics where organizations has \"eln\" select id"));
        Assert.Equal([NationCode.Parse("VEN")], Store.Organizations.Find("eln")?.OperatesIn.ToArray() ?? []);
    }

    [Fact]
    public void DuarteIsAFarcCommander_OtonielIsKnownOnlyByAlias()
    {
        Assert.Equal("farc", Assert.Single(Store.People.Find("gentil-duarte")?.Roles ?? []).Organization);
        Assert.Contains("gentil-duarte", Store.Organizations.Find("farc")?.Leaders ?? []);
        var otoniel = Store.People.Find("otoniel");
        Assert.NotNull(otoniel);
        Assert.Null(otoniel.Name);
        Assert.Equal(["Otoniel"], otoniel.Aliases.ToArray());
        var duque = Store.Statements.Find("st-2021-duque-otoniel-gang");
        Assert.NotNull(duque);
        Assert.Equal("ivan-duque", duque.Speaker);
        Assert.Equal("co-presidency", duque.SpeakerAgency);
        Assert.Equal(Period.Before(PartialDate.Parse("2021-11-01")), duque.Date);
        Assert.Equal("src-004-rel-2021-11-01", duque.Source);
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
