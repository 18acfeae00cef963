using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using BorderDomain.Model;
using BorderDomain.Query.Execution;
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

    // The last plan of each cached query without parameters, with the table it was planned on.
    private static readonly ConditionalWeakTable<BoundQuery, PlannedOn> Plans = new();

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

        var table = store.GetTable(bound!.Set.Name)!;
        var executor = new PlanExecutor(table, store.GetTable, new Dictionary<string, object>());
        plan = Describe(QueryPlanner.Plan(bound, executor));
        return true;
    }

    /// <summary>Parses and binds <paramref name="query"/> against <paramref name="schema"/>, using the cache.</summary>
    public static bool TryCompile(string query, QuerySchema schema, BdqOptions? options, out BoundQuery? bound, out IReadOnlyList<BdqDiagnostic> diagnostics)
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

    /// <summary>The plan as indented text, one step a line.</summary>
    public static string Describe(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        var query = plan.Query;
        text.Append(CultureInfo.InvariantCulture, $"scan {query.Set.Name} ({plan.RowCount} rows)").AppendLine();
        if (plan.Accesses.Count == 0 && query.Filter is not null && plan.Order != OrderStrategy.FilteredWalk)
        {
            text.AppendLine("  no index applies: every row is checked");
        }

        foreach (var access in plan.Accesses)
        {
            text.Append(CultureInfo.InvariantCulture, $"  index {access.Kind} on {access.Predicate.Path.Text}: {Describe(access.Predicate)} -> {access.Estimate} rows").AppendLine();
        }

        if (plan.Accesses.Count > 1)
        {
            text.AppendLine("  intersect posting lists, smallest first");
        }

        if (plan.Residual is not null)
        {
            text.Append(plan.Order == OrderStrategy.FilteredWalk ? "  filter tested on each row walked: " : "  residual filter: ").AppendLine(Describe(plan.Residual));
        }

        if (query.GroupBy is { } group)
        {
            text.Append("  group by ").Append(string.Join(", ", group.Keys.Select(k => k.Text))).Append(": ").AppendLine(string.Join(", ", group.Aggregates.Select(a => a.Name)));
        }

        if (query.OrderBy.Count > 0)
        {
            var keys = string.Join(", ", query.OrderBy.Select(o => o.Path.Text + (o.Descending ? " desc" : string.Empty)));
            text.AppendLine(plan.Order switch
            {
                OrderStrategy.IndexWalk => $"  walk sorted index on {keys}, stopping after {(query.Skip ?? 0) + query.Take} matches",
                OrderStrategy.FilteredWalk => $"  walk sorted index on {keys}, testing each row, stopping after {(query.Skip ?? 0) + query.Take} matches",
                _ => $"  sort by {keys}",
            });
        }

        if (query.Skip is { } skip)
        {
            text.Append(CultureInfo.InvariantCulture, $"  skip {skip}").AppendLine();
        }

        if (query.Take is { } take)
        {
            text.Append(CultureInfo.InvariantCulture, $"  take {take}").AppendLine();
        }

        if (query.Select.Count > 0)
        {
            text.Append("  select ").AppendLine(string.Join(", ", query.Select.Select(p => p.Text)));
        }

        if (query.Count)
        {
            text.AppendLine("  count");
        }

        return text.ToString().TrimEnd();
    }

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

        if (!ParameterResolver.TryResolve(bound!, parameters, options, out var values, out diagnostics))
        {
            return false;
        }

        var table = store.GetTable(bound!.Set.Name)!;
        executor = new PlanExecutor(table, store.GetTable, values) { MaxRows = options.MaxRows, MaxMatchedWords = options.MaxMatchedWords };

        // A query without parameters plans the same way every time on the same table: keep its last plan.
        if (bound.Parameters.Count == 0 && Plans.TryGetValue(bound, out var last) && ReferenceEquals(last.Table, table))
        {
            plan = last.Plan;
            return true;
        }

        plan = QueryPlanner.Plan(bound, executor);
        if (bound.Parameters.Count == 0)
        {
            Plans.AddOrUpdate(bound, new PlannedOn(table, plan));
        }

        return true;
    }

    // A chain of 'and' (or of 'or') prints as one parenthesised list, however the binder balanced it; only a change
    // of operator or a 'not' nests, and that depth is bounded by the nesting limit.
    private static string Describe(BoundExpression expression)
    {
        var text = new StringBuilder();
        Describe(text, expression);
        return text.ToString();
    }

    private static void Describe(StringBuilder text, BoundExpression expression)
    {
        switch (expression)
        {
            case BoundAnd or BoundOr:
                var isAnd = expression is BoundAnd;
                var pending = new Stack<BoundExpression>();
                pending.Push(expression);
                var first = true;
                text.Append('(');
                while (pending.Count > 0)
                {
                    switch (pending.Pop())
                    {
                        case BoundAnd conjunction when isAnd:
                            pending.Push(conjunction.Right);
                            pending.Push(conjunction.Left);
                            break;
                        case BoundOr disjunction when !isAnd:
                            pending.Push(disjunction.Right);
                            pending.Push(disjunction.Left);
                            break;
                        case var term:
                            text.Append(first ? string.Empty : (isAnd ? " and " : " or "));
                            first = false;
                            Describe(text, term);
                            break;
                    }
                }

                text.Append(')');
                break;
            case BoundNot not:
                text.Append("not ");
                Describe(text, not.Operand);
                break;
            case BoundPredicate predicate:
                text.Append(Describe(predicate));
                break;
        }
    }

    private static string Describe(BoundPredicate predicate)
    {
        var values = string.Join(", ", predicate.Values.Select(v => v switch
        {
            BoundConstant { Value: string text } c when c.Kind == FieldKind.String => $"\"{text}\"",
            BoundConstant c => System.Convert.ToString(c.Value, CultureInfo.InvariantCulture),
            BoundParameter p => "@" + p.Name,
            _ => "?",
        }));
        return $"{predicate.Path.Text} {predicate.Operator} {values}".TrimEnd();
    }

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

    private sealed record PlannedOn(IEntityTable Table, QueryPlan Plan);
}
