using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// The working arrays of one table's index builds (the counting sorts' notes, counts and null rows), shared by its
/// fields' builds one after the other and dropped with the build: each array is allocated once per table at the largest
/// size a field needs, and nothing outlives the build (a shared array pool would keep its arrays after it).
/// </summary>
internal sealed class BuildScratch
{
    /// <summary>The slots: which working array.</summary>
    internal enum Slot
    {
        PairRows,
        PairKeys,
        Nulls,
        Counts,
        LastRow,
        RowStarts,
    }

    private readonly int[]?[] _ints = new int[]?[6];
    private object[]? _objects;
    private readonly Dictionary<Type, object> _ids = [];

    /// <summary>The slot's array, at least <paramref name="length"/> long (its contents undefined).</summary>
    internal int[] Ints(Slot slot, int length)
    {
        ref var array = ref _ints[(int)slot];
        if (array is null || array.Length < length)
        {
            array = new int[Math.Max(length, 16)];
        }

        return array;
    }

    /// <summary>The slot's array grown to twice its length (or <paramref name="length"/> if more), its first <paramref name="used"/> items kept.</summary>
    internal int[] Grow(Slot slot, int used, int length = 0)
    {
        ref var array = ref _ints[(int)slot];
        var larger = new int[Math.Max(length, Math.Max(16, (array?.Length ?? 0) * 2))];
        array.AsSpan(0, used).CopyTo(larger);
        array = larger;
        return larger;
    }

    /// <summary>The array of keys, at least <paramref name="length"/> long.</summary>
    internal object[] Objects(int length)
    {
        if (_objects is null || _objects.Length < length)
        {
            _objects = new object[Math.Max(length, 16)];
        }

        return _objects;
    }

    /// <summary>The array of keys grown to twice its length, its first <paramref name="used"/> items kept.</summary>
    internal object[] GrowObjects(int used)
    {
        var larger = new object[Math.Max(16, (_objects?.Length ?? 0) * 2)];
        _objects.AsSpan(0, used).CopyTo(larger);
        _objects = larger;
        return larger;
    }

    /// <summary>
    /// An empty dictionary numbering keys of type <typeparamref name="TKey"/> (compared by
    /// <see cref="TypedValues.KeyComparer{TKey}"/>): the same one for every field with such keys, cleared, so it grows
    /// once per table to the most keys a field has rather than once per field.
    /// </summary>
    internal Dictionary<TKey, int> Ids<TKey>()
        where TKey : notnull
    {
        if (_ids.TryGetValue(typeof(TKey), out var known))
        {
            var ids = (Dictionary<TKey, int>)known;
            ids.Clear();
            return ids;
        }

        var made = new Dictionary<TKey, int>(TypedValues.KeyComparer<TKey>());
        _ids[typeof(TKey)] = made;
        return made;
    }
}
