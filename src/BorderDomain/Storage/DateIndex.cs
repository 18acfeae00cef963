using System;
using BorderDomain.Model;

namespace BorderDomain.Storage;

/// <summary>
/// Two sorted indexes over a date or period field, by the first and by the last day each value covers, so every
/// interval comparison (on or after a start, on or before an end, falls inside) is one or two binary searches.
/// </summary>
public sealed class DateIndex
{
    private DateIndex(SortedIndex<int> byStart, SortedIndex<int> byEnd)
    {
        ByStart = byStart;
        ByEnd = byEnd;
    }

    /// <summary>Rows by the day number of the first day their value covers.</summary>
    public SortedIndex<int> ByStart { get; }

    /// <summary>Rows by the day number of the last day their value covers.</summary>
    public SortedIndex<int> ByEnd { get; }

    /// <summary>Approximate bytes held.</summary>
    public long EstimatedBytes => ByStart.EstimatedBytes + ByEnd.EstimatedBytes;

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
                start = end = DateOnly.FromDateTime(moment).DayNumber;
                return true;
            case DateTimeOffset instant:
                start = end = DateOnly.FromDateTime(instant.UtcDateTime).DayNumber;
                return true;
            default:
                (start, end) = (0, 0);
                return false;
        }
    }

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

    internal static DateIndex Build(int rowCount, Func<int, object?> valueAt)
    {
        var starts = new int[rowCount];
        var ends = new int[rowCount];
        var rows = new int[rowCount];
        var count = 0;
        for (var row = 0; row < rowCount; row++)
        {
            if (TryGetDays(valueAt(row), out var start, out var end))
            {
                starts[count] = start;
                ends[count] = end;
                rows[count++] = row;
            }
        }

        var rowsByStart = rows[..count];
        var rowsByEnd = rows[..count];
        return new DateIndex(new SortedIndex<int>(starts[..count], rowsByStart), new SortedIndex<int>(ends[..count], rowsByEnd));
    }
}
