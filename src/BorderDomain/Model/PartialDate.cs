using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BorderDomain.Model;

/// <summary>
/// A calendar date known to the year, the month or the day. A partial date is an interval: <c>2013</c> covers
/// 2013-01-01 to 2013-12-31, <c>2013-11</c> covers the month. Ordering is by start, then by precision
/// (coarser first), so sorting is total and stable.
/// </summary>
/// <remarks>
/// The default value is not a valid date (<see cref="IsDefault"/> is <see langword="true"/>); every factory
/// returns a valid one. Years run from 1 to 9999.
/// </remarks>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>, IComparable
{
    // year << 9 | month << 5 | day, with 0 for an unknown month or day.
    private readonly int _packed;

    private PartialDate(int packed) => _packed = packed;

    /// <summary>The year (1–9999).</summary>
    public int Year => _packed >> 9;

    /// <summary>The month (1–12), or <see langword="null"/> when only the year is known.</summary>
    public int? Month => ((_packed >> 5) & 0xF) is var m && m != 0 ? m : null;

    /// <summary>The day of the month, or <see langword="null"/> when the day is not known.</summary>
    public int? Day => (_packed & 0x1F) is var d && d != 0 ? d : null;

    /// <summary>How much of the date is known.</summary>
    public PartialDatePrecision Precision =>
        (_packed & 0x1F) != 0 ? PartialDatePrecision.Day
        : ((_packed >> 5) & 0xF) != 0 ? PartialDatePrecision.Month
        : PartialDatePrecision.Year;

    /// <summary><see langword="true"/> for <c>default(PartialDate)</c>, which is not a valid date.</summary>
    public bool IsDefault => _packed == 0;

#if !NETSTANDARD2_0
    /// <summary>
    /// The first day the date covers; <see cref="DateOnly.MinValue"/> for the default value (the missing side of an
    /// open <see cref="Period"/>), so that reading every property of a record, as serializers and formatters do, never
    /// throws.
    /// </summary>
    public DateOnly Start => IsDefault ? DateOnly.MinValue : DateOnly.FromDayNumber(StartDayNumber);

    /// <summary>The last day the date covers; <see cref="DateOnly.MinValue"/> for the default value.</summary>
    public DateOnly End => IsDefault ? DateOnly.MinValue : DateOnly.FromDayNumber(EndDayNumber);
#endif

    /// <summary>
    /// The first day covered, as a day number (days since 0001-01-01, as <c>DateOnly.DayNumber</c>), for sorted indexes;
    /// -1 for the default value, before every date.
    /// </summary>
    public int StartDayNumber => IsDefault ? -1 : DayNumber(Year, Month ?? 1, Day ?? 1);

    /// <summary>
    /// The last day covered, as a day number (days since 0001-01-01, as <c>DateOnly.DayNumber</c>), for sorted indexes;
    /// -1 for the default value.
    /// </summary>
    public int EndDayNumber => Precision switch
    {
        _ when IsDefault => -1,
        PartialDatePrecision.Year => DayNumber(Year, 12, 31),
        PartialDatePrecision.Month => DayNumber(Year, Month!.Value, DateTime.DaysInMonth(Year, Month.Value)),
        _ => StartDayNumber,
    };

    /// <summary>A date known to the year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1–9999.</exception>
    public static PartialDate FromYear(int year) => Create(year, 0, 0);

    /// <summary>A date known to the month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static PartialDate FromYearMonth(int year, int month) => Create(year, month, 0);

    /// <summary>A full calendar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year, month or day is out of range.</exception>
    public static PartialDate FromDate(int year, int month, int day) => Create(year, month, day);

#if !NETSTANDARD2_0
    /// <summary>A full calendar date.</summary>
    public static PartialDate FromDate(DateOnly date) => new(Pack(date.Year, date.Month, date.Day));
#endif

    /// <summary>
    /// The forms a partial date is written in, as every message that asks for one says it (this type's, the query
    /// diagnostics' and the data loader's): <c>yyyy, yyyy-MM or yyyy-MM-dd</c>.
    /// </summary>
    internal const string Formats = "yyyy, yyyy-MM or yyyy-MM-dd";

    /// <summary>Parses <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    /// <exception cref="FormatException">The text is not such a date.</exception>
    public static PartialDate Parse(string text)
    {
        _ = text ?? throw new ArgumentNullException(nameof(text));
        return TryParse(text, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a partial date: expected {Formats}.");
    }

    /// <summary>Parses <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>; <see langword="false"/> when it is not such a date.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date) =>
        TryParse(text.AsSpan(), out date) && text is not null;

    /// <summary>Parses <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>; <see langword="false"/> when it is not such a date.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate date)
    {
        date = default;
        if (text.Length is not (4 or 7 or 10) || !TryDigits(text[..4], out var year))
        {
            return false;
        }

        var month = 0;
        var day = 0;
        if (text.Length >= 7 && (text[4] != '-' || !TryDigits(text.Slice(5, 2), out month)))
        {
            return false;
        }

        if (text.Length == 10 && (text[7] != '-' || !TryDigits(text.Slice(8, 2), out day)))
        {
            return false;
        }

        if (!IsValid(year, month, day, text.Length))
        {
            return false;
        }

        date = new PartialDate(Pack(year, month, day));
        return true;
    }

    /// <summary>Whether this date's interval lies wholly inside <paramref name="other"/>'s ("falls inside").</summary>
    public bool FallsWithin(PartialDate other) => StartDayNumber >= other.StartDayNumber && EndDayNumber <= other.EndDayNumber;

    /// <inheritdoc />
    public bool Equals(PartialDate other) => _packed == other._packed;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _packed;

    /// <summary>Orders by start day, then coarser precision first.</summary>
    public int CompareTo(PartialDate other)
    {
        var byStart = StartDayNumber.CompareTo(other.StartDayNumber);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        PartialDate other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a PartialDate.", nameof(obj)),
    };

    /// <summary>The ISO form: <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    public override string ToString() => IsDefault ? "(none)" : Precision switch
    {
        PartialDatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        PartialDatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    /// <summary>Equality of year, month, day and precision.</summary>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Inequality of year, month, day or precision.</summary>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    /// <summary>Ordering as <see cref="CompareTo(PartialDate)"/>.</summary>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Ordering as <see cref="CompareTo(PartialDate)"/>.</summary>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering as <see cref="CompareTo(PartialDate)"/>.</summary>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Ordering as <see cref="CompareTo(PartialDate)"/>.</summary>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    private static PartialDate Create(int year, int month, int day)
    {
        if (!IsValid(year, month, day, day != 0 ? 10 : month != 0 ? 7 : 4))
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"{year}-{month}-{day} is not a valid partial date.");
        }

        return new PartialDate(Pack(year, month, day));
    }

    private static bool IsValid(int year, int month, int day, int length) =>
        year is >= 1 and <= 9999
        && (length == 4 ? month == 0 : month is >= 1 and <= 12)
        && (length == 10 ? day >= 1 && day <= DateTime.DaysInMonth(year, month) : day == 0);

    private static int Pack(int year, int month, int day) => (year << 9) | (month << 5) | day;

    // Days since 0001-01-01 in the proleptic Gregorian calendar, the numbering of DateOnly.DayNumber.
    private static int DayNumber(int year, int month, int day)
    {
        var y = year - 1;
        var days = (y * 365) + (y / 4) - (y / 100) + (y / 400);
        for (var m = 1; m < month; m++)
        {
            days += DateTime.DaysInMonth(year, m);
        }

        return days + day - 1;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
