using System.Collections.Generic;
using System.Linq;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Storage;

[Collection(DatabaseCollection.Name)]
public sealed class BorderDbContextTests(DatabaseFixture databases)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void SeedAsync_BundledDataset_EveryRecordReadsBackEqual(Provider provider)
    {
        using var db = databases.Border(provider);
        var store = BorderStore.Default;
        AssertSame(store.Sources, db.Sources.AsNoTracking().ToList(), s => s.Id);
        AssertSame(store.Nations, db.Nations.AsNoTracking().ToList(), n => n.Code.Alpha3);
        AssertSame(store.Agencies, db.Agencies.AsNoTracking().ToList(), a => a.Id);
        AssertSame(store.People, db.People.AsNoTracking().ToList(), p => p.Id);
        AssertSame(store.Accords, db.Accords.AsNoTracking().ToList(), a => a.Id);
        AssertSame(store.Statistics, db.Statistics.AsNoTracking().ToList(), s => s.Id);
        AssertSame(store.Events, db.Events.AsNoTracking().ToList(), e => e.Id);
        AssertSame(store.Places, db.Places.AsNoTracking().ToList(), p => p.Id);
        AssertSame(store.Participants, db.Participants.AsNoTracking().ToList(), p => p.Id);
        AssertSame(store.Affiliations, db.Affiliations.AsNoTracking().ToList(), a => a.Id);
        AssertSame(store.Organizations, db.Organizations.AsNoTracking().ToList(), o => o.Id, mayBeEmpty: true);
        AssertSame(store.Statements, db.Statements.AsNoTracking().ToList(), s => s.Id, mayBeEmpty: true);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void SeedAsync_BundledDataset_TrackedQueriesReadTheArraysToo(Provider provider)
    {
        using var db = databases.Border(provider);
        var accord = db.Accords.Single(a => a.Id == "pe-ec-1998-peace");
        var expected = BorderStore.Default.Accords.Find("pe-ec-1998-peace")!;
        Assert.Null(RecordComparer.Difference(expected, accord));
        Assert.NotEmpty(accord.Parties);
    }

    // mayBeEmpty: a set the bundled data does not fill yet (organizations, statements); the count is compared all the same.
    private static void AssertSame<T>(IEnumerable<T> expected, List<T> actual, System.Func<T, string> key, bool mayBeEmpty = false)
        where T : class
    {
        var byKey = actual.ToDictionary(key);
        var want = expected.ToList();
        Assert.Equal(want.Count, actual.Count);
        if (!mayBeEmpty)
        {
            Assert.NotEmpty(want);
        }

        foreach (var record in want)
        {
            Assert.True(byKey.TryGetValue(key(record), out var read), $"{typeof(T).Name} {key(record)} is missing");
            Assert.Null(RecordComparer.Difference(record, read!));
        }
    }
}
