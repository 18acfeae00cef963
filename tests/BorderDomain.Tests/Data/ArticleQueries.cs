using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Tests.Data;

/// <summary>Runs BDQ on the bundled store for the per-article tests, so they read the store as users do.</summary>
internal static class ArticleQueries
{
    /// <summary>The first column of every row of <paramref name="query"/> (which selects it), as text, in the answer's order.</summary>
    public static string[] Column(string query) =>
        [.. Bdq.Execute(BorderStore.Default, query).Rows.Select(row => Convert.ToString(row[0], System.Globalization.CultureInfo.InvariantCulture) ?? "")];

    /// <summary>The same as <see cref="Column"/>, sorted ordinally, for queries whose order does not matter.</summary>
    public static string[] Sorted(string query) => [.. Column(query).Order(StringComparer.Ordinal)];

    /// <summary>The answer's count.</summary>
    public static int Count(string query) => Bdq.Execute(BorderStore.Default, query).Count ?? -1;

    /// <summary>An event's participants as sorted "Role:reference" texts, read from the computed <c>participants</c> set.</summary>
    public static string[] Roles(string eventId) =>
        [.. Bdq.Execute(BorderStore.Default, $"participants where event = \"{eventId}\" select role, agency, person, organization").Rows
            .Select(r => $"{r[0]}:{r[1] ?? r[2] ?? r[3]}")
            .Order(StringComparer.Ordinal)];
}
