using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query.Planning;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// Runs a <see cref="QueryPlan"/> over in-memory tables, doing what the plan records and deciding nothing: counts from
/// index sizes or posting-list lengths when the plan says so, otherwise intersects the index accesses in the plan's
/// order, checks the residual row by row, then groups, orders (by sorting or by walking a sorted index), pages and
/// projects. Sizes for planning come from <see cref="TableStatistics"/>, made before any plan exists.
/// </summary>
internal sealed class PlanExecutor
{
    private readonly Func<string, IEntityTable?> _tables;
    private readonly IEntityTable _table;
    private readonly IReadOnlyDictionary<string, object> _parameters;

    private static readonly string[] CountColumns = ["count"];

    // Resolved once per predicate (by reference) and kept as long as the executor is: Bdq keeps one executor per query
    // without parameters, which calls from several threads may share, so it is concurrent. Made on first use.
    private ConcurrentDictionary<BoundPredicate, object[]>? _constants;

    // The last count this executor answered: a result is immutable, so the same count returns the same result again.
    private BdqResult? _lastCount;

    // The call running on this thread a plan compiled with ConstantsPerCall: its parameterised predicates' constants.
    [ThreadStatic]
    private static CallConstants? t_call;

    // With ConstantsPerCall, the parameterised predicates in the order of their slots in a call's constants.
    private readonly List<BoundPredicate> _slots = [];

    /// <summary>An executor over <paramref name="table"/>, resolving references through <paramref name="tables"/>.</summary>
    /// <param name="table">The queried table.</param>
    /// <param name="tables">Finds a table by set name, for one-hop paths.</param>
    /// <param name="parameters">Parameter values already checked and converted (see <see cref="Bdq"/>).</param>
    public PlanExecutor(IEntityTable table, Func<string, IEntityTable?> tables, IReadOnlyDictionary<string, object> parameters)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
    }

    /// <summary>The most rows a result of a query without <c>take</c> holds (<see cref="BdqOptions.MaxRows"/>).</summary>
    internal int MaxRows { get; init; } = int.MaxValue;

    /// <summary>
    /// The most indexed words one search word may be part of (<see cref="BdqOptions.MaxMatchedWords"/>); past it
    /// <see cref="Execute"/> throws <see cref="SearchTooBroadException"/>, which <see cref="Bdq.TryExecute"/> turns
    /// into a diagnostic.
    /// </summary>
    internal int MaxMatchedWords { get; init; } = int.MaxValue;

    /// <summary>
    /// Whether the constants of predicates holding a parameter are read from the call (<see cref="Run"/>) instead of
    /// resolved at compile time: the delegate <see cref="Compile"/> makes then serves every value of the parameters,
    /// given at each run by <see cref="ConstantsFor"/>. The executor is then made without parameter values, and the
    /// plan must hold no sub-query.
    /// </summary>
    internal bool ConstantsPerCall { get; init; }

    /// <summary>With <see cref="ConstantsPerCall"/>, the predicates whose constants a call gives, in slot order (after <see cref="Compile"/>).</summary>
    internal BoundPredicate[] CallSlots => [.. _slots];

    /// <summary>The constants of <paramref name="slots"/> for one call, parameters taken from <paramref name="parameters"/> (resolved already).</summary>
    internal static CallConstants ConstantsFor(BoundPredicate[] slots, IReadOnlyDictionary<string, object> parameters)
    {
        var call = new CallConstants(slots);
        call.Fill(parameters);
        return call;
    }

    /// <summary>Runs a delegate compiled with <see cref="ConstantsPerCall"/> with one call's constants (on this thread).</summary>
    internal static BdqResult Run(Func<BdqResult> run, CallConstants call)
    {
        var outer = t_call;
        t_call = call;
        try
        {
            return run();
        }
        finally
        {
            t_call = outer;
        }
    }

    /// <summary>Runs the plan (compiles it, then runs it once).</summary>
    public BdqResult Execute(QueryPlan plan) => Compile(plan)();

    /// <summary>
    /// Compiles <paramref name="plan"/> into one delegate that runs it: every index, key, constant, path and column the
    /// plan needs is resolved here, once, so that a run reads the indexes and the rows and builds the result, and
    /// nothing else (a count allocates nothing). A predicate a posting index answers is tested on a row by its membership
    /// in the posting lists, without reading the row; any other reads the field through the table. The delegate may be
    /// run any number of times, from several threads, as long as the executor's tables are the same.
    /// </summary>
    public Func<BdqResult> Compile(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var query = plan.Query;
        if (plan.Counting == CountStrategy.TableSize)
        {
            return () => CountResult(query, _table.Count);
        }

        if (plan.Counting == CountStrategy.IndexSize)
        {
            // One key's posting list, the common count, reads its length directly.
            if (PostingCount(plan.Accesses[0]) is { } posting)
            {
                var (index, key) = posting;
                return key is null ? () => CountResult(query, 0) : () => CountResult(query, index.Count(key));
            }

            var count = Counter(plan.Accesses[0]);
            return () => CountResult(query, count());
        }

        // Rows found as a set (a union of dense posting lists, a date range: bitmaps ANDed a word at a time) are counted
        // by the set, from the popcounts of its words, with no row read out; lists are counted by their length.
        if (plan.CountsRowSet)
        {
            var counted = Found(plan);
            return () => CountResult(query, Paged(query, counted().TakeCount()));
        }

        if (plan.Order == OrderStrategy.FilteredWalk)
        {
            var field = _table.Schema.IndexOfField(query.OrderBy[0].Path.Field.Name);
            var descending = query.OrderBy[0].Descending;
            var wanted = Wanted(query);
            var shape = Shaper(query);

            // The residual's conjuncts a posting index answers are tested by the bits of their lists in the walk's own
            // loop; the others, if any, as one delegate for the rows the bits keep.
            if (plan.Residual is { } tested && BitsTest(tested) is { } bits)
            {
                return () => shape(IndexQueries.WalkWhereIn(_table, field, descending, bits(), wanted));
            }

            var residual = plan.Residual is { } condition ? Condition(condition) : null;
            return () => shape(IndexQueries.WalkWhereRows(_table, field, descending, residual, wanted));
        }

        if (plan.Grouping == GroupStrategy.PostingListLengths)
        {
            return CountsFromIndex(query, query.GroupBy!.Keys[0]);
        }

        if (query.GroupBy is { } group)
        {
            var grouped = Group(query, group);
            var rowsToGroup = Filter(plan);
            return () => grouped(rowsToGroup());
        }

        var shaped = Shaper(query);
        if (plan.Order == OrderStrategy.IndexWalk && query.Take is null)
        {
            // Every match in the sorted index's order: a walk testing each entry's bit in the rows found, or a counting sort
            // of the rows found by their key's rank in the index, whichever reads less (SortedIndex.InKeyOrder); a bitmap
            // the rows found owned goes back to scratch after (IndexQueries.InOrder, as generated code orders them).
            var walked = _table.Schema.IndexOfField(query.OrderBy[0].Path.Field.Name);
            var found = Found(plan);
            var backwards = query.OrderBy[0].Descending;
            return () => shaped(IndexQueries.InOrder(_table, walked, backwards, found(), walkAll: true));
        }

        var filter = Filter(plan);
        switch (plan.Order)
        {
            case OrderStrategy.IndexWalk:
                var field = _table.Schema.IndexOfField(query.OrderBy[0].Path.Field.Name);
                var descending = query.OrderBy[0].Descending;
                var wanted = Wanted(query);
                return () => shaped(IndexQueries.WalkRows(_table, field, descending, filter(), wanted));
            case OrderStrategy.Sort:
                var keys = query.OrderBy.Select(o => new CompilerServices.SortKey(Reader(o.Path), o.Path.Field.Kind, o.Descending)).ToArray();
                return () => shaped(RowSort.Sort(filter(), keys));
            default:
                return () => shaped(filter());
        }
    }

    // How many rows an ordered walk must yield: skip + take, or all of them without a take (never past int.MaxValue).
    private static int Wanted(BoundQuery query) =>
        query.Take is { } take ? (int)Math.Min(int.MaxValue, (long)(query.Skip ?? 0) + take) : int.MaxValue;

    // How many of the rows found the query's skip and take leave: what its count answers.
    private static int Paged(BoundQuery query, int found) =>
        Math.Max(0, Math.Min(query.Take ?? int.MaxValue, found - (query.Skip ?? 0)));

    // Pages the ordered rows and shapes the result: a count, selected rows, or whole records.
    private Func<int[], BdqResult> Shaper(BoundQuery query)
    {
        var skip = query.Skip ?? 0;
        if (query.Count)
        {
            return ordered => CountResult(query, Paged(query, ordered.Length));
        }

        // Without a take, one row past the ceiling says whether the ceiling cut the answer.
        var pageSize = query.Take ?? (MaxRows == int.MaxValue ? int.MaxValue : MaxRows + 1);
        var limited = query.Take is null;
        if (query.Select.Count > 0)
        {
            var readers = query.Select.Select(path => Reader(path)).ToArray();
            var columns = query.Select.Select(p => p.Text).ToArray();

            // Each row's sources, so the row can be cited though the selection leaves them out.
            var cited = BdqResult.RowSourcesField(query.Set, columns) is { } field ? _table.Schema.IndexOfField(field.Name) : -1;
            return ordered =>
            {
                var paged = Page(ordered, skip, pageSize, limited, out var truncated);
                var projected = new IReadOnlyList<object?>[paged.Length];
                for (var i = 0; i < paged.Length; i++)
                {
                    var values = new object?[readers.Length];
                    for (var c = 0; c < readers.Length; c++)
                    {
                        values[c] = readers[c](paged[i]);
                    }

                    projected[i] = values;
                }

                object?[]? sources = null;
                if (cited >= 0)
                {
                    sources = new object?[paged.Length];
                    for (var i = 0; i < paged.Length; i++)
                    {
                        sources[i] = _table.GetValue(paged[i], cited);
                    }
                }

                return new BdqResult(BdqResultKind.Rows, query.Set, columns, projected, [], null, truncated, sources);
            };
        }

        var recordColumns = query.Set.Fields.Select(f => f.Name).ToArray();
        return ordered =>
        {
            // One array of row ids behind both views: the records and their field values are read from the table when asked for.
            var paged = Page(ordered, skip, pageSize, limited, out var truncated);
            return new BdqResult(query.Set, recordColumns, _table, paged, truncated);
        };
    }

    // Rows skip .. skip + take of the ordered rows, as Skip and Take would give them (the array itself when that is all of it); without a take
    // (limited), a page one row longer than MaxRows is cut to MaxRows and says so.
    private int[] Page(int[] rows, int skip, int take, bool limited, out bool truncated)
    {
        var start = Math.Min(skip, rows.Length);
        var length = Math.Min(take, rows.Length - start);
        truncated = limited && length > MaxRows;
        if (truncated)
        {
            length = MaxRows;
        }

        // A whole answer the plan made for this run is kept as it is (a result never modifies its rows).
        return start == 0 && length == rows.Length ? rows : rows.AsSpan(start, length).ToArray();
    }

    // A count's result; the last one again when the count is the same (a result is immutable), so a warm count allocates nothing.
    private BdqResult CountResult(BoundQuery query, int counted)
    {
        if (_lastCount is { } last && last.Count == counted && ReferenceEquals(last.Set, query.Set))
        {
            return last;
        }

        return _lastCount = new BdqResult(BdqResultKind.Count, query.Set, CountColumns, [[counted]], [], counted);
    }

    /// <summary>Whether row <paramref name="row"/> satisfies <paramref name="condition"/> (compiled each call: for tests and one-off checks).</summary>
    public bool Matches(int row, BoundExpression condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Condition(condition)(row);
    }

    // The posting index and key (null: no row holds it) whose list's length is the exact count of a one-key posting
    // access, resolved here; null for any other access.
    private (PostingIndex Index, object? Key)? PostingCount(IndexAccess access)
    {
        var predicate = access.Predicate;
        if (predicate.Subquery is not null || PerCall(predicate) || access.Kind is not (IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection)
            || _table.GetPostingIndex(access.Field) is not { } index)
        {
            return null;
        }

        var constants = Constants(predicate);
        return IndexAccessCounts.IsExactlyCountable(access.Kind, predicate.Operator, constants.Length)
            ? (index, IndexQueries.PostingKey(_table, access.Field, predicate.Operator, predicate.Path.Field.Kind, constants.Length > 0 ? constants[0] : true))
            : null;
    }

    // Any other exact count from index sizes, with its constants resolved here (a sub-query's when it runs).
    private Func<int> Counter(IndexAccess access)
    {
        var predicate = access.Predicate;
        var op = predicate.Operator;
        var fieldKind = predicate.Path.Field.Kind;
        var field = access.Field;
        var constants = Fixed(predicate);
        var late = constants is null ? Late(predicate) : null;
        return () => IndexQueries.ExactCount(_table, field, access.Kind, op, fieldKind, constants ?? late!());
    }

    // The rows the plan's accesses yield, intersected in the plan's order, then tested by the residual.
    private Func<int[]> Filter(QueryPlan plan)
    {
        // One access that yields its rows as a list (a key, a text search, …) and nothing to test: its rows are the
        // answer's, with no set made around them.
        if (plan is { Accesses: [var only], Residual: null } && YieldsOneList(only))
        {
            // One key of a value known here (the cheapest query there is): its text resolved once, the row looked up.
            if (only.Kind == IndexAccessKind.Key && Fixed(only.Predicate) is [var value])
            {
                var key = IndexQueries.KeyText(value);
                var table = _table;
                return () => IndexQueries.RowsOfKey(table, key);
            }

            return Rows(only);
        }

        // Two or three accesses that each yield a list (one posting list, a key, a text search, …) and nothing to
        // test: made in the plan's order (an empty one ends it, as in Found) and intersected allocating only the
        // answer (IndexQueries.IntersectAll), with no set or intermediate list made.
        // A residual is tested in the same scratch, on the rows intersected, in ascending order (as Found tests it).
        if (plan.IntersectsLists)
        {
            var keep = plan.Residual is { } condition ? Condition(condition) : null;
            var first = Rows(plan.Accesses[0]);
            if (plan.Accesses.Count == 1)
            {
                return () => first() is { Length: > 0 } a ? IndexQueries.IntersectAll([a], keep) : [];
            }

            var second = Rows(plan.Accesses[1]);
            if (plan.Accesses.Count == 2)
            {
                return () => first() is { Length: > 0 } a && second() is { Length: > 0 } b ? IndexQueries.IntersectAll([a, b], keep) : [];
            }

            var third = Rows(plan.Accesses[2]);
            return () => first() is { Length: > 0 } a && second() is { Length: > 0 } b && third() is { Length: > 0 } c ? IndexQueries.IntersectAll([a, b, c], keep) : [];
        }

        // A dense answer keeps its bitmap only for a walk over it (IndexQueries.WalkRows tests rows by it); otherwise the
        // bitmap goes back to RowSet's scratch for the next call.
        var found = Found(plan);
        var rowCount = _table.Count;
        var keepBitmap = plan.Order == OrderStrategy.IndexWalk;
        return () => found().TakeRows(rowCount, keepBitmap);
    }

    // Whether an access yields one list without merging several (the rule generated code follows too).
    private static bool YieldsOneList(IndexAccess access) =>
        IndexAccessShapes.YieldsOneList(access.Kind, access.Predicate.Operator, access.Predicate.Values.Count, access.TestsFoundRows);

    // The same rows as a RowSet: dense accesses stay bitmaps while they are intersected (a no-take walk reads them so).
    private Func<RowSet> Found(QueryPlan plan)
    {
        var steps = plan.Accesses.Select(Step).ToArray();
        var residual = plan.Residual is { } condition ? Condition(condition) : null;
        return () =>
        {
            RowSet? rows = null;
            foreach (var step in steps)
            {
                rows = step(rows);
                if (rows.Count == 0)
                {
                    return RowSet.Empty;
                }
            }

            rows ??= RowSet.Of(PostingList.All(_table.Count));
            return residual is null ? rows : RowSet.Of(rows.Where(residual));
        };
    }

    // One access applied to the rows found before it (null: it is the first), as generated code applies it too
    // (IndexQueries.Step); its constants resolved here, a sub-query's when the step runs.
    private Func<RowSet?, RowSet> Step(IndexAccess access)
    {
        var predicate = access.Predicate;
        var (field, kind, op, fieldKind, tests) = (access.Field, access.Kind, predicate.Operator, predicate.Path.Field.Kind, access.TestsFoundRows);
        var constants = Fixed(predicate);
        var late = constants is null ? Late(predicate) : null;
        return found => IndexQueries.Step(_table, found, new IndexAccessArguments(field, kind, op, fieldKind, constants ?? late!()), tests, MaxMatchedWords)
            ?? throw new SearchTooBroadException(predicate, MaxMatchedWords);
    }

    private Func<int[]> Rows(IndexAccess access)
    {
        var predicate = access.Predicate;
        var op = predicate.Operator;
        var fieldKind = predicate.Path.Field.Kind;
        var constants = Fixed(predicate);
        var late = constants is null ? Late(predicate) : null;
        return () => IndexQueries.Rows(_table, access.Field, access.Kind, op, fieldKind, constants ?? late!(), MaxMatchedWords)
            ?? throw new SearchTooBroadException(predicate, MaxMatchedWords);
    }

    // A condition as one test of a row. A sub-query's values are read when a row first needs them (the sub-query
    // runs then, as it did when conditions were evaluated directly), other constants here.
    private Func<int, bool> Condition(BoundExpression condition)
    {
        switch (condition)
        {
            case BoundAnd and:
                var left = Condition(and.Left);
                var right = Condition(and.Right);
                return row => left(row) && right(row);
            case BoundOr or:
                var either = Condition(or.Left);
                var other = Condition(or.Right);
                return row => either(row) || other(row);
            case BoundNot not:
                var operand = Condition(not.Operand);
                return row => !operand(row);
            case BoundPredicate predicate:
                return Predicate(predicate);
            default:
                return static _ => false;
        }
    }

    private Func<int, bool> Predicate(BoundPredicate predicate)
    {
        if (predicate.Subquery is null && Membership(predicate) is { } member)
        {
            return member;
        }

        var read = Reader(predicate.Path);
        var op = predicate.Operator;
        var constants = Fixed(predicate);
        var late = constants is null ? Late(predicate) : null;
        if (predicate.Length)
        {
            var lengthKind = OperatorTable.Length.Result;
            return row => ValueSemantics.Test(lengthKind, op, ValueSemantics.Length(read(row)), constants ?? late!(), isCollection: false);
        }

        var kind = predicate.Path.Field.Kind;
        var isCollection = predicate.Path.Field.IsCollection;
        return row => ValueSemantics.Test(kind, op, read(row), constants ?? late!(), isCollection);
    }

    // A predicate the planner would answer from a posting index (a key or posting access) holds for a row exactly when
    // the row is in the access's rows: in one of the value's posting lists (union) or in all of them (intersection).
    // Each list is tested by its bitmap when it has one, otherwise by a binary search; the row itself is not read.
    private Func<int, bool>? Membership(BoundPredicate predicate)
    {
        if (QueryPlanner.Access(_table.Schema, predicate) is not { Kind: IndexAccessKind.Key or IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection } access
            || _table.GetPostingIndex(access.Field) is null)
        {
            return null;
        }

        if (!PerCall(predicate))
        {
            return Membership(access, predicate, Constants(predicate));
        }

        // The call's constants give the posting lists: the test is made once a call, when a row first needs it.
        var slot = Slot(predicate);
        return row =>
        {
            var call = t_call!;
            var test = call.Tests[slot] ??= Membership(access, predicate, call.Values[slot]);
            return test(row);
        };
    }

    private Func<int, bool> Membership(IndexAccess access, BoundPredicate predicate, object[] constants)
    {
        var lists = IndexQueries.PostingLists(_table, access.Field, predicate.Operator, predicate.Path.Field.Kind, constants);
        var tests = lists.Select(Member).ToArray();
        if (tests.Length == 1)
        {
            return tests[0];
        }

        if (access.Kind == IndexAccessKind.PostingIntersection)
        {
            return row =>
            {
                foreach (var test in tests)
                {
                    if (!test(row))
                    {
                        return false;
                    }
                }

                return true;
            };
        }

        return row =>
        {
            foreach (var test in tests)
            {
                if (test(row))
                {
                    return true;
                }
            }

            return false;
        };
    }

    // A residual as one bit test (IndexQueries.BitmapTest), given for each run: each of its AND's conjuncts a posting
    // index answers is tested by bits, an intersection's lists together and each union's as a group; the other conjuncts
    // become one delegate, tested last. A conjunct holding a parameter (ConstantsPerCall) takes its lists from the call:
    // the test is then made once per call's values and kept with them (CallConstants.WalkTest), and a list without a
    // bitmap is tested by the conjunct's delegate instead. Null when no conjunct is answered by bits.
    private Func<IndexQueries.BitmapTest>? BitsTest(BoundExpression residual)
    {
        var every = new List<ulong[]>();
        var anyOf = new List<ulong[][]>();
        var rest = new List<Func<int, bool>>();
        var perCall = new List<(IndexAccess Access, BoundPredicate Predicate, int Slot, Func<int, bool> Fallback)>();
        var nothing = false;
        foreach (var conjunct in Conjuncts(residual))
        {
            if (conjunct is BoundPredicate predicate && MembershipBits(predicate) is var (bitmaps, all))
            {
                nothing |= Add(every, anyOf, bitmaps, all);
            }
            else if (conjunct is BoundPredicate { Subquery: null } parameterised && PerCall(parameterised) && PostingAccess(parameterised) is { } access)
            {
                perCall.Add((access, parameterised, Slot(parameterised), Condition(parameterised)));
            }
            else
            {
                rest.Add(Condition(conjunct));
            }
        }

        if (!nothing && every.Count == 0 && anyOf.Count == 0 && perCall.Count == 0)
        {
            return null;
        }

        if (perCall.Count == 0)
        {
            var (merged, groups) = Merged(every, anyOf);
            var test = new IndexQueries.BitmapTest(merged, groups, AllOf(rest), nothing);
            return () => test;
        }

        return () =>
        {
            var call = t_call!;
            if (call.WalkTest is IndexQueries.BitmapTest kept)
            {
                return kept;
            }

            var (callEvery, callAnyOf, callRest, callNothing) = (new List<ulong[]>(every), new List<ulong[][]>(anyOf), new List<Func<int, bool>>(rest), nothing);
            foreach (var (access, predicate, slot, fallback) in perCall)
            {
                if (MembershipBits(access, predicate, call.Values[slot]) is var (bitmaps, all))
                {
                    callNothing |= Add(callEvery, callAnyOf, bitmaps, all);
                }
                else
                {
                    callRest.Add(fallback);
                }
            }

            var made = new IndexQueries.BitmapTest([.. callEvery], [.. callAnyOf], AllOf(callRest), callNothing);
            call.WalkTest = made;
            return made;
        };
    }

    // A constant bit test's bitmaps merged into one when the plan is compiled (a table's lists never change): the
    // intersection's ANDed with each union's OR, so a row is tested by one bit where it would be by one per list of the
    // intersection and up to one per list of each union. One bitmap or none is left as it is (a list's own, shared).
    private (ulong[][] Every, ulong[][][] AnyOf) Merged(List<ulong[]> every, List<ulong[][]> anyOf)
    {
        if (every.Count + anyOf.Sum(group => group.Length) <= 1)
        {
            return ([.. every], [.. anyOf]);
        }

        var words = RowBitmap.Words(_table.Count);
        ulong[]? merged = null;
        foreach (var bits in every)
        {
            if (merged is null)
            {
                merged = new ulong[words];
                bits.AsSpan(0, Math.Min(bits.Length, words)).CopyTo(merged);
            }
            else
            {
                RowBitmap.AndWith(merged, bits);
            }
        }

        ulong[]? union = null;
        foreach (var group in anyOf)
        {
            if (merged is null)
            {
                // The first union with no intersection before it is the merged bitmap itself.
                merged = new ulong[words];
                foreach (var bits in group)
                {
                    RowBitmap.OrWith(merged, bits);
                }

                continue;
            }

            union ??= new ulong[words];
            union.AsSpan().Clear();
            foreach (var bits in group)
            {
                RowBitmap.OrWith(union, bits);
            }

            RowBitmap.AndWith(merged, union);
        }

        return ([merged!], []);
    }

    // Adds one conjunct's bitmaps (MembershipBits) to an AND's: an intersection's to 'every', a union's as a group;
    // true when the conjunct matches no row.
    private static bool Add(List<ulong[]> every, List<ulong[][]> anyOf, ulong[][] bitmaps, bool all)
    {
        if (all)
        {
            every.AddRange(bitmaps);
            return false;
        }

        if (bitmaps.Length == 0)
        {
            return true;
        }

        anyOf.Add(bitmaps);
        return false;
    }

    // The conditions an AND is made of, left to right (a condition that is no AND: itself).
    private static IEnumerable<BoundExpression> Conjuncts(BoundExpression condition)
    {
        if (condition is BoundAnd and)
        {
            foreach (var left in Conjuncts(and.Left))
            {
                yield return left;
            }

            foreach (var right in Conjuncts(and.Right))
            {
                yield return right;
            }
        }
        else
        {
            yield return condition;
        }
    }

    // Several tests, in order, as one delegate (no chain of delegates per AND); null for none.
    private static Func<int, bool>? AllOf(List<Func<int, bool>> tests)
    {
        if (tests.Count <= 1)
        {
            return tests.Count == 0 ? null : tests[0];
        }

        var all = tests.ToArray();
        return row =>
        {
            foreach (var test in all)
            {
                if (!test(row))
                {
                    return false;
                }
            }

            return true;
        };
    }

    // A predicate Membership answers, with constants known here, whose lists all have bitmaps: the bitmaps a row's bit
    // is tested in (any of them for a union, all for an intersection), for a walk to test in its own loop; null otherwise.
    // A union leaves out its empty lists (none left: no row matches); an intersection with an empty list matches no row.
    private (ulong[][] Bitmaps, bool All)? MembershipBits(BoundPredicate predicate) =>
        predicate.Subquery is null && !PerCall(predicate) && PostingAccess(predicate) is { } access
            ? MembershipBits(access, predicate, Constants(predicate))
            : null;

    // The posting union or intersection the planner would make for the predicate, on a field with a posting index; null otherwise.
    private IndexAccess? PostingAccess(BoundPredicate predicate) =>
        QueryPlanner.Access(_table.Schema, predicate) is { Kind: IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection } access
        && _table.GetPostingIndex(access.Field) is not null
            ? access
            : null;

    // The same for the posting access of the predicate with these constants.
    private (ulong[][] Bitmaps, bool All)? MembershipBits(IndexAccess access, BoundPredicate predicate, object[] constants)
    {
        var all = access.Kind == IndexAccessKind.PostingIntersection;
        var bitmaps = new List<ulong[]>();
        foreach (var list in IndexQueries.PostingLists(_table, access.Field, predicate.Operator, predicate.Path.Field.Kind, constants))
        {
            if (list.Length == 0)
            {
                if (all)
                {
                    return ([], false);
                }

                continue;
            }

            if (RowBitmap.Of(list) is not { } bits)
            {
                return null;
            }

            bitmaps.Add(bits);
        }

        return ([.. bitmaps], all);
    }

    private static Func<int, bool> Member(int[] list)
    {
        if (list.Length == 0)
        {
            return static _ => false;
        }

        if (RowBitmap.Of(list) is { } bits)
        {
            return row => RowBitmap.Contains(bits, row);
        }

        return row => Array.BinarySearch(list, row) >= 0;
    }

    /// <summary>Reads the value at the end of <paramref name="path"/> for a row; null when a reference dangles.</summary>
    private Func<int, object?> Reader(BoundPath path)
    {
        var field = _table.Schema.IndexOfField(path.Fields[0].Name);
        if (!path.IsHop)
        {
            return row => _table.GetValue(row, field);
        }

        var target = _tables(path.Fields[0].References!);
        var targetField = target?.Schema.IndexOfField(path.Fields[1].Name) ?? -1;
        if (path.IsListHop)
        {
            return row => _table.GetValue(row, field) is { } value ? ValueSemantics.FollowEach(target, value, targetField) : null;
        }

        return row => _table.GetValue(row, field) is { } value && target is not null && target.TryGetRow(RecordKey.Text(value) ?? string.Empty, out var targetRow)
            ? target.GetValue(targetRow, targetField)
            : null;
    }

    // Whether the predicate's constants come from each call (ConstantsPerCall and it holds a parameter).
    private bool PerCall(BoundPredicate predicate) =>
        ConstantsPerCall && predicate.Values.Any(value => value is BoundParameter);

    // The predicate's constants when they are known at compile time; null when a run reads them (Late).
    private object[]? Fixed(BoundPredicate predicate) =>
        predicate.Subquery is null && !PerCall(predicate) ? Constants(predicate) : null;

    // How a run reads the constants Fixed leaves out: the call's, or a sub-query's (run when first needed).
    private Func<object[]> Late(BoundPredicate predicate)
    {
        if (PerCall(predicate))
        {
            var slot = Slot(predicate);
            return () => t_call!.Values[slot];
        }

        return () => Constants(predicate);
    }

    // The predicate's slot in a call's constants.
    private int Slot(BoundPredicate predicate)
    {
        var slot = _slots.FindIndex(known => ReferenceEquals(known, predicate));
        if (slot < 0)
        {
            slot = _slots.Count;
            _slots.Add(predicate);
        }

        return slot;
    }

    /// <summary>The predicate's values as records hold them; search text comes folded for text matching.</summary>
    private object[] Constants(BoundPredicate predicate)
    {
        if (PerCall(predicate))
        {
            throw new InvalidOperationException("A parameterised predicate's constants come from the call.");
        }

        _constants ??= new(ReferenceEqualityComparer.Instance);
        if (!_constants.TryGetValue(predicate, out var values))
        {
            _constants[predicate] = values = predicate.Values is [BoundSubquery subquery] ? Subquery(subquery) : PredicateConstants.Resolve(predicate, _parameters);
        }

        return values;
    }

    // A sub-query runs once, planned against its own table; its values are the selected field's, a list's elements
    // each, without missing values or repeats, in the order first met.
    private object[] Subquery(BoundSubquery subquery)
    {
        var inner = subquery.Query;
        var table = _tables(inner.Set.Name) ?? throw new InvalidOperationException($"No table for set '{inner.Set.Name}'.");
        var plan = QueryPlanner.Plan(inner, new TableStatistics(table, _parameters));
        var result = new PlanExecutor(table, _tables, _parameters) { MaxMatchedWords = MaxMatchedWords }.Execute(plan);
        return CompilerServices.SubqueryValueSet.Flatten(result.Rows.Select(row => row[0]), subquery.Selected.Field.Kind);
    }

    // The plan's PostingListLengths: group by one exactly-compared field with only counts, over the whole table.
    private Func<BdqResult> CountsFromIndex(BoundQuery query, BoundPath key)
    {
        var group = query.GroupBy!;
        var field = _table.Schema.IndexOfField(key.Field.Name);
        var kind = key.Field.Kind;
        var descending = query.OrderBy.FirstOrDefault(o => o.Path.Text == key.Text)?.Descending ?? false;
        var counts = group.Aggregates.Count;
        var groups = Groups(query);
        return () => groups(Grouping.CountByIndex(_table, field, kind, descending, counts, query.Skip, query.Take));
    }

    private Func<int[], BdqResult> Group(BoundQuery query, BoundGroupBy group)
    {
        var keys = group.Keys.Select(k => new GroupKey<int>(
            Reader(k),
            k.Field.Kind,
            query.OrderBy.FirstOrDefault(o => o.Path.Text == k.Text)?.Descending ?? false)
        {
            EachElement = k.Field.IsCollection,
        }).ToArray();
        var aggregates = group.Aggregates.Select(a => new GroupAggregate<int>(
            a.Function,
            a.Argument is { } argument ? Reader(argument) : null,
            a.Argument?.Field.Kind ?? FieldKind.Number)).ToArray();
        var order = group.Order.Select(o => (o.Aggregate, o.Descending)).ToArray();
        var groups = Groups(query);
        return rows => groups(Grouping.Group(rows, keys, aggregates, query.Skip, query.Take, order));
    }

    // Groups are rows of the answer too: without a take, at most MaxRows of them.
    private Func<IReadOnlyList<IReadOnlyList<object?>>, BdqResult> Groups(BoundQuery query)
    {
        var group = query.GroupBy!;
        var columns = group.Keys.Select(k => k.Text).Concat(group.Aggregates.Select(a => a.Name)).ToArray();
        var limited = query.Take is null;
        return rows =>
        {
            var truncated = limited && rows.Count > MaxRows;
            return new BdqResult(BdqResultKind.Groups, query.Set, columns, truncated ? rows.Take(MaxRows).ToArray() : rows, [], null, truncated);
        };
    }

    /// <summary>
    /// One call's constants for a plan compiled with <see cref="ConstantsPerCall"/>, by slot; and the posting-list tests
    /// made from them. Its arrays are made once and filled again for each call (<see cref="Fill"/>), so one call at a
    /// time may use it; nothing a run returns keeps them.
    /// </summary>
    internal sealed class CallConstants
    {
        internal CallConstants(BoundPredicate[] slots)
        {
            Slots = slots;
            Values = new object[slots.Length][];
            for (var i = 0; i < slots.Length; i++)
            {
                Values[i] = new object[slots[i].Values.Count];
            }

            Tests = new Func<int, bool>?[slots.Length];
        }

        /// <summary>
        /// The filtered walk's bit test (an <see cref="IndexQueries.BitmapTest"/>) made from these constants, kept while
        /// they equal the last call's; null until a call makes it.
        /// </summary>
        internal object? WalkTest { get; set; }

        /// <summary>The predicates whose constants the slots hold.</summary>
        internal BoundPredicate[] Slots { get; }

        /// <summary>Each slot's constants, as records hold them.</summary>
        internal object[][] Values { get; }

        /// <summary>Each slot's membership test, made when first needed in the call.</summary>
        internal Func<int, bool>?[] Tests { get; }

        /// <summary>
        /// Fills every slot from <paramref name="parameters"/> (resolved already). A slot's test is kept while its
        /// constants equal the last call's: the test reads only the posting lists of those constants, which an index
        /// finds by the same equality, so a warm call with the same values makes no test again; so is the walk's bit test
        /// (<see cref="WalkTest"/>) while every slot's are.
        /// </summary>
        internal void Fill(IReadOnlyDictionary<string, object> parameters)
        {
            for (var i = 0; i < Slots.Length; i++)
            {
                var values = Values[i];
                var predicate = Slots[i];
                var same = true;
                for (var v = 0; v < values.Length; v++)
                {
                    var value = PredicateConstants.Value(predicate.Values[v], parameters);
                    if (v == 0 && PredicateConstants.FoldsText(predicate.Operator))
                    {
                        value = PredicateConstants.Fold((string)value);
                    }

                    same = same && values[v] is not null && Equals(values[v], value);
                    values[v] = value;
                }

                if (!same)
                {
                    Tests[i] = null;
                    WalkTest = null;
                }
            }
        }
    }
}
