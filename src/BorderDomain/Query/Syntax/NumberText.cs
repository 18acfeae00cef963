using System.Globalization;
using BorderDomain.Model;

namespace BorderDomain.Query.Syntax;

/// <summary>What keeps a number from being a BDQ number.</summary>
internal enum NumberProblem
{
    /// <summary>The number is a BDQ number.</summary>
    None,

    /// <summary>The text does not follow BDQ's number syntax (ASCII digits, an optional leading '-' and '.digits').</summary>
    NotANumber,

    /// <summary>Its magnitude is beyond what <see cref="decimal"/> holds.</summary>
    TooLarge,

    /// <summary>It is not zero, but would become zero.</summary>
    TooSmall,

    /// <summary>It has more significant digits than <see cref="decimal"/> holds, so it would be rounded.</summary>
    TooPrecise,
}

/// <summary>
/// BDQ's one number rule, for query literals and for parameter values given as text (<c>borderq --param</c>):
/// ASCII digits with an optional leading <c>-</c> and an optional <c>.</c> followed by digits; no exponent, no
/// grouping separators, no <c>+</c>. A number must be held exactly (<see cref="ExactDecimal"/>, the rule data files
/// follow too): one too large, too small or too precise for a <see cref="decimal"/> is an error, never a silently
/// rounded value or a zero.
/// </summary>
internal static class NumberText
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Whether <paramref name="text"/> is written as a BDQ number (whether or not a decimal holds it).</summary>
    internal static bool IsWellFormed(string text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var digits = Digits(text, ref i);
        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (Digits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>The value of <paramref name="text"/>, or what keeps it from being a BDQ number.</summary>
    internal static NumberProblem TryParse(string text, out decimal value)
    {
        value = 0;
        if (!IsWellFormed(text))
        {
            return NumberProblem.NotANumber;
        }

        if (!decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value))
        {
            return NumberProblem.TooLarge;
        }

        // At most 28 digits: a decimal's 96-bit coefficient holds every 28-digit whole number and its scale 28 fraction
        // digits, so the value read is the one written (what Fit finds, without building its canonical strings).
        return DigitCount(text) <= MaxExactDigits ? NumberProblem.None : Fit(text, value);
    }

    private const int MaxExactDigits = 28;

    private static int DigitCount(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The exact decimal of a binary floating-point value, or what keeps it from being one.</summary>
    internal static NumberProblem FromDouble(double number, out decimal value)
    {
        value = 0;
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return NumberProblem.NotANumber;
        }

        // "R" gives the shortest text that reads back as the same double: the value the caller meant.
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return NumberProblem.TooLarge;
        }

        return Fit(text, value);
    }

    private static NumberProblem Fit(string written, decimal value) => ExactDecimal.Check(written, value) switch
    {
        DecimalFit.Exact => NumberProblem.None,
        DecimalFit.RoundsToZero => NumberProblem.TooSmall,
        _ => NumberProblem.TooPrecise,
    };

    private static int Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        return i - start;
    }
}
