using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>A user's own record type: a border post, run by one nation.</summary>
[QuerySet("posts")]
public sealed record Post
{
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    [Indexed]
    public required NationCode Nation { get; init; }

    [Indexed(IndexKind.Text)]
    public required string Name { get; init; }
}

/// <summary>A user's own record type that references another: a patrol leaving from a post.</summary>
[QuerySet("patrols")]
public sealed record Patrol
{
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    [Indexed]
    [References("posts")]
    public required string Post { get; init; }

    [Indexed]
    public required Topic Topic { get; init; }

    [Indexed(IndexKind.Sorted)]
    public required decimal Officers { get; init; }

    [Indexed]
    public PartialDate? Day { get; init; }

    public ImmutableArray<NationCode> Nations { get; init; } = [];
}

/// <summary>A store of the user's own tables, queried at run time: indexes, references, diagnostics, caching.</summary>
public sealed class QueryStoreTests
{
    private static readonly Post[] Posts =
    [
        new() { Id = "p-pe", Nation = NationCode.Peru, Name = "Aguas Verdes" },
        new() { Id = "p-ec", Nation = NationCode.Ecuador, Name = "Huaquillas" },
        new() { Id = "p-co", Nation = NationCode.Colombia, Name = "Puerto Leguízamo" },
    ];

    private static readonly Patrol[] Patrols =
    [
        new() { Id = "t-1", Post = "p-pe", Topic = Topic.IllegalMining, Officers = 12, Day = PartialDate.Parse("2025-03-01") },
        new() { Id = "t-2", Post = "p-ec", Topic = Topic.DrugTrafficking, Officers = 30, Day = PartialDate.Parse("2025-04") },
        new() { Id = "t-3", Post = "p-pe", Topic = Topic.DrugTrafficking, Officers = 8 },
        new() { Id = "t-4", Post = "p-co", Topic = Topic.IllegalMining, Officers = 20, Nations = [NationCode.Colombia, NationCode.Peru] },
        new() { Id = "t-5", Post = "p-xx", Topic = Topic.IllegalMining, Officers = 5 },
    ];

    private static QueryStore Store(IEnumerable<Patrol>? patrols = null) => new(
        new EntityTable<Post>(QuerySets.For<Post>(), Posts),
        new EntityTable<Patrol>(QuerySets.For<Patrol>(), patrols ?? Patrols));

    private static string[] Ids(BdqResult result) => [.. result.Records.Select(r => r is Patrol p ? p.Id : ((Post)r).Id)];

    [Fact]
    public void Execute_AnswersOnTheUsersOwnSets()
    {
        var store = Store();

        Assert.Equal(["t-4", "t-1", "t-5"], Ids(Bdq.Execute(store, "patrols where topic = IllegalMining order by officers desc")));
        Assert.Equal(3, Bdq.Execute(store, "patrols where officers >= 10 count").Count);
        Assert.Equal(["p-co"], Ids(Bdq.Execute(store, "posts where name contains \"leguizamo\"")));
        Assert.Equal(["t-4"], Ids(Bdq.Execute(store, "patrols where nations has PER")));
        Assert.Equal(["t-1", "t-2"], Ids(Bdq.Execute(store, "patrols where day >= 2025-01 order by day")));
    }

    [Fact]
    public void AReference_IsFollowedIntoAnotherTableOfTheStore_AndAMissingKeyMatchesNothing()
    {
        var store = Store();
        var parameters = new Dictionary<string, object?> { ["nation"] = NationCode.Peru };

        var result = Bdq.Execute(store, "patrols where post.nation = @nation order by id", parameters);
        var rows = Bdq.Execute(store, "patrols order by id select id, post.name").Rows;

        Assert.Equal(["t-1", "t-3"], Ids(result));
        Assert.Equal(["Aguas Verdes", "Huaquillas", "Aguas Verdes", "Puerto Leguízamo", null], rows.Select(row => row[1]));
    }

    [Fact]
    public void Explain_ShowsTheUsersIndexesAnsweringTheFilter()
    {
        var plan = Bdq.Explain(Store(), "patrols where topic = IllegalMining and officers >= 10");

        Assert.Contains("posting list of topic: topic = IllegalMining -> ", plan, StringComparison.Ordinal);
        Assert.Contains("number range of officers: officers >= 10 -> ", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("no index applies", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void AQueryNamingASetOrFieldTheStoreLacks_GetsADiagnosticWithItsPosition()
    {
        var patrolsOnly = new QueryStore(new EntityTable<Patrol>(QuerySets.For<Patrol>(), Patrols));

        Assert.False(Bdq.TryExecute(Store(), "patrol where topic = IllegalMining", out _, out var unknownSet));
        Assert.False(Bdq.TryExecute(patrolsOnly, "patrols where post.nation = PER", out _, out var missingTarget));
        Assert.False(Bdq.TryExecute(Store(), "patrols where oficers > 3", out _, out var typo));

        Assert.Equal(("BDQ0101", 1), (Assert.Single(unknownSet).Code, unknownSet[0].Span.Column));
        Assert.Contains("patrols", unknownSet[0].Suggestion ?? unknownSet[0].Message, StringComparison.Ordinal);
        Assert.Equal(("BDQ0103", 20), (Assert.Single(missingTarget).Code, missingTarget[0].Span.Column));
        Assert.Equal(("BDQ0102", 15), (Assert.Single(typo).Code, typo[0].Span.Column));
        Assert.Contains("officers", typo[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoTablesOfOneSet_AreRefused()
    {
        var table = new EntityTable<Post>(QuerySets.For<Post>(), Posts);

        var error = Assert.Throws<ArgumentException>(() => new QueryStore(table, table));

        Assert.Contains("'posts'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_AreFoundByNameIgnoringCase_AndByRecordType()
    {
        var store = Store();

        Assert.Same(store.Table<Patrol>(), store.GetTable("PATROLS"));
        Assert.Null(store.GetTable("accords"));
        Assert.Throws<InvalidOperationException>(() => store.Table<Accord>());
        Assert.Equal(["posts", "patrols"], store.Tables.Select(t => t.Schema.Name));
    }

    [Fact]
    public void SnapshotsOfTheSameRecordTypes_ShareOneSchema_SoCompiledQueriesAreReused()
    {
        var first = Store();
        var next = Store(Patrols.Take(2));

        Assert.Same(first.Schema, next.Schema);
        Assert.True(Bdq.TryCompile("patrols where officers > 3", first.Schema, null, out var once, out _));
        Assert.True(Bdq.TryCompile("patrols  where officers > 3 -- again", next.Schema, null, out var again, out _));
        Assert.Same(once, again);
        // The same compiled query, planned and run on each snapshot's own tables.
        Assert.Equal(["t-1", "t-2", "t-3", "t-4", "t-5"], Ids(Bdq.Execute(first, "patrols where officers > 3 order by id")));
        Assert.Equal(["t-1", "t-2"], Ids(Bdq.Execute(next, "patrols where officers > 3 order by id")));
        Assert.Equal(["t-1", "t-2", "t-3", "t-4", "t-5"], Ids(Bdq.Execute(first, "patrols where officers > 3 order by id")));
    }

    [BdqProperty(MaxTest = 100)]
    public void Execute_RandomPatrols_AnswersLikeLinqOverTheList(PatrolRows input)
    {
        string[] queries =
        [
            "patrols where topic = IllegalMining and officers >= 10",
            "patrols where topic in (DrugTrafficking, Smuggling) or officers < 6 order by officers desc, id",
            "patrols where post.nation = PER and not (day < 2025-03)",
            "patrols where nations has any (PER, ECU) order by day desc, id take 3",
            "patrols where officers between 5 and 20 and post in (\"p-pe\", \"P-CO\") order by id skip 1",
        ];
        var rows = input.Rows;
        var store = Store(rows);
        foreach (var query in queries)
        {
            var indexed = Bdq.Execute(store, query).Records;
            var linq = BdqQueryable.Apply(rows.AsQueryable(), query, store: store).ToList();
            Assert.Equal(linq, indexed.Cast<Patrol>());
        }
    }
}
