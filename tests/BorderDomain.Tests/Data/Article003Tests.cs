using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;
using static BorderDomain.Tests.Data.ArticleQueries;

namespace BorderDomain.Tests.Data;

/// <summary>Facts from article 003: Homeland Security Secretary Noem's visit to Ecuador and the CBP–PNE memorandum (undated).</summary>
public sealed class Article003Tests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Fact]
    public void Source_IsAnUndatedThxNewsRelayOfADhsRelease()
    {
        var source = Store.Sources.Find("src-003");

        Assert.NotNull(source);
        Assert.Equal("THX News", source.Publisher);
        Assert.Equal("Ivan Alexander Golden", source.Author);
        Assert.Equal(SourceKind.NewsSite, source.Kind);
        Assert.Null(source.Published);
        Assert.Contains("Homeland Security", source.Note, StringComparison.Ordinal);
        Assert.Contains("date", source.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["src-003-dhs"], source.Relays.ToArray());
        var release = Store.Sources.Find("src-003-dhs");
        Assert.NotNull(release);
        Assert.Equal(SourceKind.GovernmentRelease, release.Kind);
        Assert.Equal("U.S. Department of Homeland Security", release.Publisher);
        Assert.Null(release.Published);
        Assert.Equal(["src-003"], Column("sources where relays has \"src-003-dhs\" select id"));
    }

    [Fact]
    public void CbpPneMemorandum_IsSignedByCbpAndEcuadorsNationalPolice()
    {
        var mou = Store.Accords.Find("us-ec-cbp-pne-mou");

        Assert.NotNull(mou);
        Assert.Equal(AccordKind.MemorandumOfUnderstanding, mou.Kind);
        Assert.Equal(AccordStatus.Signed, mou.Status);
        Assert.Equal(["us-cbp", "ec-pne"], mou.Signatories.ToArray());
        Assert.Contains(NationCode.UnitedStates, mou.Parties);
        Assert.Contains(NationCode.Ecuador, mou.Parties);
        Assert.Contains(Topic.InformationSharing, mou.Topics);
        Assert.Contains(Topic.Terrorism, mou.Topics);
        Assert.Null(mou.Signed);
        Assert.Null(mou.Place);
        Assert.Contains("descriptive", mou.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void MemorandumSigning_IsPartOfTheVisit_WithCbpAndThePoliceAsSigners()
    {
        var signing = Store.Events.Find("cbp-pne-mou-signing");

        Assert.NotNull(signing);
        Assert.Equal(EventKind.Signing, signing.Kind);
        Assert.Equal("noem-ecuador-visit", signing.PartOf);
        Assert.Null(signing.Place);
        Assert.Equal(["us-ec-cbp-pne-mou"], signing.Outcomes.ToArray());
        Assert.Equal(["Signer:ec-pne", "Signer:us-cbp"], Roles(signing.Id));
        Assert.DoesNotContain("us-dhs", signing.Agencies);
        Assert.Equal(["cbp-pne-mou-signing"], Column("events where id in (participants where agency = \"us-cbp\" and role = Signer select event) select id"));
    }

    [Fact]
    public void NationalTargetingCenter_SitsUnderCbp()
    {
        var ntc = Store.Agencies.Find("us-ntc");

        Assert.NotNull(ntc);
        Assert.Equal(AgencyKind.Intelligence, ntc.Kind);
        Assert.Equal("us-cbp", ntc.Parent);
        var cbp = Store.Agencies.Find("us-cbp");
        Assert.NotNull(cbp);
        Assert.Null(cbp.Parent);
        Assert.Contains(Store.Agencies.FindAll("parent", "us-cbp"), a => a.Id == "us-ntc");
    }

    [Fact]
    public void NoemVisit_IsUndatedLedByNoemAndProducedTheMemorandum()
    {
        var visit = Store.Events.Find("noem-ecuador-visit");

        Assert.NotNull(visit);
        Assert.Equal(EventKind.Visit, visit.Kind);
        Assert.Null(visit.Date);
        Assert.Null(visit.DateBasis);
        Assert.Null(visit.Place);
        Assert.Equal(["DelegationHead:kristi-noem", "Participant:us-dhs"], Roles(visit.Id));
        Assert.Contains("kristi-noem", visit.People);
        Assert.Equal(["us-ec-cbp-pne-mou"], visit.Outcomes.ToArray());
        Assert.Contains(Topic.Migration, visit.Topics);
        Assert.Equal(["cbp-pne-mou-signing", "noem-ecuador-visit"], Sorted("events where outcomes has \"us-ec-cbp-pne-mou\" select id"));
    }

    [Fact]
    public void NoemStatement_InformationIsTheStrongestTool_RelayedFromTheDepartment()
    {
        var statement = Store.Statements.Find("st-dhs-noem-information");

        Assert.NotNull(statement);
        Assert.Equal("kristi-noem", statement.Speaker);
        Assert.Equal("us-dhs", statement.SpeakerAgency);
        Assert.Null(statement.Date);
        Assert.Equal("noem-ecuador-visit", statement.Event);
        Assert.Equal(["us-ec-cbp-pne-mou"], statement.Accords.ToArray());
        Assert.Contains(Topic.InformationSharing, statement.Topics);
        Assert.Equal("src-003", statement.Source);
        Assert.Equal(["st-dhs-noem-information"], Column("statements where speakerAgency.nation = USA and topics has InformationSharing and source = \"src-003\" select id"));
    }

    [Fact]
    public void ThxNews_IsANewsOrganizationFoundedByGolden()
    {
        var outlet = Store.Organizations.Find("thx-news");
        var golden = Store.People.Find("ivan-alexander-golden");

        Assert.NotNull(outlet);
        Assert.NotNull(golden);
        Assert.Equal(OrganizationKind.NewsOrganization, outlet.Kind);
        Assert.Equal(["ivan-alexander-golden"], outlet.Leaders.ToArray());
        Assert.Equal("thx-news", Assert.Single(golden.Roles).Organization);
        Assert.Equal(["src-003"], golden.Sources.ToArray());
    }

    [Fact]
    public void KristiNoem_IsTheHomelandSecuritySecretary()
    {
        var noem = Store.People.Find("kristi-noem");

        Assert.NotNull(noem);
        Assert.Equal(NationCode.UnitedStates, noem.Nation);
        Assert.Equal("us-dhs", Assert.Single(noem.Roles).Agency);
        Assert.Null(Store.Agencies.Find("us-dhs")?.Acronym);
        Assert.DoesNotContain("DHS", Store.Events.Find("noem-ecuador-visit")?.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void EcuadorsNationalPolice_IsCitedByThreeArticles()
    {
        var pne = Store.Agencies.Find("ec-pne");

        Assert.NotNull(pne);
        Assert.Equal("PNE", pne.Acronym);
        Assert.Equal(["src-000", "src-002", "src-003"], pne.Sources.ToArray());
    }
}
