using System;
using System.Globalization;
using BorderDomain.Model;

namespace BorderDomain.Storage;

/// <summary>The text form of a key or reference value, as key maps store it (nation codes by alpha-3).</summary>
internal static class RecordKey
{
    /// <summary>The key text of <paramref name="value"/>; <see langword="null"/> for no value or no nation.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        NationCode code => code.IsDefault ? null : code.Alpha3,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
