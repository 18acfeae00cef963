using System;
using BorderDomain.Model;

namespace BorderDomain.Storage;

/// <summary>
/// Two sorted indexes over a date or period field, by the first and by the last day each value covers, so every
/// interval comparison (on or after a start, on or before an end, falls inside) is one or two binary searches.
/// </summary>
public sealed class DateIndex
{
    // Each row's first and last day, by row (NoFirstDay and NoLastDay for a row without a value), so a range is tested on
    // rows already found without reading the records.
    private readonly int[] _firstDays;
    private readonly int[] _lastDays;

    private DateIndex(SortedIndex<int> byStart, SortedIndex<int> byEnd, int[] firstDays, int[] lastDays)
    {
        ByStart = byStart;
        ByEnd = byEnd;
        _firstDays = firstDays;
        _lastDays = lastDays;
    }

    /// <summary>Rows by the day number of the first day their value covers.</summary>
    public SortedIndex<int> ByStart { get; }

    /// <summary>Rows by the day number of the last day their value covers.</summary>
    public SortedIndex<int> ByEnd { get; }

    /// <summary>Approximate bytes held: both indexes and each row's first and last day.</summary>
    public long EstimatedBytes => ByStart.EstimatedBytes + ByEnd.EstimatedBytes + (2L * sizeof(int) * _firstDays.Length);

    /// <summary>The lowest first day a bound may ask for: every value's first day is at or after it, a row without a value's is not.</summary>
    internal const int AnyFirstDay = int.MinValue + 1;

    /// <summary>The highest last day a bound may ask for: every value's last day is at or before it.</summary>
    internal const int AnyLastDay = int.MaxValue;

    // A row without a value: a first day before every bound's, and a last day after every bounded one.
    private const int NoFirstDay = int.MinValue;
    private const int NoLastDay = int.MaxValue;

    /// <summary>
    /// Whether <paramref name="row"/>'s value covers only days from <paramref name="fromDay"/> to
    /// <paramref name="toDay"/>: its first day at or after the one and its last day at or before the other. A row
    /// without a value never is.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool Covers(int row, int fromDay, int toDay) => _firstDays[row] >= fromDay && _lastDays[row] <= toDay;

    /// <summary>How many rows have a first day at or after <paramref name="fromDay"/> and a last day at or before <paramref name="toDay"/>, at most (two binary searches).</summary>
    internal int EstimateWithin(int fromDay, int toDay)
    {
        var (start, end) = Positions(fromDay, toDay);
        return Math.Min(ByStart.Count - start, end);
    }

    /// <summary>
    /// The rows whose first day is at or after <paramref name="fromDay"/> and whose last day is at or before
    /// <paramref name="toDay"/>, as a bitmap of <paramref name="rowCount"/> bits and its count, made the cheaper way: a
    /// narrow range takes the slice of rows starting in it and tests each one's last day; a wide one is the prefix of
    /// the end index up to the last day less the prefix of the start index before the first day, from checkpoints.
    /// The bitmap is <see cref="RowSet"/>'s scratch (<see cref="RowSet.NewBits"/>): a set made of it (<see cref="RowSet.OfBits"/>)
    /// owns it, and gives it back for the next range when no answer keeps it.
    /// </summary>
    internal (ulong[] Bits, int Count) Within(int fromDay, int toDay, int rowCount)
    {
        var (start, end) = Positions(fromDay, toDay);
        // Rows starting in the range (their last day no earlier than their first, so the ones that can match).
        var (sliceStart, sliceEnd) = ByStart.Range(new KeyBound<int>(fromDay, true), toDay == AnyLastDay ? null : new KeyBound<int>(toDay, true));
        var bits = RowSet.NewBits(RowBitmap.Words(rowCount));
        if (sliceEnd - sliceStart <= ByStart.BitmapCost(0, start) + ByEnd.BitmapCost(0, end))
        {
            foreach (var row in ByStart.RowsInKeyOrder[sliceStart..sliceEnd])
            {
                if (_lastDays[row] <= toDay)
                {
                    bits[row >> 6] |= 1UL << row;
                }
            }
        }
        else if (toDay == AnyLastDay)
        {
            ByStart.PositionBits(start, ByStart.Count, bits);
        }
        else
        {
            // Rows ending by the last day, less those starting before the first: when the nearest checkpoint of the
            // start index is past the first day's position, the rows between are set back if they end by the last day.
            ByEnd.PositionBits(0, end, bits);
            if (start > 0)
            {
                var removed = ByStart.RemoveNearestPrefix(bits, start);
                foreach (var row in ByStart.RowsInKeyOrder[start..removed])
                {
                    if (_lastDays[row] <= toDay)
                    {
                        bits[row >> 6] |= 1UL << row;
                    }
                }
            }
        }

        return (bits, RowBitmap.Count(bits));
    }

    // The position in the start index of the first row starting at or after fromDay, and in the end index past the last row ending by toDay.
    private (int Start, int End) Positions(int fromDay, int toDay) =>
        (ByStart.Range(new KeyBound<int>(fromDay, true), null).Start, ByEnd.Range(null, new KeyBound<int>(toDay, true)).End);

    /// <summary>
    /// The first and last day number a date or period value covers: a <see cref="PartialDate"/> its year, month or day; a
    /// <see cref="Period"/> from its first to its last date; a <see cref="DateOnly"/> that day; a <see cref="DateTime"/> the
    /// day of its calendar date (<see cref="DateTime.Date"/>, whatever its <see cref="DateTime.Kind"/>); a
    /// <see cref="DateTimeOffset"/> the day of its UTC date, the instant a database keeps.
    /// </summary>
    public static bool TryGetDays(object? value, out int start, out int end)
    {
        switch (value)
        {
            case PartialDate date:
                return TryGetDays(date, out start, out end);
            case Period period:
                return TryGetDays(period, out start, out end);
            case DateOnly day:
                (start, end) = (day.DayNumber, day.DayNumber);
                return true;
            case DateTime moment:
                start = end = DayOf(moment);
                return true;
            case DateTimeOffset instant:
                start = end = DayOf(instant);
                return true;
            default:
                (start, end) = (0, 0);
                return false;
        }
    }

    /// <summary>The day a moment falls on: its calendar date, whatever its kind.</summary>
    internal static int DayOf(DateTime moment) => DateOnly.FromDateTime(moment).DayNumber;

    /// <summary>The day an instant falls on in UTC.</summary>
    internal static int DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime).DayNumber;

    /// <summary>The first and last day of <paramref name="date"/>; <see langword="false"/> for the default value.</summary>
    public static bool TryGetDays(PartialDate date, out int start, out int end)
    {
        (start, end) = date.IsDefault ? (0, 0) : (date.StartDayNumber, date.EndDayNumber);
        return !date.IsDefault;
    }

    /// <summary>
    /// The first and last day of <paramref name="period"/>; <see langword="false"/> for the default value. An open start
    /// is <see cref="OpenStartDay"/> (before every day a date can name) and an open end is <see cref="OpenEndDay"/>
    /// (after every day), so the interval comparisons read an open period as "no later than" or "no earlier than":
    /// <c>..2012-01-26</c> is <c>&lt;= 2012-01-26</c> and <c>&lt; 2012-02</c> but not <c>= 2012-01</c> nor <c>&gt;= 2012</c>.
    /// </summary>
    public static bool TryGetDays(Period period, out int start, out int end)
    {
        if (period.IsDefault)
        {
            (start, end) = (0, 0);
            return false;
        }

        start = period.HasStart ? period.From.StartDayNumber : OpenStartDay;
        end = period.HasEnd ? period.To.EndDayNumber : OpenEndDay;
        return true;
    }

    /// <summary>The day number an open start stands for: one before 0001-01-01 (day 0), the first day a date can name.</summary>
    internal const int OpenStartDay = -1;

    /// <summary>The day number an open end stands for: after every day a date can name.</summary>
    internal const int OpenEndDay = int.MaxValue;

    /// <summary>Builds the index from each row's typed value (its days read by <see cref="TypedValues.TryGetDays{TValue}"/>, no box), through a <see cref="Builder"/>.</summary>
    internal static DateIndex Build<TValue>(int rowCount, Func<int, TValue> valueAt)
    {
        var builder = new Builder(rowCount);
        for (var row = 0; row < rowCount; row++)
        {
            builder.Add(valueAt(row), row);
        }

        return builder.Finish();
    }

    /// <summary>
    /// The index built a row at a time (rows <c>0 .. rowCount - 1</c> in order, each once): each row's days are noted in
    /// the by-row arrays the index keeps; the sorted indexes' arrays are then made at their final size from them, so
    /// nothing is copied or dropped.
    /// </summary>
    internal sealed class Builder
    {
        private readonly int[] _firstDays;
        private readonly int[] _lastDays;
        private int _count;

        internal Builder(int rowCount)
        {
            _firstDays = new int[rowCount];
            _lastDays = new int[rowCount];
        }

        /// <summary>Notes row <paramref name="row"/>'s value (the rows come in order).</summary>
        internal void Add<TValue>(TValue value, int row)
        {
            if (TypedValues.TryGetDays(value, out var start, out var end))
            {
                (_firstDays[row], _lastDays[row]) = (start, end);
                _count++;
            }
            else
            {
                (_firstDays[row], _lastDays[row]) = (NoFirstDay, NoLastDay);
            }
        }

        /// <summary>The index of the rows added.</summary>
        internal DateIndex Finish()
        {
            var (firstDays, lastDays, count) = (_firstDays, _lastDays, _count);
            var starts = new int[count];
            var ends = new int[count];
            var rowsByStart = new int[count];
            var rowsByEnd = new int[count];
            var next = 0;
            for (var row = 0; row < firstDays.Length; row++)
            {
                if (firstDays[row] != NoFirstDay)
                {
                    (starts[next], ends[next], rowsByStart[next], rowsByEnd[next]) = (firstDays[row], lastDays[row], row, row);
                    next++;
                }
            }

            return new DateIndex(new SortedIndex<int>(starts, rowsByStart), new SortedIndex<int>(ends, rowsByEnd), firstDays, lastDays);
        }
    }
}
