using System;
using System.Globalization;

namespace BorderDomain.Data;

/// <summary>
/// Reads a JSON number as a <see cref="decimal"/> only when a decimal holds it exactly. The rule: a number is accepted
/// iff its exact value equals some decimal value, that is, its magnitude is at most
/// 79228162514264337593543950335, it has at most 28 digits after the point (trailing zeros do not count), and its
/// significant digits fit decimal's 96-bit significand (28 or 29 digits). Everything else is refused with the reason:
/// out of range, a nonzero value that would round to 0, or more significant digits than a decimal holds (which would
/// be rounded); no value is ever silently changed. Notation does not matter: <c>1.000</c>, <c>1e0</c> and <c>1</c> are
/// all 1, and <c>0e-400</c> is exactly 0.
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

        var written = Canonical(raw);
        var held = Canonical(value.ToString(CultureInfo.InvariantCulture));
        if (written == held)
        {
            return value;
        }

        problem = value == 0m ? DataMessages.NumberUnderflow(raw) : DataMessages.NumberTooPrecise(raw, value);
        return null;
    }

    /// <summary>
    /// A number's value as (sign, significant digits, exponent): the value is <c>0.digits × 10^exponent</c>, with no
    /// leading or trailing zeros in the digits; zero is ("", 0) whatever its sign. Exponents beyond ±10^15 are clamped:
    /// no decimal comes near them.
    /// </summary>
    private static (bool Negative, string Digits, long Exponent) Canonical(string number)
    {
        var text = number.AsSpan();
        var negative = text.Length > 0 && text[0] == '-';
        if (negative || (text.Length > 0 && text[0] == '+'))
        {
            text = text[1..];
        }

        long exponent = 0;
        var e = text.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            var power = text[(e + 1)..];
            var powerNegative = power.Length > 0 && power[0] == '-';
            if (power.Length > 0 && power[0] is '-' or '+')
            {
                power = power[1..];
            }

            foreach (var digit in power)
            {
                exponent = Math.Min(exponent * 10 + (digit - '0'), 1_000_000_000_000_000L);
            }

            exponent = powerNegative ? -exponent : exponent;
            text = text[..e];
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? ReadOnlySpan<char>.Empty : text[(point + 1)..];
        var digits = string.Concat(whole, fraction);
        var leading = digits.Length - digits.TrimStart('0').Length;
        var significant = digits.Trim('0');
        if (significant.Length == 0)
        {
            return (false, string.Empty, 0);
        }

        // 0.digits × 10^(whole.Length − leading zeros + exponent)
        return (negative, significant, whole.Length - leading + exponent);
    }
}
