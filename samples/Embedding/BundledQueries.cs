using System.Collections.Generic;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace Embedding;

/// <summary>
/// Queries compiled by the BorderDomain source generator. The generator's query methods take a
/// <see cref="BorderStore"/> as their first parameter, so they query the bundled dataset (or a store loaded from
/// your JSON files); a store of your own record types is not supported by the generator yet.
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
