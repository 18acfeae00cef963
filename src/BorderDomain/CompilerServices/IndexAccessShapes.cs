namespace BorderDomain.CompilerServices;

/// <summary>
/// Which way a plan's accesses are intersected; the executor and the generator share the rule, so generated code
/// intersects as the run time does.
/// </summary>
internal static class IndexAccessShapes
{
    /// <summary>
    /// Whether an access yields one list without merging several: not a date range (made as a bitmap) nor one tested
    /// on the rows found, and a posting union of one value only (a union of several is ORed as bitmaps).
    /// </summary>
    public static bool YieldsOneList(IndexAccessKind kind, PredicateOperator op, int valueCount, bool testsFoundRows) =>
        kind != IndexAccessKind.DateRange && !testsFoundRows
        && (kind != IndexAccessKind.PostingUnion || valueCount == 1 || op == PredicateOperator.IsTrue);

    /// <summary>
    /// Whether accesses are intersected as lists, allocating only the answer (<c>IndexQueries.Intersect</c>):
    /// one to three, each yielding one list. Otherwise they are stepped through as row sets (<c>IndexQueries.Found</c>).
    /// </summary>
    public static bool IntersectsLists(int accessCount, bool allYieldOneList) => accessCount is >= 1 and <= 3 && allYieldOneList;
}
