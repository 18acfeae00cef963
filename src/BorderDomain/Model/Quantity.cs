using System;
using System.Globalization;

namespace BorderDomain.Model;

/// <summary>A number with its unit or currency, e.g. 1,420 km or 2.037 billion USD.</summary>
/// <remarks>The default value is 0 <c>items</c>.</remarks>
/// <param name="Value">The number, exactly as stated (no rounding).</param>
/// <param name="Unit">What the number counts or measures.</param>
public readonly record struct Quantity(decimal Value, Unit Unit)
{
    /// <summary>The value and unit, e.g. <c>1420 km</c>, in the invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value} {Unit.Code}");
}
