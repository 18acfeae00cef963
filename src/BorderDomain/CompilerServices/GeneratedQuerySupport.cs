using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.CompilerServices;

/// <summary>
/// Small helpers the code written by the BorderDomain source generator calls; not meant for hand-written code.
/// Everything a query needs beyond these (index accesses, predicate semantics, grouping) is the same public code
/// the run-time executor uses.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedQuerySupport
{
    /// <summary>The table of <paramref name="set"/> in <paramref name="store"/>, typed.</summary>
    /// <exception cref="InvalidOperationException">The store has no such set, or it holds another record type.</exception>
    public static EntityTable<T> Table<T>(IQueryStore store, string set)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetTable(set) as EntityTable<T>
            ?? throw new InvalidOperationException($"The store has no set '{set}' of {typeof(T).Name} records.");
    }

    /// <summary><paramref name="table"/> itself, once checked to hold <paramref name="set"/>.</summary>
    /// <exception cref="InvalidOperationException">The table holds another set.</exception>
    public static EntityTable<T> Table<T>(EntityTable<T> table, string set)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Equals(table.Schema.Name, set, StringComparison.OrdinalIgnoreCase)
            ? table
            : throw new InvalidOperationException($"The table holds the set '{table.Schema.Name}', not '{set}'.");
    }

    /// <summary>The position of field <paramref name="name"/> in <typeparamref name="T"/>'s schema.</summary>
    /// <exception cref="InvalidOperationException">The schema has no such field (the generated code is out of date).</exception>
    public static int Field<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(string name)
        where T : class
    {
        var field = QuerySets.For<T>().Schema.IndexOfField(name);
        return field >= 0 ? field : throw new InvalidOperationException($"{typeof(T).Name} has no query field '{name}'.");
    }

    /// <summary>
    /// The values of a sub-query's one selected column, as the run-time executor holds them: list elements each, missing
    /// values left out, each value once, in the order first met.
    /// </summary>
    public static object[] SubqueryValues(IReadOnlyList<IReadOnlyList<object?>> rows, FieldKind kind)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SubqueryValueSet.Flatten(System.Linq.Enumerable.Select(rows, row => row[0]), kind);
    }

    /// <summary>The rows in every list, intersecting the shortest lists first so the running result shrinks fast.</summary>
    internal static int[] IntersectSmallestFirst(params int[][] lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        Array.Sort(lists, (a, b) => a.Length.CompareTo(b.Length));
        var rows = lists[0];
        for (var i = 1; i < lists.Length && rows.Length > 0; i++)
        {
            rows = PostingList.Intersect(rows, lists[i]);
        }

        return rows;
    }

    /// <summary>A reference hop's target, resolved once per call: the table of <paramref name="set"/> and the position of <paramref name="field"/> in it (the table null when the store has no such set).</summary>
    public static (IEntityTable? Table, int Field) Hop(IQueryStore store, string set, string field)
    {
        ArgumentNullException.ThrowIfNull(store);
        var table = store.GetTable(set);
        return (table, table?.Schema.IndexOfField(field) ?? -1);
    }

    /// <summary>Follows a reference one hop through a target resolved by <see cref="Hop"/>: the field's value on the record keyed <paramref name="key"/>, or null.</summary>
    public static object? Follow((IEntityTable? Table, int Field) hop, object? key) =>
        hop.Table is { } table && RecordKey.Text(key) is { } text && table.TryGetRow(text, out var row) ? table.GetValue(row, hop.Field) : null;

    /// <summary>Follows a list of references through a target resolved by <see cref="Hop"/>, as <see cref="FollowEach(IQueryStore, string, object?, string)"/> does.</summary>
    public static object[] FollowEach((IEntityTable? Table, int Field) hop, object? keys) => ValueSemantics.FollowEach(hop.Table, keys, hop.Field);

    /// <summary>Follows a reference one hop: the value of <paramref name="field"/> on the <paramref name="set"/> record keyed <paramref name="key"/>, or null.</summary>
    public static object? Follow(IQueryStore store, string set, object? key, string field) => Follow(Hop(store, set, field), key);

    /// <summary>
    /// Follows a list of references: the values of <paramref name="field"/> on the <paramref name="set"/> records the
    /// list <paramref name="keys"/> names, in its order, leaving out references that dangle and missing values.
    /// </summary>
    public static object[] FollowEach(IQueryStore store, string set, object? keys, string field) => FollowEach(Hop(store, set, field), keys);
}
