namespace BorderDomain.Query;

/// <summary>
/// A record and the record one of its references points to, as the left join of a reference path
/// (<c>station.nation</c>) yields them inside a <see cref="BdqQueryable"/> tree. Trees nest it, one level per followed
/// reference; the caller never sees it in a result.
/// </summary>
/// <typeparam name="TOuter">The referring record (or an inner join level).</typeparam>
/// <typeparam name="TInner">The referenced record type.</typeparam>
public sealed class BdqJoin<TOuter, TInner>
{
    /// <summary>The referring side.</summary>
    public TOuter Outer { get; set; } = default!;

    /// <summary>The referenced record; null when the reference is missing or dangles.</summary>
    public TInner? Inner { get; set; }
}
