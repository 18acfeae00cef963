using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

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
        Assert.Contains("descriptive", mou.Note, StringComparison.Ordinal);
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
    public void NoemVisit_IsUndatedAndProducedTheMemorandum()
    {
        var visit = Store.Events.Find("noem-ecuador-visit");

        Assert.NotNull(visit);
        Assert.Equal(EventKind.Visit, visit.Kind);
        Assert.Null(visit.Date);
        Assert.Contains("kristi-noem", visit.People);
        Assert.Contains("us-ec-cbp-pne-mou", visit.Accords);
        Assert.Contains(Topic.Migration, visit.Topics);
        Assert.Contains(Store.Events.FindAll("accords", "us-ec-cbp-pne-mou"), e => e.Kind == EventKind.Signing);
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
