using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;
using static BorderDomain.Tests.Data.ArticleQueries;

namespace BorderDomain.Tests.Data;

/// <summary>Facts from article 002: Peru–Ecuador agreements on human trafficking and fuel theft (2013-11-25).</summary>
public sealed class Article002Tests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void Source_IsANewsSiteByHolgerAlava()
    {
        var source = Store.Sources.Find("src-002");

        Assert.NotNull(source);
        Assert.Equal(SourceKind.NewsSite, source.Kind);
        Assert.Equal("Hólger Álava", source.Author);
        Assert.Equal(PartialDate.Parse("2013-11-25"), source.Published);
    }

    [Fact]
    public void PiuraMeeting_ClosedTheSeventhBinationalCabinet()
    {
        var meeting = Store.Events.Find("piura-presidential-meeting-2013");
        var cabinet = Store.Events.Find("pe-ec-7th-binational-cabinet-2013");
        var piura = Store.Places.Find("piura");

        Assert.NotNull(meeting);
        Assert.NotNull(cabinet);
        Assert.NotNull(piura);
        Assert.Equal(Period.Parse("2013-11-14"), meeting.Date);
        Assert.Equal(DateBasis.Stated, meeting.DateBasis);
        Assert.Equal("piura", meeting.Place);
        Assert.Equal(NationCode.Peru, piura.Nation);
        Assert.Equal(cabinet.Id, meeting.PartOf);
        Assert.Equal(DateBasis.Inferred, cabinet.DateBasis);
        Assert.Equal(EventKind.Meeting, cabinet.Kind);
        Assert.Equal(
            ["Participant:ec-presidency", "Participant:ollanta-humala", "Participant:pe-presidency", "Participant:rafael-correa"],
            Roles(meeting.Id));
        Assert.Equal(["pe-ec-2013-fuel", "pe-ec-2013-human-trafficking"], meeting.Accords.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["piura-presidential-meeting-2013"], Column("events where partOf = \"pe-ec-7th-binational-cabinet-2013\" select id"));
    }

    [Fact]
    public void PiuraSigning_ProducedTwoAgreementsSignedByThePresidents()
    {
        var signing = Store.Events.Find("piura-agreements-signing-2013");

        Assert.NotNull(signing);
        Assert.Equal("piura-presidential-meeting-2013", signing.PartOf);
        Assert.Equal(["pe-ec-2013-fuel", "pe-ec-2013-human-trafficking"], signing.Outcomes.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["Signer:ollanta-humala", "Signer:rafael-correa"], Roles(signing.Id).Where(r => r.StartsWith("Signer:", StringComparison.Ordinal)));
        foreach (var id in signing.Outcomes)
        {
            var accord = Store.Accords.Find(id);

            Assert.NotNull(accord);
            Assert.Equal(AccordStatus.Signed, accord.Status);
            Assert.Equal(Period.Parse("2013-11-14"), accord.Signed);
            Assert.Equal(DateBasis.Inferred, accord.SignedBasis);
            Assert.Equal("piura", accord.Place);
            Assert.Equal(["ec-presidency", "pe-presidency"], accord.Signatories.Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(["ollanta-humala", "rafael-correa"], accord.People.Order(StringComparer.Ordinal).ToArray());
            Assert.Equal([NationCode.Ecuador, NationCode.Peru], accord.Parties.OrderBy(n => n).ToArray());
        }
    }

    [Fact]
    public void NavalEducationAgreement_IsBetweenTheNavies_WhichAgreedRatherThanSigned()
    {
        var accord = Store.Accords.Find("pe-ec-naval-education");

        Assert.NotNull(accord);
        Assert.Empty(accord.Signatories);
        Assert.Equal(["ec-navy", "pe-navy"], accord.AgreedBy.Order(StringComparer.Ordinal).ToArray());
        Assert.Null(accord.Signed);
        Assert.Equal(["st-2013-arellano-naval-education"], Column("statements where accords has \"pe-ec-naval-education\" select id"));
    }

    [Fact]
    public void PiuraAgreements_CoverHumanTraffickingAndFuelSmuggling()
    {
        Assert.Contains(Topic.HumanTrafficking, Store.Accords.Find("pe-ec-2013-human-trafficking")?.Topics ?? []);
        Assert.Contains(Topic.FuelSmuggling, Store.Accords.Find("pe-ec-2013-fuel")?.Topics ?? []);
        Assert.Contains(Store.Accords.FindAll("topics", Topic.FuelSmuggling), a => a.Id == "pe-ec-2013-fuel");
    }

    [Fact]
    public void NationalPlan_IsApprovedByTheSupremeCourt_NotSigned()
    {
        var plan = Store.Accords.Find("pe-2013-national-plan-human-trafficking");

        Assert.NotNull(plan);
        Assert.Equal(AccordKind.NationalPlan, plan.Kind);
        Assert.Null(plan.Signed);
        Assert.Empty(plan.Signatories);
        Assert.Equal(["pe-supreme-court"], plan.ApprovedBy.ToArray());
        Assert.Equal(Period.Parse("2013-11-20"), plan.Agreed);
        Assert.Equal(DateBasis.Stated, plan.AgreedBasis);
        Assert.Contains("Supreme Court", plan.Note, StringComparison.Ordinal);
        var approval = Assert.Single(Store.Events.FindAll("accords", plan.Id));
        Assert.Equal(EventKind.Approval, approval.Kind);
        Assert.Equal(["Approver:pe-supreme-court"], Roles(approval.Id));
        Assert.Equal([plan.Id], Column("accords where approvedBy has \"pe-supreme-court\" select id"));
    }

    [Fact]
    public void AlbanSwornIn_ByHumala_OnThePlansDay()
    {
        var oath = Store.Events.Find("alban-sworn-in-2013");

        Assert.NotNull(oath);
        Assert.Equal(Period.Parse("2013-11-20"), oath.Date);
        Assert.Equal(DateBasis.Stated, oath.DateBasis);
        Assert.Contains("Appointee:walter-alban-peralta", Roles(oath.Id));
        Assert.Contains("Appointer:ollanta-humala", Roles(oath.Id));
        Assert.Equal(["walter-alban-peralta"], Column("people where id in (participants where role = Appointee and event = \"alban-sworn-in-2013\" select person) select id"));
    }

    [Fact]
    public void AlbanReplacedPedraza_WhoResignedInMidNovember()
    {
        var alban = Store.People.Find("walter-alban-peralta");
        var pedraza = Store.People.Find("wilfredo-pedraza");
        var resignation = Store.Events.Find("pedraza-resigns-2013");

        Assert.NotNull(alban);
        Assert.NotNull(pedraza);
        Assert.NotNull(resignation);
        var minister = Assert.Single(alban.Roles, r => r.Agency == "pe-interior");
        Assert.Equal(Period.Parse("2013-11-20"), minister.From);
        Assert.Equal("wilfredo-pedraza", minister.Predecessor);
        var before = Assert.Single(pedraza.Roles);
        Assert.Equal(Period.Parse("2013-11"), before.To);
        Assert.Equal(DateBasis.Approximate, before.ToBasis);
        Assert.Equal(DateBasis.Approximate, resignation.DateBasis);
        Assert.Contains("Subject:wilfredo-pedraza", Roles(resignation.Id));
        Assert.Equal(["walter-alban-peralta"], Column("affiliations where predecessor = \"wilfredo-pedraza\" select person"));
    }

    [Fact]
    public void AlbanEarlierPosts_OasFromLate2011_OmbudsmanFrom2000To2005()
    {
        var alban = Store.People.Find("walter-alban-peralta");
        var oas = Store.Organizations.Find("oas");

        Assert.NotNull(alban);
        Assert.NotNull(oas);
        Assert.Equal(OrganizationKind.InternationalOrganization, oas.Kind);
        Assert.Equal("OAS", oas.Acronym);
        Assert.Null(Store.Agencies.Find("pe-oas-mission"));
        var representative = Assert.Single(alban.Roles, r => r.Organization == "oas");
        Assert.Equal(Period.Parse("2011"), representative.From);
        Assert.Equal(DateBasis.Approximate, representative.FromBasis);
        Assert.Equal(DateBasis.UpperBound, representative.ToBasis);
        var ombudsman = Assert.Single(alban.Roles, r => r.Agency == "pe-ombudsman");
        Assert.Equal(Period.Parse("2000"), ombudsman.From);
        Assert.Equal(Period.Parse("2005"), ombudsman.To);
        Assert.Equal(["walter-alban-peralta"], Column("people where id in (affiliations where agency = \"pe-ombudsman\" and from <= 2005 select person) select id"));
        Assert.Equal(["walter-alban-peralta"], Column("affiliations where organization = \"oas\" select person"));
        var appointment = Store.Events.Find("alban-oas-appointment-2011");
        Assert.NotNull(appointment);
        Assert.Equal(DateBasis.Approximate, appointment.DateBasis);
        Assert.Equal(["Appointee:walter-alban-peralta", "Participant:oas"], Roles(appointment.Id));
    }

    [Fact]
    public void FuelPrices_AreGivenInSolesAndDollars()
    {
        var prices = Store.Statistics.FindAll("metric", Metric.FuelPrice).ToDictionary(s => s.Id);

        Assert.Equal(4, prices.Count);
        Assert.Equal(new Quantity(9.30m, Unit.Parse("PEN")), prices["ec-fuel-price-2013-pen"].Quantity);
        Assert.Equal(new Quantity(3.32m, Unit.Parse("USD")), prices["ec-fuel-price-2013-usd"].Quantity);
        Assert.Equal(new Quantity(35m, Unit.Parse("PEN")), prices["pe-fuel-price-2013-pen"].Quantity);
        Assert.Equal(new Quantity(12.50m, Unit.Parse("USD")), prices["pe-fuel-price-2013-usd"].Quantity);
        Assert.All(prices.Values, s =>
        {
            Assert.False(s.Disputed);
            Assert.NotNull(s.Note);
        });
        Assert.Equal("ec-fuel-price-2013-pen", prices["ec-fuel-price-2013-usd"].EquivalentTo);
        Assert.Equal("pe-fuel-price-2013-pen", prices["pe-fuel-price-2013-usd"].EquivalentTo);
        Assert.Null(prices["ec-fuel-price-2013-pen"].EquivalentTo);
        Assert.Equal(["ec-fuel-price-2013-usd", "pe-fuel-price-2013-usd"], Sorted("statistics where equivalentTo is not null select id"));
        var container = Store.Statistics.Find("ec-pe-fuel-container-volume-2013");
        Assert.NotNull(container);
        Assert.Equal(new Quantity(50m, Unit.Parse("gal")), container.Quantity);
        Assert.Null(container.Place);
    }

    [Fact]
    public void HumanTraffickingCases_CoverTwoThousandFourToTwoThousandTwelve()
    {
        var cases = Store.Statistics.Find("pe-human-trafficking-cases-2004-2012");
        var minors = Store.Statistics.Find("pe-human-trafficking-minor-victim-cases-2004-2012");

        Assert.NotNull(cases);
        Assert.NotNull(minors);
        Assert.Equal(new Quantity(1960m, Unit.Parse("cases")), cases.Quantity);
        Assert.Equal(763m, minors.Value);
        Assert.Equal(Period.Parse("2004..2012"), cases.Period);
        Assert.Equal(cases.Period, minors.Period);
    }

    [Fact]
    public void FuelStolenYearly_IsARangeOfHundredsOfThousandsOfGallons()
    {
        var stolen = Store.Statistics.Find("ec-pe-fuel-stolen-yearly-2013");

        Assert.NotNull(stolen);
        Assert.Equal(Metric.FuelStolenVolume, stolen.Metric);
        Assert.Equal(ValueBasis.Range, stolen.ValueBasis);
        Assert.Equal(Unit.Parse("gal"), stolen.Unit);
        Assert.True(stolen.ValueTo > stolen.Value);
        Assert.True(stolen.Value >= 100_000m);
        Assert.True(stolen.ValueTo < 1_000_000m);
        Assert.Equal(TimeUnit.Year, stolen.Per);
        Assert.Equal(DateBasis.UpperBound, stolen.PeriodBasis);
        Assert.Null(stolen.ReportedBy);
        Assert.Equal(["ec-pe-fuel-stolen-yearly-2013"], Column("statistics where valueBasis = Range and per = Year select id"));
    }

    [Fact]
    public void FuelRoute_AndSellingCities_ArePlaces()
    {
        Assert.Equal(NationCode.Ecuador, Store.Places.Find("huaquillas")?.Nation);
        Assert.Equal(NationCode.Peru, Store.Places.Find("tumbes")?.Nation);
        Assert.All(new[] { "mancora", "talara", "los-organos", "sullana", "piura" }, id =>
        {
            var city = Store.Places.Find(id);
            Assert.NotNull(city);
            Assert.Equal(PlaceKind.City, city.Kind);
            Assert.Equal(NationCode.Peru, city.Nation);
            Assert.Contains("src-002", city.Sources);
        });
        Assert.Equal("Los Órganos", Store.Places.Find("los-organos")?.Name);
    }

    [Fact]
    public void StolenFuel_IsSoldInFiveNorthernPeruvianCities_AQueryableTrade()
    {
        // The selling was only a note before: an illicit-trade event whose sites are the five cities makes it a query.
        Assert.Equal(["pe-stolen-fuel-sales-2013"], Sorted("events where kind = IllicitTrade and topics has FuelSmuggling select id"));
        var trade = Store.Events.Find("pe-stolen-fuel-sales-2013");
        Assert.NotNull(trade);
        Assert.Equal(["los-organos", "mancora", "piura", "sullana", "talara"], trade.Sites.Order(StringComparer.Ordinal));
        Assert.Equal(DateBasis.UpperBound, trade.DateBasis);
        Assert.Equal<string>(["src-002"], trade.Sources);
        Assert.Equal(["Los Órganos", "Máncora", "Piura", "Sullana", "Talara"], Sorted("places where id in (events where kind = IllicitTrade select sites) select name"));
    }

    [Fact]
    public void Statements_OfArellanoChavezAlbanAndArbulu()
    {
        Assert.Equal(
            ["st-2013-alban-public-safety", "st-2013-arbulu-civil-cooperation", "st-2013-arellano-naval-education", "st-2013-arellano-relations", "st-2013-chavez-joint-work"],
            Sorted("statements where source = \"src-002\" select id"));
        Assert.Equal(["st-2013-arellano-naval-education", "st-2013-arellano-relations"], Sorted("statements where speaker = \"homero-arellano\" select id"));
        Assert.All(Store.Statements.FindAll("speaker", "homero-arellano"), s => Assert.Equal("ec-security-ministry", s.SpeakerAgency));
        Assert.Equal("university-of-guayaquil", Store.Statements.Find("st-2013-chavez-joint-work")?.SpeakerOrganization);
        Assert.Equal("piura-citizen-security-committee", Store.Statements.Find("st-2013-arbulu-civil-cooperation")?.SpeakerOrganization);
        var alban = Store.Statements.Find("st-2013-alban-public-safety");
        Assert.NotNull(alban);
        Assert.Equal("alban-sworn-in-2013", alban.Event);
        Assert.Equal(Period.Parse("2013-11-20"), alban.Date);
        Assert.Equal(DateBasis.Inferred, alban.DateBasis);
        Assert.Equal([Topic.PublicSafety], alban.Topics.ToArray());
        Assert.Equal(["st-2013-alban-public-safety", "st-2013-arbulu-civil-cooperation"], Sorted("statements where topics has PublicSafety and source = \"src-002\" select id"));
    }

    [Fact]
    public void NonStateBodies_AreOrganizationsNotAgencies()
    {
        Assert.Null(Store.Agencies.Find("ec-university-guayaquil"));
        Assert.Null(Store.Agencies.Find("pe-piura-citizen-security-committee"));
        var university = Store.Organizations.Find("university-of-guayaquil");
        var committee = Store.Organizations.Find("piura-citizen-security-committee");
        Assert.NotNull(university);
        Assert.NotNull(committee);
        Assert.Equal(OrganizationKind.Academic, university.Kind);
        Assert.Null(university.BaseNation);
        Assert.Equal(OrganizationKind.CivilSociety, committee.Kind);
        Assert.Equal("university-of-guayaquil", Assert.Single(Store.People.Find("hector-chavez")?.Roles ?? []).Organization);
        Assert.Equal("piura-citizen-security-committee", Assert.Single(Store.People.Find("eduardo-arbulu")?.Roles ?? []).Organization);
    }

    [Fact]
    public void ElEmpresario_IsCapturedEscapesAndIsRecaptured()
    {
        var person = Store.People.Find("cesar-demar-vernaza-quinonez");

        Assert.NotNull(person);
        Assert.Equal(NationCode.Ecuador, person.Nation);
        Assert.Equal(["El Empresario"], person.Aliases.ToArray());
        Assert.Equal(["cesar-demar-vernaza-quinonez"], Column("people where aliases has \"El Empresario\" select id"));
        var timeline = Store.Events.FindAll("people", person.Id).OrderBy(e => e.Date).ToList();
        Assert.Equal([EventKind.Capture, EventKind.Escape, EventKind.Capture], timeline.Select(e => e.Kind).ToArray());
        Assert.Equal(
            [Period.Parse("2012-04"), Period.Parse("2013-02"), Period.Parse("2013-04")],
            timeline.Select(e => e.Date.GetValueOrDefault()).ToArray());
        Assert.All(timeline, e => Assert.Equal(DateBasis.Stated, e.DateBasis));
        Assert.Equal(["Captive:cesar-demar-vernaza-quinonez", "Captor:ec-pne"], Roles(timeline[0].Id));
        Assert.Equal(["Escapee:cesar-demar-vernaza-quinonez"], Roles(timeline[1].Id));
        Assert.Null(timeline[1].Place);
        Assert.Equal(["Captive:cesar-demar-vernaza-quinonez", "Captor:co-security-forces"], Roles(timeline[2].Id));
        Assert.Equal(NationCode.Colombia, Store.Agencies.Find("co-security-forces")?.Nation);
        Assert.Contains(NationCode.Colombia, timeline[2].Nations);
        Assert.Equal(["el-empresario-capture-2012"], Column("events where id in (participants where agency = \"ec-pne\" and role = Captor select event) select id"));
    }

    [Fact]
    public void LosTemplados_LedByElEmpresario_WorkedForTheSinaloaCartel()
    {
        var gang = Store.Organizations.Find("los-templados");
        var cartel = Store.Organizations.Find("sinaloa-cartel");

        Assert.NotNull(gang);
        Assert.NotNull(cartel);
        Assert.Equal(OrganizationKind.CriminalGroup, gang.Kind);
        Assert.Equal(["cesar-demar-vernaza-quinonez"], gang.Leaders.ToArray());
        Assert.Equal("sinaloa-cartel", gang.WorksFor);
        Assert.Equal("los-templados", Assert.Single(Store.People.Find("cesar-demar-vernaza-quinonez")?.Roles ?? []).Organization);
        Assert.Equal(["los-templados"], Column("organizations where worksFor = \"sinaloa-cartel\" select id"));
    }

    [Fact]
    public void SinaloaCartel_IsMexican_ItsLeaderHasNoNation()
    {
        var guzman = Store.People.Find("joaquin-guzman");
        var cartel = Store.Organizations.Find("sinaloa-cartel");
        var mexico = Store.Nations.Find("MEX");

        Assert.NotNull(guzman);
        Assert.NotNull(cartel);
        Assert.NotNull(mexico);
        Assert.Null(guzman.Nation);
        Assert.Equal(["El Chapo"], guzman.Aliases.ToArray());
        Assert.Equal(NationCode.Parse("MEX"), cartel.BaseNation);
        Assert.Equal(["joaquin-guzman"], cartel.Leaders.ToArray());
        Assert.Equal("Central America", mexico.Region);
        Assert.Equal(["sinaloa-cartel"], Column("organizations where leaders has \"joaquin-guzman\" select id"));
    }

    [Fact]
    public void SantosCorreaMeeting_IsPlannedForNovember25()
    {
        var meeting = Store.Events.Find("santos-correa-meeting-2013");

        Assert.NotNull(meeting);
        Assert.Equal(EventStatus.Planned, meeting.Status);
        Assert.Equal(Period.Parse("2013-11-25"), meeting.Date);
        Assert.Equal(DateBasis.Inferred, meeting.DateBasis);
        Assert.Null(meeting.Place);
        Assert.Equal([NationCode.Colombia, NationCode.Ecuador], meeting.Nations.OrderBy(n => n).ToArray());
        Assert.Contains(Topic.FuelSmuggling, meeting.Topics);
        Assert.All(Roles(meeting.Id), r => Assert.StartsWith("Attendee:", r, StringComparison.Ordinal));
        Assert.DoesNotContain(meeting.Id, Column("events where status = Held select id"));
        var border = Store.Places.Find("co-ec-border");
        Assert.NotNull(border);
        Assert.Equal([NationCode.Colombia, NationCode.Ecuador], border.Borders.OrderBy(n => n).ToArray());
        Assert.Contains("src-002", border.Sources);
    }
}
