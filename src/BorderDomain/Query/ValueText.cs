using System;
using System.Collections;
using System.Globalization;
using System.Text;

namespace BorderDomain.Query;

/// <summary>
/// How a result value reads as text, the same everywhere it is shown: <c>borderq</c>'s table, CSV and JSON, the HTML
/// renderer and its charts, or your own display of a <see cref="BdqResult"/>.
/// </summary>
public static class ValueText
{
    /// <summary>The separator between a collection's items.</summary>
    public const string ItemSeparator = ", ";

    /// <summary>
    /// Null is empty; a string is itself; numbers, enums and dates use the invariant culture; a collection (not a
    /// string) is its items joined with ", "; anything else (<c>PartialDate</c>, <c>Period</c>, <c>NationCode</c>,
    /// <c>Unit</c>, <c>Quantity</c> …) is its <see cref="object.ToString"/>.
    /// </summary>
    public static string Display(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => Join(items),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Whether the value is a number (written unquoted in JSON, right-aligned in tables).</summary>
    public static bool IsNumber(object? value) =>
        value is decimal or double or float or int or long or short or byte or sbyte or uint or ulong or ushort;

    private static string Join(IEnumerable items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (text.Length > 0)
            {
                text.Append(ItemSeparator);
            }

            text.Append(Display(item));
        }

        return text.ToString();
    }
}
