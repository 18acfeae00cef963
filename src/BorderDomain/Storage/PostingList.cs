using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// Set operations on posting lists: ascending arrays of distinct row ids. A list that holds at least a thirty-second
/// of its table's rows may carry a bitmap (its dense form: a posting index's lists do, and so do the dense answers
/// of <see cref="UnionAll"/>, <see cref="FromUnsorted(ReadOnlySpan{int}, int)"/> and
/// <see cref="IntersectUnsorted"/>); the array overloads use it, so arrays these methods return, like a posting
/// index's, are not to be modified.
/// </summary>
public static class PostingList
{
    /// <summary>
    /// The rows in both lists, linear in the shorter: when the longer list has a bitmap, each row of the shorter is
    /// tested in it (when both have one and the shorter is longer than the bitmap has words, the bitmaps are ANDed a
    /// word at a time instead); otherwise as <see cref="Intersect(ReadOnlySpan{int}, ReadOnlySpan{int})"/>.
    /// </summary>
    public static int[] Intersect(int[] left, int[] right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Length == 0 || right.Length == 0)
        {
            return [];
        }

        if (left.Length > right.Length)
        {
            (left, right) = (right, left);
        }

        if (RowBitmap.Of(right) is { } longer)
        {
            return RowBitmap.Of(left) is { } shorter && Math.Min(shorter.Length, longer.Length) < left.Length
                ? RowBitmap.AndToRows(shorter, longer)
                : RowBitmap.Filter(left, longer);
        }

        return Intersect(left.AsSpan(), right.AsSpan());
    }

    /// <summary>The rows in both lists. Gallops through the longer list when the lengths differ widely.</summary>
    public static int[] Intersect(ReadOnlySpan<int> left, ReadOnlySpan<int> right)
    {
        if (left.Length > right.Length)
        {
            var swap = left;
            left = right;
            right = swap;
        }

        if (left.IsEmpty)
        {
            return [];
        }

        var result = new int[left.Length];
        var count = 0;
        var from = 0;
        foreach (var row in left)
        {
            from = LowerBound(right, from, row);
            if (from == right.Length)
            {
                break;
            }

            if (right[from] == row)
            {
                result[count++] = row;
            }
        }

        return count == result.Length ? result : result[..count];
    }

    /// <summary>The rows in either list.</summary>
    public static int[] Union(ReadOnlySpan<int> left, ReadOnlySpan<int> right)
    {
        var result = new int[left.Length + right.Length];
        int i = 0, j = 0, count = 0;
        while (i < left.Length && j < right.Length)
        {
            var a = left[i];
            var b = right[j];
            result[count++] = a <= b ? a : b;
            i += a <= b ? 1 : 0;
            j += b <= a ? 1 : 0;
        }

        left[i..].CopyTo(result.AsSpan(count));
        count += left.Length - i;
        right[j..].CopyTo(result.AsSpan(count));
        count += right.Length - j;
        return count == result.Length ? result : result[..count];
    }

    /// <summary>
    /// The rows in any of the lists, in time and memory linear in their total length. Two lists are merged; more
    /// are merged k ways through a min-heap of the lists' heads (total × log k comparisons, no bitmap) when they are
    /// sparse for the range of rows they span, and marked in a bitmap of that range and read back in order when
    /// they are dense (total at least a thirty-second of the range: then the bitmap, one bit per row, is no bigger
    /// than the lists themselves, and marking a row is cheaper than a heap step).
    /// </summary>
    public static int[] UnionAll(IEnumerable<int[]> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var nonEmpty = new List<int[]>();
        long total = 0;
        var rowCount = 0;
        foreach (var list in lists)
        {
            if (list.Length > 0)
            {
                nonEmpty.Add(list);
                total += list.Length;
                rowCount = Math.Max(rowCount, list[^1] + 1);
            }
        }

        if (nonEmpty.Count >= 2 && nonEmpty.TrueForAll(list => RowBitmap.Of(list) is not null))
        {
            return UnionOfBitmaps(nonEmpty);
        }

        return nonEmpty.Count switch
        {
            0 => [],
            1 => Copy(nonEmpty[0]),
            2 => Union(nonEmpty[0], nonEmpty[1]),
            _ => total >= rowCount / 32 ? UnionByBitmap(nonEmpty, rowCount) : UnionByHeap(nonEmpty, (int)Math.Min(total, rowCount)),
        };
    }

    // A copy of a list, which shares its (immutable) bitmap.
    private static int[] Copy(int[] list)
    {
        var copy = (int[])list.Clone();
        if (RowBitmap.Of(list) is { } bits)
        {
            RowBitmap.Register(copy, bits);
        }

        return copy;
    }

    // Every list has a bitmap: OR them a vector of words at a time, count, read the rows out; the answer keeps the bitmap.
    private static int[] UnionOfBitmaps(List<int[]> lists)
    {
        var words = 0;
        foreach (var list in lists)
        {
            words = Math.Max(words, RowBitmap.Of(list)!.Length);
        }

        var bits = new ulong[words];
        foreach (var list in lists)
        {
            RowBitmap.OrWith(bits, RowBitmap.Of(list)!);
        }

        var rows = RowBitmap.ToRows(bits, RowBitmap.Count(bits));
        RowBitmap.Register(rows, bits);
        return rows;
    }

    // Marks every row in a bitmap of rowCount bits, counting the distinct ones, then reads them out in order.
    private static int[] UnionByBitmap(List<int[]> lists, int rowCount)
    {
        var bits = new ulong[(rowCount + 63) >> 6];
        var count = 0;
        foreach (var list in lists)
        {
            foreach (var row in list)
            {
                ref var word = ref bits[row >> 6];
                var bit = 1UL << row;
                count += (word & bit) == 0 ? 1 : 0;
                word |= bit;
            }
        }

        return FromBits(bits, count, rowCount);
    }

    // A k-way merge: a min-heap holds each list's next row; the smallest is taken, written unless it repeats the
    // last row written, and replaced by its list's next. 'capacity' bounds the distinct rows.
    private static int[] UnionByHeap(List<int[]> lists, int capacity)
    {
        var heap = new PriorityQueue<int, int>(lists.Count);
        var next = new int[lists.Count];
        for (var i = 0; i < lists.Count; i++)
        {
            heap.Enqueue(i, lists[i][0]);
        }

        var result = new int[capacity];
        var count = 0;
        while (heap.TryPeek(out var list, out var row))
        {
            if (count == 0 || result[count - 1] != row)
            {
                result[count++] = row;
            }

            var position = ++next[list];
            if (position < lists[list].Length)
            {
                heap.DequeueEnqueue(list, lists[list][position]);
            }
            else
            {
                heap.Dequeue();
            }
        }

        return count == result.Length ? result : result[..count];
    }

    /// <summary>
    /// The rows of <c>0 .. rowCount-1</c> not in <paramref name="rows"/>: when the list has a bitmap, every row's bit
    /// AND-NOT the list's, a vector of words at a time (the answer keeps that bitmap when dense); otherwise as
    /// <see cref="Complement(ReadOnlySpan{int}, int)"/>.
    /// </summary>
    public static int[] Complement(int[] rows, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (RowBitmap.Of(rows) is not { } bits)
        {
            return Complement(rows.AsSpan(), rowCount);
        }

        var rest = new ulong[RowBitmap.Words(rowCount)];
        rest.AsSpan().Fill(ulong.MaxValue);
        if ((rowCount & 63) != 0)
        {
            rest[^1] = (1UL << rowCount) - 1;
        }

        RowBitmap.AndNotWith(rest, bits);
        return FromBits(rest, rowCount - rows.Length, rowCount);
    }

    /// <summary>The rows of <c>0 .. rowCount-1</c> not in <paramref name="rows"/>.</summary>
    public static int[] Complement(ReadOnlySpan<int> rows, int rowCount)
    {
        var result = new int[rowCount - rows.Length];
        int count = 0, next = 0;
        for (var row = 0; row < rowCount; row++)
        {
            if (next < rows.Length && rows[next] == row)
            {
                next++;
            }
            else
            {
                result[count++] = row;
            }
        }

        return result;
    }

    /// <summary>A sorted copy of arbitrary distinct row ids.</summary>
    public static int[] FromUnsorted(ReadOnlySpan<int> rows)
    {
        var result = rows.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>
    /// A posting list of distinct row ids below <paramref name="rowCount"/> given in any order: sorted when they are
    /// few, marked in a bitmap and read back in order when they are many (linear, no comparison sort).
    /// </summary>
    public static int[] FromUnsorted(ReadOnlySpan<int> rows, int rowCount)
    {
        if (rows.Length < rowCount / 32)
        {
            return FromUnsorted(rows);
        }

        return FromBits(RowBitmap.Mark(rows, rowCount), rows.Length, rowCount);
    }

    /// <summary>
    /// The rows in both <paramref name="first"/> and <paramref name="second"/> (distinct row ids below
    /// <paramref name="rowCount"/>, each in any order), ascending: one bitmap, no sort.
    /// </summary>
    public static int[] IntersectUnsorted(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int rowCount)
    {
        var inFirst = RowBitmap.Mark(first, rowCount);
        var both = new ulong[inFirst.Length];
        var count = 0;
        foreach (var row in second)
        {
            if ((inFirst[row >> 6] & (1UL << row)) != 0)
            {
                both[row >> 6] |= 1UL << row;
                count++;
            }
        }

        return FromBits(both, count, rowCount);
    }

    // The set bits' positions, ascending; a dense answer keeps the bitmap it was read from.
    private static int[] FromBits(ulong[] bits, int count, int rowCount)
    {
        var result = RowBitmap.ToRows(bits, count);
        if (RowBitmap.IsDense(count, rowCount))
        {
            RowBitmap.Register(result, bits);
        }

        return result;
    }

    /// <summary>Every row id from 0 to <paramref name="rowCount"/> - 1.</summary>
    public static int[] All(int rowCount)
    {
        var result = new int[rowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = i;
        }

        return result;
    }

    // First position at or after 'from' whose value is >= target: gallop, then binary search.
    private static int LowerBound(ReadOnlySpan<int> list, int from, int target)
    {
        var step = 1;
        var high = from;
        while (high < list.Length && list[high] < target)
        {
            from = high + 1;
            high += step;
            step <<= 1;
        }

        high = Math.Min(high, list.Length);
        while (from < high)
        {
            var mid = from + ((high - from) >> 1);
            if (list[mid] < target)
            {
                from = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return from;
    }
}
