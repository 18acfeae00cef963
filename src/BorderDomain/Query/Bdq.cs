using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using BorderDomain.Model;
using BorderDomain.Query.Planning;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// Runs BDQ queries at run time: parse, bind, plan, execute. The <c>Try…</c> methods never throw for bad query
/// text or parameters; the others throw <see cref="BdqException"/> carrying the same diagnostics. Compiled
/// queries are cached (bounded, keyed by the query text with comments and extra whitespace removed, as the one
/// tokenizer the parser also uses reads it; one cache per set of <see cref="BdqOptions"/>).
/// </summary>
public static class Bdq
{
    private const int MaxOptionCaches = 16;

    private static readonly QueryCache<(QuerySchema Schema, BoundQuery Query)> Cache = new(BdqOptions.Default.CacheCapacity);

    private static readonly ConcurrentDictionary<BdqOptions, QueryCache<(QuerySchema Schema, BoundQuery Query)>> OptionCaches = new();

    // The last plan of each cached query without parameters, with the table it was planned on (and its executor).
    private static readonly ConditionalWeakTable<BoundQuery, PlannedOn> Plans = new();

    private static readonly IReadOnlyDictionary<string, object> NoParameters = new Dictionary<string, object>();

    /// <summary>Runs <paramref name="query"/> on <paramref name="store"/>.</summary>
    /// <exception cref="BdqException">The query or its parameters are invalid.</exception>
    public static BdqResult Execute(IQueryStore store, string query, IReadOnlyDictionary<string, object?>? parameters = null, BdqOptions? options = null) =>
        TryExecute(store, query, out var result, out var diagnostics, parameters, options) ? result! : throw new BdqException(query, diagnostics);

    /// <summary>Runs <paramref name="query"/> on <paramref name="store"/>; <see langword="false"/> with diagnostics when it is invalid.</summary>
    public static bool TryExecute(
        IQueryStore store,
        string query,
        out BdqResult? result,
        out IReadOnlyList<BdqDiagnostic> diagnostics,
        IReadOnlyDictionary<string, object?>? parameters = null,
        BdqOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        result = null;
        if (!TryPrepare(store, query, parameters, options, out var executor, out var plan, out diagnostics))
        {
            return false;
        }

        try
        {
            result = executor!.Execute(plan!);
        }
        catch (SearchTooBroadException broad)
        {
            diagnostics =
            [
                new BdqDiagnostic
                {
                    Code = BdqDiagnostics.SearchTooBroad,
                    Message = BdqDiagnostics.TooManyMatchedWordsMessage(broad.Predicate.Path.Text, broad.Limit),
                    Span = plan!.Query.SpanOf(broad.Predicate),
                },
            ];
            return false;
        }

        return true;
    }

    /// <summary>The plan <paramref name="query"/> would run with on <paramref name="store"/>, as text.</summary>
    /// <exception cref="BdqException">The query is invalid.</exception>
    public static string Explain(IQueryStore store, string query, BdqOptions? options = null) =>
        TryExplain(store, query, out var plan, out var diagnostics, options) ? plan! : throw new BdqException(query, diagnostics);

    /// <summary>The plan <paramref name="query"/> would run with on <paramref name="store"/>, as a value a notebook can show.</summary>
    /// <exception cref="BdqException">The query is invalid.</exception>
    public static BdqPlan ExplainPlan(IQueryStore store, string query, BdqOptions? options = null) =>
        new(query, Explain(store, query, options));

    /// <summary>The plan <paramref name="query"/> would run with, as text; <see langword="false"/> with diagnostics when it is invalid.</summary>
    public static bool TryExplain(IQueryStore store, string query, out string? plan, out IReadOnlyList<BdqDiagnostic> diagnostics, BdqOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        plan = null;
        if (!TryCompile(query, store.Schema, options, out var bound, out diagnostics))
        {
            return false;
        }

        plan = PlanPrinter.Print(QueryPlanner.Plan(bound!, new TableStatistics(store.GetTable(bound!.Set.Name)!)));
        return true;
    }

    /// <summary>
    /// The plan a generated query method runs (from its <see cref="BdqCompiledPlanAttribute"/>): planned at compile time
    /// without statistics. Given a <paramref name="store"/>, also whether the run time plans the same query the same
    /// way on it, and when it does not, the run-time plan too.
    /// </summary>
    /// <param name="method">A method the BorderDomain source generator wrote.</param>
    /// <param name="store">A store to compare the run-time plan on, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The method was not written by the generator.</exception>
    /// <exception cref="BdqException">The query does not compile against <paramref name="store"/>'s schema.</exception>
    public static string ExplainCompiled(MethodInfo method, IQueryStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        var compiled = method.GetCustomAttribute<BdqCompiledPlanAttribute>()
            ?? throw new ArgumentException($"{method.Name} was not written by the BorderDomain source generator (it has no compiled plan).", nameof(method));
        var text = new StringBuilder("generated code for ").AppendLine(compiled.Query).AppendLine(compiled.Plan);
        if (store is null)
        {
            return text.ToString().TrimEnd();
        }

        if (!TryCompile(compiled.Query, store.Schema, null, out var bound, out var diagnostics))
        {
            throw new BdqException(compiled.Query, diagnostics);
        }

        // The generator plans with this same planner and no statistics, so the statistics-free plan here is its plan.
        var atRunTime = QueryPlanner.Plan(bound!, new TableStatistics(store.GetTable(bound!.Set.Name)!));
        return (QueryPlanner.SameStrategy(QueryPlanner.Plan(bound!), atRunTime)
            ? text.Append("the run time plans it the same way on this store")
            : text.AppendLine("the run time plans it differently on this store:").Append(PlanPrinter.Print(atRunTime))).ToString();
    }

    /// <summary>Parses and binds <paramref name="query"/> against <paramref name="schema"/>, using the cache.</summary>
    internal static bool TryCompile(string query, QuerySchema schema, BdqOptions? options, out BoundQuery? bound, out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= BdqOptions.Default;
        var cache = query.Length <= options.MaxQueryLength ? CacheFor(options) : null;

        // A cached query was bound against one schema; another schema (another store, or a bare IQueryable's) binds anew.
        // The text as given is tried first, allocating nothing: normalising a normalised text changes nothing, so a
        // hit on it is the same query.
        if (cache is not null && cache.TryGet(query, out var cached) && ReferenceEquals(cached.Schema, schema))
        {
            bound = cached.Query;
            diagnostics = [];
            return true;
        }

        var key = cache is not null ? CacheKey(query) : null;
        if (key is not null && cache!.TryGet(key, out cached) && ReferenceEquals(cached.Schema, schema))
        {
            bound = cached.Query;
            diagnostics = [];
            return true;
        }

        var parsed = QueryParser.Parse(query, options);
        if (parsed.Query is null)
        {
            (bound, diagnostics) = (null, parsed.Diagnostics);
            return false;
        }

        var binding = QueryBinder.Bind(parsed.Query, schema, options);
        (bound, diagnostics) = (binding.Query, binding.Diagnostics);
        if (bound is not null && key is not null)
        {
            cache!.Add(key, (schema, bound));
            if (!string.Equals(key, query, StringComparison.Ordinal))
            {
                cache.Add(query, (schema, bound));
            }
        }

        return bound is not null;
    }

    // Options change what a text compiles to (its limits), so each set of options has its own cache, sized by its
    // CacheCapacity. An embedder holds one or a few; past MaxOptionCaches distinct ones, queries compile uncached.
    private static QueryCache<(QuerySchema Schema, BoundQuery Query)>? CacheFor(BdqOptions options)
    {
        if (ReferenceEquals(options, BdqOptions.Default) || options == BdqOptions.Default)
        {
            return Cache;
        }

        if (OptionCaches.TryGetValue(options, out var cache))
        {
            return cache;
        }

        return OptionCaches.Count < MaxOptionCaches ? OptionCaches.GetOrAdd(options, static o => new(o.CacheCapacity)) : null;
    }

    /// <summary>The plan as indented text, one step a line (<see cref="PlanPrinter.Print"/>).</summary>
    internal static string Describe(QueryPlan plan) => PlanPrinter.Print(plan);

    private static bool TryPrepare(
        IQueryStore store,
        string query,
        IReadOnlyDictionary<string, object?>? parameters,
        BdqOptions? options,
        out PlanExecutor? executor,
        out QueryPlan? plan,
        out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        executor = null;
        plan = null;
        options ??= BdqOptions.Default;
        if (!TryCompile(query, store.Schema, options, out var bound, out diagnostics))
        {
            return false;
        }

        var table = store.GetTable(bound!.Set.Name)!;

        // A query without parameters plans the same way every time on the same table, and runs the same way: keep its
        // last plan and the executor made for it (which holds the predicates' constants as records hold them and the
        // paths resolved to field numbers), so a warm call neither plans nor binds values nor makes an executor. A
        // query with a sub-query keeps its plan only: its sub-query runs again each call, against the store as it is.
        if (bound.Parameters.Count == 0)
        {
            if (Plans.TryGetValue(bound, out var last) && ReferenceEquals(last.Table, table))
            {
                plan = last.Plan;
                executor = last.Executor is { } kept && ReferenceEquals(last.Store, store) && kept.MaxRows == options.MaxRows && kept.MaxMatchedWords == options.MaxMatchedWords
                    ? kept
                    : NewExecutor(store, table, NoParameters, options);
                return true;
            }

            plan = QueryPlanner.Plan(bound, new TableStatistics(table, NoParameters));
            executor = NewExecutor(store, table, NoParameters, options);
            Plans.AddOrUpdate(bound, new PlannedOn(table, plan, store, HasSubquery(bound) ? null : executor));
            return true;
        }

        if (!ParameterResolver.TryResolve(bound, parameters, options, out var values, out diagnostics))
        {
            return false;
        }

        // Otherwise the planner reads the table's statistics (with the parameters' values); the executor is made after
        // the plan, to run it as it stands.
        plan = QueryPlanner.Plan(bound, new TableStatistics(table, values));
        executor = NewExecutor(store, table, values, options);
        return true;
    }

    private static PlanExecutor NewExecutor(IQueryStore store, IEntityTable table, IReadOnlyDictionary<string, object> values, BdqOptions options) =>
        new(table, store.GetTable, values) { MaxRows = options.MaxRows, MaxMatchedWords = options.MaxMatchedWords };

    private static bool HasSubquery(BoundQuery query) =>
        BoundExpression.Predicates(query.Filter).Any(predicate => predicate.Subquery is not null);

    // The query's tokens (QueryLexer's, as the parser reads them) with comments dropped and each run of whitespace and
    // comments between two tokens written as one space; strings are kept exactly as written.
    private static string CacheKey(string query)
    {
        var key = new StringBuilder(query.Length);
        var pendingSpace = false;
        for (var i = 0; i < query.Length;)
        {
            var token = QueryLexer.Next(query, i);
            i = token.End;
            if (!token.IsContent)
            {
                pendingSpace = key.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }

            key.Append(query, token.Start, token.Length);
        }

        return key.ToString();
    }

    // The executor is kept only for queries without sub-queries, and reused only on the same store with the same limits.
    private sealed record PlannedOn(IEntityTable Table, QueryPlan Plan, IQueryStore Store, PlanExecutor? Executor);
}
