namespace BorderDomain.CompilerServices;

/// <summary>Which index accesses index sizes count exactly; the planner and the index queries share the rule.</summary>
internal static class IndexAccessCounts
{
    /// <summary>
    /// Whether the rows of an index access can be counted exactly from index sizes: one key of a posting index (or a
    /// yes/no field's <c>true</c>), the rows without a value, a number range, or a one-sided date comparison.
    /// Unions of several keys and two-sided date ranges are not: their sizes only bound the count.
    /// </summary>
    public static bool IsExactlyCountable(IndexAccessKind kind, PredicateOperator op, int valueCount) => kind switch
    {
        IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection => op == PredicateOperator.IsTrue || valueCount == 1,
        IndexAccessKind.NullRows or IndexAccessKind.NumberRange => true,
        IndexAccessKind.DateRange => op is PredicateOperator.GreaterOrEqual or PredicateOperator.Greater or PredicateOperator.LessOrEqual or PredicateOperator.Less,
        _ => false,
    };
}
