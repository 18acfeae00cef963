using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Query.Language;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// What every accord scenario starts from: the synthetic store of <see cref="N"/> records (built once per process),
/// its accords table, and the same accords in a <see cref="List{T}"/> for the LINQ baseline, in row order.
/// </summary>
public abstract class AccordScenario
{
    /// <summary>
    /// Options under which a run-time query without <c>take</c> answers every match (<see cref="BdqOptions.MaxRows"/>
    /// raised past any store's size), so a whole-answer benchmark returns what its baseline returns at every N.
    /// </summary>
    public static BdqOptions WholeAnswer { get; } = new() { MaxRows = int.MaxValue };

    /// <summary>The sizes this scenario runs at (see <see cref="BenchmarkSizes"/>).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values();

    /// <summary>Accords, statistics and agencies in the store (each).</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; } = 1_000;

    /// <summary>The store.</summary>
    protected BorderStore Store { get; private set; } = BorderStore.Empty;

    /// <summary>The store's accords table.</summary>
    protected EntityTable<Accord> Table { get; private set; } = BorderStore.Empty.Accords;

    /// <summary>The accords as a plain list, in row order: what the LINQ baselines scan.</summary>
    protected List<Accord> Accords { get; private set; } = [];

    /// <summary>Builds (or reuses) the store and the list, then the scenario's own state.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Store = SyntheticData.SharedStore(N);
        Table = Store.Accords;
        Accords = new List<Accord>(Table);
        SetUpScenario();
    }

    /// <summary>The scenario's own state: indexes, boxed keys.</summary>
    protected virtual void SetUpScenario()
    {
    }

    /// <summary>The position of an accord field in the schema.</summary>
    protected int Field(string name)
    {
        var field = Table.Schema.IndexOfField(name);
        return field >= 0 ? field : throw new ArgumentException($"accords has no field '{name}'.", nameof(name));
    }

    /// <summary>The posting index of an accord field.</summary>
    protected PostingIndex Postings(string name) =>
        Table.GetPostingIndex(Field(name)) ?? throw new ArgumentException($"accords.{name} has no posting index.", nameof(name));
}
