using System;
using System.Text;

namespace BorderDomain.Data;

/// <summary>Checks on JSON string text as written, escapes and all.</summary>
internal static class JsonText
{
    /// <summary>
    /// The first <c>\uXXXX</c> escape in <paramref name="raw"/> (a string's or name's text between its quotes, as
    /// written) that is half of a UTF-16 surrogate pair without its other half, as written; or null if there is none.
    /// Such text is well-formed JSON but not Unicode, and no .NET string can be read from it.
    /// </summary>
    public static string? LoneSurrogate(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            if (i + 1 >= raw.Length || raw[i + 1] != (byte)'u')
            {
                i++; // an escape such as \\ or \n: skip its second character
                continue;
            }

            if (Unit(raw, i) is not { } unit)
            {
                continue;
            }

            if (char.IsHighSurrogate(unit) && Unit(raw, i + 6) is { } next && char.IsLowSurrogate(next))
            {
                i += 11; // a whole pair
                continue;
            }

            if (char.IsSurrogate(unit))
            {
                return Encoding.ASCII.GetString(raw.Slice(i, 6));
            }

            i += 5;
        }

        return null;
    }

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape starting at <paramref name="at"/>, if there is one.</summary>
    private static char? Unit(ReadOnlySpan<byte> raw, int at)
    {
        if (at + 6 > raw.Length || raw[at] != (byte)'\\' || raw[at + 1] != (byte)'u')
        {
            return null;
        }

        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var digit = HexDigit(raw[k]);
            if (digit < 0)
            {
                return null;
            }

            value = (value << 4) | digit;
        }

        return (char)value;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
