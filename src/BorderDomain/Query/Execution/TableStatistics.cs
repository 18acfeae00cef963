using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query.Planning;
using BorderDomain.Query.Semantics;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// A table's index statistics for the planner: its row count and the sizes of index accesses read from the indexes
/// alone (posting-list lengths, binary-searched range counts), touching no row. Made before any plan exists, apart from
/// the executor that later runs the plan.
/// </summary>
internal sealed class TableStatistics : IIndexStatistics
{
    private readonly IEntityTable _table;
    private readonly IReadOnlyDictionary<string, object> _parameters;

    /// <summary>The statistics of <paramref name="table"/> for a query whose parameters are <paramref name="parameters"/>.</summary>
    /// <param name="table">The queried table.</param>
    /// <param name="parameters">
    /// Parameter values already checked and converted; an access comparing with a parameter not given here has no
    /// statistic (the planner guesses its size), as when explaining a query without running it.
    /// </param>
    public TableStatistics(IEntityTable table, IReadOnlyDictionary<string, object>? parameters = null)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _parameters = parameters ?? new Dictionary<string, object>();
    }

    /// <inheritdoc />
    public long RowCount => _table.Count;

    /// <inheritdoc />
    public long? Estimate(IndexAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var predicate = access.Predicate;
        return Unknown(predicate)
            ? null
            : IndexQueries.Estimate(_table, access.Field, access.Kind, predicate.Operator, predicate.Path.Field.Kind, PredicateConstants.Resolve(predicate, _parameters));
    }

    // Whether a value of the predicate is not known before the plan runs: a sub-query's, or a parameter not given.
    private bool Unknown(BoundPredicate predicate)
    {
        foreach (var value in predicate.Values)
        {
            if (value is BoundSubquery || value is BoundParameter parameter && !_parameters.ContainsKey(parameter.Name))
            {
                return true;
            }
        }

        return false;
    }
}
