using System;
using System.Collections.Generic;
using System.Linq;

namespace BorderDomain.Generators;

/// <summary>
/// Makes the hint names of generated files unique, as Roslyn requires (it compares them ignoring case, and throws on a
/// repeat, which loses every file the generator made). A base name is dot-separated identifiers (namespace, types,
/// method). A base that no other shares, ignoring case, is used as it is; bases that share one (overloads, or methods
/// or types whose names differ only in case) are all numbered <c>.1</c>, <c>.2</c>, … in ordinal order of base and then
/// signature. A number is never an identifier, so a numbered name cannot meet any other: unique by construction.
/// </summary>
internal static class HintNames
{
    /// <summary>The file name (with <c>.g.cs</c>) for each item, in the order of <paramref name="items"/>.</summary>
    internal static IReadOnlyList<(string HintName, T Item)> Assign<T>(IReadOnlyList<T> items, Func<T, string> baseName, Func<T, string> signature)
    {
        var names = new string[items.Count];
        var groups = Enumerable.Range(0, items.Count).GroupBy(i => baseName(items[i]), StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            var members = group
                .OrderBy(i => baseName(items[i]), StringComparer.Ordinal)
                .ThenBy(i => signature(items[i]), StringComparer.Ordinal)
                .ToList();
            for (var n = 0; n < members.Count; n++)
            {
                var name = baseName(items[members[n]]);
                names[members[n]] = members.Count == 1 ? name + ".g.cs" : name + "." + (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            }
        }

        return items.Select((item, i) => (names[i], item)).ToList();
    }
}
