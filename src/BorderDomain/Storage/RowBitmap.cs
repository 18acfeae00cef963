using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BorderDomain.Storage;

/// <summary>
/// The dense form of a posting list: one bit per row of the table, in 64-bit words. A posting list holding at least
/// a thirty-second of the table's rows (<see cref="IsDense"/>) carries one beside its array: the bitmap is then no
/// bigger than the array, and AND, OR and counts run over words (<see cref="Vector{T}"/> lanes where a whole word
/// array is combined, <see cref="BitOperations.PopCount(ulong)"/> for counts) instead of comparing row ids.
/// <para>
/// The bitmap is found from the posting array itself (<see cref="Of"/>): a table's posting index registers each
/// dense list's bitmap when it is built, and the set operations of <see cref="PostingList"/> register the bitmaps
/// they already made for their answers, so generated code and the executor, which pass plain <c>int[]</c> lists,
/// get the dense operations without another type. The registry holds its entries weakly: a bitmap lives exactly as
/// long as its array.
/// </para>
/// </summary>
internal static class RowBitmap
{
    private static readonly ConditionalWeakTable<int[], ulong[]> Registry = new();

    /// <summary>Whether <paramref name="count"/> rows of <paramref name="rowCount"/> are worth a bitmap.</summary>
    public static bool IsDense(long count, long rowCount) => count > 0 && count * 32 >= rowCount;

    /// <summary>The bitmap of the posting array <paramref name="rows"/>, or <see langword="null"/> when it has none.</summary>
    public static ulong[]? Of(int[] rows) => rows.Length > 0 && Registry.TryGetValue(rows, out var bits) ? bits : null;

    /// <summary>Records <paramref name="bits"/> as the bitmap of <paramref name="rows"/> (the same set of rows).</summary>
    public static void Register(int[] rows, ulong[] bits) => Registry.AddOrUpdate(rows, bits);

    /// <summary>Words for <paramref name="rowCount"/> bits.</summary>
    public static int Words(int rowCount) => (rowCount + 63) >> 6;

    /// <summary>A bitmap of <paramref name="rowCount"/> bits with <paramref name="rows"/> set.</summary>
    public static ulong[] Mark(ReadOnlySpan<int> rows, int rowCount)
    {
        var bits = new ulong[Words(rowCount)];
        foreach (var row in rows)
        {
            bits[row >> 6] |= 1UL << row;
        }

        return bits;
    }

    /// <summary>Whether bit <paramref name="row"/> is set (false past the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(ulong[] bits, int row) => (uint)(row >> 6) < (uint)bits.Length && (bits[row >> 6] & (1UL << row)) != 0;

    /// <summary>The number of set bits.</summary>
    public static int Count(ReadOnlySpan<ulong> bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    /// <summary>The number of rows in both bitmaps.</summary>
    public static int AndCount(ReadOnlySpan<ulong> left, ReadOnlySpan<ulong> right)
    {
        var length = Math.Min(left.Length, right.Length);
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            count += BitOperations.PopCount(left[i] & right[i]);
        }

        return count;
    }

    /// <summary><paramref name="target"/> &amp;= <paramref name="other"/>, a vector of words at a time (words past <paramref name="other"/>'s end cleared).</summary>
    public static void AndWith(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var length = Math.Min(target.Length, other.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<ulong>.Count)
        {
            var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(target[..length]);
            var others = MemoryMarshal.Cast<ulong, Vector<ulong>>(other[..length]);
            for (var v = 0; v < vectors.Length; v++)
            {
                vectors[v] &= others[v];
            }

            i = vectors.Length * Vector<ulong>.Count;
        }

        for (; i < length; i++)
        {
            target[i] &= other[i];
        }

        target[length..].Clear();
    }

    /// <summary><paramref name="target"/> |= <paramref name="other"/>, a vector of words at a time (<paramref name="other"/> no longer than the target).</summary>
    public static void OrWith(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var length = Math.Min(target.Length, other.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<ulong>.Count)
        {
            var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(target[..length]);
            var others = MemoryMarshal.Cast<ulong, Vector<ulong>>(other[..length]);
            for (var v = 0; v < vectors.Length; v++)
            {
                vectors[v] |= others[v];
            }

            i = vectors.Length * Vector<ulong>.Count;
        }

        for (; i < length; i++)
        {
            target[i] |= other[i];
        }
    }

    /// <summary><paramref name="target"/> &amp;= ~<paramref name="other"/> (AND-NOT), a vector of words at a time.</summary>
    public static void AndNotWith(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var length = Math.Min(target.Length, other.Length);
        var i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<ulong>.Count)
        {
            var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(target[..length]);
            var others = MemoryMarshal.Cast<ulong, Vector<ulong>>(other[..length]);
            for (var v = 0; v < vectors.Length; v++)
            {
                vectors[v] = Vector.AndNot(vectors[v], others[v]);
            }

            i = vectors.Length * Vector<ulong>.Count;
        }

        for (; i < length; i++)
        {
            target[i] &= ~other[i];
        }
    }

    /// <summary>The set bits' positions, ascending; <paramref name="count"/> is their number.</summary>
    public static int[] ToRows(ReadOnlySpan<ulong> bits, int count)
    {
        var result = new int[count];
        var next = 0;
        for (var word = 0; word < bits.Length && next < count; word++)
        {
            var remaining = bits[word];
            while (remaining != 0)
            {
                result[next++] = (word << 6) + BitOperations.TrailingZeroCount(remaining);
                remaining &= remaining - 1;
            }
        }

        return result;
    }

    /// <summary>The rows in both bitmaps, ascending, with no intermediate bitmap: one pass counts, one writes.</summary>
    public static int[] AndToRows(ReadOnlySpan<ulong> left, ReadOnlySpan<ulong> right) => AndToRows(left, right, AndCount(left, right));

    /// <summary>The rows in both bitmaps, ascending, given their number (<see cref="AndCount"/>): one pass writes them.</summary>
    public static int[] AndToRows(ReadOnlySpan<ulong> left, ReadOnlySpan<ulong> right, int count)
    {
        var result = new int[count];
        var next = 0;
        var length = Math.Min(left.Length, right.Length);
        for (var word = 0; word < length && next < count; word++)
        {
            var remaining = left[word] & right[word];
            while (remaining != 0)
            {
                result[next++] = (word << 6) + BitOperations.TrailingZeroCount(remaining);
                remaining &= remaining - 1;
            }
        }

        return result;
    }

    /// <summary>The rows of the ascending <paramref name="rows"/> whose bit is set in <paramref name="bits"/>, ascending.</summary>
    public static int[] Filter(ReadOnlySpan<int> rows, ulong[] bits)
    {
        var count = 0;
        foreach (var row in rows)
        {
            count += Contains(bits, row) ? 1 : 0;
        }

        var result = new int[count];
        var next = 0;
        foreach (var row in rows)
        {
            if (Contains(bits, row))
            {
                result[next++] = row;
            }
        }

        return result;
    }
}
