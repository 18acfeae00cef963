namespace BorderDomain.Query.Planning;

/// <summary>What the planner may ask a store about sizes; without it, the planner guesses from the schema.</summary>
public interface IIndexStatistics
{
    /// <summary>The rows in the queried set.</summary>
    long RowCount { get; }

    /// <summary>The exact or estimated number of rows an index access yields; <see langword="null"/> when unknown (e.g. a parameter).</summary>
    long? Estimate(IndexAccess access);
}
