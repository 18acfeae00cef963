using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// Rows sorted by a key (ties by row id), so a range of keys is a contiguous slice found with two binary searches.
/// Rows whose key is null are not in the index.
/// </summary>
/// <typeparam name="TKey">The key: a day number for dates, a decimal for numbers.</typeparam>
public sealed class SortedIndex<TKey>
    where TKey : IComparable<TKey>
{
    // The fewest rows for which an index keeps checkpoint bitmaps: below it a range is marked row by row in microseconds.
    private const int CheckpointsFrom = 1 << 15;

    // How many checkpoints a large index keeps: a range is then two word passes and at most a 32nd of the index marked by row.
    private const int CheckpointCount = 32;

    private readonly TKey[] _keys;
    private readonly int[] _rows;

    // Checkpoint i (1-based position i * _step, the last one at Count) is the bitmap of the rows at positions before it;
    // null for a small index.
    private readonly ulong[][]? _checkpoints;
    private readonly int _step;

    // Each row's key's rank among the distinct keys (ascending), by row; -1 for a row without a key. _distinct keys.
    private readonly int[] _ranks;
    private readonly int _distinct;

    internal SortedIndex(TKey[] keys, int[] rows)
    {
        Array.Sort(keys, rows, Comparer<TKey>.Default);
        SortTiesByRow(keys, rows);
        _keys = keys;
        _rows = rows;
        if (rows.Length >= CheckpointsFrom)
        {
            (_checkpoints, _step) = BuildCheckpoints(rows);
        }

        (_ranks, _distinct) = BuildRanks(keys, rows);
    }

    /// <summary>How many rows have a key.</summary>
    public int Count => _rows.Length;

    /// <summary>The rows in ascending key order (ties by ascending row).</summary>
    public ReadOnlySpan<int> RowsInKeyOrder => _rows;

    /// <summary>The keys, ascending, aligned with <see cref="RowsInKeyOrder"/>.</summary>
    public ReadOnlySpan<TKey> Keys => _keys;

    /// <summary>Approximate bytes held: keys, rows, each row's rank and the checkpoint bitmaps of a large index.</summary>
    public long EstimatedBytes =>
        ((long)_rows.Length * (sizeof(int) + System.Runtime.CompilerServices.Unsafe.SizeOf<TKey>())) + ((long)_ranks.Length * sizeof(int))
        + (_checkpoints is { } checkpoints ? (long)checkpoints.Length * (24 + (checkpoints[0].Length * sizeof(ulong))) : 0);

    /// <summary>
    /// What making the bitmap of a range of positions costs, in row-sized steps: with checkpoints two passes over the
    /// words and at most a checkpoint's step marked by row (about a 32nd of the index); without, the range's length.
    /// </summary>
    internal long BitmapCost(int start, int end) =>
        _checkpoints is { } checkpoints ? (2L * checkpoints[0].Length) + (_step / 2) : end - start;

    /// <summary>
    /// A bitmap of the rows at positions <paramref name="start"/> (inclusive) to
    /// <paramref name="end"/> (exclusive) in key order: with checkpoints, the checkpoint nearest the end copied and
    /// corrected by row, then the checkpoint at or before the start removed and corrected by row; otherwise the rows
    /// marked one by one. It holds <c>end - start</c> rows. Written into <paramref name="bits"/>, all clear, a bit
    /// per row of the table (the caller's scratch, so a warm range makes no bitmap).
    /// </summary>
    internal void PositionBits(int start, int end, ulong[] bits)
    {
        end = Math.Max(start, end);
        if (_checkpoints is null || end - start <= _step)
        {
            foreach (var row in _rows.AsSpan(start, end - start))
            {
                bits[row >> 6] |= 1UL << row;
            }

            return;
        }

        SetPrefix(bits, end);
        RemovePrefix(bits, start);
    }

    /// <summary>The bitmap of the rows before <paramref name="end"/> in key order, into the empty <paramref name="bits"/>.</summary>
    internal void SetPrefix(ulong[] bits, int end)
    {
        // The nearest checkpoint (0: none, the empty prefix), then the rows between it and the end set or cleared.
        var nearest = Math.Min(_checkpoints!.Length, (end + (_step / 2)) / _step);
        var at = Checkpoint(nearest);
        if (nearest > 0)
        {
            var checkpoint = _checkpoints[nearest - 1];
            checkpoint.AsSpan(0, Math.Min(checkpoint.Length, bits.Length)).CopyTo(bits);
        }

        if (at <= end)
        {
            foreach (var row in _rows.AsSpan(at, end - at))
            {
                bits[row >> 6] |= 1UL << row;
            }
        }
        else
        {
            foreach (var row in _rows.AsSpan(end, at - end))
            {
                bits[row >> 6] &= ~(1UL << row);
            }
        }
    }

    /// <summary>
    /// Clears in <paramref name="bits"/> the rows before <paramref name="start"/> in key order, from the checkpoint
    /// nearest it, and returns that checkpoint's position: when it is past the start, the rows from the start to it are
    /// cleared too, and the caller sets back those of them it keeps.
    /// </summary>
    internal int RemoveNearestPrefix(ulong[] bits, int start)
    {
        if (_checkpoints is null)
        {
            RemovePrefix(bits, start);
            return start;
        }

        var nearest = Math.Min(_checkpoints.Length, (start + (_step / 2)) / _step);
        var at = Checkpoint(nearest);
        if (at <= start)
        {
            RemovePrefix(bits, start);
            return start;
        }

        RowBitmap.AndNotWith(bits, _checkpoints[nearest - 1]);
        return at;
    }

    /// <summary>Clears in <paramref name="bits"/> the rows before <paramref name="start"/> in key order.</summary>
    internal void RemovePrefix(ulong[] bits, int start)
    {
        // The checkpoint at or before the start (clearing more than the prefix would lose rows), then the rest by row.
        var below = _checkpoints is null ? 0 : Math.Min(_checkpoints.Length, start / _step);
        var at = Checkpoint(below);
        if (below > 0)
        {
            RowBitmap.AndNotWith(bits, _checkpoints![below - 1]);
        }

        foreach (var row in _rows.AsSpan(at, start - at))
        {
            bits[row >> 6] &= ~(1UL << row);
        }
    }

    // The position checkpoint 'number' (1-based; 0 is the empty prefix) stands at.
    private int Checkpoint(int number) => _checkpoints is null || number == _checkpoints.Length ? (number == 0 ? 0 : _rows.Length) : number * _step;

    /// <summary>
    /// Every row set in <paramref name="members"/> (<paramref name="count"/> of them) in key order, as
    /// <see cref="WalkMembers"/> orders them, the cheaper way: when the members and the distinct keys are together
    /// fewer than the index's rows, a counting sort by each member's key rank (two passes over the members, one over
    /// the ranks' counts, stable so ties stay in row order); otherwise the walk over the whole index.
    /// </summary>
    internal int[] InKeyOrder(ulong[] members, int count, bool descending)
    {
        if ((long)_distinct + (2L * count) >= _rows.Length)
        {
            return WalkMembers(members, count, descending);
        }

        // Bucket by rank (reversed when descending); the last bucket holds the members without a key. The counts are
        // pooled scratch: only the answer is allocated.
        var rented = System.Buffers.ArrayPool<int>.Shared.Rent(_distinct + 1);
        try
        {
            var buckets = rented.AsSpan(0, _distinct + 1);
            buckets.Clear();
            for (var word = 0; word < members.Length; word++)
            {
                for (var remaining = members[word]; remaining != 0; remaining &= remaining - 1)
                {
                    buckets[Bucket((word << 6) + System.Numerics.BitOperations.TrailingZeroCount(remaining), descending)]++;
                }
            }

            var sum = 0;
            for (var bucket = 0; bucket < buckets.Length; bucket++)
            {
                (buckets[bucket], sum) = (sum, sum + buckets[bucket]);
            }

            var result = new int[count];
            for (var word = 0; word < members.Length; word++)
            {
                for (var remaining = members[word]; remaining != 0; remaining &= remaining - 1)
                {
                    var row = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(remaining);
                    result[buckets[Bucket(row, descending)]++] = row;
                }
            }

            return result;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// <paramref name="rows"/> (distinct) in key order as <see cref="InKeyOrder"/> orders them (ties in row order, rows
    /// without a key last), sorted as one packed integer per row (its key's rank, then the row) in pooled scratch: for
    /// few rows, where a pass over the ranks' counts or the whole index would read more. Only the answer is allocated.
    /// </summary>
    internal int[] SortByKey(ReadOnlySpan<int> rows, bool descending)
    {
        if (rows.IsEmpty)
        {
            return [];
        }

        var packed = System.Buffers.ArrayPool<ulong>.Shared.Rent(rows.Length);
        try
        {
            var keys = packed.AsSpan(0, rows.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                keys[i] = ((ulong)(uint)Bucket(rows[i], descending) << 32) | (uint)rows[i];
            }

            keys.Sort();
            var result = new int[rows.Length];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (int)(uint)keys[i];
            }

            return result;
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(packed);
        }
    }

    // A row's bucket in the counting sort: its rank, counted from the largest key when descending; _distinct without a key.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Bucket(int row, bool descending)
    {
        var rank = (uint)row < (uint)_ranks.Length ? _ranks[row] : -1;
        return rank < 0 ? _distinct : descending ? _distinct - 1 - rank : rank;
    }

    /// <summary>
    /// Every row set in <paramref name="members"/> (<paramref name="count"/> of them) in key order, ascending or
    /// descending, ties in ascending row order, then the members without a key in row order: one pass over the index
    /// with a bit test per row, into one array of the answer's size.
    /// </summary>
    internal int[] WalkMembers(ulong[] members, int count, bool descending)
    {
        var result = new int[count];
        var next = 0;
        var order = _rows;

        // Each row is written at the answer's end and kept by advancing past it only when its bit is set: no branch
        // on the (unpredictable) membership. The loop stops once every member is written, so a write is always in bounds.
        if (!descending)
        {
            for (var i = 0; i < order.Length && next < count; i++)
            {
                var row = order[i];
                result[next] = row;
                next += (int)((members[row >> 6] >> row) & 1);
            }
        }
        else if (order.Length > 0)
        {
            // From the largest key down; a tie group comes out in descending rows and is reversed once the key changes
            // (the index holds ties in ascending rows). A walk that stops inside a group has written all its members.
            var keys = _keys;
            var groupKey = keys[^1];
            var groupStart = 0;
            for (var i = order.Length - 1; i >= 0 && next < count; i--)
            {
                if (keys[i].CompareTo(groupKey) != 0)
                {
                    result.AsSpan(groupStart, next - groupStart).Reverse();
                    groupStart = next;
                    groupKey = keys[i];
                }

                var row = order[i];
                result[next] = row;
                next += (int)((members[row >> 6] >> row) & 1);
            }

            result.AsSpan(groupStart, next - groupStart).Reverse();
        }

        if (next < count)
        {
            // The index ran out: the members without a key come last, in row order (the indexed rows marked in pooled scratch).
            var rented = System.Buffers.ArrayPool<ulong>.Shared.Rent(members.Length);
            var indexed = rented.AsSpan(0, members.Length);
            indexed.Clear();
            foreach (var row in order)
            {
                indexed[row >> 6] |= 1UL << row;
            }

            for (var word = 0; word < members.Length && next < count; word++)
            {
                var remaining = members[word] & ~indexed[word];
                while (remaining != 0)
                {
                    result[next++] = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(remaining);
                    remaining &= remaining - 1;
                }
            }

            System.Buffers.ArrayPool<ulong>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>The positions [start, end) of the keys in the range; a missing bound is open.</summary>
    public (int Start, int End) Range(KeyBound<TKey>? low, KeyBound<TKey>? high)
    {
        var start = low is not { } from ? 0 : from.Inclusive ? LowerBound(from.Value) : UpperBound(from.Value);
        var end = high is not { } to ? _keys.Length : to.Inclusive ? UpperBound(to.Value) : LowerBound(to.Value);
        return (start, Math.Max(start, end));
    }

    /// <summary>The rows whose key falls in the range, in key order.</summary>
    public ReadOnlySpan<int> RowsInRange(KeyBound<TKey>? low, KeyBound<TKey>? high)
    {
        var (start, end) = Range(low, high);
        return _rows.AsSpan(start, end - start);
    }

    /// <summary>How many rows' keys fall in the range: two binary searches, no rows touched.</summary>
    public int CountInRange(KeyBound<TKey>? low, KeyBound<TKey>? high)
    {
        var (start, end) = Range(low, high);
        return end - start;
    }

    private int LowerBound(TKey key)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (_keys[mid].CompareTo(key) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private int UpperBound(TKey key)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (_keys[mid].CompareTo(key) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    // Each row's rank among the distinct keys, by row (-1 for rows up to the largest without a key), and how many keys are distinct.
    private static (int[] Ranks, int Distinct) BuildRanks(TKey[] keys, int[] rows)
    {
        var rowCount = 0;
        foreach (var row in rows)
        {
            rowCount = Math.Max(rowCount, row + 1);
        }

        var ranks = new int[rowCount];
        ranks.AsSpan().Fill(-1);
        var rank = -1;
        for (var i = 0; i < rows.Length; i++)
        {
            if (i == 0 || keys[i].CompareTo(keys[i - 1]) != 0)
            {
                rank++;
            }

            ranks[rows[i]] = rank;
        }

        return (ranks, rank + 1);
    }

    // Checkpoints every Count / CheckpointCount positions (the last at Count): each the previous one plus its step's rows.
    private static (ulong[][] Checkpoints, int Step) BuildCheckpoints(int[] rows)
    {
        var rowCount = 0;
        foreach (var row in rows)
        {
            rowCount = Math.Max(rowCount, row + 1);
        }

        var step = (rows.Length + CheckpointCount - 1) / CheckpointCount;
        var checkpoints = new ulong[(rows.Length + step - 1) / step][];
        var bits = new ulong[RowBitmap.Words(rowCount)];
        for (var i = 0; i < checkpoints.Length; i++)
        {
            foreach (var row in rows.AsSpan(i * step, Math.Min(step, rows.Length - (i * step))))
            {
                bits[row >> 6] |= 1UL << row;
            }

            checkpoints[i] = (ulong[])bits.Clone();
        }

        return (checkpoints, step);
    }

    private static void SortTiesByRow(TKey[] keys, int[] rows)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i].CompareTo(keys[start]) != 0)
            {
                if (i - start > 1)
                {
                    Array.Sort(rows, start, i - start);
                }

                start = i;
            }
        }
    }
}
