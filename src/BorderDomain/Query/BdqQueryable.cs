using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using BorderDomain.Query.Semantics;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// Runs BDQ on any <see cref="IQueryable{T}"/> as expression trees a LINQ provider translates (EF Core to SQL; LINQ to
/// Objects as is): <see cref="TryTranslate{T}"/> turns a query — records, <c>select</c>, <c>group by</c>, <c>count</c> —
/// into a <see cref="BdqTranslation{T}"/> to materialise, whose answer equals the in-memory engine's, order included.
/// Derived values (folded text, day numbers, sort keys) come from <see cref="BdqTreeHooks"/>, which a back end
/// overrides; reference paths join the sets given in <see cref="BdqSets"/>. <see cref="Apply{T}"/> is the short form
/// for record and count queries: it returns the records' queryable (call <c>Count()</c> on it for a <c>count</c>).
/// </summary>
public static class BdqQueryable
{
    // One schema object per record type queried without a store, so its compiled queries are cached.
    private static readonly ConditionalWeakTable<EntitySetSchema, QuerySchema> SingleSet = new();

    /// <summary>Applies <paramref name="query"/> to <paramref name="source"/>.</summary>
    /// <param name="source">The records, of the type of the query's set.</param>
    /// <param name="query">A BDQ query over <typeparamref name="T"/>'s set.</param>
    /// <param name="parameters">Values for the query's <c>@parameters</c>.</param>
    /// <param name="store">A store whose tables one-hop references join (<c>nation.region</c>); without one, only the record's own fields can be named.</param>
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
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="query"/> is null (a caller's mistake, not bad input: an empty or malformed query is a diagnostic).</exception>
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

        if (Refuse(bound!, own, query, shapes: true) is { } refused)
        {
            diagnostics = [refused];
            return false;
        }

        if (!ParameterResolver.TryResolve(bound!, parameters, options ?? BdqOptions.Default, out var values, out diagnostics))
        {
            return false;
        }

        var sets = store is null ? null : BdqSets.FromStore(store);
        if (!TryBuild(source, bound!, values!, sets, cap: null, out var translation, out diagnostics))
        {
            return false;
        }

        result = translation!.Records;
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
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="query"/> is null (a caller's mistake, not bad input: an empty or malformed query is a diagnostic).</exception>
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
        var own = QuerySets.For<T>().Schema;
        var schema = sets is null
            ? SingleSet.GetValue(own, static set => new QuerySchema(new[] { set }))
            : new QuerySchema(sets.Schemas.Where(s => !string.Equals(s.Name, own.Name, StringComparison.OrdinalIgnoreCase)).Prepend(own).ToArray());
        if (!Bdq.TryCompile(query, schema, options, out var bound, out diagnostics))
        {
            return false;
        }

        if (Refuse(bound!, own, query, shapes: false) is { } refused)
        {
            diagnostics = [refused];
            return false;
        }

        options ??= BdqOptions.Default;
        if (!ParameterResolver.TryResolve(bound!, parameters, options, out var values, out diagnostics))
        {
            return false;
        }

        return TryBuild(source, bound!, values!, sets, options.MaxRows == int.MaxValue ? null : options.MaxRows, out translation, out diagnostics);
    }

    // The trees of a bound query; false with BDQ0205 diagnostics for what the hooks cannot express.
    private static bool TryBuild<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        IQueryable<T> source,
        BoundQuery bound,
        IReadOnlyDictionary<string, object> values,
        BdqSets? sets,
        int? cap,
        out BdqTranslation<T>? translation,
        out IReadOnlyList<BdqDiagnostic> diagnostics)
        where T : class
    {
        translation = null;
        var hooks = sets?.Hooks ?? BdqTreeHooks.Default;
        IQueryable? Find(string name) => sets?.Find(name) ?? (string.Equals(name, bound.Set.Name, StringComparison.OrdinalIgnoreCase) ? source : null);
        var limit = bound.Take is null && cap is { } most ? most + 1 : (int?)null;
        var kind = bound.GroupBy is not null ? BdqResultKind.Groups : bound.Select.Count > 0 ? BdqResultKind.Rows : bound.Count ? BdqResultKind.Count : BdqResultKind.Records;

        // A select that leaves out its set's sources selects them last too, so each row can be cited (BdqResult.RowSources).
        var cited = kind == BdqResultKind.Rows ? BdqResult.RowSourcesField(bound.Set, bound.Select.Select(p => p.Text)) : null;
        var built = cited is null ? bound : bound with { Select = bound.Select.Append(new BoundPath(cited.Name, new[] { cited }, new[] { bound.Set.Name })).ToArray() };
        var builder = new LinqExpressionBuilder(built, typeof(T), hooks, new QuerySchema(Schemas(bound, sets)), Find, values);
        Expression? tree;
        try
        {
            tree = kind switch
            {
                BdqResultKind.Groups => builder.Grouped(source.Expression, limit),
                BdqResultKind.Rows => builder.Selected(source.Expression, limit),
                _ => builder.Records(source.Expression, kind == BdqResultKind.Count ? null : limit, forCount: kind == BdqResultKind.Count),
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A record type whose properties a tree cannot use as the schema describes them: say so, do not throw.
            diagnostics = [new BdqDiagnostic
            {
                Code = BdqDiagnostics.NotTranslatable,
                Message = BdqDiagnostics.NotTranslatableMessage(bound.Set.Name, e.Message.TrimEnd('.')),
                Span = default,
            }];
            return false;
        }

        if (tree is null || builder.Problems.Count > 0)
        {
            diagnostics = builder.Problems.Count > 0 ? builder.Problems : [new BdqDiagnostic { Code = BdqDiagnostics.NotTranslatable, Message = BdqDiagnostics.NotTranslatableMessage(bound.Set.Name, "no tree"), Span = default }];
            return false;
        }

        var columns = kind switch
        {
            BdqResultKind.Groups => bound.GroupBy!.Keys.Select(k => k.Text).Concat(bound.GroupBy.Aggregates.Select(a => a.Name)).ToArray(),
            BdqResultKind.Rows => bound.Select.Select(p => p.Text).ToArray(),
            BdqResultKind.Count => ["count"],
            _ => bound.Set.Fields.Select(f => f.Name).ToArray(),
        };
        translation = kind is BdqResultKind.Groups or BdqResultKind.Rows
            ? new BdqTranslation<T>(kind, bound.Set, columns, null, source.Provider.CreateQuery<object?[]>(tree), cap ?? int.MaxValue, limit is not null) { KeepsRowSources = cited is not null }
            : new BdqTranslation<T>(kind, bound.Set, columns, source.Provider.CreateQuery<T>(tree), null, cap ?? int.MaxValue, limit is not null);
        diagnostics = [];
        return true;
    }

    private static EquatableArray<EntitySetSchema> Schemas(BoundQuery bound, BdqSets? sets) =>
        (sets?.Schemas ?? []).Where(s => !string.Equals(s.Name, bound.Set.Name, StringComparison.OrdinalIgnoreCase)).Prepend(bound.Set).ToArray();

    // The bound query keeps no spans, so a refusal points at the whole query.
    private static BdqDiagnostic? Refuse(BoundQuery bound, EntitySetSchema own, string query, bool shapes)
    {
        var otherSet = !string.Equals(bound.Set.Name, own.Name, StringComparison.OrdinalIgnoreCase);
        string? what = otherSet ? $"Querying {bound.Set.Name}"
            : shapes && bound.GroupBy is not null ? "'group by'"
            : shapes && bound.Select.Count > 0 ? "'select'"
            : null;
        return what is null ? null : new BdqDiagnostic
        {
            Code = BdqDiagnostics.NotSupportedHere,
            Message = BdqDiagnostics.NotSupportedHereMessage(what, $"on an IQueryable of {own.Name}", otherSet ? "use Bdq.Execute on a store" : "use BdqQueryable.Translate, which returns rows"),
            Span = new TextSpan(0, query.Length, 1, 1),
        };
    }
}
