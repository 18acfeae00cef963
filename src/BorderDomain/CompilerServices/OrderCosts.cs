using System;
using System.ComponentModel;

namespace BorderDomain.CompilerServices;

/// <summary>
/// When an order without a <c>take</c> walks the whole sorted index instead of sorting the matches: the planner's rule,
/// which generated code applies to the number of matches it has found (it plans without statistics, so it cannot
/// know that number at compile time).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OrderCosts
{
    // The fewest matches for which walking the whole index may pay: a smaller answer sorts in microseconds, less than
    // making the bitmap the walk tests rows against.
    private const long WalkAllFrom = 1024;

    /// <summary>
    /// Whether ordering <paramref name="matches"/> rows of a table of <paramref name="rowCount"/> rows is cheaper as a
    /// walk of the whole sorted index (about one bit test per row of the table) than as a sort (about
    /// matches × log2(matches) comparisons); never for fewer than 1,024 matches.
    /// </summary>
    public static bool WalkAllIsCheaper(long matches, long rowCount) =>
        matches >= WalkAllFrom && rowCount < matches * Math.Log2(matches + 2);
}
