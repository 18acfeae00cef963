using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Query;

/// <summary>The package's usage example, as the README prints it (on SQLite, in a temporary folder).</summary>
public sealed class UsageExampleTests
{
    [Fact]
    public async Task UsageExample_BundledDataOnSqlite_AnswersAsInMemory()
    {
        var folder = Directory.CreateTempSubdirectory("bdq-usage-");
        try
        {
            var path = Path.Combine(folder.FullName, "border.db");
            const string query = "accords where parties has PER and title contains \"ecuador\" order by signed desc";

            // --- as in the README ---
            var options = new DbContextOptionsBuilder<BorderDbContext>().UseSqlite($"Data Source={path};Pooling=false").Options;
            await using var db = new BorderDbContext(options);
            await db.Database.EnsureCreatedAsync();
            await db.SeedAsync(BorderStore.Default);
            var result = await db.ExecuteBdqAsync(query);
            // ---

            var expected = Bdq.Execute(BorderStore.Default, query);
            Assert.NotEmpty(expected.Records);
            Assert.Equal(expected.Records.Cast<Accord>().Select(a => a.Id), result.Records.Cast<Accord>().Select(a => a.Id));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
