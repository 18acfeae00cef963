using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query.Planning;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.CompilerServices;

/// <summary>Index accesses and index walks, shared by the in-memory executor and the code the generator writes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IndexQueries
{
    // The key of IsTrue's list, boxed once.
    private static readonly object BoxedTrue = true;

    /// <summary>
    /// The ascending rows an index access yields: the one place index accesses are carried out, for the in-memory
    /// executor and for generated code alike.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="field">The field's position in the table's schema.</param>
    /// <param name="kind">How the index answers.</param>
    /// <param name="op">The predicate's operator.</param>
    /// <param name="fieldKind">The field's kind.</param>
    /// <param name="values">The predicate's values as records hold them (enum members may also be given by name); search text already folded.</param>
    public static int[] Rows(IEntityTable table, int field, IndexAccessKind kind, PredicateOperator op, FieldKind fieldKind, object[] values) =>
        Rows(table, field, kind, op, fieldKind, values, int.MaxValue)!;

    /// <summary>
    /// Like <see cref="Rows(IEntityTable, int, IndexAccessKind, PredicateOperator, FieldKind, object[])"/>, but
    /// <see langword="null"/> when a text search's word is part of more than <paramref name="maxMatchedWords"/>
    /// indexed words (<see cref="BdqOptions.MaxMatchedWords"/>).
    /// </summary>
    internal static int[]? Rows(IEntityTable table, int field, IndexAccessKind kind, PredicateOperator op, FieldKind fieldKind, object[] values, int maxMatchedWords)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(values);
        switch (kind)
        {
            case IndexAccessKind.Key when values.Length == 1:
                return RowsOfKey(table, KeyText(values[0]));
            case IndexAccessKind.Key:
                return KeyRows(table, values);
            case IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection when values.Length == 1 || op == PredicateOperator.IsTrue:
                // One list: the index's own array, with no array of lists made around it.
                return PostingKey(table, field, op, fieldKind, op == PredicateOperator.IsTrue ? BoxedTrue : values[0]) is { } onlyKey
                    ? table.GetPostingIndex(field)!.LookupArray(onlyKey)
                    : [];
            case IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection:
                var lists = PostingLists(table, field, op, fieldKind, values);
                return kind == IndexAccessKind.PostingUnion
                    ? (lists.Length == 1 ? lists[0] : PostingList.UnionAll(lists))
                    : lists.Aggregate((left, right) => PostingList.Intersect(left, right));
            case IndexAccessKind.NullRows:
                return table.GetPostingIndex(field)!.NullRows.ToArray();
            case IndexAccessKind.DateRange:
                return DateRows(table.GetDateIndex(field)!, op, values, table.Count);
            case IndexAccessKind.NumberRange:
                return NumberRows(table.GetNumberIndex(field)!, op, values, table.Count);
            case IndexAccessKind.Text:
                return table.GetTextIndex(field)!.TryMatch((string)values[0], ValueSemantics.TextMatchOf(op), maxMatchedWords);
            default:
                throw OperatorTable.Unhandled(kind);
        }
    }

    /// <summary>
    /// The rows every one of <paramref name="accesses"/> yields (none: every row), ascending: the accesses made in this
    /// order and intersected as the in-memory executor intersects a plan's accesses (<see cref="Step"/>: a union of
    /// dense posting lists and a date range kept as bitmaps and ANDed a word at a time, the rows read out once at the
    /// end); an empty access ends it. A bitmap the intersection made goes back to pooled scratch once read out (a walk
    /// over the answer marks its own, as for any list), so a warm call allocates only the answer.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="accesses">The plan's accesses, in its order.</param>
    /// <exception cref="ArgumentException">An access was made by the struct's default constructor.</exception>
    public static int[] Found(IEntityTable table, ReadOnlySpan<IndexAccessArguments> accesses)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FoundSet(table, accesses) is { } rows ? rows.TakeRows(table.Count, keepBitmap: false) : PostingList.All(table.Count);
    }

    /// <summary>
    /// How many rows <see cref="Found"/> returns for the same accesses, counted from the row set their intersection
    /// makes (the popcounts of its words when it is a bitmap), with no row read out; a bitmap made on the way goes back
    /// to pooled scratch, so a warm call allocates only the set's few small objects.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="accesses">The plan's accesses, in its order.</param>
    /// <exception cref="ArgumentException">An access was made by the struct's default constructor.</exception>
    public static int FoundCount(IEntityTable table, ReadOnlySpan<IndexAccessArguments> accesses)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FoundSet(table, accesses) is { } rows ? rows.TakeCount() : table.Count;
    }

    /// <summary>
    /// The rows every one of <paramref name="accesses"/> yields (none: every row), all of them in the order of the sorted
    /// index on <paramref name="field"/> (the order <see cref="Walk"/> gives: ties in row order, rows without a value
    /// last). The accesses are intersected as <see cref="Found"/> intersects them, and the rows found stay the row set
    /// the intersection made (a bitmap when dense) while they are ordered: when <see cref="OrderCosts.WalkAllIsCheaper"/>
    /// says so for their number, over that bitmap as the executor orders a whole answer walked (the index's walk
    /// testing bits, or its counting sort by key rank); otherwise sorted by their key's rank in the index. A bitmap made
    /// on the way goes back to pooled scratch, so a warm call allocates the answer (and the counting sort's count per
    /// distinct key), a new array of its own.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="accesses">The plan's accesses, in its order.</param>
    /// <param name="field">The sorted (date or number) field's position in the table's schema.</param>
    /// <param name="descending">Largest key first.</param>
    /// <exception cref="ArgumentException">An access was made by the struct's default constructor.</exception>
    public static int[] FoundInOrder(IEntityTable table, ReadOnlySpan<IndexAccessArguments> accesses, int field, bool descending)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (FoundSet(table, accesses) is not { } rows)
        {
            return Walk(table, field, descending, default(EveryRow), null, int.MaxValue);
        }

        return InOrder(table, field, descending, rows, OrderCosts.WalkAllIsCheaper(rows.Count, table.Count));
    }

    /// <summary>
    /// Every row of <paramref name="rows"/> in the order of the sorted index on <paramref name="field"/>, ending the set
    /// (<see cref="RowSet.InKeyOrder"/>): over its bitmap with <paramref name="walkAll"/>, else sorted by key rank.
    /// </summary>
    internal static int[] InOrder(IEntityTable table, int field, bool descending, RowSet rows, bool walkAll) =>
        table.GetDateIndex(field) is { } dates
            ? rows.InKeyOrder(dates.ByStart, table.Count, descending, walkAll)
            : rows.InKeyOrder(table.GetNumberIndex(field)!, table.Count, descending, walkAll);

    // The accesses stepped through in order (null: there are none, every row is found); an empty one ends it.
    private static RowSet? FoundSet(IEntityTable table, ReadOnlySpan<IndexAccessArguments> accesses)
    {
        RowSet? rows = null;
        foreach (var access in accesses)
        {
            if (access.Values is null)
            {
                throw new ArgumentException("An access made by the struct's default constructor has no values.", nameof(accesses));
            }

            rows = Step(table, rows, access, testsFoundRows: false, int.MaxValue)!;
            if (rows.Count == 0)
            {
                return RowSet.Empty;
            }
        }

        return rows;
    }

    /// <summary>
    /// One access applied to the rows found before it (<paramref name="found"/>; <see langword="null"/>: it is the
    /// first): made and intersected, or, with <paramref name="testsFoundRows"/>, a date range tested on those rows by
    /// their days. A union of dense posting lists and a date range are made as bitmaps. <see langword="null"/> when a
    /// text search's word is part of more than <paramref name="maxMatchedWords"/> indexed words. The executor and
    /// <see cref="Found"/> both step through a plan's accesses with it.
    /// </summary>
    internal static RowSet? Step(IEntityTable table, RowSet? found, in IndexAccessArguments access, bool testsFoundRows, int maxMatchedWords)
    {
        RowSet made;
        switch (access.Kind)
        {
            case IndexAccessKind.DateRange:
                var dates = table.GetDateIndex(access.Field)!;
                var (from, to) = DateBounds.Of(access.Operator, access.Values);
                if (testsFoundRows && found is not null)
                {
                    return found.Within(dates, from, to);
                }

                var (bits, count) = dates.Within(from, to, table.Count);
                made = RowSet.OfBits(bits, count);
                break;
            case IndexAccessKind.PostingUnion:
                made = RowSet.Union(PostingLists(table, access.Field, access.Operator, access.FieldKind, access.Values));
                break;
            default:
                if (Rows(table, access.Field, access.Kind, access.Operator, access.FieldKind, access.Values, maxMatchedWords) is not { } rows)
                {
                    return null;
                }

                made = RowSet.Of(rows);
                break;
        }

        return found is null ? made : found.Intersect(made);
    }

    /// <summary>
    /// The rows in both posting lists (ascending, shared: not modified), allocating only the answer: see
    /// <see cref="Intersect(int[], int[], int[])"/>.
    /// </summary>
    /// <param name="first">A posting list.</param>
    /// <param name="second">Another.</param>
    public static int[] Intersect(int[] first, int[] second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return IntersectAll([first, second]);
    }

    /// <summary>
    /// The rows in all three posting lists (ascending, shared: not modified). Unless every list has a bitmap and the
    /// shortest is longer than a bitmap of the rows has words, the shortest's rows are filtered through each other list (a bit test where the list has a
    /// bitmap, a forward binary search otherwise) in pooled scratch; otherwise the bitmaps are ANDed in pooled scratch
    /// and read out. Either way only the answer is allocated.
    /// </summary>
    /// <param name="first">A posting list.</param>
    /// <param name="second">Another.</param>
    /// <param name="third">A third.</param>
    public static int[] Intersect(int[] first, int[] second, int[] third)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(third);
        return IntersectAll([first, second, third]);
    }

    /// <summary>
    /// The rows in every one of <paramref name="lists"/> (at least one; ascending, shared), as the public overloads make
    /// them; with <paramref name="keep"/>, only those it accepts (tested in ascending order, in the same scratch).
    /// </summary>
    internal static int[] IntersectAll(ReadOnlySpan<int[]> lists, Func<int, bool>? keep = null)
    {
        var shortest = 0;
        for (var i = 1; i < lists.Length; i++)
        {
            if (lists[i].Length < lists[shortest].Length)
            {
                shortest = i;
            }
        }

        var small = lists[shortest];
        if (small.Length == 0 || (lists.Length == 1 && keep is null))
        {
            return lists.Length == 1 ? small : [];
        }

        // A list holds distinct rows, so its bitmap (when it has one) has at least as many bits as its longest row.
        var words = 0;
        foreach (var list in lists)
        {
            words = Math.Max(words, list.Length == 0 ? 0 : RowBitmap.Words(list[^1] + 1));
        }

        // ANDing bitmaps beats testing the shortest's rows only when every list has one and the rows outnumber the words.
        var dense = small.Length > words && lists.Length > 1;
        foreach (var list in lists)
        {
            dense = dense && RowBitmap.Of(list) is not null;
        }

        if (dense)
        {
            return AndAll(lists, keep);
        }

        var scratch = System.Buffers.ArrayPool<int>.Shared.Rent(small.Length);
        try
        {
            small.CopyTo(scratch, 0);
            var count = small.Length;
            for (var i = 0; i < lists.Length && count > 0; i++)
            {
                if (i != shortest)
                {
                    count = KeepIn(scratch.AsSpan(0, count), lists[i]);
                }
            }

            if (keep is not null && count > 0)
            {
                var kept = 0;
                for (var i = 0; i < count; i++)
                {
                    if (keep(scratch[i]))
                    {
                        scratch[kept++] = scratch[i];
                    }
                }

                count = kept;
            }

            return count == 0 ? [] : scratch.AsSpan(0, count).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(scratch);
        }
    }

    // The rows in every list, each of which has a bitmap: the bitmaps ANDed into pooled scratch, then read out (and
    // tested by 'keep') into one array of the answer's size.
    private static int[] AndAll(ReadOnlySpan<int[]> lists, Func<int, bool>? keep)
    {
        var words = int.MaxValue;
        foreach (var list in lists)
        {
            words = Math.Min(words, RowBitmap.Of(list)!.Length);
        }

        var bits = System.Buffers.ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            var and = bits.AsSpan(0, words);
            RowBitmap.Of(lists[0]).AsSpan(0, words).CopyTo(and);
            for (var i = 1; i < lists.Length; i++)
            {
                RowBitmap.AndWith(and, RowBitmap.Of(lists[i]));
            }

            var count = RowBitmap.Count(and);
            if (count == 0)
            {
                return [];
            }

            if (keep is null)
            {
                return RowBitmap.ToRows(and, count);
            }

            var rows = System.Buffers.ArrayPool<int>.Shared.Rent(count);
            try
            {
                var kept = 0;
                for (var word = 0; word < and.Length; word++)
                {
                    for (var set = and[word]; set != 0; set &= set - 1)
                    {
                        var row = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(set);
                        if (keep(row))
                        {
                            rows[kept++] = row;
                        }
                    }
                }

                return kept == 0 ? [] : rows.AsSpan(0, kept).ToArray();
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rows);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    // Keeps, in place and in order, the rows of 'rows' that 'list' holds; returns how many.
    private static int KeepIn(Span<int> rows, int[] list)
    {
        var kept = 0;
        if (RowBitmap.Of(list) is { } bits)
        {
            foreach (var row in rows)
            {
                if (RowBitmap.Contains(bits, row))
                {
                    rows[kept++] = row;
                }
            }

            return kept;
        }

        var from = 0;
        foreach (var row in rows)
        {
            var at = list.AsSpan(from).BinarySearch(row);
            if (at >= 0)
            {
                rows[kept++] = row;
                from += at + 1;
            }
            else
            {
                from += ~at;
            }

            if (from == list.Length)
            {
                break;
            }
        }

        return kept;
    }

    /// <summary>The text a key access looks <paramref name="value"/> up by (resolved once by a compiled plan).</summary>
    internal static string KeyText(object value) => RecordKey.Text(value) ?? string.Empty;

    /// <summary>The rows of one key's text: its row, or none.</summary>
    internal static int[] RowsOfKey(IEntityTable table, string key) => table.TryGetRow(key, out var row) ? [row] : [];

    // The rows of several keys. Its own method: a lambda capturing 'table' in Rows would make every call of Rows
    // allocate the closure's state, a key lookup of one value too.
    private static int[] KeyRows(IEntityTable table, object[] values) =>
        PostingList.FromUnsorted(values.Select(v => table.TryGetRow(KeyText(v), out var row) ? row : -1).Where(r => r >= 0).Distinct().ToArray());

    /// <summary>
    /// The first <paramref name="wanted"/> of <paramref name="rows"/> in the order of the sorted index on
    /// <paramref name="field"/>, read by walking the index rather than sorting: ties in row order, rows without a
    /// value last, as <see cref="ValueSemantics.SortOrder"/> orders them. The walk stops at the
    /// <paramref name="wanted"/>-th match; each row the index yields is tested for membership in
    /// <paramref name="rows"/> through its bitmap (made when it has none and holds at least a sixty-fourth of the
    /// table) or, for few rows, a binary search; a table of rows marks the rows without a value when the index runs
    /// out first. When every one of at least a sixty-fourth of the table is wanted, the rows are ordered as the
    /// executor orders a whole answer instead: the sorted index's counting sort by key rank over their bitmap, or the
    /// walk testing it, whichever reads less (the same order).
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="field">The sorted (date or number) field's position in the table's schema.</param>
    /// <param name="descending">Largest key first.</param>
    /// <param name="rows">The candidate rows, ascending (a posting list).</param>
    /// <param name="wanted">How many rows to return at most (<see cref="int.MaxValue"/>: all of them, the plan's sort of a large answer).</param>
    public static IReadOnlyList<int> Walk(IEntityTable table, int field, bool descending, int[] rows, int wanted) =>
        WalkRows(table, field, descending, rows, wanted);

    // Walk's rows as the array they are (the executor pages it without going through the list interface).
    internal static int[] WalkRows(IEntityTable table, int field, bool descending, int[] rows, int wanted)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (wanted >= rows.Length && rows.Length >= Math.Max(1, table.Count / 64) && rows.Length < table.Count)
        {
            // Every row of many wanted (the walk would test them against a bitmap anyway): ordered as the executor orders
            // a whole answer, by the sorted index's InKeyOrder over the rows' bitmap (a counting sort by key rank, or the
            // walk testing bits, whichever reads less).
            return InOrder(table, field, descending, RowSet.Of(rows), walkAll: true);
        }

        // A posting list is ascending and distinct, so as many rows as the table has means every row. Membership is a
        // bit test when the rows have a bitmap or are many (then one is made: a bit per row of the table), a binary
        // search when they are few.
        if (rows.Length >= table.Count)
        {
            return Walk(table, field, descending, default(EveryRow), rows, wanted);
        }

        var bits = RowBitmap.Of(rows) ?? (rows.Length >= table.Count / 64 ? RowBitmap.Mark(rows, table.Count) : null);
        return bits is not null
            ? Walk(table, field, descending, new InBitmap(bits), rows, wanted)
            : Walk(table, field, descending, new InList(rows), rows, wanted);
    }

    /// <summary>
    /// The first <paramref name="wanted"/> rows satisfying <paramref name="matches"/> in the order of the sorted index
    /// on <paramref name="field"/>: the index is read from the wanted end and each row it yields is tested, so a broad
    /// filter with a small <c>take</c> reads a few dozen rows and no index access is made. Ties in row order, rows
    /// without a value last (tested in row order only once the index runs out).
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="field">The sorted (date or number) field's position in the table's schema.</param>
    /// <param name="descending">Largest key first.</param>
    /// <param name="matches">The filter, by row; <see langword="null"/> when every row matches.</param>
    /// <param name="wanted">How many rows to return at most.</param>
    public static IReadOnlyList<int> WalkWhere(IEntityTable table, int field, bool descending, Func<int, bool>? matches, int wanted) =>
        WalkWhereRows(table, field, descending, matches, wanted);

    /// <summary>
    /// The same walk testing each row by its bits in posting lists' bitmaps (<see cref="BitmapTest"/>), made in the
    /// walk's loop with no call per row (only a residual's conjuncts no bitmap answers go through one delegate, for the
    /// rows the bits keep): how the executor tests a residual whose conjuncts a posting index answers.
    /// </summary>
    internal static int[] WalkWhereIn(IEntityTable table, int field, bool descending, BitmapTest test, int wanted)
    {
        ArgumentNullException.ThrowIfNull(table);
        return test.MatchesNothing ? [] : Walk(table, field, descending, test, null, wanted);
    }

    /// <summary>The same walk testing each row with <paramref name="matches"/> (<see langword="null"/>: every row), as an array.</summary>
    internal static int[] WalkWhereRows(IEntityTable table, int field, bool descending, Func<int, bool>? matches, int wanted)
    {
        ArgumentNullException.ThrowIfNull(table);
        return matches is null
            ? Walk(table, field, descending, default(EveryRow), null, wanted)
            : Walk(table, field, descending, new ByDelegate(matches), null, wanted);
    }

    // A walk's test of one row. The walk is generic over it and each test is a struct, so the test is compiled into
    // the walk's loop: a bitmap test costs no call per row.
    internal interface IRowTest
    {
        bool Matches(int row);
    }

    /// <summary>
    /// An AND of posting-list memberships tested by bits, as one row test: the row is in every one of the
    /// <c>every</c> bitmaps (an intersection's lists), in at least one of each <c>anyOf</c> group (a union's lists),
    /// and then passes <c>rest</c> (the conjuncts no bitmap answers; <see langword="null"/>: none). A union with no
    /// list, or an intersection with an empty one, matches no row (<see cref="MatchesNothing"/>).
    /// </summary>
    internal readonly struct BitmapTest(ulong[][] every, ulong[][][] anyOf, Func<int, bool>? rest, bool matchesNothing) : IRowTest
    {
        /// <summary>Whether no row can match (an empty list in an intersection, a union of none).</summary>
        public bool MatchesNothing => matchesNothing;

        public bool Matches(int row)
        {
            foreach (var bits in every)
            {
                if (!RowBitmap.Contains(bits, row))
                {
                    return false;
                }
            }

            foreach (var group in anyOf)
            {
                var inOne = false;
                foreach (var bits in group)
                {
                    if (RowBitmap.Contains(bits, row))
                    {
                        inOne = true;
                        break;
                    }
                }

                if (!inOne)
                {
                    return false;
                }
            }

            return rest is null || rest(row);
        }
    }

    private readonly struct EveryRow : IRowTest
    {
        public bool Matches(int row) => true;
    }

    private readonly struct ByDelegate(Func<int, bool> test) : IRowTest
    {
        public bool Matches(int row) => test(row);
    }

    private readonly struct InList(int[] rows) : IRowTest
    {
        public bool Matches(int row) => Array.BinarySearch(rows, row) >= 0;
    }

    // In the bitmap.
    private readonly struct InBitmap(ulong[] bits) : IRowTest
    {
        public bool Matches(int row) => RowBitmap.Contains(bits, row);
    }

    // The walk itself. 'candidates' lists the rows that may match in row order (null: every row), for the rows
    // without a value, which come last. The answer is one array of its own size (written into scratch first: on the
    // stack for a small take, pooled otherwise).
    private static int[] Walk<TTest>(IEntityTable table, int field, bool descending, TTest matches, int[]? candidates, int wanted)
        where TTest : struct, IRowTest =>
        table.GetDateIndex(field) is { } dates
            ? Walk(dates.ByStart, descending, matches, candidates, wanted, table.Count)
            : Walk(table.GetNumberIndex(field)!, descending, matches, candidates, wanted, table.Count);

    // The most rows a walk collects on the stack before it rents scratch instead.
    private const int StackRows = 128;

    private static int[] Walk<TKey, TTest>(SortedIndex<TKey> index, bool descending, TTest matches, int[]? candidates, int wanted, int rowCount)
        where TKey : IComparable<TKey>
        where TTest : struct, IRowTest
    {
        var most = Math.Min(wanted, candidates?.Length ?? rowCount);
        if (most <= 0)
        {
            return [];
        }

        if (most <= StackRows)
        {
            Span<int> found = stackalloc int[most];
            var count = Walk(index, descending, matches, candidates, most, rowCount, found);
            return count == 0 ? [] : found[..count].ToArray();
        }

        var scratch = System.Buffers.ArrayPool<int>.Shared.Rent(most);
        try
        {
            var found = Walk(index, descending, matches, candidates, most, rowCount, scratch);
            return found == 0 ? [] : scratch.AsSpan(0, found).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(scratch);
        }
    }

    // Writes at most 'wanted' rows into 'result' (at least that long) and returns how many.
    private static int Walk<TKey, TTest>(SortedIndex<TKey> index, bool descending, TTest matches, int[]? candidates, int wanted, int rowCount, Span<int> result)
        where TKey : IComparable<TKey>
        where TTest : struct, IRowTest
    {
        var count = 0;
        var order = index.RowsInKeyOrder;
        if (!descending)
        {
            for (var i = 0; i < order.Length && count < wanted; i++)
            {
                if (matches.Matches(order[i]))
                {
                    result[count++] = order[i];
                }
            }
        }
        else
        {
            // Tie groups from the largest key down; inside a group the index already holds ascending rows.
            var keys = index.Keys;
            var end = order.Length;
            while (end > 0 && count < wanted)
            {
                var start = end - 1;
                while (start > 0 && keys[start - 1].CompareTo(keys[end - 1]) == 0)
                {
                    start--;
                }

                for (var i = start; i < end && count < wanted; i++)
                {
                    if (matches.Matches(order[i]))
                    {
                        result[count++] = order[i];
                    }
                }

                end = start;
            }
        }

        if (count < wanted && order.Length < rowCount)
        {
            // The index ran out: rows without a key come last, in row order.
            var indexed = new bool[rowCount];
            foreach (var row in order)
            {
                indexed[row] = true;
            }

            for (var i = 0; i < (candidates?.Length ?? rowCount) && count < wanted; i++)
            {
                var row = candidates?[i] ?? i;
                if (!indexed[row] && matches.Matches(row))
                {
                    result[count++] = row;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The exact number of rows <see cref="Rows(IEntityTable, int, IndexAccessKind, PredicateOperator, FieldKind, object[])"/> would yield, read from index sizes alone (touching no rows), for an
    /// access <see cref="IndexAccessCounts.IsExactlyCountable"/> accepts.
    /// </summary>
    /// <exception cref="ArgumentException">Index sizes do not give this access's count exactly.</exception>
    public static int ExactCount(IEntityTable table, int field, IndexAccessKind kind, PredicateOperator op, FieldKind fieldKind, object[] values)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(values);
        if (!IndexAccessCounts.IsExactlyCountable(kind, op, values.Length))
        {
            throw new ArgumentException($"A {kind} access with {op} is not counted exactly by index sizes.", nameof(kind));
        }

        switch (kind)
        {
            case IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection:
                var key = PostingKey(table, field, op, fieldKind, values.Length > 0 ? values[0] : true);
                return key is null ? 0 : table.GetPostingIndex(field)!.Count(key);
            case IndexAccessKind.NullRows:
                return table.GetPostingIndex(field)!.NullRows.Length;
            case IndexAccessKind.NumberRange:
                return NumberRange(table.GetNumberIndex(field)!, op, values).Length;
            case IndexAccessKind.Key or IndexAccessKind.DateRange or IndexAccessKind.Text:
                return (int)Estimate(table, field, kind, op, fieldKind, values);
            default:
                throw OperatorTable.Unhandled(kind);
        }
    }

    /// <summary>
    /// How many rows <see cref="Rows(IEntityTable, int, IndexAccessKind, PredicateOperator, FieldKind, object[])"/> would yield, from index sizes alone: posting-list lengths and binary-searched
    /// range counts, touching no rows (exact, or an upper bound for unions and two-sided date ranges). A text
    /// search is not counted ahead: it is estimated as a tenth of the table.
    /// </summary>
    internal static long Estimate(IEntityTable table, int field, IndexAccessKind kind, PredicateOperator op, FieldKind fieldKind, object[] values)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(values);
        switch (kind)
        {
            case IndexAccessKind.Key:
                return values.Length;
            case IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection:
                // A loop, not LINQ: a parameterised warm call reads these sizes on every call to find its kept plan.
                var index = table.GetPostingIndex(field)!;
                if (op == PredicateOperator.IsTrue)
                {
                    return index.Count(BoxedTrue);
                }

                long sum = 0;
                long? least = null;
                foreach (var value in values)
                {
                    long size = IndexKey(index, fieldKind, value) is { } key ? index.Count(key) : 0;
                    sum += size;
                    least = least is { } smaller && smaller <= size ? smaller : size;
                }

                return kind == IndexAccessKind.PostingUnion ? sum : least ?? 0;
            case IndexAccessKind.NullRows:
                return table.GetPostingIndex(field)!.NullRows.Length;
            case IndexAccessKind.DateRange:
                var dates = table.GetDateIndex(field)!;
                var first = (PartialDate)values[0];
                var fromStart = dates.ByStart.CountInRange(new KeyBound<int>(first.StartDayNumber, true), null);
                return op switch
                {
                    PredicateOperator.GreaterOrEqual => fromStart,
                    PredicateOperator.Greater => dates.ByStart.CountInRange(new KeyBound<int>(first.EndDayNumber, false), null),
                    PredicateOperator.LessOrEqual => dates.ByEnd.CountInRange(null, new KeyBound<int>(first.EndDayNumber, true)),
                    PredicateOperator.Less => dates.ByEnd.CountInRange(null, new KeyBound<int>(first.StartDayNumber, false)),
                    PredicateOperator.Equal or PredicateOperator.Between => Math.Min(fromStart, dates.ByEnd.CountInRange(null, new KeyBound<int>(((PartialDate)values[^1]).EndDayNumber, true))),
                    _ => throw OperatorTable.Unhandled(op),
                };
            case IndexAccessKind.NumberRange:
                return NumberRange(table.GetNumberIndex(field)!, op, values).Length;
            case IndexAccessKind.Text:
                return Math.Max(1, table.Count / 10);
            default:
                throw OperatorTable.Unhandled(kind);
        }
    }

    // The days the comparison allows (DateBounds), made by the date index the cheaper way (DateIndex.Within).
    private static int[] DateRows(DateIndex index, PredicateOperator op, object[] values, int rowCount)
    {
        var (from, to) = DateBounds.Of(op, values);
        var (bits, count) = index.Within(from, to, rowCount);
        return RowSet.OfBits(bits, count).TakeRows(rowCount);
    }

    private static int[] NumberRows(SortedIndex<decimal> index, PredicateOperator op, object[] values, int rowCount) => PostingList.FromUnsorted(NumberRange(index, op, values), rowCount);

    // The slice of the number index a comparison selects (rows in key order): its length is the count.
    private static ReadOnlySpan<int> NumberRange(SortedIndex<decimal> index, PredicateOperator op, object[] values)
    {
        var first = ValueSemantics.ToDecimal(values[0]);
        return op switch
        {
            PredicateOperator.GreaterOrEqual => index.RowsInRange(new KeyBound<decimal>(first, true), null),
            PredicateOperator.Greater => index.RowsInRange(new KeyBound<decimal>(first, false), null),
            PredicateOperator.LessOrEqual => index.RowsInRange(null, new KeyBound<decimal>(first, true)),
            PredicateOperator.Less => index.RowsInRange(null, new KeyBound<decimal>(first, false)),
            PredicateOperator.Equal => index.RowsInRange(new KeyBound<decimal>(first, true), new KeyBound<decimal>(first, true)),
            PredicateOperator.Between => index.RowsInRange(new KeyBound<decimal>(first, true), new KeyBound<decimal>(ValueSemantics.ToDecimal(values[1]), true)),
            _ => throw OperatorTable.Unhandled(op),
        };
    }

    /// <summary>
    /// The posting lists (shared arrays: do not modify) a posting access of <paramref name="field"/> reads, one per
    /// value (the list of <see langword="true"/> for <see cref="PredicateOperator.IsTrue"/>); a value no row holds
    /// gives an empty list. Their union or intersection is the access's rows; a row is in it when it is in any (all)
    /// of them, which is how a compiled plan tests such a predicate on one row without reading the row.
    /// </summary>
    internal static int[][] PostingLists(IEntityTable table, int field, PredicateOperator op, FieldKind fieldKind, object[] values)
    {
        var index = table.GetPostingIndex(field)!;
        if (op == PredicateOperator.IsTrue)
        {
            return [index.LookupArray(true)];
        }

        var lists = new int[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            lists[i] = IndexKey(index, fieldKind, values[i]) is { } key ? index.LookupArray(key) : [];
        }

        return lists;
    }

    /// <summary>
    /// The key of <paramref name="value"/> in a posting index, resolved once so that a compiled count reads only the
    /// list's length; <see langword="null"/> when the index holds no such key.
    /// </summary>
    internal static object? PostingKey(IEntityTable table, int field, PredicateOperator op, FieldKind fieldKind, object value) =>
        op == PredicateOperator.IsTrue ? BoxedTrue : IndexKey(table.GetPostingIndex(field)!, fieldKind, value);

    // Enum keys are stored as the CLR enum value; the bound query names the member. The keys are read through the
    // dictionary's own key collection, whose enumerator is a struct: finding a key allocates nothing.
    private static object? IndexKey(PostingIndex index, FieldKind kind, object value) =>
        kind != FieldKind.Enum ? value : index.KeyNamed((string)value);
}
