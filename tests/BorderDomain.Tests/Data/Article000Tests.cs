using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;
using static BorderDomain.Tests.Data.ArticleQueries;

namespace BorderDomain.Tests.Data;

/// <summary>Facts from article 000: the Peru–Ecuador–US border visit in Tumbes (2025-06-03).</summary>
public sealed class Article000Tests
{
    private static readonly BorderStore Store = BorderStore.Default;

    private static readonly string[] Delegates =
    [
        "pe-pnp", "pe-sunat", "pe-migraciones",
        "ec-pne", "ec-interior", "ec-senae", "ec-migration",
        "us-inl", "us-cbp", "us-hsi", "us-dea", "us-embassy-lima", "us-embassy-quito",
    ];

    [Fact]
    public void Source_IsADatelinedWireWithoutPublisher()
    {
        var source = Store.Sources.Find("src-000");

        Assert.NotNull(source);
        Assert.Equal(SourceKind.NewsAgency, source.Kind);
        Assert.Equal("Tumbes", source.Dateline);
        Assert.Null(source.Publisher);
        Assert.Equal(PartialDate.Parse("2025-06-03"), source.Published);
        Assert.Empty(source.Relays);
    }

    [Fact]
    public void TumbesVisit_ListsAllThreeDelegations()
    {
        var visit = Store.Events.Find("tumbes-huaquillas-joint-visit-2025");

        Assert.NotNull(visit);
        Assert.Equal(EventKind.Visit, visit.Kind);
        Assert.Equal(EventStatus.Held, visit.Status);
        Assert.Equal([NationCode.Ecuador, NationCode.Peru, NationCode.UnitedStates], visit.Nations.OrderBy(n => n).ToArray());
        Assert.Equal(Delegates.Order(System.StringComparer.Ordinal), visit.Agencies.Order(System.StringComparer.Ordinal));
        Assert.Contains("src-000", visit.Sources);
    }

    [Fact]
    public void TumbesVisitAndSession_EveryAgencyIsADelegate()
    {
        var expected = Delegates.Select(a => "Delegate:" + a).Order(System.StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, Roles("tumbes-huaquillas-joint-visit-2025"));
        Assert.Equal(expected, Roles("tumbes-trilateral-session-2025"));
        Assert.Contains("tumbes-huaquillas-joint-visit-2025",
            Column("events where id in (participants where agency = \"us-embassy-lima\" and role = Delegate select event) select id"));
    }

    [Fact]
    public void TumbesVisit_LastWeekIsTheCalendarWeekBeforeTheDateline_Inferred()
    {
        var visit = Store.Events.Find("tumbes-huaquillas-joint-visit-2025");

        Assert.NotNull(visit);
        Assert.Equal(Period.Parse("2025-05-26..2025-06-01"), visit.Date);
        Assert.Equal(DateBasis.Inferred, visit.DateBasis);
        Assert.Contains("week", visit.Note, System.StringComparison.OrdinalIgnoreCase);
        // Not certainly inside May: the inferred week runs into June.
        Assert.DoesNotContain("tumbes-huaquillas-joint-visit-2025", Column("events where date = 2025-05 select id"));
        Assert.Contains("tumbes-huaquillas-joint-visit-2025", Column("events where date <= 2025-06-03 and dateBasis = Inferred select id"));
    }

    [Fact]
    public void TumbesVisit_TouredTheBorderRegionAndTheAguasVerdesCheckpoint()
    {
        var visit = Store.Events.Find("tumbes-huaquillas-joint-visit-2025");
        var region = Store.Places.Find("tumbes-huaquillas-border-region");
        var checkpoint = Store.Places.Find("aguas-verdes");

        Assert.NotNull(visit);
        Assert.NotNull(region);
        Assert.NotNull(checkpoint);
        Assert.Equal("tumbes-huaquillas-border-region", visit.Place);
        Assert.Equal(["aguas-verdes"], visit.Sites.ToArray());
        Assert.Equal(PlaceKind.BorderRegion, region.Kind);
        Assert.Equal([NationCode.Ecuador, NationCode.Peru], region.Borders.OrderBy(n => n).ToArray());
        Assert.Null(region.Nation);
        Assert.Equal(PlaceKind.Checkpoint, checkpoint.Kind);
        Assert.Equal(NationCode.Peru, checkpoint.Nation);
        Assert.Equal("tumbes-huaquillas-border-region", checkpoint.Within);
        Assert.Equal(["tumbes-huaquillas-joint-visit-2025"], Sorted("events where place = \"aguas-verdes\" or sites has \"aguas-verdes\" select id"));
    }

    [Fact]
    public void TumbesLiesInTheTumbesRegion()
    {
        var tumbes = Store.Places.Find("tumbes");
        var region = Store.Places.Find("tumbes-region");

        Assert.NotNull(tumbes);
        Assert.NotNull(region);
        Assert.Equal(PlaceKind.City, tumbes.Kind);
        Assert.Equal(PlaceKind.Region, region.Kind);
        Assert.Equal("tumbes-region", tumbes.Within);
        Assert.All([tumbes, region], p => Assert.Equal(NationCode.Peru, p.Nation));
        Assert.Contains("src-000", region.Sources);
    }

    [Fact]
    public void TrilateralWorkingSession_IsPartOfTheVisitAndHeldInTumbes()
    {
        var session = Store.Events.Find("tumbes-trilateral-session-2025");

        Assert.NotNull(session);
        Assert.Equal(EventKind.Meeting, session.Kind);
        Assert.Equal("tumbes", session.Place);
        Assert.Equal("tumbes-huaquillas-joint-visit-2025", session.PartOf);
        Assert.Equal(DateBasis.Inferred, session.DateBasis);
        Assert.Contains(Topic.InformationSharing, session.Topics);
        Assert.Contains(Topic.JointOperations, session.Topics);
        Assert.Equal(["tumbes-trilateral-session-2025"], Column("events where partOf = \"tumbes-huaquillas-joint-visit-2025\" select id"));
        Assert.Contains("tumbes-trilateral-session-2025", Column("events where place.name = \"Tumbes\" select id"));
    }

    [Fact]
    public void PeruvianDelegation_CarriesAcronymsButNoSpanishNames()
    {
        var sunat = Store.Agencies.Find("pe-sunat");
        var pnp = Store.Agencies.Find("pe-pnp");

        Assert.NotNull(sunat);
        Assert.NotNull(pnp);
        Assert.Equal("SUNAT", sunat.Acronym);
        Assert.Null(sunat.OfficialName);
        Assert.Null(pnp.OfficialName);
        Assert.Equal(AgencyKind.Customs, sunat.Kind);
        Assert.Equal(AgencyKind.Police, pnp.Kind);
        Assert.Equal(NationCode.Peru, pnp.Nation);
        Assert.Contains(Store.Agencies.FindAll("nation", NationCode.Peru), a => a.Id == "pe-migraciones");
    }

    [Fact]
    public void UsAgencies_HangOnlyWhereTheArticleNamesTheDepartment()
    {
        Assert.Equal("us-state", Store.Agencies.Find("us-inl")?.Parent);
        Assert.Null(Store.Agencies.Find("us-cbp")?.Parent);
        Assert.Null(Store.Agencies.Find("us-hsi")?.Parent);
        Assert.Equal(AgencyKind.Bureau, Store.Agencies.Find("us-inl")?.Kind);
        Assert.Equal("DEA", Store.Agencies.Find("us-dea")?.Acronym);
    }

    [Fact]
    public void UsEmbassiesInLimaAndQuito_AreUsDiplomaticMissions()
    {
        foreach (var id in new[] { "us-embassy-lima", "us-embassy-quito" })
        {
            var embassy = Store.Agencies.Find(id);

            Assert.NotNull(embassy);
            Assert.Equal(NationCode.UnitedStates, embassy.Nation);
            Assert.Equal(AgencyKind.Diplomatic, embassy.Kind);
            Assert.Null(embassy.Parent);
        }
    }

    [Fact]
    public void EmbassyInLima_ReadTheTurnoutAsASharedCommitment()
    {
        var statement = Store.Statements.Find("st-2025-us-embassy-lima-cooperation");

        Assert.NotNull(statement);
        Assert.Equal("us-embassy-lima", statement.SpeakerAgency);
        Assert.Null(statement.Speaker);
        Assert.Equal("tumbes-huaquillas-joint-visit-2025", statement.Event);
        Assert.Equal(Period.Before(PartialDate.Parse("2025-06-03")), statement.Date);
        Assert.Equal(DateBasis.UpperBound, statement.DateBasis);
        Assert.Contains(Topic.JointBorderControl, statement.Topics);
        Assert.Equal("src-000", statement.Source);
        Assert.Equal(["st-2025-us-embassy-lima-cooperation"], Column("statements where speakerAgency.nation = USA and source = \"src-000\" select id"));
    }

    [Fact]
    public void PeruvianOfficials_AskedForMoreMoneyAndEquipment()
    {
        var statement = Store.Statements.Find("st-2025-peru-officials-resources");

        Assert.NotNull(statement);
        Assert.Equal([NationCode.Peru], statement.SpeakerNations.ToArray());
        Assert.Null(statement.Speaker);
        Assert.Null(statement.SpeakerAgency);
        Assert.Equal("tumbes-huaquillas-joint-visit-2025", statement.Event);
        Assert.Equal("src-000", statement.Source);
    }

    [Fact]
    public void BorderStaffingFigures_KeepTheirUnitsAndPlaces()
    {
        var agents = Store.Statistics.Find("pe-aguas-verdes-border-police-agents-2025");
        var personnel = Store.Statistics.Find("pe-border-patrol-personnel-2025");
        var crossings = Store.Statistics.Find("pe-illegal-crossings-northern-border-2025");

        Assert.NotNull(agents);
        Assert.NotNull(personnel);
        Assert.NotNull(crossings);
        Assert.Equal(new Quantity(10m, Unit.Parse("agents")), agents.Quantity);
        Assert.Equal("aguas-verdes", agents.Place);
        Assert.Equal("pe-pnp", agents.Agency);
        Assert.Equal(Metric.BorderPatrolPersonnel, personnel.Metric);
        Assert.Equal(976m, personnel.Value);
        Assert.Null(personnel.Place);
        Assert.Equal(137m, crossings.Value);
        Assert.Equal(Unit.Parse("crossings"), crossings.Unit);
        Assert.Equal("pe-northern-border", crossings.Place);
        Assert.Equal(PlaceKind.Border, Store.Places.Find("pe-northern-border")?.Kind);
        Assert.Equal([NationCode.Peru], crossings.Nations.ToArray());
        Assert.All([agents, personnel, crossings], s =>
        {
            Assert.Equal("src-000", s.Source);
            Assert.Equal(Period.Parse("2025-06"), s.Period);
            Assert.Equal(DateBasis.Inferred, s.PeriodBasis);
        });
    }

    [Fact]
    public void AguasVerdesAgents_RotateInThreeMonthShifts()
    {
        var shift = Store.Statistics.Find("pe-aguas-verdes-border-police-shift-2025");

        Assert.NotNull(shift);
        Assert.Equal(Metric.BorderPoliceShiftLength, shift.Metric);
        Assert.Equal(new Quantity(3m, Unit.Parse("months")), shift.Quantity);
        Assert.Equal("aguas-verdes", shift.Place);
        Assert.Equal("src-000", shift.Source);
        // The checkpoint's name now finds its figures and the visit through the same place record.
        Assert.Equal(
            ["pe-aguas-verdes-border-police-agents-2025", "pe-aguas-verdes-border-police-shift-2025"],
            Sorted("statistics where place.name = \"Aguas Verdes\" select id"));
    }
}
