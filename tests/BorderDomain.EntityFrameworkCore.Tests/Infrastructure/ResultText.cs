using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.Query;

namespace BorderDomain.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A result as lines of text, one per row, for comparing two engines' answers with a readable diff: collections by
/// element (an array from SQL equals the record's ImmutableArray), numbers by value (2.50 = 2.5, an int count = a long).
/// </summary>
internal static class ResultText
{
    internal static List<string> Lines(BdqResult result)
    {
        var lines = new List<string>
        {
            $"kind={result.Kind} set={result.Set.Name} truncated={result.IsTruncated} count={result.Count?.ToString(CultureInfo.InvariantCulture) ?? "-"} records={result.Records.Count}",
            "columns: " + string.Join(" | ", result.Columns),
        };
        lines.AddRange(result.Rows.Select(row => string.Join(" | ", row.Select(Value))));
        return lines;
    }

    internal static string Value(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        decimal number => Number(number),
        double number => Number((decimal)number),
        float number => Number((decimal)number),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Number(decimal number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
