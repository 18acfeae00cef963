using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

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
    public void PiuraMeeting_ProducedTwoSignedAgreements()
    {
        var meeting = Store.Events.Find("piura-presidential-meeting-2013");

        Assert.NotNull(meeting);
        Assert.Equal(Period.Parse("2013-11-14"), meeting.Date);
        Assert.Equal("Piura", Store.Places.Find(meeting.Place!)?.Name);
        Assert.Equal(["ollanta-humala", "rafael-correa"], meeting.People.OrderBy(p => p, StringComparer.Ordinal).ToArray());
        Assert.Equal(["pe-ec-2013-fuel", "pe-ec-2013-human-trafficking"], meeting.Accords.OrderBy(a => a, StringComparer.Ordinal).ToArray());
        foreach (var id in meeting.Accords)
        {
            var accord = Store.Accords.Find(id);

            Assert.NotNull(accord);
            Assert.Equal(AccordStatus.Signed, accord.Status);
            Assert.Equal(Period.Parse("2013-11-14"), accord.Signed);
            Assert.Equal([NationCode.Ecuador, NationCode.Peru], accord.Parties.OrderBy(n => n).ToArray());
        }
    }

    [Fact]
    public void PiuraAgreements_CoverHumanTraffickingAndFuelSmuggling()
    {
        Assert.Contains(Topic.HumanTrafficking, Store.Accords.Find("pe-ec-2013-human-trafficking")?.Topics ?? []);
        Assert.Contains(Topic.FuelSmuggling, Store.Accords.Find("pe-ec-2013-fuel")?.Topics ?? []);
        Assert.Contains(Store.Accords.FindAll("topics", Topic.FuelSmuggling), a => a.Id == "pe-ec-2013-fuel");
    }

    [Fact]
    public void NationalPlan_KeepsTheSupremeCourtApprovalWithANote()
    {
        var plan = Store.Accords.Find("pe-2013-national-plan-human-trafficking");

        Assert.NotNull(plan);
        Assert.Equal(AccordKind.NationalPlan, plan.Kind);
        Assert.Equal(Period.Parse("2013-11-20"), plan.Signed);
        Assert.Equal(["pe-supreme-court"], plan.Signatories.ToArray());
        Assert.Contains("Supreme Court", plan.Note, StringComparison.Ordinal);
        var approval = Assert.Single(Store.Events.FindAll("accords", plan.Id));
        Assert.Equal(EventKind.Approval, approval.Kind);
        Assert.NotNull(approval.Note);
    }

    [Fact]
    public void AlbanSwornInAsInteriorMinister_ReplacesPedraza()
    {
        var alban = Store.People.Find("walter-alban-peralta");
        var pedraza = Store.People.Find("wilfredo-pedraza");

        Assert.NotNull(alban);
        Assert.NotNull(pedraza);
        var minister = Assert.Single(alban.Roles, r => r.Agency == "pe-interior");
        Assert.Equal(Period.Parse("2013-11-20"), minister.From);
        var oas = Assert.Single(alban.Roles, r => r.Agency == "pe-oas-mission");
        Assert.Equal(Period.Parse("2011"), oas.From);
        var ombudsman = Assert.Single(alban.Roles, r => r.Agency == "pe-ombudsman");
        Assert.Equal(Period.Parse("2000"), ombudsman.From);
        Assert.Equal(Period.Parse("2005"), ombudsman.To);
        Assert.Equal(Period.Parse("2013-11"), Assert.Single(pedraza.Roles).To);
        Assert.Contains(Store.Events.FindAll("people", "wilfredo-pedraza"), e => e.Kind == EventKind.Resignation);
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
        Assert.Equal(new Quantity(50m, Unit.Parse("gal")), Store.Statistics.Find("ec-pe-fuel-container-volume-2013")?.Quantity);
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
    public void ElEmpresario_IsCapturedEscapesAndIsRecaptured()
    {
        var person = Store.People.Find("cesar-demar-vernaza-quinonez");

        Assert.NotNull(person);
        Assert.Equal(NationCode.Ecuador, person.Nation);
        Assert.Equal("Leader of Los Templados", person.Title);
        var timeline = Store.Events.FindAll("people", person.Id).OrderBy(e => e.Date).ToList();
        Assert.Equal([EventKind.Capture, EventKind.Escape, EventKind.Capture], timeline.Select(e => e.Kind).ToArray());
        Assert.Equal(
            [Period.Parse("2012-04"), Period.Parse("2013-02"), Period.Parse("2013-04")],
            timeline.Select(e => e.Date.GetValueOrDefault()).ToArray());
        Assert.Equal(["ec-pne"], timeline[0].Agencies.ToArray());
        Assert.Contains(NationCode.Colombia, timeline[2].Nations);
    }

    [Fact]
    public void SinaloaCartelLeader_HasNoNation()
    {
        var guzman = Store.People.Find("joaquin-guzman");
        var mexico = Store.Nations.Find("MEX");

        Assert.NotNull(guzman);
        Assert.NotNull(mexico);
        Assert.Null(guzman.Nation);
        Assert.Equal("Central America", mexico.Region);
        Assert.Contains("Sinaloa Cartel", guzman.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void SantosCorreaMeeting_IsPlannedForNovember25()
    {
        var meeting = Store.Events.Find("santos-correa-meeting-2013");

        Assert.NotNull(meeting);
        Assert.Equal(Period.Parse("2013-11-25"), meeting.Date);
        Assert.Equal([NationCode.Colombia, NationCode.Ecuador], meeting.Nations.OrderBy(n => n).ToArray());
        Assert.Contains(Topic.FuelSmuggling, meeting.Topics);
    }
}
