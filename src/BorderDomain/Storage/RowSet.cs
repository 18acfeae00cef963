using System;

namespace BorderDomain.Storage;

/// <summary>
/// The rows found so far while a plan's index accesses are intersected, in whichever form the access made them: a
/// posting list (ascending row ids, with the bitmap it carries if any) or a bitmap with its count. Dense sets stay
/// bitmaps and are ANDed a word at a time; the rows are read out once, at the end (<see cref="ToRows"/>).
/// </summary>
internal sealed class RowSet
{
    private readonly int[]? _rows;
    private readonly ulong[]? _bits;

    // Whether _bits was made for this set alone (so an intersection may AND into it), not a posting list's shared bitmap.
    private readonly bool _ownsBits;

    // Up to two bitmaps sets owned that no set reads any more (their words to be cleared), kept for the next unions,
    // copies or date ranges of the same length on this thread, so a warm run that ANDs two bitmaps (a union and a date
    // range) makes neither new. Only bitmaps no answer keeps come back here (TakeRows; an intersection's consumed inputs).
    [ThreadStatic]
    private static ulong[]? t_spare;

    [ThreadStatic]
    private static ulong[]? t_olderSpare;

    private RowSet(int[]? rows, ulong[]? bits, int count, bool ownsBits)
    {
        _rows = rows;
        _bits = bits;
        Count = count;
        _ownsBits = ownsBits;
    }

    /// <summary>No row.</summary>
    public static RowSet Empty { get; } = new([], null, 0, false);

    /// <summary>How many rows.</summary>
    public int Count { get; }

    /// <summary>A posting list's rows (with the bitmap it carries, if any).</summary>
    public static RowSet Of(int[] rows) => rows.Length == 0 ? Empty : new(rows, RowBitmap.Of(rows), rows.Length, false);

    /// <summary>The rows set in <paramref name="bits"/>, a bitmap made for this set alone; <paramref name="count"/> of them.</summary>
    public static RowSet OfBits(ulong[] bits, int count) => count == 0 ? Empty : new(null, bits, count, true);

    /// <summary>The rows in any of the posting lists: their bitmaps ORed when every one has one, otherwise merged.</summary>
    public static RowSet Union(int[][] lists)
    {
        if (lists.Length == 1)
        {
            return Of(lists[0]);
        }

        var words = 0;
        foreach (var list in lists)
        {
            if (list.Length == 0)
            {
                continue;
            }

            if (RowBitmap.Of(list) is not { } bits)
            {
                return Of(PostingList.UnionAll(lists));
            }

            words = Math.Max(words, bits.Length);
        }

        if (words == 0)
        {
            return Empty;
        }

        var union = NewBits(words);
        foreach (var list in lists)
        {
            if (list.Length > 0)
            {
                RowBitmap.OrWith(union, RowBitmap.Of(list)!);
            }
        }

        return OfBits(union, RowBitmap.Count(union));
    }

    /// <summary>
    /// The rows in both sets: two bitmaps ANDed (into this set's own bitmap when it has one), unless one set is a
    /// list shorter than the words, whose rows are then tested against the other's bitmap; two lists intersected.
    /// Consumes both sets: neither may be used after (a bitmap one owned that the answer does not hold is reused).
    /// </summary>
    public RowSet Intersect(RowSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Count == 0 || other.Count == 0)
        {
            return Empty;
        }

        var (small, large) = Count <= other.Count ? (this, other) : (other, this);
        if (large._bits is { } largeBits)
        {
            if (small._rows is { } rows && (small._bits is null || rows.Length < largeBits.Length))
            {
                var kept = Of(RowBitmap.Filter(rows, largeBits));
                large.Release();
                return kept;
            }

            // Two shared bitmaps (posting lists): counted first, a sparse answer is written as rows with no bitmap made.
            if (!small._ownsBits && !large._ownsBits)
            {
                var both = RowBitmap.AndCount(small._bits!, largeBits);
                if (!RowBitmap.IsDense(both, (long)largeBits.Length * 64))
                {
                    return both == 0 ? Empty : Of(RowBitmap.AndToRows(small._bits!, largeBits, both));
                }
            }

            // Both bitmaps: AND into one this set owns, or a copy.
            var (target, source) = small._ownsBits ? (small._bits!, largeBits) : large._ownsBits ? (largeBits, small._bits!) : (Copy(small._bits!), largeBits);
            RowBitmap.AndWith(target, source);
            if (small._ownsBits && !ReferenceEquals(small._bits, largeBits))
            {
                large.Release();
            }

            return OfBits(target, RowBitmap.Count(target));
        }

        if (small._bits is { } smallBits)
        {
            var kept = large._rows is { } largeRows ? Of(RowBitmap.Filter(largeRows, smallBits)) : Empty;
            small.Release();
            return kept;
        }

        return Of(PostingList.Intersect(small._rows!, large._rows!));
    }

    /// <summary>
    /// The rows of this set whose value in <paramref name="dates"/> covers only days from <paramref name="fromDay"/>
    /// to <paramref name="toDay"/>, read from the index's per-row days: the test of a date range on rows already found.
    /// </summary>
    public RowSet Within(DateIndex dates, int fromDay, int toDay)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (_rows is { } rows)
        {
            // Tested into pooled scratch: only the rows kept are made.
            var kept = System.Buffers.ArrayPool<int>.Shared.Rent(rows.Length);
            try
            {
                var count = 0;
                foreach (var row in rows)
                {
                    if (dates.Covers(row, fromDay, toDay))
                    {
                        kept[count++] = row;
                    }
                }

                return count == rows.Length ? this : count == 0 ? Empty : Of(kept.AsSpan(0, count).ToArray());
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(kept);
            }
        }

        var bits = _ownsBits ? _bits! : Copy(_bits!);
        var remaining = 0;
        for (var word = 0; word < bits.Length; word++)
        {
            var set = bits[word];
            var keep = set;
            while (set != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(set);
                if (!dates.Covers((word << 6) + bit, fromDay, toDay))
                {
                    keep &= ~(1UL << bit);
                }

                set &= set - 1;
            }

            bits[word] = keep;
            remaining += System.Numerics.BitOperations.PopCount(keep);
        }

        return OfBits(bits, remaining);
    }

    /// <summary>
    /// The number of rows, ending the set as <see cref="TakeRows"/> does but reading no row out: a bitmap the set owned
    /// goes back to scratch for the next set. What a count of a set answers.
    /// </summary>
    public int TakeCount()
    {
        Release();
        return Count;
    }

    /// <summary>
    /// The rows, as <see cref="ToRows"/> gives them, ending the set: a bitmap it owned that the answer does not keep is
    /// reused by the next set made on this thread, so the set must not be used after.
    /// </summary>
    /// <param name="rowCount">The table's rows (whether the answer is dense).</param>
    /// <param name="keepBitmap">Whether a dense answer carries its bitmap (for a walk over it); without, the bitmap is reused.</param>
    public int[] TakeRows(int rowCount = int.MaxValue, bool keepBitmap = true)
    {
        var rows = _rows ?? ReadOut(rowCount, keepBitmap);
        if (_ownsBits && !ReferenceEquals(RowBitmap.Of(rows), _bits))
        {
            Release();
        }

        return rows;
    }

    /// <summary>
    /// Every row of the set in the order of <paramref name="index"/>, ties in row order and rows without a key last,
    /// ending the set as <see cref="TakeRows"/> does. With <paramref name="walkAll"/> (a large answer) over the set's
    /// bitmap, the index's walk or counting sort by key rank (<see cref="SortedIndex{TKey}.InKeyOrder"/>); a list without
    /// one is marked into a spare bitmap first, which goes back for the next set as the set's own does. Otherwise the
    /// rows are sorted by their key's rank (<see cref="SortedIndex{TKey}.SortByKey"/>), a bitmap read out into pooled
    /// scratch. Only the answer is allocated (and the counting sort's counts).
    /// </summary>
    /// <param name="index">The sorted index whose order the answer takes.</param>
    /// <param name="rowCount">The table's rows (a bit per row when a bitmap is made).</param>
    /// <param name="descending">Largest key first.</param>
    /// <param name="walkAll">Whether to order over a bitmap rather than sort the rows (<c>OrderCosts.WalkAllIsCheaper</c>).</param>
    public int[] InKeyOrder<TKey>(SortedIndex<TKey> index, int rowCount, bool descending, bool walkAll)
        where TKey : IComparable<TKey>
    {
        ArgumentNullException.ThrowIfNull(index);
        if (Count == 0)
        {
            return [];
        }

        if (walkAll)
        {
            if (_bits is { } bits)
            {
                var ordered = index.InKeyOrder(bits, Count, descending);
                Release();
                return ordered;
            }

            var marked = NewBits(RowBitmap.Words(rowCount));
            foreach (var row in _rows!)
            {
                marked[row >> 6] |= 1UL << row;
            }

            var walked = index.InKeyOrder(marked, Count, descending);
            Spare(marked);
            return walked;
        }

        if (_rows is { } list)
        {
            return index.SortByKey(list, descending);
        }

        var scratch = System.Buffers.ArrayPool<int>.Shared.Rent(Count);
        try
        {
            var read = 0;
            var own = _bits!;
            for (var word = 0; word < own.Length; word++)
            {
                for (var set = own[word]; set != 0; set &= set - 1)
                {
                    scratch[read++] = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(set);
                }
            }

            var sorted = index.SortByKey(scratch.AsSpan(0, read), descending);
            Release();
            return sorted;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// A new bitmap of <paramref name="words"/> words, all clear: one of this thread's spares when it has that length.
    /// A set made of it (<see cref="OfBits"/>) owns it and gives it back when no answer keeps it.
    /// </summary>
    internal static ulong[] NewBits(int words)
    {
        if (t_spare is { } spare && spare.Length == words)
        {
            t_spare = null;
            Array.Clear(spare);
            return spare;
        }

        if (t_olderSpare is { } older && older.Length == words)
        {
            t_olderSpare = null;
            Array.Clear(older);
            return older;
        }

        return new ulong[words];
    }

    // A copy of a shared bitmap, for an intersection or a test to write into.
    private static ulong[] Copy(ulong[] bits)
    {
        var copy = NewBits(bits.Length);
        bits.AsSpan().CopyTo(copy);
        return copy;
    }

    // Keeps this set's own bitmap for reuse: the caller reads neither the set nor the bitmap again.
    private void Release()
    {
        if (_ownsBits && _bits is { } bits)
        {
            Spare(bits);
        }
    }

    // Keeps a bitmap no set or answer reads any more for the next one made on this thread.
    private static void Spare(ulong[] bits)
    {
        if (!ReferenceEquals(t_spare, bits) && !ReferenceEquals(t_olderSpare, bits))
        {
            (t_olderSpare, t_spare) = (t_spare, bits);
        }
    }

    /// <summary>
    /// The rows of this set that pass <paramref name="test"/>, ascending, tested in pooled scratch (only the answer is
    /// made). Ends the set as <see cref="TakeRows"/> does.
    /// </summary>
    public int[] Where(Func<int, bool> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (Count == 0)
        {
            return [];
        }

        var scratch = System.Buffers.ArrayPool<int>.Shared.Rent(Count);
        try
        {
            var kept = 0;
            if (_rows is { } rows)
            {
                foreach (var row in rows)
                {
                    if (test(row))
                    {
                        scratch[kept++] = row;
                    }
                }
            }
            else
            {
                var bits = _bits!;
                for (var word = 0; word < bits.Length; word++)
                {
                    for (var set = bits[word]; set != 0; set &= set - 1)
                    {
                        var row = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(set);
                        if (test(row))
                        {
                            scratch[kept++] = row;
                        }
                    }
                }

                Release();
            }

            return kept == 0 ? [] : scratch.AsSpan(0, kept).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// The rows, ascending: the list itself, or the bitmap read out (and registered as the answer's bitmap when dense,
    /// so a walk over it needs no new one).
    /// </summary>
    public int[] ToRows(int rowCount = int.MaxValue) => _rows ?? ReadOut(rowCount, keepBitmap: true);

    // The bitmap's rows, registered with it when dense and kept.
    private int[] ReadOut(int rowCount, bool keepBitmap)
    {
        var result = RowBitmap.ToRows(_bits!, Count);
        if (keepBitmap && RowBitmap.IsDense(Count, Math.Min(rowCount, (long)_bits!.Length * 64)))
        {
            RowBitmap.Register(result, _bits);
        }

        return result;
    }
}
