using System;
using System.Diagnostics.CodeAnalysis;

namespace BorderDomain.Model;

/// <summary>
/// The time a statistic covers: one partial date (<c>2024</c>), a range (<c>2025-01..2025-10</c>), or a range open on
/// one side: only known to end by a date (<c>..2025-12-12</c>, <see cref="Before"/>) or to start from one
/// (<c>2022-10..</c>, <see cref="After"/>). As an interval it runs from <see cref="From"/>'s start (or without a
/// first day when <see cref="HasStart"/> is false) to <see cref="To"/>'s end (or without a last day when
/// <see cref="HasEnd"/> is false).
/// </summary>
/// <remarks>The default value is not a valid period (<see cref="IsDefault"/>): at least one side is always set.</remarks>
public readonly struct Period : IEquatable<Period>, IComparable<Period>
{
    private readonly PartialDate _from;
    private readonly PartialDate _to;

    private Period(PartialDate from, PartialDate to)
    {
        _from = from;
        _to = to;
    }

    /// <summary>The first partial date of the period; the default <see cref="PartialDate"/> when the start is open (<see cref="HasStart"/> is false).</summary>
    public PartialDate From => _from;

    /// <summary>
    /// The last partial date of the period (equal to <see cref="From"/> for a single date); the default
    /// <see cref="PartialDate"/> when the end is open (<see cref="HasEnd"/> is false).
    /// </summary>
    public PartialDate To => _to;

    /// <summary>Whether the period has a first date; false for an open start (<c>..2025-12-12</c>).</summary>
    public bool HasStart => !_from.IsDefault;

    /// <summary>Whether the period has a last date; false for an open end (<c>2022-10..</c>).</summary>
    public bool HasEnd => !_to.IsDefault;

    /// <summary>Whether the period is one partial date rather than a range; false for an open period.</summary>
    public bool IsSingle => HasStart && _from == _to;

    /// <summary><see langword="true"/> for <c>default(Period)</c>, which has neither side set.</summary>
    public bool IsDefault => !HasStart && !HasEnd;

    /// <summary>A period of one partial date.</summary>
    public static Period Of(PartialDate date) => date.IsDefault
        ? throw new ArgumentException("The date is the default value.", nameof(date))
        : new Period(date, date);

    /// <summary>A period from <paramref name="from"/> through <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentException">A date is default, or <paramref name="to"/> ends before <paramref name="from"/> starts.</exception>
    public static Period Between(PartialDate from, PartialDate to)
    {
        if (from.IsDefault || to.IsDefault)
        {
            throw new ArgumentException("A period needs two valid dates.", nameof(from));
        }

        return to.End < from.Start
            ? throw new ArgumentException($"The period ends ({to}) before it starts ({from}).", nameof(to))
            : new Period(from, to);
    }

    /// <summary>A period open at the start: only known to end no later than <paramref name="to"/>'s end (<c>..2025-12-12</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is the default value.</exception>
    public static Period Before(PartialDate to) => to.IsDefault
        ? throw new ArgumentException("The date is the default value.", nameof(to))
        : new Period(default, to);

    /// <summary>A period open at the end: only known to start no earlier than <paramref name="from"/>'s start (<c>2022-10..</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is the default value.</exception>
    public static Period After(PartialDate from) => from.IsDefault
        ? throw new ArgumentException("The date is the default value.", nameof(from))
        : new Period(from, default);

    /// <summary>
    /// Parses <c>date</c>, <c>date..date</c>, <c>..date</c> (open start) or <c>date..</c> (open end), each date as
    /// <see cref="PartialDate.Parse"/> reads it; <c>..</c> alone is not a period.
    /// </summary>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static Period Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period: expected a partial date, 'from..to', '..to' or 'from..'.");
    }

    /// <summary>Parses <c>date</c>, <c>date..date</c>, <c>..date</c> or <c>date..</c>; <see langword="false"/> when it is not a valid period.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }

        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            if (!PartialDate.TryParse(text, out var single))
            {
                return false;
            }

            period = new Period(single, single);
            return true;
        }

        var fromText = text.AsSpan(0, dots);
        var toText = text.AsSpan(dots + 2);
        if (fromText.IsEmpty && toText.IsEmpty)
        {
            return false; // ".." alone: neither side
        }

        PartialDate from = default, to = default;
        if ((!fromText.IsEmpty && !PartialDate.TryParse(fromText, out from))
            || (!toText.IsEmpty && !PartialDate.TryParse(toText, out to))
            || (!from.IsDefault && !to.IsDefault && to.End < from.Start))
        {
            return false;
        }

        period = new Period(from, to);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Period other) => _from == other._from && _to == other._to;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Period other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_from, _to);

    /// <summary>Orders by start (an open start first), then by end (an open end last).</summary>
    public int CompareTo(Period other)
    {
        var byFrom = HasStart == other.HasStart ? (HasStart ? _from.CompareTo(other._from) : 0) : (HasStart ? 1 : -1);
        if (byFrom != 0)
        {
            return byFrom;
        }

        return HasEnd == other.HasEnd ? (HasEnd ? _to.CompareTo(other._to) : 0) : (HasEnd ? -1 : 1);
    }

    /// <summary><c>2024</c>, <c>2025-01..2025-10</c>, <c>..2025-12-12</c> or <c>2022-10..</c>.</summary>
    public override string ToString() =>
        IsDefault ? _from.ToString()
        : IsSingle ? _from.ToString()
        : !HasStart ? $"..{_to}"
        : !HasEnd ? $"{_from}.."
        : $"{_from}..{_to}";

    /// <summary>Same period.</summary>
    public static bool operator ==(Period left, Period right) => left.Equals(right);

    /// <summary>Different periods.</summary>
    public static bool operator !=(Period left, Period right) => !left.Equals(right);

    /// <summary>Ordering as <see cref="CompareTo"/>.</summary>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>Ordering as <see cref="CompareTo"/>.</summary>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>Ordering as <see cref="CompareTo"/>.</summary>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering as <see cref="CompareTo"/>.</summary>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;
}
