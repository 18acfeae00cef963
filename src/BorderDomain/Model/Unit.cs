using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace BorderDomain.Model;

/// <summary>
/// The unit of a <see cref="Quantity"/>: a measurement unit from a fixed list (<c>km</c>, <c>people</c>,
/// <c>cases</c>, <c>gal</c>, <c>%</c> …) or an active ISO 4217 currency code (<c>USD</c>, <c>PEN</c>).
/// </summary>
/// <remarks>The default value is the dimensionless count unit <c>items</c>.</remarks>
public readonly struct Unit : IEquatable<Unit>
{
    private static readonly FrozenDictionary<string, UnitKind> Measures = new Dictionary<string, UnitKind>(StringComparer.Ordinal)
    {
        ["items"] = UnitKind.Count,
        ["people"] = UnitKind.Count,
        ["agents"] = UnitKind.Count,
        ["crossings"] = UnitKind.Count,
        ["cases"] = UnitKind.Count,
        ["victims"] = UnitKind.Count,
        ["containers"] = UnitKind.Count,
        ["km"] = UnitKind.Length,
        ["mi"] = UnitKind.Length,
        ["gal"] = UnitKind.Volume,
        ["l"] = UnitKind.Volume,
        ["%"] = UnitKind.Percent,
        ["rank"] = UnitKind.Rank,
        ["months"] = UnitKind.Duration,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Currencies = LoadCurrencies();

    private readonly string? _code;

    private Unit(string code) => _code = code;

    /// <summary>The unit's code as written in data files, e.g. <c>km</c> or <c>USD</c>.</summary>
    public string Code => _code ?? "items";

    /// <summary>
    /// Whether this is the default value, never set by a factory. It reads as <c>items</c>, but BDQ refuses it as a
    /// parameter value, like every value type's default: it is almost always a variable nobody assigned.
    /// </summary>
    public bool IsDefault => _code is null;

    /// <summary>What the unit measures.</summary>
    public UnitKind Kind => Measures.TryGetValue(Code, out var kind) ? kind : UnitKind.Currency;

    /// <summary>Whether this is an ISO 4217 currency.</summary>
    public bool IsCurrency => Kind == UnitKind.Currency;

    /// <summary>Every measurement unit code this type accepts (currencies aside).</summary>
    public static IEnumerable<string> MeasurementCodes => Measures.Keys;

    /// <summary>Parses a measurement unit (case-sensitive, e.g. <c>km</c>) or an ISO 4217 code (upper case).</summary>
    /// <exception cref="FormatException">Neither a known unit nor an active currency code.</exception>
    public static Unit Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryParse(code, out var unit)
            ? unit
            : throw new FormatException($"'{code}' is neither a known unit nor an ISO 4217 currency code.");
    }

    /// <summary>Parses a unit or currency code; <see langword="false"/> when it is neither.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out Unit unit)
    {
        unit = default;
        if (code is null)
        {
            return false;
        }

        if (Measures.TryGetValue(code, out _) || Currencies.Contains(code))
        {
            unit = new Unit(code);
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="code"/> is an active ISO 4217 currency code.</summary>
    public static bool IsCurrencyCode(string code) => Currencies.Contains(code);

    /// <inheritdoc />
    public bool Equals(Unit other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Unit other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The unit's code.</summary>
    public override string ToString() => Code;

    /// <summary>Same unit.</summary>
    public static bool operator ==(Unit left, Unit right) => left.Equals(right);

    /// <summary>Different units.</summary>
    public static bool operator !=(Unit left, Unit right) => !left.Equals(right);

    private static FrozenSet<string> LoadCurrencies()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in IsoCurrencyTable.Data.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(line[..line.IndexOf('|', StringComparison.Ordinal)]);
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
