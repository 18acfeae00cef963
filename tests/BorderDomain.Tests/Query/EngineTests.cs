using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Query.Planning;
using BorderDomain.Query.Semantics;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query;

/// <summary>A record type of a user's own, queried through the same attribute mechanism as the library's.</summary>
[QuerySet("crossings")]
public sealed record Crossing
{
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    [Indexed(IndexKind.Text)]
    public required string Name { get; init; }

    [Indexed]
    public required BorderDomain.Model.NationCode Nation { get; init; }

    [Indexed(IndexKind.Sorted)]
    public decimal DailyVehicles { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];
}

public sealed class EngineTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    [Theory]
    [InlineData("accords")]
    [InlineData("accords where parties has PER")]
    [InlineData("accords where kind = Treaty")]
    [InlineData("accords where signed >= 2013")]
    [InlineData("accords where signed < 2000")]
    [InlineData("accords where place is null")]
    [InlineData("statistics where value >= 1000")]
    [InlineData("statistics where value between 10 and 500")]
    [InlineData("statistics where disputed")]
    public void ACountTheIndexSizesAnswer_EqualsTheNumberOfRecordsFound(string filter)
    {
        var records = Bdq.Execute(Store, filter).Records.Count;

        Assert.Equal(records, Bdq.Execute(Store, filter + " count").Count);
    }

    [Theory]
    [InlineData("accords", "group by kind count")]
    [InlineData("accords", "group by kind count, count order by kind desc skip 1 take 2")]
    [InlineData("agencies", "group by nation count")]
    [InlineData("statistics", "group by disputed count order by disputed desc")]
    [InlineData("accords", "group by status count")]
    public void GroupCountsReadFromTheIndex_EqualTheGroupsCountedRowByRow(string set, string grouping)
    {
        // The filter matches every record but is not an index access, so the second query groups row by row.
        var fromIndex = Bdq.Execute(Store, $"{set} {grouping}");
        var rowByRow = Bdq.Execute(Store, $"{set} where id != \"\" {grouping}");

        Assert.NotEmpty(fromIndex.Rows);
        Assert.Equal(rowByRow.Columns, fromIndex.Columns);
        Assert.Equal(rowByRow.Rows, fromIndex.Rows);
    }

    [Fact]
    public void Cache_ReturnsTheSameCompiledQueryForSpacingAndComments()
    {
        var schema = Store.Schema;

        Assert.True(Bdq.TryCompile("accords   where kind = Treaty", schema, null, out var first, out _));
        Assert.True(Bdq.TryCompile("accords where kind = Treaty -- same query", schema, null, out var second, out _));

        Assert.Same(first, second);
    }

    [Fact]
    public void Planner_IntersectsSmallestPostingListFirst()
    {
        var plan = Bdq.Explain(Store, "accords where parties has PER and topics has IllegalMining");
        var lines = plan.Split('\n');

        var topics = System.Array.FindIndex(lines, l => l.Contains("posting list of topics"));
        var parties = System.Array.FindIndex(lines, l => l.Contains("posting list of parties"));
        Assert.True(topics >= 0 && parties >= 0);
        Assert.True(topics < parties, plan);
        Assert.Contains("intersect in this order (smallest estimate first)", plan);
    }

    [Fact]
    public void Planner_KeepsUnindexedConditionsAsResidual()
    {
        var bound = Bind("agencies where kind = Police and nation.region = \"South America\"");
        var plan = QueryPlanner.Plan(bound);

        var access = Assert.Single(plan.Accesses);
        Assert.Equal("kind", access.Predicate.Path.Text);
        Assert.IsType<BoundPredicate>(plan.Residual);
    }

    [Fact]
    public void Planner_SortsWhenTheFilterIsNarrow()
    {
        var plan = Bdq.Explain(Store, "accords where kind = MemorandumOfUnderstanding order by signed desc take 5");

        Assert.Contains("sort by signed desc", plan);
    }

    [Fact]
    public void UsersOwnRecordType_IsQueriedThroughTheSameSchemaMechanism()
    {
        Crossing[] crossings =
        [
            new() { Id = "aguas-verdes", Name = "Aguas Verdes–Huaquillas", Nation = BorderDomain.Model.NationCode.Peru, DailyVehicles = 1200, Tags = ["official"] },
            new() { Id = "la-tina", Name = "La Tina–Macará", Nation = BorderDomain.Model.NationCode.Peru, DailyVehicles = 300, Tags = ["official", "rural"] },
            new() { Id = "rumichaca", Name = "Rumichaca", Nation = BorderDomain.Model.NationCode.Ecuador, DailyVehicles = 2500 },
        ];

        var schema = QuerySets.For<Crossing>().Schema;
        var result = BdqQueryable.Apply(crossings.AsQueryable(), "crossings where nation = PER and name contains \"macara\" or tags is null order by dailyVehicles desc").ToList();

        Assert.Equal("crossings", schema.Name);
        Assert.Equal(IndexKind.Sorted, schema.FindField("dailyVehicles")!.Index);
        Assert.Equal(["rumichaca", "la-tina"], result.Select(c => c.Id));
    }

    [Fact]
    public void UsersOwnRecordType_GetsTheSameDiagnostics()
    {
        var ok = BdqQueryable.TryApply(new List<Crossing>().AsQueryable(), "crossings where nme contains \"x\"", out _, out var diagnostics);

        Assert.False(ok);
        Assert.Equal("Unknown field 'nme' on crossings; did you mean 'name'?", Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("accords where title.GetType() = 1")]
    [InlineData("accords where System.IO.File = 1")]
    [InlineData("accords where title = \"\".GetType()")]
    [InlineData("accords where new Accord() = 1")]
    [InlineData("accords where (string)title = \"x\"")]
    [InlineData("accords where parties[0] = PER")]
    [InlineData("accords where EqualityContract = 1")]
    [InlineData("accords where quantity = 1")]
    public void OutsideTheSchema_NothingIsReachable(string query)
    {
        var ok = Bdq.TryExecute(Store, query, out _, out var diagnostics);

        Assert.False(ok);
        Assert.Contains(Assert.Single(diagnostics).Code, new[] { "BDQ0001", "BDQ0102", "BDQ0103" });
    }

    [Fact]
    public void Parameters_AcceptTextForEveryKind()
    {
        var parameters = new Dictionary<string, object?> { ["kind"] = "agreement", ["value"] = "1000", ["flag"] = "true" };

        var accords = Bdq.Execute(Store, "accords where kind = @kind count", parameters);
        var statistics = Bdq.Execute(Store, "statistics where value > @value and disputed = @flag count", parameters);

        Assert.Equal(8, accords.Count);
        Assert.Equal(2, statistics.Count);
    }

    private static BoundQuery Bind(string text)
    {
        Assert.True(Bdq.TryCompile(text, Store.Schema, null, out var bound, out var diagnostics), string.Join("; ", diagnostics));
        return bound!;
    }
}
