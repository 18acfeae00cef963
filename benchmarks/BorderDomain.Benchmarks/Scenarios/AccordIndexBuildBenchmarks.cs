using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Benchmarks.Scenarios;

/// <summary>
/// The accords' table build against its floor: <see cref="HandWrittenFloor"/> (the baseline) builds the same indexes
/// written by hand for the one record type (typed reads, counting sorts into arrays of their final size, no general
/// code), <see cref="EntityTable"/> builds <c>EntityTable&lt;Accord&gt;</c>. Both return the vocabulary size plus the
/// number of party keys plus the number of dated rows, so the agreement test checks they built the same indexes.
/// (<see cref="IndexBuildBenchmarks"/> keeps the three tables against a list copy; this floor lives here so that
/// each method can answer what its baseline answers.)
/// </summary>
[MemoryDiagnoser]
public class AccordIndexBuildBenchmarks
{
    private SyntheticData _data = null!;

    /// <summary>The sizes this scenario runs at (see <see cref="BenchmarkSizes"/>).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values();

    /// <summary>Accords.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; } = 1_000;

    [GlobalSetup]
    public void Setup() => _data = SyntheticData.Shared(N);

    /// <summary>
    /// The accords' indexes written by hand: the rows in key order, the key map, posting lists for kind, parties,
    /// signatories, place, topics, status, builds-on and sources (counting sorts), the signed index by first and by
    /// last day, and the title's folded texts, sorted vocabulary and word postings.
    /// </summary>
    [Benchmark(Baseline = true)]
    public long HandWrittenFloor() => Floor.Build(_data.Accords, listPerWord: false);

    /// <summary>
    /// The floor with its text index built the way the library's was before the counting sort: a growing list per
    /// word, copied to an array at the end (the per-word churn the counting sort removes).
    /// </summary>
    [Benchmark]
    public long HandWrittenListPerWord() => Floor.Build(_data.Accords, listPerWord: true);

    /// <summary>The accords' table, with every index its record type declares.</summary>
    [Benchmark]
    public long EntityTable()
    {
        var table = new EntityTable<Accord>(QuerySets.For<Accord>(), _data.Accords);
        var schema = table.Schema;
        return table.GetTextIndex(schema.IndexOfField("title"))!.WordCount
            + (long)table.GetPostingIndex(schema.IndexOfField("parties"))!.KeyCount
            + table.GetDateIndex(schema.IndexOfField("signed"))!.ByStart.Count;
    }

    /// <summary>The hand-written floor.</summary>
    internal static class Floor
    {
        public static long Build(IReadOnlyList<Accord> records, bool listPerWord)
        {
            var rows = new Accord[records.Count];
            var ids = new string[records.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = records[i];
                ids[i] = records[i].Id;
            }

            Array.Sort(ids, rows, StringComparer.Ordinal);
            var n = rows.Length;
            var byKey = new Dictionary<string, int>(n, StringComparer.OrdinalIgnoreCase);
            for (var row = 0; row < n; row++)
            {
                byKey.Add(rows[row].Id, row);
            }

            Postings(n, row => (int)rows[row].Kind, 16);
            Postings(n, row => (int)rows[row].Status, 16);
            var parties = CollectionPostings(rows, a => a.Parties, code => code);
            CollectionPostings(rows, a => a.Topics, topic => topic);
            CollectionPostings(rows, a => a.Signatories, id => id);
            CollectionPostings(rows, a => a.BuildsOn, id => id);
            CollectionPostings(rows, a => a.Sources, id => id);
            CollectionPostings(rows, a => a.Place is null ? ImmutableArray<string>.Empty : [a.Place], place => place);

            var starts = new int[n];
            var ends = new int[n];
            var dated = new int[n];
            var count = 0;
            for (var row = 0; row < n; row++)
            {
                if (rows[row].Signed is { } signed)
                {
                    starts[count] = signed.From.StartDayNumber;
                    ends[count] = signed.To.EndDayNumber;
                    dated[count++] = row;
                }
            }

            var byStart = dated[..count];
            var byEnd = dated[..count];
            Array.Sort(starts, byStart, 0, count);
            Array.Sort(ends, byEnd, 0, count);

            if (listPerWord)
            {
                var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var row = 0; row < n; row++)
                {
                    foreach (var word in TextNormalizer.Words(TextNormalizer.Normalize(rows[row].Title)))
                    {
                        if (!byWord.TryGetValue(word, out var list))
                        {
                            byWord[word] = list = [];
                        }

                        if (list.Count == 0 || list[^1] != row)
                        {
                            list.Add(row);
                        }
                    }
                }

                var sorted = new string[byWord.Count];
                byWord.Keys.CopyTo(sorted, 0);
                Array.Sort(sorted, StringComparer.Ordinal);
                var arrays = new int[sorted.Length][];
                for (var i = 0; i < sorted.Length; i++)
                {
                    arrays[i] = byWord[sorted[i]].ToArray();
                }

                GC.KeepAlive(arrays);
                return sorted.Length + (long)parties + count;
            }

            var folded = new string[n];
            var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var words = new List<string>();
            var wordCounts = new List<int>();
            var lastRow = new List<int>();
            var pairRows = new List<int>(n * 4);
            var pairWords = new List<int>(n * 4);
            for (var row = 0; row < n; row++)
            {
                folded[row] = TextNormalizer.Normalize(rows[row].Title);
                foreach (var word in TextNormalizer.Words(folded[row]))
                {
                    if (!wordIds.TryGetValue(word, out var id))
                    {
                        wordIds[word] = id = words.Count;
                        words.Add(word);
                        wordCounts.Add(0);
                        lastRow.Add(-1);
                    }

                    if (lastRow[id] != row)
                    {
                        lastRow[id] = row;
                        wordCounts[id]++;
                        pairRows.Add(row);
                        pairWords.Add(id);
                    }
                }
            }

            var lists = new int[words.Count][];
            for (var id = 0; id < lists.Length; id++)
            {
                lists[id] = new int[wordCounts[id]];
                wordCounts[id] = 0;
            }

            for (var i = 0; i < pairRows.Count; i++)
            {
                var id = pairWords[i];
                lists[id][wordCounts[id]++] = pairRows[i];
            }

            var order = new int[words.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var vocabulary = words.ToArray();
            Array.Sort(vocabulary, order, StringComparer.Ordinal);
            var postings = new int[order.Length][];
            for (var i = 0; i < order.Length; i++)
            {
                postings[i] = lists[order[i]];
            }

            GC.KeepAlive(byKey);
            GC.KeepAlive(byStart);
            GC.KeepAlive(byEnd);
            GC.KeepAlive(postings);
            return vocabulary.Length + (long)parties + count;
        }

        // A scalar field of few values (an enum's): count per value, then fill.
        private static void Postings(int n, Func<int, int> valueAt, int values)
        {
            var counts = new int[values];
            for (var row = 0; row < n; row++)
            {
                counts[valueAt(row)]++;
            }

            var lists = new int[values][];
            for (var v = 0; v < values; v++)
            {
                lists[v] = new int[counts[v]];
                counts[v] = 0;
            }

            for (var row = 0; row < n; row++)
            {
                var v = valueAt(row);
                lists[v][counts[v]++] = row;
            }

            GC.KeepAlive(lists);
        }

        // A collection (or optional) field: number the keys, note each row's, count, fill. Returns the key count.
        private static int CollectionPostings<TElement>(Accord[] rows, Func<Accord, ImmutableArray<TElement>> elements, Func<TElement, object> key)
        {
            var ids = new Dictionary<object, int>();
            var counts = new List<int>();
            var pairRows = new List<int>(rows.Length);
            var pairKeys = new List<int>(rows.Length);
            for (var row = 0; row < rows.Length; row++)
            {
                foreach (var element in elements(rows[row]))
                {
                    var k = key(element);
                    if (!ids.TryGetValue(k, out var id))
                    {
                        ids[k] = id = counts.Count;
                        counts.Add(0);
                    }

                    counts[id]++;
                    pairRows.Add(row);
                    pairKeys.Add(id);
                }
            }

            var lists = new int[counts.Count][];
            for (var id = 0; id < lists.Length; id++)
            {
                lists[id] = new int[counts[id]];
                counts[id] = 0;
            }

            for (var i = 0; i < pairRows.Count; i++)
            {
                var id = pairKeys[i];
                lists[id][counts[id]++] = pairRows[i];
            }

            GC.KeepAlive(ids);
            return lists.Length;
        }
    }
}
