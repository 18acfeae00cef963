using System.Collections.Generic;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace Embedding;

/// <summary>
/// Queries on this project's own records, compiled by the BorderDomain source generator into calls on the tables'
/// indexes. A method takes what its query runs on: the <see cref="EntityTable{T}"/> of the query's set, or a store
/// (<see cref="QueryStore"/> or any <see cref="IQueryStore"/>) when the query follows a reference into another set.
/// A typo in a query is a build error at its column.
/// </summary>
public static partial class CrossingQueries
{
    /// <summary>Road crossings with at least <paramref name="least"/> people, busiest first.</summary>
    /// <param name="crossings">The crossings table.</param>
    /// <param name="least">The fewest people a crossing may have.</param>
    [BdqQuery("crossings where mode = Road and people >= @least order by people desc")]
    public static partial IReadOnlyList<Crossing> BusyRoads(EntityTable<Crossing> crossings, decimal least);

    /// <summary>How many crossings had a seizure.</summary>
    /// <param name="crossings">The crossings table.</param>
    [BdqQuery("crossings where seizure count")]
    public static partial int Seizures(EntityTable<Crossing> crossings);

    /// <summary>Crossings recorded at <paramref name="nation"/>'s stations, busiest first: a reference into <c>stations</c>.</summary>
    /// <param name="store">A store holding both the crossings and the stations.</param>
    /// <param name="nation">The nation that runs the station.</param>
    [BdqQuery("crossings where station.nation = @nation order by people desc")]
    public static partial IReadOnlyList<Crossing> RecordedBy(IQueryStore store, NationCode nation);
}
