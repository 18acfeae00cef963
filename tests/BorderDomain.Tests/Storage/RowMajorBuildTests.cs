using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Benchmarks;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Storage;

/// <summary>
/// A table's indexes are built from one pass over its records, each field's builder fed a row at a time (key numbers
/// noted a byte, 16 bits or 32 bits wide as the key count grows; collections' and texts' notes in chunks). The indexes
/// must be the ones a naive build from the boxed getters makes: the same keys in the order first seen, the same posting
/// lists and null rows, the bitmap of every dense list, the same words and the same sorted orders.
/// </summary>
public sealed class RowMajorBuildTests
{
    [Fact]
    public void EntityTable_SyntheticRecords_IndexesEqualANaiveBuild()
    {
        // 12,000 rows: past a notes chunk (4,096) in every collection and text field, past 255 keys in the agency fields.
        var data = SyntheticData.Create(12_000);
        CheckTable(new EntityTable<Accord>(QuerySets.For<Accord>(), data.Accords));
        CheckTable(new EntityTable<Statistic>(QuerySets.For<Statistic>(), data.Statistics));
        CheckTable(new EntityTable<Agency>(QuerySets.For<Agency>(), data.Agencies));
    }

    [BdqProperty(MaxTest = 100)]
    public void EntityTable_RandomAccords_IndexesEqualANaiveBuild(AccordRows input) =>
        CheckTable(new EntityTable<Accord>(QuerySets.For<Accord>(), input.Rows));

    [BdqProperty(MaxTest = 100)]
    public void EntityTable_RandomStatistics_IndexesEqualANaiveBuild(StatisticRows input) =>
        CheckTable(new EntityTable<Statistic>(QuerySets.For<Statistic>(), input.Rows));

    [Fact]
    public void PostingIndex_MoreKeysThanSixteenBits_KeepsEveryRowUnderItsKey()
    {
        // 70,000 distinct keys (the notes widen from a byte to 16 bits to 32), a null every seventh row, a repeat every fifth.
        const int Rows = 70_000;
        string? ValueAt(int row) => row % 7 == 3 ? null : row % 5 == 0 ? "k-repeated" : $"k-{row}";
        var index = PostingIndex.Build(Rows, ValueAt);

        object?[] values = [.. Enumerable.Range(0, Rows).Select(ValueAt)];
        CheckPostings(index, values.Select(v => v is null ? [] : new[] { v }).ToArray(), Rows);
    }

    [BdqProperty(MaxTest = 60)]
    public void BuildScratch_NotesOfManyRows_ReadBackInTheOrderWritten(int seed)
    {
        var random = new Random(seed);
        var notes = new BuildScratch();
        var written = new List<(int Row, int Id)>();
        var rows = random.Next(0, 3_000);
        for (var row = 0; row < rows; row++)
        {
            var count = random.Next(0, 4) == 0 ? 0 : random.Next(1, 12); // some rows note nothing
            for (var i = 0; i < count; i++)
            {
                var id = random.Next(0, 1 << 20);
                notes.Note(row, id);
                written.Add((row, id));
            }
        }

        var read = new List<(int Row, int Id)>();
        foreach (var note in notes)
        {
            read.Add(note);
        }

        Assert.Equal(written, read);
    }

    private static void CheckTable<T>(EntityTable<T> table)
        where T : class
    {
        var fields = table.Schema.Fields;
        var rows = table.Rows;
        for (var field = 0; field < fields.Count; field++)
        {
            var getter = table.Metadata.Getters[field];
            object?[] boxed = [.. rows.Select(row => getter(row))];
            if (table.GetPostingIndex(field) is { } postings && !(fields[field].Index == IndexKind.Key && boxed.All(v => v is string)))
            {
                var values = boxed.Select(value => value switch
                {
                    null => [],
                    string text => [text],
                    IEnumerable elements => elements.Cast<object?>().Where(e => e is not null).Cast<object>().ToArray(),
                    var single => new[] { single },
                }).ToArray();
                CheckPostings(postings, values, rows.Length);
            }

            if (table.GetTextIndex(field) is { } text)
            {
                CheckText(text, boxed);
            }

            if (table.GetDateIndex(field) is { } dates)
            {
                var days = boxed.Select((value, row) => (Ok: DateIndex.TryGetDays(value, out var start, out var end), Start: start, End: end, Row: row))
                    .Where(d => d.Ok).ToArray();
                CheckOrder(dates.ByStart, days.Select(d => (d.Start, d.Row)));
                CheckOrder(dates.ByEnd, days.Select(d => (d.End, d.Row)));
            }

            if (table.GetNumberIndex(field) is { } numbers)
            {
                CheckOrder(numbers, boxed.Select((value, row) => (Value: value, Row: row)).Where(v => v.Value is not null)
                    .Select(v => (Convert.ToDecimal(v.Value, System.Globalization.CultureInfo.InvariantCulture), v.Row)));
            }
        }
    }

    // The index holds each row's distinct non-null elements: keys in the order first seen, lists ascending, the rows with
    // none as null rows, and a bitmap beside every list holding at least a thirty-second of the rows.
    private static void CheckPostings(PostingIndex index, object[][] values, int rowCount)
    {
        var keys = new List<object>();
        var rowsOf = new Dictionary<object, List<int>>(IndexKeyComparer.Instance);
        var nulls = new List<int>();
        for (var row = 0; row < values.Length; row++)
        {
            if (values[row].Length == 0)
            {
                nulls.Add(row);
            }

            foreach (var key in values[row])
            {
                if (!rowsOf.TryGetValue(key, out var list))
                {
                    rowsOf[key] = list = [];
                    keys.Add(key);
                }

                if (list.Count == 0 || list[^1] != row)
                {
                    list.Add(row);
                }
            }
        }

        Assert.Equal(keys.Select(Describe), index.Keys.Select(Describe));
        Assert.Equal(nulls, index.NullRows.ToArray());
        foreach (var key in keys)
        {
            var expected = rowsOf[key];
            var array = index.LookupArray(key);
            Assert.Equal(expected, array);
            var bits = RowBitmap.Of(array);
            Assert.Equal(RowBitmap.IsDense(expected.Count, rowCount), bits is not null);
            if (bits is not null)
            {
                Assert.Equal(RowBitmap.Mark(array, rowCount), bits);
            }
        }

        static string Describe(object key) => $"{key.GetType().Name}:{key}";
    }

    private static void CheckText(TextIndex index, object?[] values)
    {
        var folded = values.Select(value => value is string text ? TextNormalizer.Normalize(text) : null).ToArray();
        var rowsOf = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var row = 0; row < folded.Length; row++)
        {
            Assert.Equal(folded[row], index.FoldedText(row));
            foreach (var word in folded[row] is { } text ? TextNormalizer.Words(text) : [])
            {
                if (!rowsOf.TryGetValue(word, out var rows))
                {
                    rowsOf[word] = rows = [];
                }

                rows.Add(row);
            }
        }

        Assert.Equal(rowsOf.Count, index.WordCount);
        foreach (var word in rowsOf.Keys)
        {
            var expected = new SortedSet<int>();
            foreach (var (other, rows) in rowsOf)
            {
                if (other.StartsWith(word, StringComparison.Ordinal))
                {
                    expected.UnionWith(rows);
                }
            }

            Assert.Equal(expected, index.MatchWordPrefix(word));
        }
    }

    private static void CheckOrder<TKey>(SortedIndex<TKey> index, IEnumerable<(TKey Key, int Row)> entries)
        where TKey : IComparable<TKey>
    {
        var ordered = entries.OrderBy(e => e.Key).ThenBy(e => e.Row).ToArray();
        Assert.Equal(ordered.Select(e => e.Row), index.RowsInKeyOrder.ToArray());
        Assert.Equal(ordered.Select(e => e.Key), index.Keys.ToArray());
    }
}
