using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BorderDomain.Model;

/// <summary>
/// An ISO 3166-1 country code. Written and read as alpha-3 (<c>PER</c>); also knows its alpha-2 (<c>PE</c>),
/// numeric (<c>604</c>) code and English short name. Only officially assigned codes are accepted.
/// </summary>
/// <remarks>The default value is no country (<see cref="IsDefault"/>); every factory returns an assigned code.</remarks>
public readonly struct NationCode : IEquatable<NationCode>, IComparable<NationCode>, IComparable
{
    // 1-based row in the ISO table; 0 is the default (no country).
    private readonly short _row;

    private NationCode(short row) => _row = row;

    /// <summary>Peru (PER).</summary>
    public static NationCode Peru { get; } = Parse("PER");

    /// <summary>Ecuador (ECU).</summary>
    public static NationCode Ecuador { get; } = Parse("ECU");

    /// <summary>Colombia (COL).</summary>
    public static NationCode Colombia { get; } = Parse("COL");

    /// <summary>The United States (USA).</summary>
    public static NationCode UnitedStates { get; } = Parse("USA");

    /// <summary>Every officially assigned code, in alpha-3 order.</summary>
    public static ImmutableArray<NationCode> All { get; } = CreateAll();

    /// <summary>The alpha-3 code, e.g. <c>PER</c>; empty for the default value.</summary>
    public string Alpha3 => IsDefault ? string.Empty : Table.Rows[_row - 1].Alpha3;

    /// <summary>The alpha-2 code, e.g. <c>PE</c>; empty for the default value.</summary>
    public string Alpha2 => IsDefault ? string.Empty : Table.Rows[_row - 1].Alpha2;

    /// <summary>The numeric code, e.g. 604; 0 for the default value.</summary>
    public int Numeric => IsDefault ? 0 : Table.Rows[_row - 1].Numeric;

    /// <summary>The English short name, e.g. <c>Peru</c>; empty for the default value.</summary>
    public string EnglishName => IsDefault ? string.Empty : Table.Rows[_row - 1].Name;

    /// <summary><see langword="true"/> for <c>default(NationCode)</c>, which names no country.</summary>
    public bool IsDefault => _row == 0;

    /// <summary>Parses an alpha-3 code, ignoring case.</summary>
    /// <exception cref="FormatException">The text is not an assigned alpha-3 code.</exception>
    public static NationCode Parse(string alpha3)
    {
        ArgumentNullException.ThrowIfNull(alpha3);
        return TryParse(alpha3, out var code)
            ? code
            : throw new FormatException($"'{alpha3}' is not an ISO 3166-1 alpha-3 code.");
    }

    /// <summary>Parses an alpha-3 code, ignoring case; <see langword="false"/> when it is not an assigned code.</summary>
    public static bool TryParse([NotNullWhen(true)] string? alpha3, out NationCode code)
    {
        code = default;
        if (alpha3 is null || !Table.ByAlpha3.TryGetValue(alpha3, out var row))
        {
            return false;
        }

        code = new NationCode(row);
        return true;
    }

    /// <summary>The code for an alpha-2 code, ignoring case.</summary>
    /// <exception cref="FormatException">The text is not an assigned alpha-2 code.</exception>
    public static NationCode FromAlpha2(string alpha2)
    {
        ArgumentNullException.ThrowIfNull(alpha2);
        return Table.ByAlpha2.TryGetValue(alpha2, out var row)
            ? new NationCode(row)
            : throw new FormatException($"'{alpha2}' is not an ISO 3166-1 alpha-2 code.");
    }

    /// <summary>The code for an ISO 3166-1 numeric code.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is not an assigned numeric code.</exception>
    public static NationCode FromNumeric(int numeric) =>
        Table.ByNumeric.TryGetValue(numeric, out var row)
            ? new NationCode(row)
            : throw new ArgumentOutOfRangeException(nameof(numeric), numeric, "Not an ISO 3166-1 numeric code.");

    /// <inheritdoc />
    public bool Equals(NationCode other) => _row == other._row;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NationCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _row;

    /// <summary>Orders by alpha-3 code.</summary>
    public int CompareTo(NationCode other) => _row.CompareTo(other._row);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        NationCode other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a NationCode.", nameof(obj)),
    };

    /// <summary>The alpha-3 code.</summary>
    public override string ToString() => Alpha3;

    /// <summary>Same country.</summary>
    public static bool operator ==(NationCode left, NationCode right) => left.Equals(right);

    /// <summary>Different countries.</summary>
    public static bool operator !=(NationCode left, NationCode right) => !left.Equals(right);

    /// <summary>Alpha-3 order.</summary>
    public static bool operator <(NationCode left, NationCode right) => left._row < right._row;

    /// <summary>Alpha-3 order.</summary>
    public static bool operator >(NationCode left, NationCode right) => left._row > right._row;

    /// <summary>Alpha-3 order.</summary>
    public static bool operator <=(NationCode left, NationCode right) => left._row <= right._row;

    /// <summary>Alpha-3 order.</summary>
    public static bool operator >=(NationCode left, NationCode right) => left._row >= right._row;

    private static ImmutableArray<NationCode> CreateAll()
    {
        var builder = ImmutableArray.CreateBuilder<NationCode>(Table.Rows.Length);
        for (var i = 1; i <= Table.Rows.Length; i++)
        {
            builder.Add(new NationCode((short)i));
        }

        return builder.MoveToImmutable();
    }

    private static class Table
    {
        internal static readonly Row[] Rows = Load();
        internal static readonly Dictionary<string, short> ByAlpha3 = Index(r => r.Alpha3);
        internal static readonly Dictionary<string, short> ByAlpha2 = Index(r => r.Alpha2);
        internal static readonly Dictionary<int, short> ByNumeric = IndexNumeric();

        private static Row[] Load()
        {
            var lines = IsoCountryTable.Data.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var rows = new Row[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                var parts = lines[i].Trim().Split('|');
                rows[i] = new Row(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), parts[3]);
            }

            return rows;
        }

        private static Dictionary<string, short> Index(Func<Row, string> key)
        {
            var map = new Dictionary<string, short>(Rows.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Rows.Length; i++)
            {
                map[key(Rows[i])] = (short)(i + 1);
            }

            return map;
        }

        private static Dictionary<int, short> IndexNumeric()
        {
            var map = new Dictionary<int, short>(Rows.Length);
            for (var i = 0; i < Rows.Length; i++)
            {
                map[Rows[i].Numeric] = (short)(i + 1);
            }

            return map;
        }

        internal readonly record struct Row(string Alpha3, string Alpha2, int Numeric, string Name);
    }
}
