using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.Query;
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
        select new object[] { provider, query };

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
