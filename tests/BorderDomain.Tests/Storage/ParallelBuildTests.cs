using System;
using System.Linq;
using BorderDomain.Benchmarks;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>
/// A large builder's tables are built on several cores (<see cref="BorderStoreBuilder.BuildTables"/>): the tables must
/// be the ones one core builds, in store order, and a failing build must throw what one core would throw.
/// </summary>
public sealed class ParallelBuildTests
{
    [Fact]
    public void BuildTables_OnSeveralCores_GivesTheTablesOfOneCore()
    {
        var builder = LargeBuilder();
        Assert.True(StoreSets.All.Sum(set => set.Count(builder)) >= BorderStoreBuilder.ParallelBuildRecords);

        var one = builder.BuildTables(1);
        var four = builder.BuildTables(4);

        Assert.Equal(one.Select(t => t.Schema.Name), four.Select(t => t.Schema.Name));
        for (var i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i].Count, four[i].Count);
            Assert.Equal(Rows(one[i]), Rows(four[i]));
            for (var field = 0; field < one[i].Schema.Fields.Count; field++)
            {
                if (one[i].GetPostingIndex(field) is { } postings)
                {
                    var other = four[i].GetPostingIndex(field)!;
                    Assert.Equal(postings.KeyCount, other.KeyCount);
                    Assert.Equal(postings.NullRows.ToArray(), other.NullRows.ToArray());
                    foreach (var key in postings.Keys)
                    {
                        Assert.Equal(postings.Lookup(key).ToArray(), other.Lookup(key).ToArray());
                    }
                }

                Assert.Equal(one[i].GetTextIndex(field)?.WordCount, four[i].GetTextIndex(field)?.WordCount);
                Assert.Equal(one[i].GetDateIndex(field) is null, four[i].GetDateIndex(field) is null);
            }
        }
    }

    [Fact]
    public void BuildTables_TwoSetsFailOnSeveralCores_ThrowsTheFirstSetsExceptionAsOneCoreDoes()
    {
        // BuildTables trusts the validator; records it never saw (a repeated key) make the tables' builds throw.
        var builder = LargeBuilder();
        builder.Agencies.Add(builder.Agencies[0]);
        builder.Accords.Add(builder.Accords[0]);

        var one = Assert.ThrowsAny<Exception>(() => builder.BuildTables(1));
        var four = Assert.ThrowsAny<Exception>(() => builder.BuildTables(4));

        Assert.Equal(one.GetType(), four.GetType());
        Assert.Equal(one.Message, four.Message);
        Assert.Contains(builder.Agencies[0].Id, four.Message, StringComparison.OrdinalIgnoreCase); // agencies come before accords
    }

    private static object[] Rows(IEntityTable table) =>
        Enumerable.Range(0, table.Count).Select(row => table.GetValue(row, 0)!).ToArray();

    private static BorderStoreBuilder LargeBuilder()
    {
        var builder = SyntheticData.Create(8_000).ToBuilder();
        builder.DeriveComputed();
        return builder;
    }
}
