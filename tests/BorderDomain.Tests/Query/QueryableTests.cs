using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>The IQueryable path answers as the in-memory executor does, order included.</summary>
public sealed class QueryableTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    private static readonly Dictionary<string, object?> Parameters = new() { ["nation"] = NationCode.Peru, ["from"] = 2010, ["to"] = "2013-12" };

    [Theory]
    [InlineData("accords where parties has PER and parties has ECU order by signed desc")]
    [InlineData("accords where topics has any (IllegalMining, DrugTrafficking) and (signed >= 2010 or agreed <= 2025-12-12) order by agreed take 5")]
    [InlineData("accords where title contains \"mining\" or not (kind = Agreement)")]
    [InlineData("accords where parties has @nation and signed between @from and @to")]
    [InlineData("accords where signed is null order by title")]
    [InlineData("accords order by kind desc, signed skip 2 take 4")]
    public void Accords_MatchTheExecutor(string query) => AssertSame(Store.Accords, query);

    [Theory]
    [InlineData("agencies where nation = ECU and kind in (Police, Customs) order by name")]
    [InlineData("agencies where nation.region = \"South America\" order by nation.region desc, name")]
    [InlineData("agencies where parent is not null and acronym startswith \"i\"")]
    public void Agencies_MatchTheExecutor(string query) => AssertSame(Store.Agencies, query);

    [Theory]
    [InlineData("statistics where metric = BorderLength and nations has PER and nations has ECU")]
    [InlineData("statistics where value between 10 and 2000 and unit != USD order by value desc")]
    [InlineData("statistics where period >= 2025 or disputed")]
    public void Statistics_MatchTheExecutor(string query) => AssertSame(Store.Statistics, query);

    [Fact]
    public void Corpus_EveryRecordQueryMatchesTheExecutor()
    {
        foreach (var query in QueryCorpus.RecordQueries)
        {
            var expected = Bdq.Execute(Store, query).Records;
            var actual = SetQueryables.Call(Store, query, new ApplyCall(query), fallback: "nations");

            Assert.True(expected.SequenceEqual(actual), query);
        }
    }

    [Fact]
    public void OrderByName_SortsFoldedText_InTheExecutorAndTheLinqTrees()
    {
        // Folded, "hector chavez" comes before "homero arellano"; ordinally 'é' (U+00E9) sorts after 'o' and would
        // put Homero first. The corpus entry "people order by name select name" holds generated code and EF to it.
        const string Query = "people order by name select name";
        foreach (var names in new[]
        {
            Bdq.Execute(Store, Query).Rows.Select(r => (string)r[0]!).ToList(),
            BdqQueryable.Translate(Store.People.AsQueryable(), Query).Execute().Rows.Select(r => (string)r[0]!).ToList(),
        })
        {
            Assert.True(names.IndexOf("Héctor Chávez") is >= 0 and var chavez && chavez < names.IndexOf("Homero Arellano"), string.Join(", ", names));
            Assert.True(string.CompareOrdinal("Héctor Chávez", "Homero Arellano") > 0);
        }
    }

    [Fact]
    public void Count_LeavesTheRowsToCount()
    {
        var rows = BdqQueryable.Apply(Store.Agencies.AsQueryable(), "agencies where nation.region = \"South America\" count", store: Store);

        Assert.Equal(Bdq.Execute(Store, "agencies where nation.region = \"South America\" count").Count, rows.Count());
    }

    [Fact]
    public void SelectOnAQueryable_IsRefusedWithADiagnostic()
    {
        var ok = BdqQueryable.TryApply(Store.Statistics.AsQueryable(), "statistics where disputed select value", out _, out var diagnostics);

        Assert.False(ok);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ0114", diagnostic.Code);
        Assert.Equal("'select' is not supported on an IQueryable of statistics; use BdqQueryable.Translate, which returns rows.", diagnostic.Message);
    }

    [Fact]
    public void HopWithoutAStore_IsInvalidEvenAfterTheSameTextRanOnAStore()
    {
        const string query = "agencies where nation.region = \"South America\" take 2 -- cache regression";
        Assert.Equal(2, Bdq.Execute(Store, query).Records.Count);

        var ok = BdqQueryable.TryApply(Store.Agencies.AsQueryable(), query, out _, out var diagnostics);

        Assert.False(ok);
        Assert.Equal("BDQ0103", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void HopWithoutAStore_IsAnInvalidPath()
    {
        var ok = BdqQueryable.TryApply(Store.Agencies.AsQueryable(), "agencies where nation.region = \"South America\"", out _, out var diagnostics);

        Assert.False(ok);
        Assert.Equal("BDQ0103", Assert.Single(diagnostics).Code);
    }

    private static void AssertSame<T>(EntityTable<T> table, string query)
        where T : class
    {
        var expected = Bdq.Execute(Store, query, Parameters).Records;
        var actual = BdqQueryable.Apply(table.AsQueryable(), query, Parameters, Store).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual.Cast<object>());
    }

    private sealed record ApplyCall(string Query) : IQueryableCall<IEnumerable<object>>
    {
        public IEnumerable<object> Call<T>(IQueryable<T> rows)
            where T : class => BdqQueryable.Apply(rows, Query, store: Store);
    }
}
