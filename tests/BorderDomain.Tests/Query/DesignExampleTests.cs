using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>The examples of DESIGN.md, run on the bundled dataset, with the records each must return.</summary>
public sealed class DesignExampleTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    private static string[] Ids(BdqResult result) => result.Records.Select(r => r switch
    {
        Accord a => a.Id,
        Agency a => a.Id,
        Statistic s => s.Id,
        Person p => p.Id,
        _ => "?",
    }).ToArray();

    [Fact]
    public void PeruAndEcuadorAccords_NewestFirst()
    {
        var result = Bdq.Execute(Store, "accords where parties has PER and parties has ECU order by signed desc");

        // Accords without a signing date (the 2025 pledge was agreed, not signed) sort last, in key order.
        Assert.Equal(
            ["pe-ec-2013-fuel", "pe-ec-2013-human-trafficking", "pe-ec-1998-peace", "pe-ec-2025-pledge", "pe-ec-naval-education", "pe-ec-sea-patrol-exchange"],
            Ids(result));
    }

    [Fact]
    public void MiningOrDrugAccordsSince2010_TakeFive()
    {
        var result = Bdq.Execute(Store, "accords where topics has any (IllegalMining, DrugTrafficking) and signed >= 2010 take 5");

        // The two mining or drug accords since 2010 were agreed, not signed, and their dates are only upper bounds
        // (no later than their articles), so neither is certainly signed on or after 2010.
        Assert.Empty(Ids(result));
        Assert.Equal(
            ["pe-co-2012-defence", "pe-ec-2025-pledge"],
            Ids(Bdq.Execute(Store, "accords where topics has any (IllegalMining, DrugTrafficking) and agreedBasis = UpperBound and agreed <= 2025-12-12 order by agreed")));
    }

    [Fact]
    public void EcuadorianPoliceAndCustoms_ByName()
    {
        var result = Bdq.Execute(Store, "agencies where nation = ECU and kind in (Police, Customs) order by name");

        Assert.Equal(["ec-pne", "ec-senae"], Ids(result));
    }

    [Fact]
    public void BorderLengthClaims_BothReturned()
    {
        var result = Bdq.Execute(Store, "statistics where metric = BorderLength and nations has PER and nations has ECU");

        Assert.Equal([1420m, 1500m], result.Records.Cast<Statistic>().Select(s => s.Value).Order().ToArray());
        Assert.All(result.Records.Cast<Statistic>(), s => Assert.True(s.Disputed));
    }

    [Fact]
    public void DisputedStatistics_SelectColumns()
    {
        var result = Bdq.Execute(Store, "statistics where disputed select metric, value, unit, source");

        Assert.Equal(BdqResultKind.Rows, result.Kind);
        Assert.Equal(["metric", "value", "unit", "source"], result.Columns);
        Assert.Equal(2, result.Rows.Count);
        Assert.Contains(result.Rows, row => (decimal)row[1]! == 1420m && (string)row[3]! == "src-002");
        Assert.Contains(result.Rows, row => (decimal)row[1]! == 1500m && (string)row[3]! == "src-001");
    }

    [Fact]
    public void TitleContains_IsCaseAndAccentInsensitive()
    {
        var plain = Bdq.Execute(Store, "people where name contains \"jeri\"");
        var accented = Bdq.Execute(Store, "people where name contains \"JERÍ\" -- comment");

        Assert.Equal(["jose-jeri"], Ids(plain));
        Assert.Equal(["jose-jeri"], Ids(accented));
        Assert.Empty(Bdq.Execute(Store, "accords where title contains \"mineria\"").Records);
        Assert.Equal(["pe-ec-2025-pledge"], Ids(Bdq.Execute(Store, "accords where title contains \"MINING\"")));
    }

    [Fact]
    public void Parameters_AreTypedAndApplied()
    {
        var parameters = new Dictionary<string, object?> { ["nation"] = NationCode.Peru, ["from"] = 2010, ["to"] = "2013-12" };

        var result = Bdq.Execute(Store, "accords where parties has @nation and signed between @from and @to", parameters);

        // Only signings count: the plan was approved, the 2012 agreement agreed, the March one only planned.
        Assert.Equal(["pe-co-2011-border-security", "pe-ec-2013-fuel", "pe-ec-2013-human-trafficking"], Ids(result));
    }

    [Fact]
    public void MissingParameter_IsADiagnostic()
    {
        var ok = Bdq.TryExecute(Store, "accords where parties has @nation", out _, out var diagnostics);

        Assert.False(ok);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ0201", diagnostic.Code);
        Assert.Equal("The query needs parameter '@nation' (NationCode), which was not supplied.", diagnostic.Message);
        Assert.Equal(26, diagnostic.Span.Start);
    }

    [Fact]
    public void GroupByKind_Counts()
    {
        var result = Bdq.Execute(Store, "accords group by kind count");

        Assert.Equal(["kind", "count"], result.Columns);
        var counts = result.Rows.ToDictionary(r => r[0]!.ToString()!, r => (int)r[1]!);
        Assert.Equal(8, counts["Agreement"]);
        Assert.Equal(1, counts["Pledge"]);
        Assert.Equal(13, counts.Values.Sum());
    }

    [Fact]
    public void TradeByPeriod_Sums()
    {
        var result = Bdq.Execute(Store, "statistics where metric = BilateralTrade group by period sum(value)");

        // Sums are per unit: the unit joins the group keys (both periods are in USD).
        Assert.Equal(["period", "unit", "sum(value)"], result.Columns);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(Period.Parse("2024"), result.Rows[0][0]);
        Assert.Equal(Unit.Parse("USD"), result.Rows[0][1]);
        Assert.Equal(2_037_000_000m, result.Rows[0][2]);
        Assert.Equal(Period.Parse("2025-01..2025-10"), result.Rows[1][0]);
        Assert.Equal(Unit.Parse("USD"), result.Rows[1][1]);
        Assert.Equal(1_683_000_000m, result.Rows[1][2]);
    }

    [Fact]
    public void SouthAmericanAgencies_CountFollowsNationReference()
    {
        var result = Bdq.Execute(Store, "agencies where nation.region = \"South America\" count");

        var expected = Store.Agencies.Count(a => Store.Nations.Find(a.Nation.Alpha3)?.Region == "South America");
        Assert.Equal(expected, result.Count);
        Assert.True(expected > 0);
    }

    [Fact]
    public void MisspeltField_SuggestsTheField()
    {
        var ok = Bdq.TryExecute(Store, "accords where parites has PER", out _, out var diagnostics);

        Assert.False(ok);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BDQ0102", diagnostic.Code);
        Assert.Equal("Unknown field 'parites' on accords; did you mean 'parties'?", diagnostic.Message);
        Assert.Equal(new TextSpan(14, 7, 1, 15), diagnostic.Span);
        Assert.Equal("parties", diagnostic.Suggestion);
    }

    [Fact]
    public void OrderByTake_WalksTheDateIndex()
    {
        var plan = Bdq.Explain(Store, "accords where signed >= 1990 order by signed desc take 3");

        Assert.Contains("walk sorted index on signed desc", plan);
        var result = Bdq.Execute(Store, "accords where signed >= 1990 order by signed desc take 3");
        Assert.Equal(["pe-ec-2013-fuel", "pe-ec-2013-human-trafficking", "pe-co-2011-border-security"], Ids(result));
    }

    [Fact]
    public void EqualityOnIndexedField_UsesItsIndex()
    {
        var plan = Bdq.Explain(Store, "agencies where kind = Police");

        Assert.Contains("posting list of kind: kind = Police -> ", plan);
        Assert.DoesNotContain("test each row", plan);
    }

    [Fact]
    public void HostileSizes_GiveDiagnosticsNotCrashes()
    {
        var deep = new string('(', 100_000) + "x" + new string(')', 100_000);
        var long1Mb = "accords where title contains \"" + new string('a', 1_000_000) + "\"";
        var hugeList = "accords where kind in (" + string.Join(",", Enumerable.Repeat("Treaty", 1_000_000)) + ")";
        var generous = new BdqOptions { MaxQueryLength = 20_000_000 };

        Assert.False(Bdq.TryExecute(Store, "accords where " + deep, out _, out var d1, options: generous));
        Assert.False(Bdq.TryExecute(Store, long1Mb, out _, out var d2));
        Assert.False(Bdq.TryExecute(Store, hugeList, out _, out var d3, options: generous));

        Assert.Equal("BDQ0004", Assert.Single(d1).Code);
        Assert.Equal("BDQ0003", Assert.Single(d2).Code);
        Assert.Equal("BDQ0005", Assert.Single(d3).Code);
    }
}
