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
        where provider == Provider.Postgres || !NeedsLateralJoin(query)
        select new object[] { provider, query };

    // SQLite's provider has no lateral join, so 'group by' a list field, a path through a list of references and a
    // sub-query selecting a list are refused there (see the test below).
    public static IEnumerable<object[]> LateralQueries =>
        from query in StressCorpus.All.Distinct()
        where NeedsLateralJoin(query)
        select new object[] { query };

    [Theory]
    [MemberData(nameof(LateralQueries))]
    public async Task Corpus_ListGroupingOrListPath_OnSqlite_IsRefusedWithBdq0205AtThatPart(string query)
    {
        await using var db = databases.Border(Provider.Sqlite);
        var refused = await Assert.ThrowsAsync<BdqException>(() => db.ExecuteBdqAsync(query));
        Assert.True(Bdq.TryCompile(query, BorderStore.Default.Schema, null, out var bound, out _));
        var parts = (bound!.GroupBy?.Keys.Where(k => k.Field.IsCollection) ?? []).Concat(bound.Select.Where(p => p.IsListHop))
            .Concat(BorderDomain.Query.Semantics.BoundExpression.Predicates(bound.Filter).Select(p => p.Values is [BorderDomain.Query.Semantics.BoundSubquery { Selected: { Field.IsCollection: true } selected }] ? selected : null).OfType<BorderDomain.Query.Semantics.BoundPath>())
            .Select(p => p.Text);
        Assert.Equal(parts, refused.Diagnostics.Select(d => query.Substring(d.Span.Start, d.Span.Length)));
        Assert.All(refused.Diagnostics, d => Assert.Equal(BdqDiagnostics.NotTranslatable, d.Code));
        Assert.All(refused.Diagnostics, d => Assert.Contains("needs a lateral join", d.Message, System.StringComparison.Ordinal));
    }

    private static bool NeedsLateralJoin(string query) =>
        Bdq.TryCompile(query, BorderStore.Default.Schema, null, out var bound, out _)
        && (bound!.GroupBy?.Keys.Any(k => k.Field.IsCollection) == true || bound.Select.Any(p => p.IsListHop)
            || BorderDomain.Query.Semantics.BoundExpression.Predicates(bound.Filter).Any(p => p.Values is [BorderDomain.Query.Semantics.BoundSubquery { Selected.Field.IsCollection: true }]));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corpus_Query_OneStatementWithTheInMemoryAnswer(Provider provider, string query)
    {
        var expected = Bdq.Execute(BorderStore.Default, query);
        await using var db = databases.Border(provider);
        var commands = databases.Sql.Begin();
        BdqResult actual;
        try
        {
            actual = await db.ExecuteBdqAsync(query);
        }
        finally
        {
            databases.Sql.End();
        }

        Assert.Equal(ResultText.Lines(expected), ResultText.Lines(actual));
        Assert.Single(commands);
    }
}
