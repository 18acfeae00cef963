using System;
using BorderDomain.Query.Semantics;

namespace BorderDomain.Query;

/// <summary>
/// A text search whose word is part of more indexed words than <see cref="BdqOptions.MaxMatchedWords"/>. Thrown by
/// the executor and caught by the run-time entry points, which report <see cref="BdqDiagnostics.SearchTooBroad"/>:
/// it never reaches a caller.
/// </summary>
internal sealed class SearchTooBroadException : Exception
{
    internal SearchTooBroadException(BoundPredicate predicate, int limit)
        : base($"A search on '{predicate.Path.Text}' matches more than {limit} indexed words.")
    {
        Predicate = predicate;
        Limit = limit;
    }

    /// <summary>The search that matched too many words.</summary>
    internal BoundPredicate Predicate { get; }

    /// <summary>The limit it exceeded.</summary>
    internal int Limit { get; }
}
