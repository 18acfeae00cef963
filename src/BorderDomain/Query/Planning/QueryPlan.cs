using System.Linq;
using BorderDomain.Query.Semantics;

namespace BorderDomain.Query.Planning;

/// <summary>How results get their order.</summary>
internal enum OrderStrategy
{
    /// <summary>No order asked: row order.</summary>
    None = 0,

    /// <summary>Sort the matching rows.</summary>
    Sort,

    /// <summary>
    /// Walk the sorted index of the first key over the rows found and stop after skip + take matches; without a
    /// <c>take</c>, put every row found in the index's order (a large answer: cheaper than sorting it), by walking all
    /// of the index testing each entry against a bitmap of the rows found, or by a counting sort of the rows found by
    /// their key's rank in the index when they and the distinct keys are fewer than the index's entries.
    /// </summary>
    IndexWalk,

    /// <summary>
    /// Walk the sorted index of the first key, testing the whole filter on each row read, and stop after skip + take
    /// matches: no index access is made. Chosen when the walk reads fewer rows than the accesses would yield (a broad
    /// filter with a small <c>take</c>).
    /// </summary>
    FilteredWalk,
}

/// <summary>How a <c>count</c> is answered.</summary>
internal enum CountStrategy
{
    /// <summary>The query does not count.</summary>
    None = 0,

    /// <summary>The table's size: no filter, no row read.</summary>
    TableSize,

    /// <summary>The size of the plan's one index access, read from the index alone (exact): no row read.</summary>
    IndexSize,

    /// <summary>The rows the rest of the plan yields are counted.</summary>
    CountRows,
}

/// <summary>How a <c>group by</c> is answered.</summary>
internal enum GroupStrategy
{
    /// <summary>The query does not group.</summary>
    None = 0,

    /// <summary>
    /// Each group's count is the length of its posting list: <c>group by key</c> with only counts over the whole set, the
    /// key a scalar field with a posting index whose values compare exactly. No row is read.
    /// </summary>
    PostingListLengths,

    /// <summary>The matching rows are read and grouped.</summary>
    GroupRows,
}

/// <summary>One conjunct of the filter answered by an index, with its estimated size.</summary>
/// <param name="Predicate">The conjunct.</param>
/// <param name="Field">The field's position in the set's schema.</param>
/// <param name="Kind">How the index answers it.</param>
/// <param name="Estimate">The number of rows it yields: exact when <paramref name="IsExact"/>, otherwise an estimate.</param>
/// <param name="IsExact">
/// Whether <paramref name="Estimate"/> is the exact number of rows: index statistics read from the index sizes for an
/// access <see cref="IndexAccessCounts.IsExactlyCountable"/> accepts; never for a guess (no statistics, or a parameter).
/// </param>
/// <param name="TestsFoundRows">
/// Whether the access is tested on the rows the accesses before it found instead of being made: a date range after a
/// small access reads each found row's first and last day from the date index (<see cref="QueryPlanner"/> chooses it
/// when the rows found are fewer than making the range would touch).
/// </param>
internal sealed record IndexAccess(BoundPredicate Predicate, int Field, IndexAccessKind Kind, long Estimate, bool IsExact = false, bool TestsFoundRows = false);

/// <summary>
/// A plan: every strategy the query runs with, decided once by <see cref="QueryPlanner"/> and only read by the
/// executor and the generator. The index accesses to intersect (in this order), the residual condition checked row
/// by row, how to order, how to count and how to group. Plain data.
/// </summary>
/// <param name="Query">The bound query.</param>
/// <param name="Accesses">Index accesses, in the order they are intersected (smallest estimate first).</param>
/// <param name="Residual">The part of the filter no index answers (for a <see cref="OrderStrategy.FilteredWalk"/>, the whole filter), or <see langword="null"/>.</param>
/// <param name="Order">How results are ordered.</param>
/// <param name="RowCount">The rows in the set when planned (a guess when <paramref name="HasStatistics"/> is false).</param>
/// <param name="EstimatedRows">The estimated rows matching the indexed part.</param>
/// <param name="Counting">How a <c>count</c> is answered.</param>
/// <param name="Grouping">How a <c>group by</c> is answered.</param>
/// <param name="HasStatistics">
/// Whether the plan was made with a store's index statistics; <see langword="false"/> for the statistics-free shape the
/// generator plans with at compile time (every size a guess).
/// </param>
internal sealed record QueryPlan(
    BoundQuery Query,
    EquatableArray<IndexAccess> Accesses,
    BoundExpression? Residual,
    OrderStrategy Order,
    long RowCount,
    long EstimatedRows,
    CountStrategy Counting = CountStrategy.None,
    GroupStrategy Grouping = GroupStrategy.None,
    bool HasStatistics = false)
{
    /// <summary>
    /// Whether the accesses are intersected as lists, allocating only the answer, rather than stepped through as row sets
    /// (<see cref="CompilerServices.IndexAccessShapes.IntersectsLists"/>): the executor and the generator read it here.
    /// </summary>
    public bool IntersectsLists => CompilerServices.IndexAccessShapes.IntersectsLists(
        Accesses.Count,
        Accesses.All(a => CompilerServices.IndexAccessShapes.YieldsOneList(a.Kind, a.Predicate.Operator, a.Predicate.Values.Count, a.TestsFoundRows)));

    /// <summary>
    /// Whether a <see cref="CountStrategy.CountRows"/> count is the size of the row set the accesses make (a union of
    /// dense posting lists, a date range: bitmaps ANDed), read from its words with no row read out: accesses stepped
    /// through as row sets, nothing tested after them, no group and no filtered walk. Both back ends count such a plan so.
    /// </summary>
    public bool CountsRowSet => Counting == CountStrategy.CountRows && Accesses.Count > 0 && !IntersectsLists
        && Residual is null && Order != OrderStrategy.FilteredWalk && Query.GroupBy is null;
}
