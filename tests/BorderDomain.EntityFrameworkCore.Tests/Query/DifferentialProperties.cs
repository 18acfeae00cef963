using System;
using System.Linq;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.EntityFrameworkCore.Tests.Model;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Query;

/// <summary>
/// Random stations and random well-typed queries: on PostgreSQL and on SQLite the answer (one SQL command) equals the
/// in-memory engine's over the same records, order included. FsCheck draws the seed; a failure names it.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DifferentialProperties(DatabaseFixture databases)
{
    private const int QueriesPerDataset = 8;

    [Property(MaxTest = 15)]
    public void RandomQueries_OnPostgres_EqualInMemory(PositiveInt seed) => Check(Provider.Postgres, seed.Get);

    [Property(MaxTest = 15)]
    public void RandomQueries_OnSqlite_EqualInMemory(PositiveInt seed) => Check(Provider.Sqlite, seed.Get);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Stations_RoundTrip_EveryPropertyReadsBack(Provider provider)
    {
        var records = RandomStations.Records(new Random(7));
        using var db = Reseed(provider, records);
        var read = db.Set<Station>().AsNoTracking().ToDictionary(s => s.Id);
        foreach (var record in records)
        {
            Assert.Null(RecordComparer.Difference(record, read[record.Id]));
        }
    }

    private void Check(Provider provider, int seed)
    {
        var random = new Random(seed);
        var records = RandomStations.Records(random);
        var store = new QueryStore(new EntityTable<Station>(QuerySets.For<Station>(), records));
        using var db = Reseed(provider, records);
        for (var i = 0; i < QueriesPerDataset; i++)
        {
            var query = RandomStations.Query(random, QuerySets.For<Station>().Schema);
            var expected = Bdq.Execute(store, query);
            var commands = databases.Sql.Begin();
            try
            {
                var actual = db.ExecuteBdqAsync<Station>(query).GetAwaiter().GetResult();
                Assert.True(ResultText.Lines(expected).SequenceEqual(ResultText.Lines(actual)),
                    $"seed {seed}, {provider}: {query}\nexpected:\n{string.Join('\n', ResultText.Lines(expected))}\nactual:\n{string.Join('\n', ResultText.Lines(actual))}");
                Assert.True(commands.Count == 1, $"seed {seed}, {provider}: {query} ran {commands.Count} commands");
            }
            finally
            {
                databases.Sql.End();
            }
        }
    }

    private StationContext Reseed(Provider provider, System.Collections.Generic.List<Station> records)
    {
        var db = databases.Context<StationContext>(provider, "stations", options => new StationContext(options));
        db.Set<Station>().ExecuteDelete();
        db.AddRange(records);
        db.SaveChanges();
        db.ChangeTracker.Clear();
        return db;
    }
}
