using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BorderDomain.Data;

/// <summary>
/// Short arrays met before in one load, by their elements: a record's collection equal to one already made (the same
/// cited sources, parties or topics) is that array, not a new one, so the records kept hold one array per distinct
/// value instead of one per record. Immutable arrays are never written after they are made, so sharing them changes no
/// value. A direct-mapped table (a new array replaces the one in its slot): it never grows, and a miss costs one hash
/// and one compare.
/// </summary>
internal sealed class SharedArrays
{
    /// <summary>The longest array shared; longer ones are rarely repeated.</summary>
    public const int MaxLength = 8;

    private readonly object?[] _slots = new object?[8192]; // under the large-object size

    /// <summary>
    /// An immutable array of <paramref name="values"/>' elements: the one made before with the same elements (compared
    /// with <see cref="System.Collections.Generic.EqualityComparer{T}.Default"/>: ordinal for strings), or a new copy,
    /// kept for the next. An empty span gives <see cref="ImmutableArray{T}.Empty"/>.
    /// </summary>
    public ImmutableArray<T> Share<T>(ReadOnlySpan<T> values)
    {
        if (values.IsEmpty)
        {
            return ImmutableArray<T>.Empty;
        }

        if (values.Length > MaxLength)
        {
            return ImmutableCollectionsMarshal.AsImmutableArray(values.ToArray());
        }

        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value);
        }

        ref var slot = ref _slots[(uint)hash.ToHashCode() & (uint)(_slots.Length - 1)];
        // The exact type (no covariant cast check): a slot holds arrays of any element type.
        if (slot is not null && slot.GetType() == typeof(T[]) && values.SequenceEqual(Unsafe.As<T[]>(slot)))
        {
            return ImmutableCollectionsMarshal.AsImmutableArray(Unsafe.As<T[]>(slot));
        }

        var made = values.ToArray();
        slot = made;
        return ImmutableCollectionsMarshal.AsImmutableArray(made);
    }
}
