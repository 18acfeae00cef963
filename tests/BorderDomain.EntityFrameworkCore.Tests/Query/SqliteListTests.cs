using System;
using System.Threading.Tasks;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Query;

/// <summary>
/// SQLite has no lateral join; UseBdq makes EF Core's SQLite provider write a <c>SelectMany</c> over a list column as
/// <c>CROSS JOIN json_each(…)</c>, which SQLite runs, so the issue's list forms answer as in memory there.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class SqliteListTests(DatabaseFixture databases)
{
    [Theory]
    [InlineData("accords group by parties count")]
    [InlineData("events group by nations count")]
    [InlineData("agencies where id in (events where title contains \"Tumbes\" select agencies)")]
    public async Task ListForm_OnSqlite_IsOneStatementJoiningJsonEach_WithTheInMemoryAnswer(string query)
    {
        await using var db = databases.Border(Provider.Sqlite);
        var (actual, commands) = await databases.Sql.RecordAsync(() => db.ExecuteBdqAsync(query));

        Assert.Equal(ResultText.Lines(Bdq.Execute(BorderStore.Default, query)), ResultText.Lines(actual));
        var sql = Assert.Single(commands);
        Assert.Contains("CROSS JOIN json_each(", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("APPLY", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathThroughList_OnSqlite_IsBdq0205AtThePath()
    {
        const string query = "events where title contains \"Tumbes\" select id, agencies.name";
        await using var db = databases.Border(Provider.Sqlite);
        var refused = await Assert.ThrowsAsync<BdqException>(() => db.ExecuteBdqAsync(query));
        var diagnostic = Assert.Single(refused.Diagnostics);
        Assert.Equal(BdqDiagnostics.NotTranslatable, diagnostic.Code);
        Assert.Equal("agencies.name", query.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }

    // UseBdq before the provider has nothing to wrap yet: SQLite then refuses the list grouping with BDQ0205 at the list,
    // never with EF Core's exception at enumeration.
    [Fact]
    public async Task GroupByList_WhenUseBdqPrecedesUseSqlite_IsBdq0205AtTheList()
    {
        const string query = "accords group by parties count";
        await using (databases.Border(Provider.Sqlite))
        {
            // Seeds the shared SQLite database once; its file is read below through other options.
        }

        var options = new DbContextOptionsBuilder<BorderDbContext>().UseBdq().UseSqlite($"Data Source={databases.SqliteFile("border")};Pooling=false").Options;
        await using var db = new BorderDbContext(options);
        var refused = await Assert.ThrowsAsync<BdqException>(() => db.ExecuteBdqAsync(query));
        var diagnostic = Assert.Single(refused.Diagnostics);
        Assert.Equal(BdqDiagnostics.NotTranslatable, diagnostic.Code);
        Assert.Equal("parties", query.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.Contains("group by a list needs a lateral join", diagnostic.Message, StringComparison.Ordinal);
    }
}
