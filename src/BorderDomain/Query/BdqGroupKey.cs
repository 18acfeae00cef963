using System;
using System.Collections.Generic;

namespace BorderDomain.Query;

/// <summary>
/// The key of a <c>group by</c> inside a <see cref="BdqQueryable"/> tree: up to four grouping values (unused slots
/// hold <see cref="bool"/> <see langword="false"/>). A class with settable members, because providers translate a
/// member-init key but not a tuple.
/// </summary>
/// <typeparam name="T1">The first key's type.</typeparam>
/// <typeparam name="T2">The second key's type.</typeparam>
/// <typeparam name="T3">The third key's type.</typeparam>
/// <typeparam name="T4">The fourth key's type.</typeparam>
public sealed class BdqGroupKey<T1, T2, T3, T4> : IEquatable<BdqGroupKey<T1, T2, T3, T4>>
{
    /// <summary>The first key.</summary>
    public T1 K1 { get; set; } = default!;

    /// <summary>The second key.</summary>
    public T2 K2 { get; set; } = default!;

    /// <summary>The third key.</summary>
    public T3 K3 { get; set; } = default!;

    /// <summary>The fourth key.</summary>
    public T4 K4 { get; set; } = default!;

    /// <summary>Whether every slot equals <paramref name="other"/>'s (default equality), so LINQ to Objects groups by value.</summary>
    public bool Equals(BdqGroupKey<T1, T2, T3, T4>? other) => other is not null
        && EqualityComparer<T1>.Default.Equals(K1, other.K1) && EqualityComparer<T2>.Default.Equals(K2, other.K2)
        && EqualityComparer<T3>.Default.Equals(K3, other.K3) && EqualityComparer<T4>.Default.Equals(K4, other.K4);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BdqGroupKey<T1, T2, T3, T4>);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(K1, K2, K3, K4);
}
