using System;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query.Differential;

/// <summary>
/// The differential property of BDQ: for random stores and random well-typed queries, the in-memory executor
/// (<c>Bdq.Execute</c>), the IQueryable path (<c>BdqQueryable.Apply</c>) and a naive LINQ reading of the query written
/// in the test return the same records in the same order (or the same count).
/// </summary>
public sealed class BdqDifferentialTests
{
    private const int StoresPerSet = 120;
    private const int QueriesPerStore = 4;
    private const int DefaultStoreCases = 400;

    private static readonly Lazy<(BorderStore Store, NaiveWorld World, Vocabulary Vocabulary)> DefaultStore = new(() =>
    {
        var store = BorderStore.Default;
        var spec = StoreSpec.From(store);
        return (store, NaiveWorld.From(spec), new Vocabulary(spec));
    });

    [BdqProperty(MaxTest = StoresPerSet)]
    public void Accords_OnRandomStores_ExecutorQueryableAndNaiveLinqAgree(StoreSeed seed) => OnRandomStore(Sets.Accords, g => g.Accords(), seed.Seed, new Tally());

    [BdqProperty(MaxTest = StoresPerSet)]
    public void Statistics_OnRandomStores_ExecutorQueryableAndNaiveLinqAgree(StoreSeed seed) => OnRandomStore(Sets.Statistics, g => g.Statistics(), seed.Seed, new Tally());

    [BdqProperty(MaxTest = StoresPerSet)]
    public void Agencies_OnRandomStores_ExecutorQueryableAndNaiveLinqAgree(StoreSeed seed) => OnRandomStore(Sets.Agencies, g => g.Agencies(), seed.Seed, new Tally());

    [BdqProperty(MaxTest = StoresPerSet)]
    public void Events_OnRandomStores_ExecutorQueryableAndNaiveLinqAgree(StoreSeed seed) => OnRandomStore(Sets.Events, g => g.Events(), seed.Seed, new Tally());

    [BdqProperty(MaxTest = DefaultStoreCases)]
    public void AllSets_OnTheDefaultStore_ExecutorQueryableAndNaiveLinqAgree(StoreSeed seed) => OnDefaultStore(seed.Seed, new Tally());

    /// <summary>
    /// Guards the properties above: on as many stores and queries as they run, drawn from fixed seeds, enough queries
    /// match something (by the naive reading), are ordered and have parameters. A property sees one case at a time,
    /// so it cannot count them itself.
    /// </summary>
    [Fact]
    public void QueryGenerator_FixedSeeds_AsksQueriesThatAreNotVacuous()
    {
        var accords = new Tally();
        var statistics = new Tally();
        var agencies = new Tally();
        var events = new Tally();
        var defaultStore = new Tally();
        for (var seed = 0; seed < StoresPerSet; seed++)
        {
            OnRandomStore(Sets.Accords, g => g.Accords(), seed, accords, compare: false);
            OnRandomStore(Sets.Statistics, g => g.Statistics(), seed, statistics, compare: false);
            OnRandomStore(Sets.Agencies, g => g.Agencies(), seed, agencies, compare: false);
            OnRandomStore(Sets.Events, g => g.Events(), seed, events, compare: false);
        }

        for (var seed = 0; seed < DefaultStoreCases; seed++)
        {
            OnDefaultStore(seed, defaultStore, compare: false);
        }

        AssertNotVacuous(accords, StoresPerSet * QueriesPerStore);
        AssertNotVacuous(statistics, StoresPerSet * QueriesPerStore);
        AssertNotVacuous(agencies, StoresPerSet * QueriesPerStore);
        AssertNotVacuous(events, StoresPerSet * QueriesPerStore);
        AssertNotVacuous(defaultStore, DefaultStoreCases);
    }

    private static void OnDefaultStore(int seed, Tally tally, bool compare = true)
    {
        var (store, world, vocabulary) = DefaultStore.Value;
        var rng = new Random(seed);
        var generator = new QueryGenerator(rng, vocabulary);
        switch (rng.Next(3))
        {
            case 0:
                Check(Sets.Accords, world, store, generator.Accords(), $"BorderStore.Default, seed {seed}", tally, compare);
                break;
            case 1:
                Check(Sets.Statistics, world, store, generator.Statistics(), $"BorderStore.Default, seed {seed}", tally, compare);
                break;
            default:
                Check(Sets.Agencies, world, store, generator.Agencies(), $"BorderStore.Default, seed {seed}", tally, compare);
                break;
        }
    }

    private static void OnRandomStore<T>(SetInfo<T> set, Func<QueryGenerator, QueryCase<T>> generate, int seed, Tally tally, bool compare = true)
        where T : class
    {
        var rng = new Random(seed);
        var spec = RandomStores.Create(rng);
        var store = spec.Build();
        var world = NaiveWorld.From(spec);
        var generator = new QueryGenerator(rng, new Vocabulary(spec));
        for (var i = 0; i < QueriesPerStore; i++)
        {
            Check(set, world, store, generate(generator), $"random store, seed {seed}, query {i}", tally, compare);
        }
    }

    private static void Check<T>(SetInfo<T> set, NaiveWorld world, BorderStore store, QueryCase<T> query, string origin, Tally tally, bool compare)
        where T : class
    {
        tally.Cases++;
        tally.Ordered += query.Order.Count > 0 ? 1 : 0;
        tally.WithParameters += query.Parameters.Count > 0 ? 1 : 0;
        if (!compare)
        {
            tally.NonEmpty += query.Evaluate(world, set.Rows(world.Spec), set.Id).Count > 0 ? 1 : 0;
            return;
        }

        if (DifferentialCheck.Mismatch(set, world, store, query, out var expected) is null)
        {
            tally.NonEmpty += expected.Count > 0 ? 1 : 0;
            return;
        }

        var small = DifferentialCheck.Shrink(set, world.Spec, query);
        var problem = DifferentialCheck.Mismatch(set, NaiveWorld.From(small), small.Build(), query, out _);
        Assert.Fail(
            $"BDQ answers differ ({origin}).{Environment.NewLine}" +
            $"query: {query}{Environment.NewLine}" +
            $"{problem}{Environment.NewLine}" +
            $"smallest store found ({small.Accords.Length} accords, {small.Statistics.Length} statistics, {small.Agencies.Length} agencies, {small.Events.Length} events):{Environment.NewLine}" +
            small.Describe());
    }

    private static void AssertNotVacuous(Tally tally, int cases)
    {
        Assert.Equal(cases, tally.Cases);
        Assert.True(tally.NonEmpty * 4 >= tally.Cases, $"only {tally.NonEmpty} of {tally.Cases} queries matched anything");
        Assert.True(tally.Ordered * 5 >= tally.Cases, $"only {tally.Ordered} of {tally.Cases} queries were ordered");
        Assert.True(tally.WithParameters * 20 >= tally.Cases, $"only {tally.WithParameters} of {tally.Cases} queries had parameters");
    }
}
