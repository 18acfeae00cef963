using System;
using System.Linq;
using System.Reflection;
using BorderDomain.Storage;

namespace BorderDomain.Tests;

/// <summary>A call that needs the set's record type: it is given the set's rows as a typed queryable.</summary>
/// <typeparam name="TResult">What the call answers.</typeparam>
internal interface IQueryableCall<out TResult>
{
    TResult Call<T>(IQueryable<T> rows)
        where T : class;
}

/// <summary>
/// Reaches the typed LINQ-to-Objects queryable of the set a query names, from the store's own table list, so that a
/// test running BDQ through <c>BdqQueryable</c> does not keep a switch over every set name (a new set works at once).
/// </summary>
internal static class SetQueryables
{
    private static readonly MethodInfo Typed = typeof(SetQueryables).GetMethod(nameof(CallTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The set a query starts with, lower-cased.</summary>
    public static string SetOf(string query) => query.TrimStart().Split(' ', 2)[0].ToLowerInvariant();

    /// <summary>
    /// Calls <paramref name="call"/> with the rows of the set <paramref name="query"/> names, or of
    /// <paramref name="fallback"/> when the query names no set of the store (a malformed query still reaches a back end).
    /// </summary>
    public static TResult Call<TResult>(IQueryStore store, string query, IQueryableCall<TResult> call, string? fallback = null)
    {
        var table = store.GetTable(SetOf(query)) ?? (fallback is null ? null : store.GetTable(fallback))
            ?? throw new ArgumentException($"The query names no set of the store: {query}", nameof(query));
        var rows = table.AsQueryable() ?? throw new InvalidOperationException($"{table.Schema.Name} has no queryable");
        return (TResult)Typed.MakeGenericMethod(typeof(TResult), rows.ElementType)
            .Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [rows, call], culture: null)!;
    }

    private static TResult CallTyped<TResult, T>(IQueryable<T> rows, IQueryableCall<TResult> call)
        where T : class => call.Call(rows);
}
