using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Data;

/// <summary>Facts from article 000: the Peru–Ecuador–US border visit in Tumbes (2025-06-03).</summary>
public sealed class Article000Tests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void Source_IsADatelinedWireWithoutPublisher()
    {
        var source = Store.Sources.Find("src-000");

        Assert.NotNull(source);
        Assert.Equal(SourceKind.NewsAgency, source.Kind);
        Assert.Equal("Tumbes", source.Dateline);
        Assert.Null(source.Publisher);
        Assert.Equal(PartialDate.Parse("2025-06-03"), source.Published);
    }

    [Fact]
    public void TumbesVisit_ListsAllThreeDelegations()
    {
        var visit = Store.Events.Find("tumbes-huaquillas-joint-visit-2025");

        Assert.NotNull(visit);
        Assert.Equal(EventKind.Visit, visit.Kind);
        Assert.Equal([NationCode.Ecuador, NationCode.Peru, NationCode.UnitedStates], visit.Nations.OrderBy(n => n).ToArray());
        string[] expected =
        [
            "pe-pnp", "pe-sunat", "pe-migraciones",
            "ec-pne", "ec-interior", "ec-senae", "ec-migration",
            "us-inl", "us-cbp", "us-hsi", "us-dea", "us-embassy-lima", "us-embassy-quito",
        ];
        Assert.Equal(expected.OrderBy(id => id), visit.Agencies.OrderBy(id => id));
        Assert.Contains("src-000", visit.Sources);
    }

    [Fact]
    public void TumbesVisit_LastWeekIsDatedToMay2025WithANote()
    {
        var visit = Store.Events.Find("tumbes-huaquillas-joint-visit-2025");

        Assert.NotNull(visit);
        Assert.Equal(Period.Parse("2025-05"), visit.Date);
        Assert.Contains("last week", visit.Note, System.StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Tumbes–Huaquillas border region", Store.Places.Find(visit.Place!)?.Name);
        Assert.Equal(["Aguas Verdes"], visit.Sites.Select(site => Store.Places.Find(site)!.Name).ToArray());
    }

    [Fact]
    public void TrilateralWorkingSession_ClosesTheVisitInTumbes()
    {
        var session = Store.Events.Find("tumbes-trilateral-session-2025");

        Assert.NotNull(session);
        Assert.Equal(EventKind.Meeting, session.Kind);
        Assert.Equal("Tumbes", Store.Places.Find(session.Place!)?.Name);
        Assert.Contains(Topic.InformationSharing, session.Topics);
        Assert.Contains(Topic.JointOperations, session.Topics);
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
    public void BorderStaffingFigures_KeepTheirUnitsAndPlaces()
    {
        var agents = Store.Statistics.Find("pe-aguas-verdes-border-police-agents-2025");
        var personnel = Store.Statistics.Find("pe-border-patrol-personnel-2025");
        var crossings = Store.Statistics.Find("pe-illegal-crossings-northern-border-2025");

        Assert.NotNull(agents);
        Assert.NotNull(personnel);
        Assert.NotNull(crossings);
        Assert.Equal(new Quantity(10m, Unit.Parse("agents")), agents.Quantity);
        Assert.Equal("Aguas Verdes", Store.Places.Find(agents.Place!)?.Name);
        Assert.Equal("pe-pnp", agents.Agency);
        Assert.Equal(Metric.BorderPatrolPersonnel, personnel.Metric);
        Assert.Equal(976m, personnel.Value);
        Assert.Equal(137m, crossings.Value);
        Assert.Equal(Unit.Parse("crossings"), crossings.Unit);
        Assert.Equal([NationCode.Peru], crossings.Nations.ToArray());
        Assert.All([agents, personnel, crossings], s => Assert.Equal("src-000", s.Source));
    }
}
