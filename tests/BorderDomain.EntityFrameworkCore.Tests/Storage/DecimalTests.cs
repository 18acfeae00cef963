using System.Globalization;
using System.Linq;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.EntityFrameworkCore.Tests.Model;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// Decimals compare, order and sum exactly on both databases, as in memory. PostgreSQL stores numeric. On SQLite, which
/// has no decimal type, EF Core 10 stores the canonical text (<c>0.0###…</c>: equal numbers, equal text) and runs
/// comparisons, ORDER BY and aggregates through its own functions over System.Decimal (<c>ef_compare</c>, the
/// <c>EF_DECIMAL</c> collation, <c>ef_sum</c>), so nothing is rounded through a double. The cost: a range on a decimal
/// cannot use an index on SQLite. Trailing zeros (scale) are not kept on SQLite: 2.50 reads back as 2.5, an equal decimal.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DecimalTests(DatabaseFixture databases)
{
    private static readonly string[] Values =
    [
        "0.1", "0.10", "0.0000000000000000000000000001", "79228162514264337593543950335", "-79228162514264337593543950335",
        "2.5", "2.50", "10", "9.99999999999999999999", "-0.5", "0", "100", "7922816251426433759354395033.5", "1e-27",
    ];

    private static readonly Measure[] Records = Values.Select((v, i) => new Measure
    {
        Id = $"m{i:D2}",
        Value = decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
    }).ToArray();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Comparisons_EveryConstant_MatchInMemory(Provider provider)
    {
        using var db = Seed(provider);
        foreach (var constant in Records.Select(r => r.Value).Append(0.099999999999999999999999999m).Append(2.5000000000000000000000001m))
        {
            Assert.Equal(Ids(Records.Where(r => r.Value >= constant)), Ids(db.Set<Measure>().Where(r => r.Value >= constant)));
            Assert.Equal(Ids(Records.Where(r => r.Value > constant)), Ids(db.Set<Measure>().Where(r => r.Value > constant)));
            Assert.Equal(Ids(Records.Where(r => r.Value < constant)), Ids(db.Set<Measure>().Where(r => r.Value < constant)));
            Assert.Equal(Ids(Records.Where(r => r.Value == constant)), Ids(db.Set<Measure>().Where(r => r.Value == constant)));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void OrderBy_Value_MatchesInMemoryOrder(Provider provider)
    {
        using var db = Seed(provider);
        var expected = Records.OrderBy(r => r.Value).ThenBy(r => r.Id, System.StringComparer.Ordinal).Select(r => r.Id).ToList();
        Assert.Equal(expected, db.Set<Measure>().OrderBy(r => r.Value).ThenBy(r => r.Id).Select(r => r.Id).ToList());
        var descending = Records.OrderByDescending(r => r.Value).ThenBy(r => r.Id, System.StringComparer.Ordinal).Select(r => r.Id).ToList();
        Assert.Equal(descending, db.Set<Measure>().OrderByDescending(r => r.Value).ThenBy(r => r.Id).Select(r => r.Id).ToList());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Aggregates_SumsThatFitADecimal_AreExact(Provider provider)
    {
        // PostgreSQL sums numeric exactly, with any number of digits: a sum with more than a decimal's 28-29
        // significant digits (1e-28 + 100) cannot be read back (Npgsql throws OverflowException) where .NET rounds.
        using var db = Seed(provider);
        var fits = Records.Where(r => r.Value < 1000m && r.Value > -1000m && (r.Value >= 0.1m || r.Value <= 0m)).ToList();
        var rows = db.Set<Measure>().Where(r => r.Value < 1000m && r.Value > -1000m && (r.Value >= 0.1m || r.Value <= 0m));
        Assert.Equal(9, fits.Count);
        Assert.Equal(fits.Sum(r => r.Value), rows.Sum(r => r.Value));
        Assert.Equal(fits.Max(r => r.Value), rows.Max(r => r.Value));
        Assert.Equal(fits.Min(r => r.Value), rows.Min(r => r.Value));
    }

    private static string[] Ids(System.Collections.Generic.IEnumerable<Measure> rows) =>
        rows.Select(r => r.Id).Order(System.StringComparer.Ordinal).ToArray();

    private static string[] Ids(IQueryable<Measure> rows) =>
        rows.Select(r => r.Id).ToList().Order(System.StringComparer.Ordinal).ToArray();

    private MeasureContext Seed(Provider provider) => databases.Context<MeasureContext>(provider, "decimals", options => new MeasureContext(options), db =>
    {
        db.AddRange(Records);
        db.SaveChanges();
    });
}
