using System.Globalization;
using BorderDomain.Model;

namespace BorderDomain.Data;

/// <summary>
/// Reads a JSON number as a <see cref="decimal"/> only when a decimal holds it exactly (<see cref="ExactDecimal"/>, the
/// rule queries follow too): its magnitude is at most 79228162514264337593543950335, it has at most 28 digits after
/// the point (trailing zeros do not count), and its significant digits fit decimal's 96-bit significand (28 or 29
/// digits). Everything else is refused with the reason: out of range, a nonzero value that would round to 0, or more
/// significant digits than a decimal holds; no value is ever silently changed.
/// </summary>
internal static class DecimalNumber
{
    /// <summary>The value of the JSON number <paramref name="raw"/>, or null and why a decimal cannot hold it.</summary>
    public static decimal? Read(string raw, out string? problem)
    {
        problem = null;
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            problem = DataMessages.NumberOutOfRange(raw);
            return null;
        }

        switch (ExactDecimal.Check(raw, value))
        {
            case DecimalFit.Exact:
                return value;
            case DecimalFit.RoundsToZero:
                problem = DataMessages.NumberUnderflow(raw);
                return null;
            default:
                problem = DataMessages.NumberTooPrecise(raw, value);
                return null;
        }
    }
}
