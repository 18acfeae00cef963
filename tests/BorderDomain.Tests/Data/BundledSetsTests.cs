using System;
using System.Linq;
using BorderDomain.Data;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Data;

/// <summary>The one list of the store's sets, and the data file's entries on it, are what the store, its builder and the data file reader use.</summary>
public sealed class BundledSetsTests
{
    [Fact]
    public void All_IsTheStoresTables_InOrder_EachNamedAsItsRecordTypesQuerySet()
    {
        var store = BorderStore.Default;

        Assert.Equal(BundledSets.All.Select(set => set.Name), store.Tables.Select(table => table.Schema.Name));
        Assert.Equal(Enumerable.Range(0, BundledSets.All.Length), BundledSets.All.Select(set => set.Index));
        Assert.All(BundledSets.All, set => Assert.Equal("$." + set.Name, set.Path));
        Assert.All(BundledSets.All, set => Assert.Same(set, BundledSets.Find(set.Name)));
        Assert.Null(BundledSets.Find("Accords"));
    }

    [Fact]
    public void All_ExtendsTheStoreSets_OneToOne_InTheirOrder()
    {
        Assert.Equal(StoreSets.All, BundledSets.All.Select(set => set.Store));
        Assert.Equal(Enumerable.Range(0, StoreSets.All.Length), StoreSets.All.Select(set => set.Index));
        Assert.Equal(StoreSets.All.Select(set => set.Name), BorderStore.Empty.Tables.Select(table => table.Schema.Name));
    }

    [Fact]
    public void DataHooks_AreSetToTheDataLayersBuildAndLoad_BeforeAnyStoreIsUsed()
    {
        // The module initializer fills them in; the store's public API reaches the data layer only through them.
        Assert.Equal<Func<BorderStoreBuilder, BorderStore>?>(DatasetValidator.BuildChecked, DataHooks.BuildChecked);
        Assert.Equal<Func<BorderStore>?>(BorderDataset.LoadBundled, DataHooks.LoadBundled);
    }

    [Fact]
    public void ToBuilder_CopiesEverySet_AndBuildGivesTheSameCounts()
    {
        var store = BorderStore.Default;

        var copy = store.ToBuilder().Build();

        Assert.Equal(store.Tables.Select(table => table.Count), copy.Tables.Select(table => table.Count));
        Assert.All(
            store.Tables,
            table => Assert.True(table.Count > 0, table.Schema.Name));
    }

    [Fact]
    public void ComputedSets_AreNeitherCopiedNorWritten_AndAreRebuiltFromEventsAndPeople()
    {
        var store = BorderStore.Default;
        var computed = StoreSets.All.Where(set => set.Computed).Select(set => set.Name).ToArray();

        var builder = store.ToBuilder();

        Assert.Equal(["participants", "affiliations"], computed);
        Assert.Empty(builder.Participants);
        Assert.Empty(builder.Affiliations);
        var text = System.Text.Encoding.UTF8.GetString(DatasetWriter.Write(builder));
        Assert.DoesNotContain("\"affiliations\"", text, StringComparison.Ordinal);
        var rebuilt = builder.Build();
        Assert.Equal(store.Participants.Select(p => p), rebuilt.Participants.Select(p => p));
        Assert.Equal(store.Affiliations.Select(p => p), rebuilt.Affiliations.Select(p => p));
        Assert.Equal(store.Events.Sum(e => e.Participants.Length), rebuilt.Participants.Count);
        Assert.Equal(store.People.Sum(p => p.Roles.Length), rebuilt.Affiliations.Count);
        Assert.True(rebuilt.Participants.Count > 0);
    }
}
