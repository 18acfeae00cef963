using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>
/// Every index of a table answers exactly what a naive scan of the same records answers, for random records.
/// </summary>
public sealed class IndexPropertyTests
{
    private const int Cases = 150;

    // The naive values of each posting-indexed field: null for a null scalar, the elements for a collection.
    private static readonly Dictionary<string, Func<Accord, object[]?>> AccordPostings = new(StringComparer.Ordinal)
    {
        ["id"] = a => [a.Id],
        ["kind"] = a => [a.Kind],
        ["parties"] = a => [.. a.Parties.Cast<object>()],
        ["signatories"] = a => [.. a.Signatories],
        ["agreedBy"] = a => [.. a.AgreedBy],
        ["approvedBy"] = a => [.. a.ApprovedBy],
        ["people"] = a => [.. a.People],
        ["signedBasis"] = a => a.SignedBasis is null ? null : [a.SignedBasis],
        ["agreedBasis"] = a => a.AgreedBasis is null ? null : [a.AgreedBasis],
        ["plannedForBasis"] = a => a.PlannedForBasis is null ? null : [a.PlannedForBasis],
        ["place"] = a => a.Place is null ? null : [a.Place],
        ["targets"] = a => [.. a.Targets],
        ["topics"] = a => [.. a.Topics.Cast<object>()],
        ["status"] = a => [a.Status],
        ["buildsOn"] = a => [.. a.BuildsOn],
        ["sources"] = a => [.. a.Sources],
    };

    private static readonly Dictionary<string, Func<Statistic, object[]?>> StatisticPostings = new(StringComparer.Ordinal)
    {
        ["id"] = s => [s.Id],
        ["metric"] = s => [s.Metric],
        ["nations"] = s => [.. s.Nations.Cast<object>()],
        ["agency"] = s => s.Agency is null ? null : [s.Agency],
        ["organizations"] = s => [.. s.Organizations],
        ["reportedBy"] = s => s.ReportedBy is null ? null : [s.ReportedBy],
        ["place"] = s => s.Place is null ? null : [s.Place],
        ["valueBasis"] = s => [s.ValueBasis],
        ["per"] = s => s.Per is null ? null : [s.Per],
        ["equivalentTo"] = s => s.EquivalentTo is null ? null : [s.EquivalentTo],
        ["periodBasis"] = s => s.PeriodBasis is null ? null : [s.PeriodBasis],
        ["unit"] = s => [s.Unit],
        ["source"] = s => [s.Source],
        ["disputed"] = s => [s.Disputed],
    };

    private static readonly string[] CollectionFields = ["parties", "signatories", "agreedBy", "approvedBy", "people", "targets", "topics", "buildsOn", "sources", "nations", "organizations"];

    [BdqProperty(MaxTest = Cases)]
    public void PostingIndexes_RandomAccords_AnswerLikeANaiveScan(AccordRows input)
    {
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), input.Rows);
        CheckPostings(table, AccordPostings);
    }

    [BdqProperty(MaxTest = Cases)]
    public void PostingIndexes_RandomStatistics_AnswerLikeANaiveScan(StatisticRows input)
    {
        var table = new EntityTable<Statistic>(QuerySets.For<Statistic>(), input.Rows);
        CheckPostings(table, StatisticPostings);
    }

    [BdqProperty(MaxTest = Cases)]
    public void KeyIndex_RandomAccords_FindsEveryIdIgnoringCase(AccordRows input)
    {
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), input.Rows);
        Accord[] accords = [.. table.Rows]; // tables keep rows in key order
        Assert.Equal(input.Rows.OrderBy(a => a.Id, StringComparer.Ordinal), accords);

        Assert.Equal(accords.Length, table.Count);
        for (var row = 0; row < accords.Length; row++)
        {
            Assert.Same(accords[row], table[row]);
            Assert.True(table.TryGetRow(accords[row].Id.ToLowerInvariant(), out var found));
            Assert.Equal(row, found);
            Assert.Same(accords[row], table.Find(accords[row].Id.ToUpperInvariant()));
        }

        Assert.Null(table.Find($"acc-{accords.Length}"));
    }

    [BdqProperty(MaxTest = Cases)]
    public void DateIndex_RandomAccordSignedDates_RangesEqualANaiveScan(AccordDates input)
    {
        var (accords, probes) = input;
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), accords);
        accords = [.. table.Rows]; // tables keep rows in key order
        var index = table.GetDateIndex(table.Schema.IndexOfField("signed"));

        Assert.NotNull(index);
        var dated = accords.Select((a, row) => (a.Signed, row)).Where(x => x.Signed is not null).ToArray();
        CheckSorted(index.ByStart, [.. dated.Select(x => (x.Signed!.Value.From.StartDayNumber, x.row))], Bounds(probes, table.Count));
        CheckSorted(index.ByEnd, [.. dated.Select(x => (x.Signed!.Value.To.EndDayNumber, x.row))], Bounds(probes, table.Count));
    }

    [BdqProperty(MaxTest = Cases)]
    public void DateIndex_RandomStatisticPeriods_RangesEqualANaiveScan(StatisticDates input)
    {
        var (statistics, probes) = input;
        var table = new EntityTable<Statistic>(QuerySets.For<Statistic>(), statistics);
        statistics = [.. table.Rows]; // tables keep rows in key order
        var index = table.GetDateIndex(table.Schema.IndexOfField("period"));

        Assert.NotNull(index);
        var dated = statistics.Select((s, row) => (s.Period, row)).Where(x => x.Period is not null).ToArray();
        // An open start is day -1 (before 0001-01-01, day 0) and an open end int.MaxValue.
        CheckSorted(index.ByStart, [.. dated.Select(x => (x.Period!.Value.HasStart ? x.Period.Value.From.StartDayNumber : -1, x.row))], Bounds(probes, table.Count));
        CheckSorted(index.ByEnd, [.. dated.Select(x => (x.Period!.Value.HasEnd ? x.Period.Value.To.EndDayNumber : int.MaxValue, x.row))], Bounds(probes, table.Count));
    }

    [BdqProperty(MaxTest = Cases)]
    public void NumberIndex_RandomStatisticValues_RangesEqualANaiveScan(StatisticValues input)
    {
        var (statistics, probes) = input;
        var table = new EntityTable<Statistic>(QuerySets.For<Statistic>(), statistics);
        statistics = [.. table.Rows]; // tables keep rows in key order
        var index = table.GetNumberIndex(table.Schema.IndexOfField("value"));

        Assert.NotNull(index);
        CheckSorted(index, [.. statistics.Select((s, row) => (s.Value, row))], Bounds(probes, table.Count));
    }

    [BdqProperty(MaxTest = Cases)]
    public void TextIndex_RandomAccordTitles_MatchesEqualANaiveScan(AccordTitles input)
    {
        var (accords, probes) = input;
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), accords);
        accords = [.. table.Rows]; // tables keep rows in key order
        var index = table.GetTextIndex(table.Schema.IndexOfField("title"));

        Assert.NotNull(index);
        var folded = accords.Select(a => TextNormalizer.Normalize(a.Title)).ToArray();
        for (var row = 0; row < accords.Length; row++)
        {
            Assert.Equal(folded[row], index.FoldedText(row));
        }

        foreach (var probe in probes)
        {
            var query = TextNormalizer.Normalize(probe);
            Assert.Equal(Naive(folded, f => f.Contains(query, StringComparison.Ordinal)), index.Contains(probe));
            Assert.Equal(Naive(folded, f => f.StartsWith(query, StringComparison.Ordinal)), index.StartsWith(probe));
            Assert.Equal(Naive(folded, f => f.EndsWith(query, StringComparison.Ordinal)), index.EndsWith(probe));
            Assert.Equal(Naive(folded, f => SplitWords(f).Any(w => w.StartsWith(query, StringComparison.Ordinal))), index.MatchWordPrefix(probe));
        }
    }

    [BdqProperty(MaxTest = Cases)]
    public void Indexes_RandomStore_ViaBuilderAnswerLikeANaiveScan(BuiltAccords input)
    {
        // The same checks through BorderStoreBuilder, whose records must reference real keys.
        var (accords, probes) = input;
        var builder = new BorderStoreBuilder();
        builder.Nations.AddRange(RandomRecords.NationPool.Select(code => new Nation { Code = code, Name = code.EnglishName, Region = "Americas" }));
        builder.Places.AddRange(new[] { "Lima", "Quito", "Tumbes", "Aguas Verdes" }.Select(name => new Place { Id = name, Name = name, Kind = PlaceKind.City }));
        builder.Accords.AddRange(accords.Select(a => a with { Signatories = [], BuildsOn = [], Targets = [], Sources = [] }));
        var table = builder.Build().Accords;

        Assert.Equal(accords.Length, table.Count);
        CheckPostings(table, AccordPostings);
        var index = table.GetDateIndex(table.Schema.IndexOfField("signed"))!;
        var dated = table.Rows.Select((a, row) => (a.Signed, row)).Where(x => x.Signed is not null).ToArray();
        CheckSorted(index.ByStart, [.. dated.Select(x => (x.Signed!.Value.From.StartDayNumber, x.row))], Bounds(probes, table.Count));
        CheckSorted(index.ByEnd, [.. dated.Select(x => (x.Signed!.Value.To.EndDayNumber, x.row))], Bounds(probes, table.Count));
    }

    private static void CheckPostings<T>(EntityTable<T> table, Dictionary<string, Func<T, object[]?>> fields)
        where T : class
    {
        var schema = table.Schema;
        var indexed = Enumerable.Range(0, schema.Fields.Count)
            .Where(i => table.GetPostingIndex(i) is not null)
            .Select(i => schema.Fields[i].Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(fields.Keys.Order(StringComparer.Ordinal), indexed);

        foreach (var (name, valuesOf) in fields)
        {
            var ordinal = schema.IndexOfField(name);
            var index = table.GetPostingIndex(ordinal)!;
            var values = table.Rows.Select(valuesOf).ToArray();

            int[] expectedNulls = [.. Enumerable.Range(0, values.Length).Where(row => values[row] is null || values[row]!.Length == 0)];
            Assert.Equal(expectedNulls, index.NullRows.ToArray());

            var distinct = new List<object>();
            foreach (var value in values.Where(v => v is not null).SelectMany(v => v!))
            {
                if (!distinct.Any(seen => KeyEquals(seen, value)))
                {
                    distinct.Add(value);
                }
            }

            Assert.Equal(distinct.Count, index.KeyCount);
            var probes = distinct.Concat(distinct.OfType<string>().Select(s => s.ToUpperInvariant()))
                .Concat(distinct.OfType<string>().Select(s => s.ToLowerInvariant()))
                .Concat(AbsentKeys);
            foreach (var key in probes)
            {
                int[] expected = [.. Enumerable.Range(0, values.Length).Where(row => values[row]?.Any(v => KeyEquals(v, key)) == true)];
                Assert.Equal(expected, index.Lookup(key).ToArray());
                Assert.Equal(expected.Length, index.Count(key));
                Assert.Equal(expected.Select(row => table[row]), table.FindAll(name, key));
            }
        }
    }

    private static IEnumerable<object> AbsentKeys =>
        [NationCode.Parse("FRA"), "no-such-key", Topic.Health, AccordKind.Treaty, Metric.FuelPrice, BorderDomain.Model.Unit.Parse("EUR"), true, 42];

    private static bool KeyEquals(object a, object b) => a is string x && b is string y
        ? string.Equals(TextNormalizer.Normalize(x), TextNormalizer.Normalize(y), StringComparison.Ordinal) // BDQ compares text folded
        : a.Equals(b);

    private static List<(KeyBound<TKey>? Low, KeyBound<TKey>? High)> Bounds<TKey>(TKey[] probes, int salt)
    {
        var result = new List<(KeyBound<TKey>?, KeyBound<TKey>?)> { (null, null) };
        for (var i = 0; i + 1 < probes.Length; i += 2)
        {
            KeyBound<TKey>?[] lows = [null, new KeyBound<TKey>(probes[i], true), new KeyBound<TKey>(probes[i], false)];
            KeyBound<TKey>?[] highs = [null, new KeyBound<TKey>(probes[i + 1], true), new KeyBound<TKey>(probes[i + 1], false)];
            foreach (var low in lows)
            {
                foreach (var high in highs)
                {
                    result.Add((low, high));
                }
            }
        }

        // A point range on a probe value, inclusive both ends: the rows with exactly that key.
        if (probes.Length > 0)
        {
            var point = probes[salt % probes.Length];
            result.Add((new KeyBound<TKey>(point, true), new KeyBound<TKey>(point, true)));
        }

        return result;
    }

    private static void CheckSorted<TKey>(SortedIndex<TKey> index, (TKey Key, int Row)[] entries, List<(KeyBound<TKey>? Low, KeyBound<TKey>? High)> bounds)
        where TKey : IComparable<TKey>
    {
        var ordered = entries.OrderBy(e => e.Key).ThenBy(e => e.Row).ToArray();
        Assert.Equal(entries.Length, index.Count);
        Assert.Equal(ordered.Select(e => e.Row), index.RowsInKeyOrder.ToArray());
        Assert.Equal(ordered.Select(e => e.Key), index.Keys.ToArray());

        foreach (var (low, high) in bounds)
        {
            var expected = ordered
                .Where(e => low is not { } l || (l.Inclusive ? e.Key.CompareTo(l.Value) >= 0 : e.Key.CompareTo(l.Value) > 0))
                .Where(e => high is not { } h || (h.Inclusive ? e.Key.CompareTo(h.Value) <= 0 : e.Key.CompareTo(h.Value) < 0))
                .Select(e => e.Row)
                .ToArray();

            Assert.Equal(expected, index.RowsInRange(low, high).ToArray());
            Assert.Equal(expected.Length, index.CountInRange(low, high));
        }
    }

    private static int[] Naive(string[] folded, Func<string, bool> matches) =>
        [.. Enumerable.Range(0, folded.Length).Where(row => matches(folded[row]))];

    // Maximal runs of letters and digits, written independently of TextNormalizer.Words.
    private static IEnumerable<string> SplitWords(string text)
    {
        var word = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
