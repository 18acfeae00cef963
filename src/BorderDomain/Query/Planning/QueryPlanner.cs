using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Query.Planning;

/// <summary>
/// Chooses indexes for a bound query: splits the filter into conjuncts, sends each one an index can answer to that
/// index, orders them by estimated size (smallest first, so intersections shrink fast), keeps the rest as a
/// residual, and walks a sorted index for <c>order by … take k</c> when that reads fewer rows than sorting (testing
/// the filter on each row read, instead of making the accesses, when the walk reads fewer rows than they yield), and
/// for a large answer without <c>take</c> when reading the whole index costs less than sorting the answer.
/// </summary>
internal static class QueryPlanner
{
    /// <summary>
    /// Plans <paramref name="query"/>, using <paramref name="statistics"/> for sizes where given. Without statistics
    /// (the generator at compile time) the plan has the statistics-free shape: every size is a guess from a nominal
    /// 1,000 rows, and <see cref="QueryPlan.HasStatistics"/> says so.
    /// </summary>
    public static QueryPlan Plan(BoundQuery query, IIndexStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rowCount = statistics?.RowCount ?? 1_000;
        var accesses = new List<IndexAccess>();
        var residual = new List<BoundExpression>();
        foreach (var conjunct in Conjuncts(query.Filter))
        {
            if (conjunct is BoundPredicate predicate && Access(query.Set, predicate) is { } access)
            {
                var measured = statistics?.Estimate(access);
                accesses.Add(measured is { } size
                    ? access with { Estimate = size, IsExact = IndexAccessCounts.IsExactlyCountable(access.Kind, predicate.Operator, predicate.Values.Count) }
                    : access with { Estimate = Guess(access, rowCount) });
            }
            else
            {
                residual.Add(conjunct);
            }
        }

        // A stable sort: equal estimates keep the filter's order.
        accesses = accesses.Select((access, position) => (access, position)).OrderBy(p => p.access.Estimate).ThenBy(p => p.position).Select(p => p.access).ToList();
        var estimated = accesses.Count == 0 ? rowCount : accesses[0].Estimate;
        var hasStatistics = statistics is not null;
        if (hasStatistics)
        {
            TestDateRangesOnFoundRows(accesses, rowCount);
        }

        var grouping = query.GroupBy is null ? GroupStrategy.None : GroupCountsFromIndex(query) is not null ? GroupStrategy.PostingListLengths : GroupStrategy.GroupRows;
        var order = ChooseOrder(query, estimated, rowCount);
        if (order == OrderStrategy.IndexWalk && query.Take is not null)
        {
            // The walk reads about (skip + take) * rows / matches rows; the accesses yield the sum of their sizes.
            // When the walk reads fewer, test the whole filter on the rows it reads and make no access at all.
            var read = (double)((query.Skip ?? 0) + query.Take!.Value) * rowCount / Math.Max(1, estimated);
            if (accesses.Count == 0 || read < accesses.Sum(access => (double)access.Estimate))
            {
                return new QueryPlan(query, ImmutableArray<IndexAccess>.Empty, query.Filter, OrderStrategy.FilteredWalk, rowCount, estimated, query.Count ? CountStrategy.CountRows : CountStrategy.None, grouping, hasStatistics);
            }
        }

        var plan = new QueryPlan(
            query,
            accesses.ToImmutableArray(),
            residual.Count == 0 ? null : BoundExpression.AllOf(residual),
            order,
            rowCount,
            estimated,
            CountStrategy.None,
            grouping,
            hasStatistics);
        return query.Count ? plan with { Counting = CountingOf(plan) } : plan;
    }

    // A date range after the first access is tested on the rows found so far (at most the first access's estimate),
    // each found row's first and last day read from the date index, when those rows are fewer than making the range
    // would touch: its rows, or about a sixteenth of the table when a large index makes it from checkpoint bitmaps.
    // Only with statistics: a guess from nominal sizes decides nothing here.
    private static void TestDateRangesOnFoundRows(List<IndexAccess> accesses, long rowCount)
    {
        for (var i = 1; i < accesses.Count; i++)
        {
            var access = accesses[i];
            if (access.Kind == IndexAccessKind.DateRange && accesses[0].Estimate < Math.Min(access.Estimate, rowCount / 16))
            {
                accesses[i] = access with { TestsFoundRows = true };
            }
        }
    }

    /// <summary>
    /// Whether two plans of one query run the same way: the same accesses in the same order, residual, order, count and
    /// group strategies. Sizes are not compared (a statistics-free plan guesses them).
    /// </summary>
    public static bool SameStrategy(QueryPlan left, QueryPlan right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Order == right.Order && left.Counting == right.Counting && left.Grouping == right.Grouping
            && Equals(left.Residual, right.Residual)
            && left.Accesses.Count == right.Accesses.Count
            && left.Accesses.Zip(right.Accesses, (a, b) => a.Field == b.Field && a.Kind == b.Kind && a.TestsFoundRows == b.TestsFoundRows && Equals(a.Predicate, b.Predicate)).All(same => same);
    }

    // A count is read from index sizes alone, touching no row, when there is no grouping, paging or residual and the
    // filter is absent (the table's size) or one access IsExactlyCountable answers.
    private static CountStrategy CountingOf(QueryPlan plan)
    {
        var query = plan.Query;
        if (query.GroupBy is not null || query.Skip is not null || query.Take is not null || plan.Residual is not null)
        {
            return CountStrategy.CountRows;
        }

        return plan.Accesses.Count switch
        {
            0 when query.Filter is null => CountStrategy.TableSize,
            1 when IndexAccessCounts.IsExactlyCountable(plan.Accesses[0].Kind, plan.Accesses[0].Predicate.Operator, plan.Accesses[0].Predicate.Values.Count) => CountStrategy.IndexSize,
            _ => CountStrategy.CountRows,
        };
    }

    // The grouping key when the query is 'group by key' with only count aggregates over the whole set (no filter) and
    // the key is a scalar field with a posting index whose values compare exactly (an enum, a yes/no, a nation code):
    // then each group's count is the length of its posting list and no record needs reading. Otherwise null.
    private static BoundPath? GroupCountsFromIndex(BoundQuery query)
    {
        if (query.Filter is not null || query.GroupBy is not { Keys.Count: 1 } group || group.Aggregates.Any(a => a.Function != AggregateFunction.Count)
            || group.Order.Count > 0)
        {
            return null;
        }

        var key = group.Keys[0];
        // Not a list: its groups count an element once per occurrence, a posting list a row once.
        return !key.IsHop && !key.Field.IsCollection && key.Field.Index is IndexKind.Posting or IndexKind.Key
            && key.Field.Kind is FieldKind.Enum or FieldKind.Boolean or FieldKind.Nation
            ? key
            : null;
    }

    /// <summary>The top-level conjuncts of a condition.</summary>
    internal static IEnumerable<BoundExpression> Conjuncts(BoundExpression? filter)
    {
        var pending = new Stack<BoundExpression>();
        if (filter is not null)
        {
            pending.Push(filter);
        }

        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next is BoundAnd and)
            {
                pending.Push(and.Right);
                pending.Push(and.Left);
            }
            else
            {
                yield return next;
            }
        }
    }

    /// <summary>
    /// The index access that answers <paramref name="predicate"/> on <paramref name="set"/>, or <see langword="null"/>
    /// when no index does. The executor also asks it which predicates a posting list can test row by row.
    /// </summary>
    internal static IndexAccess? Access(EntitySetSchema set, BoundPredicate predicate)
    {
        // No index holds a list's length: count(parties) = 1 is filtered row by row.
        if (predicate.Path.IsHop || predicate.Length)
        {
            return null;
        }

        var field = set.IndexOfField(predicate.Path.Field.Name);
        var index = predicate.Path.Field.Index;
        IndexAccessKind? kind = (index, predicate.Operator) switch
        {
            (IndexKind.Key, PredicateOperator.Equal or PredicateOperator.In) => IndexAccessKind.Key,
            (IndexKind.Key or IndexKind.Posting, PredicateOperator.Equal or PredicateOperator.In or PredicateOperator.Has or PredicateOperator.HasAny or PredicateOperator.IsTrue) => IndexAccessKind.PostingUnion,
            (IndexKind.Posting, PredicateOperator.HasAll) => IndexAccessKind.PostingIntersection,
            (IndexKind.Posting, PredicateOperator.IsNull) => IndexAccessKind.NullRows,
            (IndexKind.Sorted, PredicateOperator.Equal or PredicateOperator.Less or PredicateOperator.LessOrEqual or PredicateOperator.Greater or PredicateOperator.GreaterOrEqual or PredicateOperator.Between)
                when predicate.Path.Field.Kind is FieldKind.Date or FieldKind.Period => IndexAccessKind.DateRange,
            (IndexKind.Sorted, PredicateOperator.Equal or PredicateOperator.Less or PredicateOperator.LessOrEqual or PredicateOperator.Greater or PredicateOperator.GreaterOrEqual or PredicateOperator.Between)
                when predicate.Path.Field.Kind == FieldKind.Number => IndexAccessKind.NumberRange,
            (IndexKind.Text, PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith) => IndexAccessKind.Text,
            _ => null,
        };
        // A sub-query's values are known only when it runs: the key index looks each one up; other indexes leave the
        // test to the residual.
        if (predicate.Values is [BoundSubquery] && kind != IndexAccessKind.Key)
        {
            return null;
        }

        return kind is { } found && field >= 0 ? new IndexAccess(predicate, field, found, 0) : null;
    }

    private static long Guess(IndexAccess access, long rowCount) => access.Kind switch
    {
        IndexAccessKind.Key when access.Predicate.Values is [BoundSubquery] => Math.Max(1, rowCount / 10),
        IndexAccessKind.Key => access.Predicate.Values.Count,
        IndexAccessKind.PostingUnion => Math.Min(rowCount, Math.Max(1, rowCount / 10) * Math.Max(1, access.Predicate.Values.Count)),
        IndexAccessKind.PostingIntersection => Math.Max(1, rowCount / 50),
        IndexAccessKind.DateRange or IndexAccessKind.NumberRange => Math.Max(1, rowCount / 3),
        _ => Math.Max(1, rowCount / 10),
    };

    private static OrderStrategy ChooseOrder(BoundQuery query, long estimated, long rowCount)
    {
        if (query.OrderBy.Count == 0)
        {
            return OrderStrategy.None;
        }

        if (query.GroupBy is not null)
        {
            return OrderStrategy.Sort;
        }

        var key = query.OrderBy[0].Path;
        var walkable = query.OrderBy.Count == 1 && !key.IsHop
            && key.Field.Index == IndexKind.Sorted && key.Field.Kind is FieldKind.Date or FieldKind.Period or FieldKind.Number;
        if (!walkable)
        {
            return OrderStrategy.Sort;
        }

        // With a take, walking reads about (skip + take) * rows / matches rows; without one it reads the whole index
        // (each row a bit test against the rows found), which OrderCosts weighs (generated code applies the same rule
        // to the matches it finds). Sorting costs about matches * log2(matches) comparisons.
        if (query.Take is not { } take)
        {
            return OrderCosts.WalkAllIsCheaper(estimated, rowCount) ? OrderStrategy.IndexWalk : OrderStrategy.Sort;
        }

        var walkCost = (double)((query.Skip ?? 0) + take) * rowCount / Math.Max(1, estimated);
        var sortCost = estimated * Math.Log2(estimated + 2);
        return walkCost < sortCost ? OrderStrategy.IndexWalk : OrderStrategy.Sort;
    }
}
