using System;
using System.Diagnostics.CodeAnalysis;

namespace BorderDomain.Model;

/// <summary>
/// The time a statistic covers: one partial date (<c>2024</c>) or a range (<c>2025-01..2025-10</c>).
/// As an interval it runs from <see cref="From"/>'s start to <see cref="To"/>'s end.
/// </summary>
/// <remarks>The default value is not a valid period (<see cref="IsDefault"/>).</remarks>
public readonly struct Period : IEquatable<Period>, IComparable<Period>
{
    private readonly PartialDate _from;
    private readonly PartialDate _to;

    private Period(PartialDate from, PartialDate to)
    {
        _from = from;
        _to = to;
    }

    /// <summary>The first partial date of the period.</summary>
    public PartialDate From => _from;

    /// <summary>The last partial date of the period (equal to <see cref="From"/> for a single date).</summary>
    public PartialDate To => _to;

    /// <summary>Whether the period is one partial date rather than a range.</summary>
    public bool IsSingle => _from == _to;

    /// <summary><see langword="true"/> for <c>default(Period)</c>.</summary>
    public bool IsDefault => _from.IsDefault;

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

    /// <summary>Parses <c>date</c> or <c>date..date</c>, each date as <see cref="PartialDate.Parse"/> reads it.</summary>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static Period Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period: expected a partial date or 'from..to'.");
    }

    /// <summary>Parses <c>date</c> or <c>date..date</c>; <see langword="false"/> when it is not a valid period.</summary>
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

        if (!PartialDate.TryParse(text.AsSpan(0, dots), out var from)
            || !PartialDate.TryParse(text.AsSpan(dots + 2), out var to)
            || to.End < from.Start)
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

    /// <summary>Orders by start, then by end.</summary>
    public int CompareTo(Period other)
    {
        var byFrom = _from.CompareTo(other._from);
        return byFrom != 0 ? byFrom : _to.CompareTo(other._to);
    }

    /// <summary><c>2024</c> or <c>2025-01..2025-10</c>.</summary>
    public override string ToString() => IsSingle ? _from.ToString() : $"{_from}..{_to}";

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
