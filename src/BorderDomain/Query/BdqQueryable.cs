using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using BorderDomain.Query.Execution;
using BorderDomain.Query.Semantics;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// Applies a BDQ query to any <see cref="IQueryable{T}"/> as LINQ expression trees (<c>Where</c>, <c>OrderBy</c>/<c>ThenBy</c>,
/// <c>Skip</c>, <c>Take</c>), so BDQ runs on other LINQ providers. Conditions call <see cref="ValueSemantics.Test"/>,
/// which LINQ to Objects runs as is; a provider that translates to another language must know that method.
/// A trailing <c>count</c> leaves the rows to count: call <c>Count()</c> on the result. <c>select</c> and
/// <c>group by</c> change the row type and are refused (BDQ0114); use <see cref="Bdq.Execute"/> for them.
/// </summary>
public static class BdqQueryable
{
    // One schema object per record type queried without a store, so its compiled queries are cached.
    private static readonly ConditionalWeakTable<EntitySetSchema, QuerySchema> SingleSet = new();

    /// <summary>Applies <paramref name="query"/> to <paramref name="source"/>.</summary>
    /// <param name="source">The records, of the type of the query's set.</param>
    /// <param name="query">A BDQ query over <typeparamref name="T"/>'s set.</param>
    /// <param name="parameters">Values for the query's <c>@parameters</c>.</param>
    /// <param name="store">A store to follow one-hop references through (<c>nation.region</c>); without one, only the record's own fields can be named.</param>
    /// <param name="options">Limits; <see cref="BdqOptions.Default"/> when null.</param>
    /// <exception cref="BdqException">The query is invalid for this source.</exception>
    public static IQueryable<T> Apply<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        IQueryable<T> source,
        string query,
        IReadOnlyDictionary<string, object?>? parameters = null,
        IQueryStore? store = null,
        BdqOptions? options = null)
        where T : class =>
        TryApply(source, query, out var result, out var diagnostics, parameters, store, options) ? result! : throw new BdqException(query, diagnostics);

    /// <summary>Applies <paramref name="query"/> to <paramref name="source"/>; <see langword="false"/> with diagnostics when it is invalid.</summary>
    /// <param name="source">The records, of the type of the query's set.</param>
    /// <param name="query">A BDQ query over <typeparamref name="T"/>'s set.</param>
    /// <param name="result">The source with the query applied.</param>
    /// <param name="diagnostics">What is wrong with the query, when it is invalid.</param>
    /// <param name="parameters">Values for the query's <c>@parameters</c>.</param>
    /// <param name="store">A store to follow one-hop references through.</param>
    /// <param name="options">Limits; <see cref="BdqOptions.Default"/> when null.</param>
    public static bool TryApply<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        IQueryable<T> source,
        string query,
        out IQueryable<T>? result,
        out IReadOnlyList<BdqDiagnostic> diagnostics,
        IReadOnlyDictionary<string, object?>? parameters = null,
        IQueryStore? store = null,
        BdqOptions? options = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(query);
        result = null;
        var own = QuerySets.For<T>().Schema;
        var schema = store is null ? SingleSet.GetValue(own, static set => new QuerySchema(new[] { set })) : store.Schema;
        if (!Bdq.TryCompile(query, schema, options, out var bound, out diagnostics))
        {
            return false;
        }

        if (Refuse(bound!, own, query) is { } refused)
        {
            diagnostics = [refused];
            return false;
        }

        if (!ParameterResolver.TryResolve(bound!, parameters, options ?? BdqOptions.Default, out var values, out diagnostics))
        {
            return false;
        }

        var builder = new LinqExpressionBuilder<T>(name => store?.GetTable(name), values);
        var rows = bound!.Filter is { } filter ? source.Where(builder.Filter(filter)) : source;
        IOrderedQueryable<T>? ordered = null;
        foreach (var ordering in bound.OrderBy)
        {
            var comparer = new SortComparer(ordering.Path.Field.Kind, ordering.Descending);
            ordered = ordered is null ? rows.OrderBy(builder.Key(ordering.Path), comparer) : ordered.ThenBy(builder.Key(ordering.Path), comparer);
        }

        rows = ordered ?? rows;
        if (bound.Skip is { } skip)
        {
            rows = rows.Skip(skip);
        }

        if (bound.Take is { } take)
        {
            rows = rows.Take(take);
        }

        result = rows;
        return true;
    }

    /// <summary>Translates <paramref name="query"/> over <paramref name="source"/>; see <see cref="TryTranslate{T}"/>.</summary>
    /// <param name="source">The records, of the type of the query's set.</param>
    /// <param name="query">A BDQ query over <typeparamref name="T"/>'s set.</param>
    /// <param name="parameters">Values for the query's <c>@parameters</c>.</param>
    /// <param name="sets">The sets reference paths join into, and the hooks of the provider; none and <see cref="BdqTreeHooks.Default"/> when null.</param>
    /// <param name="options">Limits; <see cref="BdqOptions.Default"/> when null.</param>
    /// <exception cref="BdqException">The query is invalid, or cannot be expressed for this provider.</exception>
    public static BdqTranslation<T> Translate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        IQueryable<T> source,
        string query,
        IReadOnlyDictionary<string, object?>? parameters = null,
        BdqSets? sets = null,
        BdqOptions? options = null)
        where T : class =>
        TryTranslate(source, query, out var translation, out var diagnostics, parameters, sets, options) ? translation! : throw new BdqException(query, diagnostics);

    /// <summary>
    /// Translates <paramref name="query"/> into expression trees over <paramref name="source"/> that a LINQ provider
    /// can run: typed comparisons with the constants as parameters, <c>Contains</c>/<c>Any</c>/<c>All</c> on
    /// collections, text through its folded form and dates through their first and last day (both read through
    /// <see cref="BdqSets.Hooks"/>), reference paths as left joins with the sets in <paramref name="sets"/>, ordering
    /// with missing values last and the key as the final tie-break, and <c>select</c>, <c>group by</c> and
    /// <c>count</c> as projections. <see langword="false"/> with diagnostics when the query is invalid or a part of it
    /// cannot be expressed with these hooks (BDQ0116, at that part); it never throws on user input.
    /// </summary>
    /// <param name="source">The records, of the type of the query's set.</param>
    /// <param name="query">A BDQ query over <typeparamref name="T"/>'s set.</param>
    /// <param name="translation">The trees, to materialise (see <see cref="BdqTranslation{T}"/>).</param>
    /// <param name="diagnostics">What is wrong, when it fails.</param>
    /// <param name="parameters">Values for the query's <c>@parameters</c>.</param>
    /// <param name="sets">The sets reference paths join into, and the hooks of the provider; none and <see cref="BdqTreeHooks.Default"/> when null.</param>
    /// <param name="options">Limits; <see cref="BdqOptions.Default"/> when null.</param>
    public static bool TryTranslate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        IQueryable<T> source,
        string query,
        out BdqTranslation<T>? translation,
        out IReadOnlyList<BdqDiagnostic> diagnostics,
        IReadOnlyDictionary<string, object?>? parameters = null,
        BdqSets? sets = null,
        BdqOptions? options = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(query);
        translation = null;
        diagnostics = [];
        return false;
    }

    // The bound query keeps no spans, so a refusal points at the whole query.
    private static BdqDiagnostic? Refuse(BoundQuery bound, EntitySetSchema own, string query)
    {
        string? what = !string.Equals(bound.Set.Name, own.Name, StringComparison.OrdinalIgnoreCase) ? $"Querying {bound.Set.Name}"
            : bound.GroupBy is not null ? "'group by'"
            : bound.Select.Count > 0 ? "'select'"
            : null;
        return what is null ? null : new BdqDiagnostic
        {
            Code = BdqDiagnostics.NotSupportedHere,
            Message = BdqDiagnostics.NotSupportedHereMessage(what, $"on an IQueryable of {own.Name}", "use Bdq.Execute on a store"),
            Span = new TextSpan(0, query.Length, 1, 1),
        };
    }

    /// <summary>Orders boxed key values as the executor does: <see cref="ValueSemantics.SortOrder"/>.</summary>
    private sealed class SortComparer(FieldKind kind, bool descending) : IComparer<object?>
    {
        public int Compare(object? x, object? y) => ValueSemantics.SortOrder(kind, x, y, descending);
    }
}
