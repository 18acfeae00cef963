using System;
using System.Globalization;
using BorderDomain.Model;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BorderDomain.EntityFrameworkCore.Storage;

/// <summary>Stores a <see cref="NationCode"/> as its alpha-3 code (<c>PER</c>), which orders as the in-memory engine orders codes.</summary>
public sealed class NationCodeConverter() : ValueConverter<NationCode, string>(code => code.Alpha3, text => NationCode.Parse(text))
{
    /// <summary>The shared instance.</summary>
    public static NationCodeConverter Instance { get; } = new();
}

/// <summary>Stores a <see cref="PartialDate"/> as its text (<c>2013</c>, <c>2013-11</c>, <c>2013-11-14</c>); BDQ compares it through its first and last day numbers.</summary>
public sealed class PartialDateConverter() : ValueConverter<PartialDate, string>(date => date.ToString(), text => PartialDate.Parse(text))
{
    /// <summary>The shared instance.</summary>
    public static PartialDateConverter Instance { get; } = new();
}

/// <summary>Stores a <see cref="Period"/> as its text (<c>2024</c>, <c>2025-01..2025-10</c>); BDQ compares it through its first and last day numbers.</summary>
public sealed class PeriodConverter() : ValueConverter<Period, string>(period => period.ToString(), text => Period.Parse(text))
{
    /// <summary>The shared instance.</summary>
    public static PeriodConverter Instance { get; } = new();
}

/// <summary>Stores a <see cref="Unit"/> as its code (<c>km</c>, <c>USD</c>).</summary>
public sealed class UnitConverter() : ValueConverter<Unit, string>(unit => unit.Code, text => Unit.Parse(text))
{
    /// <summary>The shared instance.</summary>
    public static UnitConverter Instance { get; } = new();
}

/// <summary>Stores a <see cref="Quantity"/> as <c>value unit</c> in the invariant culture (<c>1420 km</c>), exactly.</summary>
public sealed class QuantityConverter() : ValueConverter<Quantity, string>(quantity => quantity.ToString(), text => ParseQuantity(text))
{
    /// <summary>The shared instance.</summary>
    public static QuantityConverter Instance { get; } = new();

    private static Quantity ParseQuantity(string text)
    {
        var space = text.IndexOf(' ', System.StringComparison.Ordinal);
        return new Quantity(decimal.Parse(text.AsSpan(0, space), NumberStyles.Number, CultureInfo.InvariantCulture), Unit.Parse(text[(space + 1)..]));
    }
}
