using System;
using System.Collections.Generic;
using System.Globalization;

namespace BorderDomain.Benchmarks;

/// <summary>
/// The dataset sizes every scenario runs at: 1e3, 1e5 and 1e6 records of each kind, or the comma-separated list in
/// the <c>BORDERDOMAIN_BENCH_N</c> environment variable (<c>1000</c>, <c>1e6</c>, <c>1000,1000000</c>), so CI can
/// run every benchmark once at a small size.
/// </summary>
public static class BenchmarkSizes
{
    /// <summary>The environment variable that overrides the sizes.</summary>
    public const string Variable = "BORDERDOMAIN_BENCH_N";

    /// <summary>The sizes of a full run.</summary>
    public static IReadOnlyList<int> Default { get; } = [1_000, 100_000, 1_000_000];

    /// <summary>The sizes to run: <see cref="Variable"/> when set, otherwise <see cref="Default"/>.</summary>
    public static IEnumerable<int> Values() => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Reads a list such as <c>1000, 1e6</c>; null or blank gives <see cref="Default"/>.</summary>
    /// <exception cref="FormatException">An item is not a positive whole number.</exception>
    public static IReadOnlyList<int> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var sizes = new List<int>();
        foreach (var item in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || value < 1 || value > int.MaxValue || value != Math.Floor(value))
            {
                throw new FormatException($"{Variable}: '{item}' is not a positive whole number of records.");
            }

            sizes.Add((int)value);
        }

        return sizes;
    }
}
