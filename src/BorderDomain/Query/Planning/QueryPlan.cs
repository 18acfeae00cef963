using BorderDomain.Query.Semantics;

namespace BorderDomain.Query.Planning;

/// <summary>How an index answers one conjunct of the filter.</summary>
public enum IndexAccessKind
{
    /// <summary>The set's key map: one row at most per value.</summary>
    Key = 1,

    /// <summary>Posting lists: the union over the values (=, in, has, has any).</summary>
    PostingUnion,

    /// <summary>Posting lists: the intersection over the values (has all).</summary>
    PostingIntersection,

    /// <summary>The rows whose value is missing.</summary>
    NullRows,

    /// <summary>A range of a date index (by first or last day).</summary>
    DateRange,

    /// <summary>A range of a number index.</summary>
    NumberRange,

    /// <summary>The text index (contains, startswith, endswith).</summary>
    Text,
}

/// <summary>How results get their order.</summary>
public enum OrderStrategy
{
    /// <summary>No order asked: row order.</summary>
    None = 0,

    /// <summary>Sort the matching rows.</summary>
    Sort,

    /// <summary>Walk the sorted index of the first key and stop after skip + take matches.</summary>
    IndexWalk,

    /// <summary>
    /// Walk the sorted index of the first key, testing the whole filter on each row read, and stop after skip + take
    /// matches: no index access is made. Chosen when the walk reads fewer rows than the accesses would yield (a broad
    /// filter with a small <c>take</c>).
    /// </summary>
    FilteredWalk,
}

/// <summary>One conjunct of the filter answered by an index, with its estimated size.</summary>
/// <param name="Predicate">The conjunct.</param>
/// <param name="Field">The field's position in the set's schema.</param>
/// <param name="Kind">How the index answers it.</param>
/// <param name="Estimate">The estimated number of rows (exact for constants; a guess for parameters).</param>
public sealed record IndexAccess(BoundPredicate Predicate, int Field, IndexAccessKind Kind, long Estimate);

/// <summary>
/// A plan: the index accesses to intersect (smallest first), the residual condition checked row by row, and how
/// to order. Plain data, shared by the executor and the generator.
/// </summary>
/// <param name="Query">The bound query.</param>
/// <param name="Accesses">Index accesses, in the order they are intersected.</param>
/// <param name="Residual">The part of the filter no index answers, or <see langword="null"/>.</param>
/// <param name="Order">How results are ordered.</param>
/// <param name="RowCount">The rows in the set when planned.</param>
/// <param name="EstimatedRows">The estimated rows matching the indexed part.</param>
public sealed record QueryPlan(
    BoundQuery Query,
    EquatableArray<IndexAccess> Accesses,
    BoundExpression? Residual,
    OrderStrategy Order,
    long RowCount,
    long EstimatedRows);
