using System.Collections.Generic;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace Embedding;

/// <summary>
/// Queries on the bundled dataset, compiled by the same source generator: <see cref="BorderStore"/> is one more
/// <see cref="IQueryStore"/> (the bundled sets, or a store loaded from your JSON files with <c>BorderDataset</c>).
/// </summary>
public static partial class BundledQueries
{
    /// <summary>Accords between Peru and Ecuador, newest first.</summary>
    /// <param name="store">The store to query.</param>
    [BdqQuery("accords where parties has PER and parties has ECU order by signed desc")]
    public static partial IReadOnlyList<Accord> PeruEcuador(BorderStore store);

    /// <summary>How many statistics are disputed.</summary>
    /// <param name="store">The store to query.</param>
    [BdqQuery("statistics where disputed count")]
    public static partial int Disputed(BorderStore store);
}
