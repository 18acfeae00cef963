using System;
using System.Linq;
using BorderDomain.Benchmarks;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// A load of one file builds the table of each large set read without errors while it reads the rest of the file
/// (<see cref="BorderStoreBuilder.EarlyTable"/>). The store must be the one built after reading, and a rejected file must
/// report what it reported before, with nothing else thrown.
/// </summary>
public sealed class EarlyTableTests
{
    private const int Size = 12_000; // agencies, accords and statistics: each set past the early-build size

    [Fact]
    public void Load_OneLargeFile_GivesTheStoreOfTheSameRecordsReadFromTwoFiles()
    {
        // Two files: no table is built early. The second holds the statistics, so its sets are read after the first's.
        var data = SyntheticData.Create(Size);
        using var files = new DataFiles();
        var whole = files.WriteBytes("whole.json", DatasetWriter.Write(Builder(data, statistics: true, rest: true)));
        var first = files.WriteBytes("first.json", DatasetWriter.Write(Builder(data, statistics: false, rest: true)));
        var second = files.WriteBytes("second.json", DatasetWriter.Write(Builder(data, statistics: true, rest: false)));

        var one = BorderDataset.Load(BorderStore.Empty, whole);
        var two = BorderDataset.Load(BorderStore.Empty, first, second);

        Assert.Equal(DatasetWriter.Write(two), DatasetWriter.Write(one));
        Assert.Equal(two.Statistics.Select(s => s.Disputed), one.Statistics.Select(s => s.Disputed));
        for (var set = 0; set < one.Tables.Count; set++)
        {
            var (a, b) = (one.Tables[set], two.Tables[set]);
            Assert.Equal(b.Count, a.Count);
            for (var field = 0; field < a.Schema.Fields.Count; field++)
            {
                if (b.GetPostingIndex(field) is { } postings)
                {
                    var other = a.GetPostingIndex(field)!;
                    Assert.Equal(postings.KeyCount, other.KeyCount);
                    Assert.Equal(postings.NullRows.ToArray(), other.NullRows.ToArray());
                    foreach (var key in postings.Keys)
                    {
                        Assert.Equal(postings.Lookup(key).ToArray(), other.Lookup(key).ToArray());
                    }
                }

                Assert.Equal(b.GetTextIndex(field)?.WordCount, a.GetTextIndex(field)?.WordCount);
                Assert.Equal(b.GetDateIndex(field) is null, a.GetDateIndex(field) is null);
            }
        }
    }

    [Fact]
    public void Load_LargeFileWithErrorsAfterItsLargeSets_ReportsThemAndLeavesTheStore()
    {
        // The agencies' and accords' tables are started before the statistics are read; the load is rejected anyway.
        var data = SyntheticData.Create(Size);
        var builder = Builder(data, statistics: true, rest: true);
        builder.Accords[100] = builder.Accords[100] with { BuildsOn = ["no-such-accord"] };
        builder.Statistics[^1] = builder.Statistics[^1] with { Source = "no-such-source" };
        using var files = new DataFiles();
        var path = files.WriteBytes("bad.json", DatasetWriter.Write(builder));
        var store = BorderStore.Empty;

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(store, path));

        Assert.Equal(
            [
                (DataErrorKind.DanglingReference, "$.accords[100].buildsOn[0]"),
                (DataErrorKind.DanglingReference, $"$.statistics[{Size - 1}].source"),
            ],
            error.Errors.Select(e => (e.Kind, e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal));
        Assert.Equal(0, store.Accords.Count + store.Agencies.Count + store.Statistics.Count);
    }

    [Fact]
    public void Load_LargeSetWithARepeatedKey_ReportsItAsTheChecksDo()
    {
        // The early build of the agencies throws on the repeated key; the load reports the checks' error, nothing else.
        var data = SyntheticData.Create(Size);
        var builder = Builder(data, statistics: true, rest: true);
        builder.Agencies[^1] = builder.Agencies[^1] with { Id = builder.Agencies[0].Id };
        using var files = new DataFiles();
        var path = files.WriteBytes("repeated.json", DatasetWriter.Write(builder));

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Empty, path));

        // The agency whose id was replaced is gone, so what cited it dangles: the checks' errors, and no exception of the build.
        Assert.Contains((DataErrorKind.DuplicateId, $"$.agencies[{Size - 1}].id"), error.Errors.Select(e => (e.Kind, e.Path)));
        Assert.All(error.Errors, e => Assert.True(e.Kind is DataErrorKind.DuplicateId or DataErrorKind.DanglingReference, e.Message));
    }

    private static BorderStoreBuilder Builder(SyntheticData data, bool statistics, bool rest)
    {
        var builder = new BorderStoreBuilder();
        if (rest)
        {
            builder.Sources.AddRange(data.Sources);
            builder.Nations.AddRange(data.Nations);
            builder.Agencies.AddRange(data.Agencies);
            builder.Places.AddRange(data.PlaceRecords);
            builder.Accords.AddRange(data.Accords);
        }

        if (statistics)
        {
            builder.Statistics.AddRange(data.Statistics);
        }

        return builder;
    }
}
