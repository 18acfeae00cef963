using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;
using BorderDomain.Tests.Stress;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Query;

/// <summary>
/// Every query of the shared corpora (QueryCorpus and StressCorpus) that binds in memory runs on PostgreSQL and SQLite
/// through BorderDbContext as one SQL statement and gives the in-memory engine's answer, order included. (Queries that do
/// not bind in memory are the front end's diagnostics tests' business; they are left out of the cases.)
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CorpusTests(DatabaseFixture databases)
{
    public static IEnumerable<object[]> Cases =>
        from query in StressCorpus.All.Distinct()
        where Bdq.TryExecute(BorderStore.Default, query, out _, out _)
        from provider in new[] { Provider.Postgres, Provider.Sqlite }
        where provider == Provider.Postgres || !ProjectsThroughList(query)
        select new object[] { provider, query };

    // 'group by' a list field and a sub-query selecting a list run on SQLite as joins with json_each (the cases above);
    // a path through a list of references in 'select' needs a correlated collection, which EF Core's SQLite provider
    // can only write as OUTER APPLY, so it is refused there (see the test below).
    public static IEnumerable<object[]> ListPathQueries =>
        from query in StressCorpus.All.Distinct()
        where ProjectsThroughList(query)
        select new object[] { query };

    // The shapes SQLite runs through JsonEachJoinsFactory; the corpus must hold each of them, or the cases above prove nothing.
    [Fact]
    public void Corpus_HoldsListGroupingAndListSubqueries_ThatRunOnSqlite()
    {
        var sqlite = Cases.Where(c => (Provider)c[0] == Provider.Sqlite).Select(c => (string)c[1]).ToList();
        Assert.Contains(sqlite, q => Bound(q).GroupBy?.Keys.Any(k => k.Field.IsCollection) == true);
        Assert.Contains(sqlite, q => BorderDomain.Query.Semantics.BoundExpression.Predicates(Bound(q).Filter)
            .Any(p => p.Values is [BorderDomain.Query.Semantics.BoundSubquery { Selected.Field.IsCollection: true }]));
    }

    [Theory]
    [MemberData(nameof(ListPathQueries))]
    public async Task Corpus_PathThroughList_OnSqlite_IsRefusedWithBdq0205AtThatPath(string query)
    {
        await using var db = databases.Border(Provider.Sqlite);
        var refused = await Assert.ThrowsAsync<BdqException>(() => db.ExecuteBdqAsync(query));
        var parts = Bound(query).Select.Where(p => p.IsListHop).Select(p => p.Text);
        Assert.Equal(parts, refused.Diagnostics.Select(d => query.Substring(d.Span.Start, d.Span.Length)));
        Assert.All(refused.Diagnostics, d => Assert.Equal(BdqDiagnostics.NotTranslatable, d.Code));
        Assert.All(refused.Diagnostics, d => Assert.Contains("a path through a list needs a lateral join", d.Message, System.StringComparison.Ordinal));
    }

    private static BorderDomain.Query.Semantics.BoundQuery Bound(string query) =>
        Bdq.TryCompile(query, BorderStore.Default.Schema, null, out var bound, out _) ? bound! : throw new System.ArgumentException(query);

    private static bool ProjectsThroughList(string query) =>
        Bdq.TryCompile(query, BorderStore.Default.Schema, null, out var bound, out _) && bound!.Select.Any(p => p.IsListHop);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corpus_Query_OneStatementWithTheInMemoryAnswer(Provider provider, string query)
    {
        var expected = Bdq.Execute(BorderStore.Default, query);
        await using var db = databases.Border(provider);
        var (actual, commands) = await databases.Sql.RecordAsync(() => db.ExecuteBdqAsync(query));

        Assert.Equal(ResultText.Lines(expected), ResultText.Lines(actual));
        Assert.Single(commands);
    }
}
