using BorderDomain.Schema;

namespace BorderDomain.Storage;

/// <summary>
/// Entity tables that BDQ queries can run on, each set found by its name. <see cref="BorderStore"/> is one (the
/// bundled sets); <see cref="QueryStore"/> holds tables of your own <c>[QuerySet]</c> record types. The run-time
/// engine (<see cref="Query.Bdq"/>) and the methods the source generator writes accept any implementation.
/// </summary>
public interface IQueryStore
{
    /// <summary>The schema of every set in the store, as the BDQ binder sees it.</summary>
    QuerySchema Schema { get; }

    /// <summary>The table of the set named <paramref name="set"/> (ignoring case), or <see langword="null"/>.</summary>
    IEntityTable? GetTable(string set);
}
