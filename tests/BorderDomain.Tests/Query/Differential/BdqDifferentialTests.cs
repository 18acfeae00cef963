using System;
using BorderDomain.Storage;
using FsCheck;
using FsCheck.Fluent;
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

    [Fact]
    public void Accords_OnRandomStores_ExecutorQueryableAndNaiveLinqAgree() => OnRandomStores(Sets.Accords, g => g.Accords());

    [Fact]
    public void Statistics_OnRandomStores_ExecutorQueryableAndNaiveLinqAgree() => OnRandomStores(Sets.Statistics, g => g.Statistics());

    [Fact]
    public void Agencies_OnRandomStores_ExecutorQueryableAndNaiveLinqAgree() => OnRandomStores(Sets.Agencies, g => g.Agencies());

    [Fact]
    public void AllSets_OnTheDefaultStore_ExecutorQueryableAndNaiveLinqAgree()
    {
        var store = BorderStore.Default;
        var spec = StoreSpec.From(store);
        var world = NaiveWorld.From(spec);
        var vocabulary = new Vocabulary(spec);
        var tally = new Tally();
        Prop.ForAll(Seeds, seed =>
            {
                var rng = new Random(seed);
                var generator = new QueryGenerator(rng, vocabulary);
                switch (rng.Next(3))
                {
                    case 0:
                        Check(Sets.Accords, world, store, generator.Accords(), $"BorderStore.Default, seed {seed}", tally);
                        break;
                    case 1:
                        Check(Sets.Statistics, world, store, generator.Statistics(), $"BorderStore.Default, seed {seed}", tally);
                        break;
                    default:
                        Check(Sets.Agencies, world, store, generator.Agencies(), $"BorderStore.Default, seed {seed}", tally);
                        break;
                }
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(DefaultStoreCases));

        AssertNotVacuous(tally, DefaultStoreCases);
    }

    private static Arbitrary<int> Seeds => Gen.Choose(0, 1_000_000_000).ToArbitrary();

    private static void OnRandomStores<T>(SetInfo<T> set, Func<QueryGenerator, QueryCase<T>> generate)
        where T : class
    {
        var tally = new Tally();
        Prop.ForAll(Seeds, seed =>
            {
                var rng = new Random(seed);
                var spec = RandomStores.Create(rng);
                var store = spec.Build();
                var world = NaiveWorld.From(spec);
                var generator = new QueryGenerator(rng, new Vocabulary(spec));
                for (var i = 0; i < QueriesPerStore; i++)
                {
                    Check(set, world, store, generate(generator), $"random store, seed {seed}, query {i}", tally);
                }
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(StoresPerSet));

        AssertNotVacuous(tally, StoresPerSet * QueriesPerStore);
    }

    private static void Check<T>(SetInfo<T> set, NaiveWorld world, BorderStore store, QueryCase<T> query, string origin, Tally tally)
        where T : class
    {
        tally.Cases++;
        tally.Ordered += query.Order.Count > 0 ? 1 : 0;
        tally.WithParameters += query.Parameters.Count > 0 ? 1 : 0;
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
            $"smallest store found ({small.Accords.Length} accords, {small.Statistics.Length} statistics, {small.Agencies.Length} agencies):{Environment.NewLine}" +
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
