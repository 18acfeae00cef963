namespace BorderDomain.Query.Planning;

/// <summary>
/// What the planner may ask a store's table about sizes, before any plan exists (the library's implementation is
/// <c>TableStatistics</c>, over a table's indexes). Without it the planner guesses from the schema: the statistics-free
/// shape the generator plans at compile time.
/// </summary>
internal interface IIndexStatistics
{
    /// <summary>The rows in the queried set.</summary>
    long RowCount { get; }

    /// <summary>
    /// The number of rows an index access yields, read from index sizes (exact where
    /// <see cref="IndexAccessCounts.IsExactlyCountable"/> accepts the access, otherwise a bound or an estimate);
    /// <see langword="null"/> when unknown (e.g. a parameter without a value).
    /// </summary>
    long? Estimate(IndexAccess access);
}
