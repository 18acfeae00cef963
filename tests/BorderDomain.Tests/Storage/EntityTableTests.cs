using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

public sealed class EntityTableTests
{
    private static readonly Accord[] Accords =
    [
        new()
        {
            Id = "pe-ec-1998-peace", Title = "Brasilia Presidential Act", Kind = AccordKind.PeaceAccord,
            Parties = [NationCode.Peru, NationCode.Ecuador], Topics = [Topic.TerritorialDispute], Place = "Brasília",
        },
        new()
        {
            Id = "pe-co-2011-border", Title = "Border security agreement", Kind = AccordKind.Agreement,
            Parties = [NationCode.Peru, NationCode.Colombia], Topics = [Topic.DrugTrafficking, Topic.IllegalMining], Place = "Lima",
        },
        new()
        {
            Id = "us-ec-mou", Title = "CBP–PNE memorandum", Kind = AccordKind.MemorandumOfUnderstanding,
            Parties = [NationCode.UnitedStates, NationCode.Ecuador], Topics = [Topic.InformationSharing], Place = "LIMA",
        },
        new() { Id = "pe-plan", Title = "National plan", Kind = AccordKind.NationalPlan, Parties = [NationCode.Peru] },
    ];

    private static EntityTable<Accord> Table() => new(QuerySets.For<Accord>(), Accords);

    [Theory]
    [InlineData("pe-co-2011-border")]
    [InlineData("PE-CO-2011-BORDER")]
    [InlineData("Pe-Co-2011-Border")]
    public void Find_KeyInAnyCase_ReturnsTheRecord(string key)
    {
        var table = Table();

        Assert.Same(Accords[1], table.Find(key));
        Assert.True(table.TryGetRow(key, out var row));
        Assert.Same(Accords[1], table[row]);
    }

    [Fact]
    public void Find_UnknownKey_ReturnsNull()
    {
        var table = Table();

        Assert.Null(table.Find("pe-co-2011"));
        Assert.False(table.TryGetRow("nothing", out _));
        Assert.Throws<ArgumentNullException>(() => table.Find(null!));
    }

    [Fact]
    public void FindAll_CollectionField_ReturnsEveryRecordHoldingTheValueInRowOrder()
    {
        var table = Table();

        // Rows are in key order: pe-co-2011-border, pe-ec-1998-peace, pe-plan, us-ec-mou.
        Assert.Equal([Accords[1], Accords[0], Accords[3]], table.FindAll("parties", NationCode.Peru));
        Assert.Equal([Accords[0], Accords[2]], table.FindAll("parties", NationCode.Ecuador));
        Assert.Equal([Accords[1]], table.FindAll("topics", Topic.IllegalMining));
        Assert.Empty(table.FindAll("parties", NationCode.Parse("FRA")));
    }

    [Fact]
    public void FindAll_FieldNameInAnyCase_FindsTheField()
    {
        var table = Table();

        Assert.Equal(table.FindAll("parties", NationCode.Colombia), table.FindAll("PARTIES", NationCode.Colombia));
        Assert.Equal([Accords[3]], table.FindAll("Kind", AccordKind.NationalPlan));
    }

    [Fact]
    public void FindAll_StringField_MatchesIgnoringCase()
    {
        var table = Table();

        Assert.Equal([Accords[1], Accords[2]], table.FindAll("place", "lima"));
        Assert.Equal([Accords[0]], table.FindAll("place", "BRASÍLIA"));
        Assert.Equal([Accords[2]], table.FindAll("id", "US-EC-MOU"));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("")]
    [InlineData("title")]
    [InlineData("signed")]
    [InlineData("note")]
    public void FindAll_FieldWithoutPostingIndex_ThrowsArgumentException(string field)
    {
        var table = Table();

        var error = Assert.Throws<ArgumentException>(() => table.FindAll(field, "x"));
        Assert.Equal("field", error.ParamName);
    }

    [Fact]
    public void Constructor_TwoKeysDifferingOnlyInCase_ThrowsArgumentException()
    {
        Accord[] records = [Accords[0], Accords[1] with { Id = "PE-EC-1998-PEACE" }];

        Assert.Throws<ArgumentException>(() => new EntityTable<Accord>(QuerySets.For<Accord>(), records));
    }

    [Fact]
    public void Rows_AreTheRecordsInKeyOrder()
    {
        var table = Table();
        var inKeyOrder = Accords.OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();

        Assert.Equal(Accords.Length, table.Count);
        Assert.Equal(inKeyOrder, table.Rows);
        Assert.Equal(inKeyOrder, table);
        Assert.Same(inKeyOrder[2], table[2]);
        Assert.Equal(inKeyOrder.Select(a => a.Title), Enumerable.Range(0, table.Count).Select(row => table.GetValue(row, table.Schema.IndexOfField("title"))));
        Assert.Equal([inKeyOrder[2], inKeyOrder[0]], table.Select([2, 0]));
    }

    [Fact]
    public void Constructor_TwoKeysDifferingOnlyInAccents_ThrowsArgumentException()
    {
        Accord[] records = [Accords[0], Accords[1] with { Id = "pé-ec-1998-peace" }];

        Assert.Throws<ArgumentException>(() => new EntityTable<Accord>(QuerySets.For<Accord>(), records));
    }

    [Fact]
    public void FindAll_BundledStore_EqualsAScanOfTheRows()
    {
        var store = BorderStore.Default;

        foreach (var code in store.Nations.Select(n => n.Code))
        {
            Assert.Equal(store.Accords.Where(a => a.Parties.Contains(code)), store.Accords.FindAll("parties", code));
            Assert.Equal(store.Statistics.Where(s => s.Nations.Contains(code)), store.Statistics.FindAll("nations", code));
            Assert.Equal(store.Agencies.Where(a => a.Nation == code), store.Agencies.FindAll("nation", code));
        }

        Assert.NotEmpty(store.Accords.FindAll("parties", NationCode.Peru));
    }

    [Fact]
    public void GetTable_SetNameInAnyCase_ReturnsTheTable()
    {
        var store = BorderStore.Default;

        Assert.Same(store.Accords, store.GetTable("ACCORDS"));
        Assert.Same(store.Statistics, store.GetTable("statistics"));
        Assert.Null(store.GetTable("treaties"));
        Assert.Equal(["sources", "nations", "agencies", "people", "accords", "statistics", "events", "organizations", "places", "statements", "participants", "affiliations"], store.Tables.Select(t => t.Schema.Name));
    }
}
