namespace BorderDomain.Model;

/// <summary>How a written number compares with the <see cref="decimal"/> it was read into.</summary>
internal enum DecimalFit
{
    /// <summary>The decimal is the written number exactly.</summary>
    Exact,

    /// <summary>The written number is not zero, but the decimal is: it is too small to hold.</summary>
    RoundsToZero,

    /// <summary>The decimal is the written number rounded: it has more significant digits than a decimal holds.</summary>
    Rounded,
}

/// <summary>
/// The one rule for numbers read into a <see cref="decimal"/>, in queries, parameters and data files alike: a number is
/// accepted only when the decimal holds it exactly, never silently rounded or turned into 0. Notation does not
/// matter: <c>1.000</c>, <c>1e0</c> and <c>1</c> are all 1, and <c>0e-400</c> is exactly 0. (A number too large for a
/// decimal does not parse at all; callers report that themselves.)
/// </summary>
internal static class ExactDecimal
{
    /// <summary>Whether <paramref name="value"/>, parsed from <paramref name="written"/>, is that number exactly.</summary>
    /// <param name="written">The number as written: an optional sign, digits with an optional point, an optional exponent.</param>
    /// <param name="value">What <see cref="decimal.TryParse(string, out decimal)"/> made of it.</param>
    internal static DecimalFit Check(string written, decimal value)
    {
        var exact = Canonical(written);
        if (exact.Digits.Length == 0)
        {
            return DecimalFit.Exact;
        }

        if (value == 0m)
        {
            return DecimalFit.RoundsToZero;
        }

        return Canonical(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) == exact ? DecimalFit.Exact : DecimalFit.Rounded;
    }

    /// <summary>
    /// A number's value as (sign, significant digits, exponent): the value is <c>0.digits × 10^exponent</c>, with no
    /// leading or trailing zeros in the digits; zero is ("", 0) whatever its sign. Exponents beyond ±10^15 are clamped:
    /// no decimal comes near them.
    /// </summary>
    private static (bool Negative, string Digits, long Exponent) Canonical(string number)
    {
        var text = number;
        var negative = text.Length > 0 && text[0] == '-';
        if (negative || (text.Length > 0 && text[0] == '+'))
        {
            text = text.Substring(1);
        }

        long exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            var power = text.Substring(e + 1);
            var powerNegative = power.Length > 0 && power[0] == '-';
            if (power.Length > 0 && power[0] is '-' or '+')
            {
                power = power.Substring(1);
            }

            foreach (var digit in power)
            {
                exponent = System.Math.Min((exponent * 10) + (digit - '0'), 1_000_000_000_000_000L);
            }

            exponent = powerNegative ? -exponent : exponent;
            text = text.Substring(0, e);
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text.Substring(0, point);
        var digits = point < 0 ? text : whole + text.Substring(point + 1);
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
