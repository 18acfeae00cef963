using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using BorderDomain.CompilerServices;
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
/// tokenizer the parser also uses reads it; one cache per set of <see cref="BdqOptions"/>). The query without parameters
/// run last is kept too: called again with an equal text on the same store with the same options object, it runs as
/// compiled without its text being looked up.
/// </summary>
public static class Bdq
{
    private const int MaxOptionCaches = 16;

    private static readonly QueryCache<CompiledQuery> Cache = new(BdqOptions.Default.CacheCapacity);

    private static readonly ConcurrentDictionary<BdqOptions, OptionCache> OptionCaches = new();
    private static readonly object OptionCachesGate = new();
    private static long s_optionClock;

    private static readonly IReadOnlyDictionary<string, object> NoParameters = new Dictionary<string, object>();

    // The plan a query without parameters ran warm with last (kept, not made, per call: switching queries allocates
    // nothing). Only a call it fits (PlannedOn.IsCallOf) runs it.
    private static PlannedOn? s_lastWarm;

    /// <summary>Runs <paramref name="query"/> on <paramref name="store"/>.</summary>
    /// <exception cref="BdqException">The query or its parameters are invalid.</exception>
    public static BdqResult Execute(IQueryStore store, string query, IReadOnlyDictionary<string, object?>? parameters = null, BdqOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        options ??= BdqOptions.Default;
        if (HotFor(store, query, options) is { } hot)
        {
            try
            {
                return hot.Run!();
            }
            catch (SearchTooBroadException broad)
            {
                throw new BdqException(query, [TooBroad(hot.Plan, broad)]);
            }
        }

        return TryExecuteNotHot(store, query, out var result, out var diagnostics, parameters, options) ? result! : throw new BdqException(query, diagnostics);
    }

    /// <summary>Runs <paramref name="query"/> on <paramref name="store"/>; <see langword="false"/> with diagnostics when it is invalid.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="query"/> is null (a caller's mistake, not bad input: an empty or malformed query is a diagnostic).</exception>
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
        options ??= BdqOptions.Default;
        return HotFor(store, query, options) is { } hot
            ? TryRun(hot.Run!, null, hot.Plan, out result, out diagnostics)
            : TryExecuteNotHot(store, query, out result, out diagnostics, parameters, options);
    }

    // Execute and TryExecute past the hot path (HotFor found no plan for this call): compile or find the query, then
    // run its warm plan, its plan for these parameters, or a plan made now.
    private static bool TryExecuteNotHot(
        IQueryStore store,
        string query,
        out BdqResult? result,
        out IReadOnlyList<BdqDiagnostic> diagnostics,
        IReadOnlyDictionary<string, object?>? parameters,
        BdqOptions options)
    {
        result = null;
        if (!TryCompile(query, store.Schema, options, out var compiled, out var bound, out diagnostics))
        {
            return false;
        }

        // The warm path: the plan this query was last compiled to on this store, run as compiled.
        if (compiled is { HasParameters: false, Last: { Run: { } warm } last } && last.Fits(store, bound!, options))
        {
            Volatile.Write(ref s_lastWarm, last);
            return TryRun(warm, null, last.Plan, out result, out diagnostics);
        }

        if (bound!.Parameters.Count > 0 && compiled is { HasSubquery: false })
        {
            return TryExecuteWithParameters(store, compiled, parameters, options, out result, out diagnostics);
        }

        if (!TryPrepare(query, store, compiled, bound!, parameters, options, out var run, out var call, out var plan, out diagnostics))
        {
            return false;
        }

        return TryRun(run!, call, plan!, out result, out diagnostics);
    }

    // A cached query with parameters and no sub-query: its values are checked into a frame the query keeps for one
    // call at a time (their dictionary, the last conversions, the scratch its plan look-up reads index sizes with), the
    // plan kept for those sizes is found without allocating, and its run compiled for every value takes the call's
    // constants in arrays the run keeps for one call at a time. A warm call allocates only its result.
    private static bool TryExecuteWithParameters(IQueryStore store, CompiledQuery compiled, IReadOnlyDictionary<string, object?>? parameters, BdqOptions options, out BdqResult? result, out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        result = null;
        var bound = compiled.Query;
        var table = store.GetTable(bound.Set.Name)!;
        var frame = compiled.RentFrame();
        try
        {
            if (!ParameterResolver.TryResolve(bound, parameters, options, frame.Values, frame.Memo, out diagnostics))
            {
                return false;
            }

            var kept = compiled.PlanWithParameters(table, frame.Values, frame);
            var shared = kept.Compiled;
            if (shared is null || !shared.Fits(store, options))
            {
                var executor = NewExecutor(store, table, NoParameters, options, constantsPerCall: true);
                var compiledRun = executor.Compile(kept.Plan);
                kept.Compiled = shared = new SharedRun(store, options.MaxRows, options.MaxMatchedWords, compiledRun, executor.CallSlots);
            }

            var call = shared.RentCall();
            try
            {
                call.Fill(frame.Values);
                return TryRun(shared.Run, call, kept.Plan, out result, out diagnostics);
            }
            finally
            {
                shared.ReturnCall(call);
            }
        }
        finally
        {
            compiled.ReturnFrame(frame);
        }
    }

    // The hot path: the query run warm last, called again with an equal text on the same store with the same options,
    // runs as compiled without its text being looked up.
    private static PlannedOn? HotFor(IQueryStore store, string query, BdqOptions options) =>
        Volatile.Read(ref s_lastWarm) is { Run: not null } last && last.IsCallOf(query, store, options) ? last : null;

    // Runs a compiled plan (with the call's constants, when it was compiled to read them); a search word matching too
    // many words becomes a diagnostic.
    private static bool TryRun(Func<BdqResult> run, PlanExecutor.CallConstants? call, QueryPlan plan, out BdqResult? result, out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        try
        {
            result = call is null ? run() : PlanExecutor.Run(run, call);
            diagnostics = [];
            return true;
        }
        catch (SearchTooBroadException broad)
        {
            result = null;
            diagnostics = [TooBroad(plan, broad)];
            return false;
        }
    }

    private static BdqDiagnostic TooBroad(QueryPlan plan, SearchTooBroadException broad) => new()
    {
        Code = BdqDiagnostics.SearchTooBroad,
        Message = BdqDiagnostics.TooManyMatchedWordsMessage(broad.Predicate.Path.Text, broad.Limit),
        Span = plan.Query.SpanOf(broad.Predicate),
    };

    /// <summary>The plan <paramref name="query"/> would run with on <paramref name="store"/>, as text.</summary>
    /// <exception cref="BdqException">The query is invalid.</exception>
    public static string Explain(IQueryStore store, string query, BdqOptions? options = null) =>
        TryExplain(store, query, out var plan, out var diagnostics, options) ? plan! : throw new BdqException(query, diagnostics);

    /// <summary>The plan <paramref name="query"/> would run with on <paramref name="store"/>, as a value a notebook can show.</summary>
    /// <exception cref="BdqException">The query is invalid.</exception>
    public static BdqPlan ExplainPlan(IQueryStore store, string query, BdqOptions? options = null) =>
        new(query, Explain(store, query, options));

    /// <summary>The plan <paramref name="query"/> would run with, as text; <see langword="false"/> with diagnostics when it is invalid.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="query"/> is null (a caller's mistake, not bad input: an empty or malformed query is a diagnostic).</exception>
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
    internal static bool TryCompile(string query, QuerySchema schema, BdqOptions? options, out BoundQuery? bound, out IReadOnlyList<BdqDiagnostic> diagnostics) =>
        TryCompile(query, schema, options, out _, out bound, out diagnostics);

    // The same, also giving the cache's entry for the query (null when it compiled uncached), which keeps its last plan.
    private static bool TryCompile(string query, QuerySchema schema, BdqOptions? options, out CompiledQuery? compiled, out BoundQuery? bound, out IReadOnlyList<BdqDiagnostic> diagnostics)
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
            (compiled, bound, diagnostics) = (cached, cached.Query, []);
            return true;
        }

        var key = cache is not null ? CacheKey(query) : null;
        if (key is not null && string.Equals(key, query, StringComparison.Ordinal))
        {
            // Kept under the caller's own string, so the next call with it is found by reference (QueryCache compares
            // the entry found last first), without comparing the text character by character.
            key = query;
        }

        if (key is not null && cache!.TryGet(key, out cached) && ReferenceEquals(cached.Schema, schema))
        {
            (compiled, bound, diagnostics) = (cached, cached.Query, []);
            return true;
        }

        compiled = null;
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
            compiled = new CompiledQuery(schema, bound);
            cache!.Add(key, compiled);
            if (!string.Equals(key, query, StringComparison.Ordinal))
            {
                cache.Add(query, compiled);
            }
        }

        return bound is not null;
    }

    // Options change what a text compiles to (its limits), so each set of options (by value) has its own cache, sized by
    // its CacheCapacity. An embedder holds one or a few; at most MaxOptionCaches are kept, and a new one past that
    // replaces the one used longest ago, so a process that has met many sets of options still caches for those in use.
    private static QueryCache<CompiledQuery> CacheFor(BdqOptions options)
    {
        if (ReferenceEquals(options, BdqOptions.Default) || options == BdqOptions.Default)
        {
            return Cache;
        }

        if (OptionCaches.TryGetValue(options, out var held))
        {
            return held.Touch();
        }

        lock (OptionCachesGate)
        {
            if (OptionCaches.TryGetValue(options, out held))
            {
                return held.Touch();
            }

            if (OptionCaches.Count >= MaxOptionCaches)
            {
                var oldest = default(KeyValuePair<BdqOptions, OptionCache>);
                foreach (var entry in OptionCaches)
                {
                    if (oldest.Value is null || Volatile.Read(ref entry.Value.Used) < Volatile.Read(ref oldest.Value.Used))
                    {
                        oldest = entry;
                    }
                }

                OptionCaches.TryRemove(oldest.Key, out _);
            }

            held = new OptionCache(options.CacheCapacity);
            OptionCaches[options] = held;
            return held.Touch();
        }
    }

    // One set of options' cache, stamped when used (not again while it is the one used last), for CacheFor's choice.
    private sealed class OptionCache(int capacity)
    {
        public long Used;

        public QueryCache<CompiledQuery> Cache { get; } = new(capacity);

        public QueryCache<CompiledQuery> Touch()
        {
            if (Volatile.Read(ref Used) != Volatile.Read(ref s_optionClock))
            {
                Volatile.Write(ref Used, Interlocked.Increment(ref s_optionClock));
            }

            return Cache;
        }
    }

    /// <summary>The plan as indented text, one step a line (<see cref="PlanPrinter.Print"/>).</summary>
    internal static string Describe(QueryPlan plan) => PlanPrinter.Print(plan);

    private static bool TryPrepare(
        string text,
        IQueryStore store,
        CompiledQuery? compiled,
        BoundQuery bound,
        IReadOnlyDictionary<string, object?>? parameters,
        BdqOptions options,
        out Func<BdqResult>? run,
        out PlanExecutor.CallConstants? call,
        out QueryPlan? plan,
        out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        run = null;
        call = null;
        plan = null;
        diagnostics = [];
        var table = store.GetTable(bound.Set.Name)!;

        // A query without parameters plans the same way every time on the same table, and runs the same way: keep its
        // last plan compiled for the executor made for it (which holds the predicates' constants as records hold them,
        // the indexes and paths resolved), so a warm call neither plans nor binds values nor compiles. A query with a
        // sub-query keeps its plan only: its sub-query runs again each call, against the store as it is.
        if (bound.Parameters.Count == 0)
        {
            var last = compiled?.Last;
            plan = last is not null && ReferenceEquals(last.Table, table)
                ? last.Plan
                : QueryPlanner.Plan(bound, new TableStatistics(table, NoParameters));
            // Compiling runs no sub-query (a sub-query's values are read when the plan runs), so it cannot fail.
            run = NewExecutor(store, table, NoParameters, options).Compile(plan);

            if (compiled is not null)
            {
                compiled.Last = new PlannedOn(table, plan, store, HasSubquery(bound) ? null : run, text, options, compiled.Schema);
            }

            return true;
        }

        if (!ParameterResolver.TryResolve(bound, parameters, options, out var values, out diagnostics))
        {
            return false;
        }

        // Otherwise the plan depends on the parameters' values only through the sizes of the index accesses that read
        // them: a cached query keeps its plan for each set of those sizes it has met on this table, so a warm call with
        // new values reads a few index sizes instead of planning. Each kept plan is compiled once (on the same store,
        // with the same limits) to read its parameterised predicates' constants from the call, so a warm call resolves
        // its values' constants and runs. A query with a sub-query is compiled for its values each call.
        if (compiled is null)
        {
            plan = QueryPlanner.Plan(bound, new TableStatistics(table, values));
            run = NewExecutor(store, table, values, options).Compile(plan);
            return true;
        }

        KeptPlan kept;
        var frame = compiled.RentFrame();
        try
        {
            kept = compiled.PlanWithParameters(table, values, frame);
        }
        finally
        {
            compiled.ReturnFrame(frame);
        }

        plan = kept.Plan;
        if (compiled.HasSubquery)
        {
            run = NewExecutor(store, table, values, options).Compile(plan);
            return true;
        }

        var shared = kept.Compiled;
        if (shared is null || !shared.Fits(store, options))
        {
            var executor = NewExecutor(store, table, NoParameters, options, constantsPerCall: true);
            var compiledRun = executor.Compile(plan);
            kept.Compiled = shared = new SharedRun(store, options.MaxRows, options.MaxMatchedWords, compiledRun, executor.CallSlots);
        }

        run = shared.Run;
        call = PlanExecutor.ConstantsFor(shared.Slots, values);
        return true;
    }

    private static PlanExecutor NewExecutor(IQueryStore store, IEntityTable table, IReadOnlyDictionary<string, object> values, BdqOptions options, bool constantsPerCall = false) =>
        new(table, store.GetTable, values) { MaxRows = options.MaxRows, MaxMatchedWords = options.MaxMatchedWords, ConstantsPerCall = constantsPerCall };

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

    // A cached query: what it binds to against one schema, and the plan it last ran with (replaced whole, never changed).
    private sealed class CompiledQuery(QuerySchema schema, BoundQuery query)
    {
        // The most plans of one query with parameters kept, each for one set of sizes of its parameters' index accesses.
        private const int MaxParameterPlans = 32;

        private volatile PlannedOn? _last;
        private volatile ParameterPlans? _parameterPlans;
        private IndexAccess[]? _accesses;
        private CallFrame? _spareFrame;

        public QuerySchema Schema { get; } = schema;

        public BoundQuery Query { get; } = query;

        public bool HasSubquery { get; } = Bdq.HasSubquery(query);

        public bool HasParameters { get; } = query.Parameters.Count > 0;

        public PlannedOn? Last
        {
            get => _last;
            set => _last = value;
        }

        // The planner's plan for these parameter values (checked and converted already). It depends on the table (its
        // size and its indexes' sizes, fixed for one table) and on the estimated sizes of the accesses: only those that
        // compare with a parameter change with the values, so their sizes key the plans kept for the table (up to
        // MaxParameterPlans of them). The sizes are read as TableStatistics reads them, into the frame's scratch (each
        // access's predicate's values resolved into the frame's arrays), so a plan already kept is found without
        // allocating; only a new set of sizes plans (and makes statistics).
        public KeptPlan PlanWithParameters(IEntityTable table, IReadOnlyDictionary<string, object> values, CallFrame frame)
        {
            var plans = PlansOn(table);
            var sizes = frame.Sizes;
            for (var i = 0; i < sizes.Length; i++)
            {
                var access = plans.Accesses[i];
                var predicate = access.Predicate;
                var constants = PredicateConstants.ResolveInto(predicate, values, frame.AccessValues[i]);
                sizes[i] = IndexQueries.Estimate(table, access.Field, access.Kind, predicate.Operator, predicate.Path.Field.Kind, constants);
            }

            return plans.Find(sizes)
                ?? plans.Add((long[])sizes.Clone(), new KeptPlan(QueryPlanner.Plan(Query, new TableStatistics(table, values))), MaxParameterPlans);
        }

        // A frame for one call: the one kept spare when no other call holds it, else a new one.
        public CallFrame RentFrame() =>
            Interlocked.Exchange(ref _spareFrame, null) ?? new CallFrame(Query, Accesses);

        public void ReturnFrame(CallFrame frame)
        {
            frame.Values.Clear();
            Volatile.Write(ref _spareFrame, frame);
        }

        private IndexAccess[] Accesses => _accesses ??= ParameterAccesses(Query);

        private ParameterPlans PlansOn(IEntityTable table)
        {
            var plans = _parameterPlans;
            if (plans is null || !ReferenceEquals(plans.Table, table))
            {
                _parameterPlans = plans = new ParameterPlans(table, Accesses);
            }

            return plans;
        }

        // The index accesses the planner considers (one per conjunct an index answers) whose values include a parameter.
        private static IndexAccess[] ParameterAccesses(BoundQuery query) =>
            QueryPlanner.Conjuncts(query.Filter)
                .OfType<BoundPredicate>()
                .Where(predicate => predicate.Values.Any(value => value is BoundParameter))
                .Select(predicate => QueryPlanner.Access(query.Set, predicate))
                .OfType<IndexAccess>()
                .ToArray();

        // The plans kept on one table, each with its sizes: replaced whole when one is added, so a look-up reads one
        // array and compares sizes, allocating nothing.
        private sealed class ParameterPlans(IEntityTable table, IndexAccess[] accesses)
        {
            private readonly object _gate = new();
            private volatile (long[] Sizes, KeptPlan Plan)[] _plans = [];

            public IEntityTable Table { get; } = table;

            public IndexAccess[] Accesses { get; } = accesses;

            public KeptPlan? Find(ReadOnlySpan<long> sizes)
            {
                foreach (var (known, plan) in _plans)
                {
                    if (sizes.SequenceEqual(known))
                    {
                        return plan;
                    }
                }

                return null;
            }

            public KeptPlan Add(long[] sizes, KeptPlan plan, int most)
            {
                lock (_gate)
                {
                    if (Find(sizes) is { } known)
                    {
                        return known;
                    }

                    if (_plans.Length < most)
                    {
                        _plans = [.. _plans, (sizes, plan)];
                    }
                }

                return plan;
            }
        }
    }

    // What one call of a query with parameters works in, kept by the query for one call at a time: the values checked
    // (a dictionary cleared after the call), each parameter's last conversion, and the scratch its kept plan is found with.
    private sealed class CallFrame
    {
        public CallFrame(BoundQuery query, IndexAccess[] accesses)
        {
            Values = new Dictionary<string, object>(query.Parameters.Count, StringComparer.OrdinalIgnoreCase);
            Memo = new ParameterResolver.ConversionMemo(query.Parameters.Count);
            Sizes = new long[accesses.Length];
            AccessValues = new object[accesses.Length][];
            for (var i = 0; i < accesses.Length; i++)
            {
                AccessValues[i] = new object[accesses[i].Predicate.Values.Count];
            }
        }

        public Dictionary<string, object> Values { get; }

        public ParameterResolver.ConversionMemo Memo { get; }

        public long[] Sizes { get; }

        public object[][] AccessValues { get; }
    }

    // A plan kept for a query with parameters, and the plan compiled to take each call's constants (once it has run).
    private sealed class KeptPlan(QueryPlan plan)
    {
        private volatile SharedRun? _compiled;

        public QueryPlan Plan { get; } = plan;

        public SharedRun? Compiled
        {
            get => _compiled;
            set => _compiled = value;
        }
    }

    // A plan compiled for every value of its parameters, on one store with one set of limits; Slots are the predicates
    // whose constants each call gives (PlanExecutor.ConstantsFor).
    // The call's constants are kept for one call at a time (RentCall), like a query's frame.
    private sealed record SharedRun(IQueryStore Store, int MaxRows, int MaxMatchedWords, Func<BdqResult> Run, BoundPredicate[] Slots)
    {
        private PlanExecutor.CallConstants? _spare;

        public bool Fits(IQueryStore store, BdqOptions options) =>
            ReferenceEquals(Store, store) && MaxRows == options.MaxRows && MaxMatchedWords == options.MaxMatchedWords;

        public PlanExecutor.CallConstants RentCall() => Interlocked.Exchange(ref _spare, null) ?? new PlanExecutor.CallConstants(Slots);

        public void ReturnCall(PlanExecutor.CallConstants call) => Volatile.Write(ref _spare, call);
    }

    // The compiled plan (Run) is kept only for queries without sub-queries, and run again only on the same store with
    // the same limits (those of the options it was made with). The bundled store and QueryStore never change their
    // tables, so for them the same store means the same table; any other store is asked for the table again.
    // It also keeps the text and schema it was compiled with: a call with an equal text, the same options object and a
    // store it fits (which, but for the bundled store and QueryStore, still has that schema) would compile to the same
    // query and the same plan, so it runs this one without looking its text up (IsCallOf).
    private sealed record PlannedOn(IEntityTable Table, QueryPlan Plan, IQueryStore Store, Func<BdqResult>? Run, string Text, BdqOptions Options, QuerySchema Schema)
    {
        public bool Fits(IQueryStore store, BoundQuery bound, BdqOptions options) =>
            ReferenceEquals(Store, store) && Options.MaxRows == options.MaxRows && Options.MaxMatchedWords == options.MaxMatchedWords
            && (store is BorderStore or QueryStore || ReferenceEquals(store.GetTable(bound.Set.Name), Table));

        public bool IsCallOf(string text, IQueryStore store, BdqOptions options) =>
            ReferenceEquals(Options, options) && string.Equals(Text, text, StringComparison.Ordinal)
            && (store is BorderStore or QueryStore || ReferenceEquals(store.Schema, Schema))
            && Fits(store, Plan.Query, options);
    }
}
