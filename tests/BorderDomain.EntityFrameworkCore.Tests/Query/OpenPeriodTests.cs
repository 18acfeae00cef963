using System.Linq;
using System.Threading.Tasks;
using BorderDomain.EntityFrameworkCore.Query;
using BorderDomain.EntityFrameworkCore.Tests.Infrastructure;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.EntityFrameworkCore.Tests.Query;

/// <summary>
/// Statistics with open periods (<c>..2012-01-26</c>, <c>2022-10..</c>) stored through <c>PeriodConverter</c> and its
/// day columns: on PostgreSQL and SQLite every date comparison and the order by period give the in-memory answer.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class OpenPeriodTests(DatabaseFixture databases)
{
    private static readonly string?[] Periods =
        ["..2012-01-26", "2022-10..", "2012-01", "2011..2013", "..2030", "2012..", null, "2012-01-01", "..2011", "2013.."];

    private static readonly BorderStore Store = Build();

    public static TheoryData<Provider, string> Cases()
    {
        var data = new TheoryData<Provider, string>();
        string[] queries =
        [
            "statistics where period = 2012-01 order by id",
            "statistics where period != 2012 order by id",
            "statistics where period in (2012, 2022) order by id",
            "statistics where period < 2012-02 order by id",
            "statistics where period <= 2012-01-26 order by id",
            "statistics where period > 2012 order by id",
            "statistics where period >= 2012 order by id",
            "statistics where period between 2011 and 2013 order by id",
            "statistics where period is null order by id",
            "statistics order by period, id",
            "statistics order by period desc, id",
            "statistics where period <= 2030 order by period desc take 3",
            "statistics group by period count",
        ];
        foreach (var provider in new[] { Provider.Postgres, Provider.Sqlite })
        {
            foreach (var query in queries)
            {
                data.Add(provider, query);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OpenPeriods_Query_GivesTheInMemoryAnswer(Provider provider, string query)
    {
        var expected = Bdq.Execute(Store, query);
        await using var db = databases.Context<BorderDbContext>(provider, "open-periods", options => new BorderDbContext(options), context => context.SeedAsync(Store).GetAwaiter().GetResult());

        var actual = await db.ExecuteBdqAsync(query);

        Assert.Equal(ResultText.Lines(expected), ResultText.Lines(actual));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpenPeriods_ReadBack_AsTheSamePeriods(Provider provider)
    {
        await using var db = databases.Context<BorderDbContext>(provider, "open-periods", options => new BorderDbContext(options), context => context.SeedAsync(Store).GetAwaiter().GetResult());

        var read = db.Statistics.AsEnumerable().OrderBy(s => s.Id, System.StringComparer.Ordinal).Select(s => s.Period).ToList();

        Assert.Equal(Store.Statistics.OrderBy(s => s.Id, System.StringComparer.Ordinal).Select(s => s.Period), read);
        Assert.Contains(Period.Before(PartialDate.Parse("2012-01-26")), read.OfType<Period>());
        Assert.Contains(Period.After(PartialDate.Parse("2022-10")), read.OfType<Period>());
    }

    private static BorderStore Build()
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.Add(new Source { Id = "src", Kind = SourceKind.NewsSite });
        builder.Statistics.AddRange(Periods.Select((p, i) => new Statistic
        {
            Id = $"s-{i}",
            Metric = Metric.IllegalCrossings,
            Value = i,
            Unit = Unit.Parse("people"),
            Period = p is null ? null : Period.Parse(p),
            Source = "src",
        }));
        return builder.Build();
    }
}
