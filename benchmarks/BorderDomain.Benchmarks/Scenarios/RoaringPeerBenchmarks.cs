using System;
using System.Linq;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BorderDomain.CompilerServices;
using BorderDomain.Model;
using BorderDomain.Storage;
using Roaring.Net.CRoaring;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// The store's dense postings (<see cref="PostingList"/> and its bitmaps, written for the library) against CRoaring, the
/// C library of Roaring bitmaps, through its .NET wrapper Roaring.Net: the same posting lists and the same answers,
/// for the set operations the store's plans make. This is the measurement behind writing the dense form rather than
/// taking that dependency (benchmarks/README, session 15). Each method returns the rows (ascending, or in the date
/// index's order for the walk) or, for <see cref="SetOperation.UnionCount"/>, their number.
/// </summary>
[MemoryDiagnoser]
public class RoaringPeerBenchmarks : AccordScenario
{
    private static readonly object PeruKey = NationCode.Peru;
    private static readonly object EcuadorKey = NationCode.Ecuador;

    private int[][] _andLists = [];
    private int[][] _topicLists = [];
    private int[] _peruAndEcuador = [];
    private int[] _dateOrder = [];
    private Roaring32Bitmap[] _roaringAnd = [];
    private Roaring32Bitmap[] _roaringTopics = [];
    private Roaring32Bitmap? _roaringPeruAndEcuador;

    /// <summary>A set operation of the store's plans.</summary>
    public enum SetOperation
    {
        /// <summary><c>parties has BOL and kind = Treaty and status = Planned</c>: three posting lists intersected (about 0.06 %).</summary>
        AndOfThree,

        /// <summary><c>topics has any (IllegalMining, FuelSmuggling)</c>: two posting lists' union, as rows.</summary>
        Union,

        /// <summary>The same union's count: no rows read out.</summary>
        UnionCount,

        /// <summary>
        /// The membership test of a filtered walk: every row of the date index, in its order, tested against the rows of
        /// <c>parties has PER and parties has ECU</c> (about 12 %), the members kept.
        /// </summary>
        MembershipWalk,
    }

    /// <summary>The operation measured.</summary>
    [Params(SetOperation.AndOfThree, SetOperation.Union, SetOperation.UnionCount, SetOperation.MembershipWalk)]
    public SetOperation Operation { get; set; }

    /// <summary>Each accord's fields tested, with no index.</summary>
    [Benchmark(Baseline = true)]
    public object Linq()
    {
        var accords = Accords;
        return Operation switch
        {
            SetOperation.AndOfThree => Enumerable.Range(0, accords.Count)
                .Where(row => accords[row] is { Kind: AccordKind.Treaty, Status: AccordStatus.Planned } accord && accord.Parties.Contains(SelectiveAndBenchmarks.Bolivia))
                .ToArray(),
            SetOperation.Union => Enumerable.Range(0, accords.Count).Where(row => HasTopic(accords[row])).ToArray(),
            SetOperation.UnionCount => accords.Count(HasTopic),
            _ => _dateOrder.Where(row => accords[row].Parties.Contains(NationCode.Peru) && accords[row].Parties.Contains(NationCode.Ecuador)).ToArray(),
        };
    }

    /// <summary>
    /// The store's own calls: <see cref="IndexQueries.Intersect(int[], int[], int[])"/> (what generated code calls),
    /// the executor's union of bitmaps and its count (the union's bitmap reused from the last call), and a walk testing one bit
    /// per row.
    /// </summary>
    [Benchmark]
    public object PostingLists() => Operation switch
    {
        SetOperation.AndOfThree => IndexQueries.Intersect(_andLists[0], _andLists[1], _andLists[2]),
        SetOperation.Union => PostingList.UnionAll(_topicLists),
        SetOperation.UnionCount => RowSet.Union(_topicLists).TakeCount(),
        _ => Walk(RowBitmap.Of(_peruAndEcuador) ?? RowBitmap.Mark(_peruAndEcuador, Table.Count)),
    };

    /// <summary>The same posting lists as plain sorted arrays, no dense form: merges, gallops and binary searches.</summary>
    [Benchmark]
    public object SortedArrays()
    {
        switch (Operation)
        {
            case SetOperation.AndOfThree:
                return SelectiveAndBenchmarks.IntersectSmallestFirst(_andLists[0], _andLists[1], _andLists[2]);
            case SetOperation.Union:
                return PostingList.Union(_topicLists[0], _topicLists[1]);
            case SetOperation.UnionCount:
                return PostingList.Union(_topicLists[0], _topicLists[1]).Length;
            default:
                var members = _peruAndEcuador;
                return _dateOrder.Where(row => Array.BinarySearch(members, row) >= 0).ToArray();
        }
    }

    /// <summary>
    /// CRoaring's calls on bitmaps made from the same lists (run-optimised): <c>And</c> then <c>IAnd</c>, <c>Or</c>,
    /// <c>OrCount</c>, and <c>ContainsBulk</c> (its fastest membership test for many queries), each answer copied out
    /// into an array of rows.
    /// </summary>
    [Benchmark]
    public object Roaring()
    {
        switch (Operation)
        {
            case SetOperation.AndOfThree:
                using (var both = _roaringAnd[0].And(_roaringAnd[1]))
                {
                    both.IAnd(_roaringAnd[2]);
                    return Rows(both);
                }

            case SetOperation.Union:
                using (var either = _roaringTopics[0].Or(_roaringTopics[1]))
                {
                    return Rows(either);
                }

            case SetOperation.UnionCount:
                return checked((int)_roaringTopics[0].OrCount(_roaringTopics[1]));
            default:
                var members = _roaringPeruAndEcuador!;
                var context = BulkContext.For(members);
                var kept = new int[_peruAndEcuador.Length];
                var count = 0;
                foreach (var row in _dateOrder)
                {
                    if (members.ContainsBulk(context, (uint)row))
                    {
                        kept[count++] = row;
                    }
                }

                return count == kept.Length ? kept : kept[..count];
        }
    }

    /// <summary>Frees the native bitmaps.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var bitmap in _roaringAnd.Concat(_roaringTopics))
        {
            bitmap.Dispose();
        }

        _roaringPeruAndEcuador?.Dispose();
    }

    protected override void SetUpScenario()
    {
        var parties = Postings("parties");
        _andLists = [parties.LookupArray(SelectiveAndBenchmarks.BoliviaKey), Postings("kind").LookupArray(SelectiveAndBenchmarks.TreatyKey), Postings("status").LookupArray(SelectiveAndBenchmarks.PlannedKey)];
        var topics = Postings("topics");
        _topicLists = [topics.LookupArray(Topic.IllegalMining), topics.LookupArray(Topic.FuelSmuggling)];
        _peruAndEcuador = PostingList.Intersect(parties.LookupArray(PeruKey), parties.LookupArray(EcuadorKey));
        _dateOrder = Table.GetDateIndex(Field("signed"))!.ByStart.RowsInKeyOrder.ToArray();
        _roaringAnd = _andLists.Select(ToRoaring).ToArray();
        _roaringTopics = _topicLists.Select(ToRoaring).ToArray();
        _roaringPeruAndEcuador = ToRoaring(_peruAndEcuador);
    }

    private static bool HasTopic(Accord accord) => accord.Topics.Contains(Topic.IllegalMining) || accord.Topics.Contains(Topic.FuelSmuggling);

    private static Roaring32Bitmap ToRoaring(int[] rows)
    {
        var bitmap = Roaring32Bitmap.FromValues(MemoryMarshal.Cast<int, uint>(rows.AsSpan()));
        bitmap.Optimize();
        bitmap.ShrinkToFit();
        return bitmap;
    }

    private static int[] Rows(Roaring32Bitmap bitmap)
    {
        var rows = new int[checked((int)bitmap.Count)];
        bitmap.CopyTo(MemoryMarshal.Cast<int, uint>(rows.AsSpan()));
        return rows;
    }

    private int[] Walk(ulong[] members)
    {
        var kept = new int[_peruAndEcuador.Length];
        var count = 0;
        foreach (var row in _dateOrder)
        {
            if (RowBitmap.Contains(members, row))
            {
                kept[count++] = row;
            }
        }

        return count == kept.Length ? kept : kept[..count];
    }
}
