using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Tests.Storage;
using FsCheck;
using FsCheck.Fluent;

namespace BorderDomain.Tests;

/// <summary>
/// The FsCheck arbitraries of the test project, in one place. <see cref="BdqPropertyAttribute"/> registers them, so a
/// property takes a scenario record as a parameter and FsCheck draws it from the matching member here.
/// </summary>
public static class Arbitraries
{
    // ---- Storage: posting lists ----

    /// <summary>Sorted distinct row ids: sometimes dense, sometimes sparse, sometimes long, so galloping is exercised.</summary>
    internal static readonly Gen<int[]> SortedRows = Gen.OneOf(
        Gen.ListOf(Gen.Choose(0, 40)).Select(Normalise),
        Gen.ListOf(Gen.Choose(0, 2000)).Select(Normalise),
        Gen.Choose(0, 600).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1500), n)).Select(Normalise),
        Gen.Constant(Array.Empty<int>()));

    public static Arbitrary<SortedRowPair> SortedRowPair() => Arb.From(
        Gen.Two(SortedRows).Select(pair => new SortedRowPair(pair.Item1, pair.Item2)),
        pair => Smaller(pair.Left).Select(left => pair with { Left = left })
            .Concat(Smaller(pair.Right).Select(right => pair with { Right = right })));

    public static Arbitrary<ShuffledRowPair> ShuffledRowPair() => Arb.From(
        from pair in Gen.Two(SortedRows)
        from seed in Gen.Choose(0, int.MaxValue)
        from spare in Gen.Choose(1, 3000)
        select new ShuffledRowPair(Shuffle(pair.Item1, seed), Shuffle(pair.Item2, seed + 1), 2001 + spare % 2),
        pair => Smaller(pair.First).Select(first => pair with { First = first })
            .Concat(Smaller(pair.Second).Select(second => pair with { Second = second })));

    public static Arbitrary<SortedRowLists> SortedRowLists() => Arb.From(
        Gen.ListOf(SortedRows).Select(lists => new SortedRowLists([.. lists])),
        lists => Smaller(lists.Lists).Select(smaller => new SortedRowLists(smaller)));

    public static Arbitrary<ComplementCase> ComplementCase() => Arb.From(
        from rows in SortedRows
        from extra in Gen.Choose(0, 30)
        select new ComplementCase(rows, (rows.Length == 0 ? 0 : rows[^1] + 1) + extra),
        c => Smaller(c.Rows).Select(rows => c with { Rows = rows }));

    public static Arbitrary<ShuffledRows> ShuffledRows() => Arb.From(
        SortedRows.SelectMany(rows => Gen.Shuffle(rows).Select(shuffled => new ShuffledRows(rows, shuffled))),
        c => Smaller(c.Rows).Select(rows => new ShuffledRows(rows, [.. c.Shuffled.Where(row => Array.BinarySearch(rows, row) >= 0)])));

    // ---- Storage: tables and their indexes ----

    internal static readonly int MinDay = new DateOnly(1997, 12, 1).DayNumber;
    internal static readonly int MaxDay = new DateOnly(2027, 1, 31).DayNumber;

    private static readonly Gen<int> Day = Gen.Choose(MinDay, MaxDay);

    public static Arbitrary<AccordRows> AccordRows() => Arb.From(
        RandomRecords.Rows(RandomRecords.Accord, 80).Select(rows => new AccordRows(rows)),
        c => Prefixes(c.Rows).Select(rows => new AccordRows(rows)));

    public static Arbitrary<StatisticRows> StatisticRows() => Arb.From(
        RandomRecords.Rows(RandomRecords.Statistic, 80).Select(rows => new StatisticRows(rows)),
        c => Prefixes(c.Rows).Select(rows => new StatisticRows(rows)));

    public static Arbitrary<AccordDates> AccordDates() => Arb.From(
        from accords in RandomRecords.Rows(RandomRecords.Accord, 80)
        from probes in Gen.ArrayOf(Day, 6)
        select new AccordDates(accords, probes),
        c => Prefixes(c.Accords).Select(accords => c with { Accords = accords }));

    public static Arbitrary<StatisticDates> StatisticDates() => Arb.From(
        from statistics in RandomRecords.Rows(RandomRecords.Statistic, 80)
        from probes in Gen.ArrayOf(Day, 6)
        select new StatisticDates(statistics, probes),
        c => Prefixes(c.Statistics).Select(statistics => c with { Statistics = statistics }));

    public static Arbitrary<StatisticValues> StatisticValues() => Arb.From(
        from statistics in RandomRecords.Rows(RandomRecords.Statistic, 80)
        from probes in Gen.ArrayOf(RandomRecords.Value, 6)
        select new StatisticValues(statistics, probes),
        c => Prefixes(c.Statistics).Select(statistics => c with { Statistics = statistics }));

    public static Arbitrary<AccordTitles> AccordTitles() => Arb.From(
        from accords in RandomRecords.Rows(RandomRecords.Accord, 60)
        from probes in Gen.ArrayOf(RandomRecords.TextProbe, 8)
        select new AccordTitles(accords, probes),
        c => Prefixes(c.Accords).Select(accords => c with { Accords = accords })
            .Concat(Smaller(c.Probes).Select(probes => c with { Probes = probes })));

    public static Arbitrary<BuiltAccords> BuiltAccords() => Arb.From(
        from accords in RandomRecords.Rows(RandomRecords.Accord, 40)
        from probes in Gen.ArrayOf(Day, 4)
        select new BuiltAccords(accords, probes),
        c => Prefixes(c.Accords).Select(accords => c with { Accords = accords }));

    public static Arbitrary<TitleProbes> TitleProbes() => Arb.From(
        from titles in Gen.ListOf(RandomRecords.OptionalTitle)
        from probes in Gen.ArrayOf(RandomRecords.TextProbe, 10)
        select new TitleProbes([.. titles], probes),
        c => Smaller(c.Titles).Select(titles => c with { Titles = titles })
            .Concat(Smaller(c.Probes).Select(probes => c with { Probes = probes })));

    /// <summary>Patrols with distinct ids, their values from small pools so that the queries' predicates hit often.</summary>
    public static Arbitrary<PatrolRows> PatrolRows()
    {
        var patrol =
            from id in Gen.Choose(0, 40)
            from post in Gen.Elements("p-pe", "p-ec", "p-co", "p-xx", "P-PE")
            from topic in Gen.Elements(Topic.IllegalMining, Topic.DrugTrafficking, Topic.Smuggling)
            from officers in Gen.Choose(0, 30)
            from day in RandomRecords.OptionalDate
            from nations in RandomRecords.SmallArray(Gen.Elements(RandomRecords.NationPool))
            select new Patrol { Id = "t-" + id, Post = post, Topic = topic, Officers = officers, Day = day, Nations = nations };
        return Arb.From(
            Gen.ListOf(patrol).Select(list => new PatrolRows([.. list.DistinctBy(p => p.Id)])),
            c => Smaller(c.Rows).Select(rows => new PatrolRows(rows)));
    }

    // ---- Shrinking and display helpers ----

    /// <summary>Smaller arrays: empty, each half, then each with one element left out. Order and distinctness are kept.</summary>
    internal static IEnumerable<T[]> Smaller<T>(T[] items)
    {
        if (items.Length == 0)
        {
            yield break;
        }

        yield return [];
        if (items.Length > 2)
        {
            yield return items[..(items.Length / 2)];
            yield return items[(items.Length / 2)..];
        }

        if (items.Length > 1)
        {
            for (var i = 0; i < items.Length; i++)
            {
                yield return [.. items[..i], .. items[(i + 1)..]];
            }
        }
    }

    /// <summary>Shorter prefixes: empty, the first half, all but the last. Records numbered by row keep their numbering.</summary>
    internal static IEnumerable<T[]> Prefixes<T>(T[] items)
    {
        if (items.Length == 0)
        {
            yield break;
        }

        yield return [];
        if (items.Length > 2)
        {
            yield return items[..(items.Length / 2)];
        }

        if (items.Length > 1)
        {
            yield return items[..^1];
        }
    }

    internal static string Show<T>(IEnumerable<T> items) => "[" + string.Join(", ", items) + "]";

    private static int[] Normalise(IEnumerable<int> rows) => [.. rows.Distinct().Order()];

    private static int[] Shuffle(int[] rows, int seed)
    {
        var copy = rows.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}

/// <summary>Two sorted lists of distinct row ids.</summary>
public sealed record SortedRowPair(int[] Left, int[] Right)
{
    public override string ToString() => $"{nameof(SortedRowPair)} {{ Left = {Arbitraries.Show(Left)}, Right = {Arbitraries.Show(Right)} }}";
}

/// <summary>Two lists of distinct row ids in random order, and a table size of 2001 or 2002 rows.</summary>
public sealed record ShuffledRowPair(int[] First, int[] Second, int RowCount)
{
    public override string ToString() =>
        $"{nameof(ShuffledRowPair)} {{ First = {Arbitraries.Show(First)}, Second = {Arbitraries.Show(Second)}, RowCount = {RowCount} }}";
}

/// <summary>Any number of sorted lists of distinct row ids.</summary>
public sealed record SortedRowLists(int[][] Lists)
{
    public override string ToString() => $"{nameof(SortedRowLists)} {{ {string.Join(", ", Lists.Select(Arbitraries.Show))} }}";
}

/// <summary>A sorted list of distinct row ids and a table size past its last row.</summary>
public sealed record ComplementCase(int[] Rows, int RowCount)
{
    public override string ToString() => $"{nameof(ComplementCase)} {{ Rows = {Arbitraries.Show(Rows)}, RowCount = {RowCount} }}";
}

/// <summary>A sorted list of distinct row ids and the same rows shuffled.</summary>
public sealed record ShuffledRows(int[] Rows, int[] Shuffled)
{
    public override string ToString() => $"{nameof(ShuffledRows)} {{ Rows = {Arbitraries.Show(Rows)}, Shuffled = {Arbitraries.Show(Shuffled)} }}";
}

/// <summary>Up to 80 random accords, numbered by row (<c>acc-0</c>, <c>ACC-1</c>, ...).</summary>
public sealed record AccordRows(Accord[] Rows)
{
    public override string ToString() => $"{nameof(AccordRows)} {Arbitraries.Show(Rows)}";
}

/// <summary>Up to 80 random statistics, numbered by row (<c>stat-0</c>, ...).</summary>
public sealed record StatisticRows(Statistic[] Rows)
{
    public override string ToString() => $"{nameof(StatisticRows)} {Arbitraries.Show(Rows)}";
}

/// <summary>Up to 80 random accords and six day numbers to bound ranges of their signing dates with.</summary>
public sealed record AccordDates(Accord[] Accords, int[] Probes)
{
    public override string ToString() => $"{nameof(AccordDates)} {{ Accords = {Arbitraries.Show(Accords)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Up to 80 random statistics and six day numbers to bound ranges of their periods with.</summary>
public sealed record StatisticDates(Statistic[] Statistics, int[] Probes)
{
    public override string ToString() => $"{nameof(StatisticDates)} {{ Statistics = {Arbitraries.Show(Statistics)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Up to 80 random statistics and six values to bound ranges of their values with.</summary>
public sealed record StatisticValues(Statistic[] Statistics, decimal[] Probes)
{
    public override string ToString() => $"{nameof(StatisticValues)} {{ Statistics = {Arbitraries.Show(Statistics)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Up to 60 random accords and eight texts to search their titles for.</summary>
public sealed record AccordTitles(Accord[] Accords, string[] Probes)
{
    public override string ToString() => $"{nameof(AccordTitles)} {{ Accords = {Arbitraries.Show(Accords)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Up to 40 random accords for a store built by <c>BorderStoreBuilder</c>, and four day numbers for ranges.</summary>
public sealed record BuiltAccords(Accord[] Accords, int[] Probes)
{
    public override string ToString() => $"{nameof(BuiltAccords)} {{ Accords = {Arbitraries.Show(Accords)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Any number of titles (some missing) and ten texts to search them for.</summary>
public sealed record TitleProbes(string?[] Titles, string[] Probes)
{
    public override string ToString() => $"{nameof(TitleProbes)} {{ Titles = {Arbitraries.Show(Titles)}, Probes = {Arbitraries.Show(Probes)} }}";
}

/// <summary>Random patrols with distinct ids.</summary>
public sealed record PatrolRows(Patrol[] Rows)
{
    public override string ToString() => $"{nameof(PatrolRows)} {Arbitraries.Show(Rows)}";
}
