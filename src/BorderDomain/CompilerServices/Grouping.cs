using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.CompilerServices;

/// <summary>One grouping key: how to read it from an item, its kind, and whether groups sort by it descending.</summary>
/// <typeparam name="TItem">What is grouped: row ids for the executor, records for generated code.</typeparam>
/// <param name="Value">Reads the key.</param>
/// <param name="Kind">The key's kind, for ordering groups.</param>
/// <param name="Descending">Whether groups come in descending order of this key.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record GroupKey<TItem>(Func<TItem, object?> Value, FieldKind Kind, bool Descending)
{
    /// <summary>
    /// Whether the key is a list whose elements each make a group (KQL's <c>mv-expand</c>, then <c>summarize</c>): an
    /// item counts in the group of each element, once per occurrence (text elements by their folded form), and an
    /// item whose list is empty or null, or an element that is null, makes no group. At most one key of a grouping
    /// expands.
    /// </summary>
    public bool EachElement { get; init; }
}

/// <summary>One aggregate of a grouping.</summary>
/// <typeparam name="TItem">What is grouped.</typeparam>
/// <param name="Function">The function.</param>
/// <param name="Value">Reads the aggregated field; <see langword="null"/> for count.</param>
/// <param name="Kind">The aggregated field's kind, for min and max.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record GroupAggregate<TItem>(AggregateFunction Function, Func<TItem, object?>? Value, FieldKind Kind);

/// <summary>Groups items and computes aggregates: shared by the in-memory executor and generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Grouping
{
    /// <summary>
    /// One row per group: the key values, then the aggregates. Groups come in key order (ascending unless a key says
    /// descending), then are paged by <paramref name="skip"/> and <paramref name="take"/>. Sums and averages skip
    /// missing values; min and max of no values are null. Aggregates are computed as items stream past (no group
    /// keeps its members); an item costs one look-up of its key values. Text keys group by their folded form
    /// (<see cref="TextNormalizer.Normalize"/>), which is also the key the group shows, as in every engine.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Group<TItem>(
        IEnumerable<TItem> items,
        IReadOnlyList<GroupKey<TItem>> keys,
        IReadOnlyList<GroupAggregate<TItem>> aggregates,
        int? skip,
        int? take) => Group(items, keys, aggregates, skip, take, []);

    /// <summary>
    /// Like <see cref="Group{TItem}(IEnumerable{TItem}, IReadOnlyList{GroupKey{TItem}}, IReadOnlyList{GroupAggregate{TItem}}, int?, int?)"/>,
    /// but groups come first in the order of the aggregates in <paramref name="order"/> (each a number: its position in
    /// <paramref name="aggregates"/> and whether descending; missing values last either way), then in key order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Group<TItem>(
        IEnumerable<TItem> items,
        IReadOnlyList<GroupKey<TItem>> keys,
        IReadOnlyList<GroupAggregate<TItem>> aggregates,
        int? skip,
        int? take,
        IReadOnlyList<(int Aggregate, bool Descending)> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(aggregates);
        var positions = new Dictionary<KeyValues, int>();
        var groups = new List<KeyValues>();
        var states = new List<Accumulator[]>();

        // The probe is refilled for each item; a group's own key is a copy made when the group first appears.
        var probe = new KeyValues(new object?[keys.Count]);
        var expanded = -1;
        for (var i = 0; i < keys.Count; i++)
        {
            expanded = keys[i].EachElement ? i : expanded;
        }

        foreach (var item in items)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                probe.Values[i] = i == expanded ? null : KeyOf(keys[i].Kind, keys[i].Value(item));
            }

            if (expanded < 0)
            {
                AddTo(probe, item);
                continue;
            }

            // The item once per element present; nulls and empty lists make no group.
            if (keys[expanded].Value(item) is System.Collections.IEnumerable elements)
            {
                foreach (var element in elements)
                {
                    if (KeyOf(keys[expanded].Kind, element) is { } value)
                    {
                        probe.Values[expanded] = value;
                        AddTo(probe, item);
                    }
                }
            }
        }

        void AddTo(KeyValues probe, TItem item)
        {
            if (!positions.TryGetValue(probe, out var position))
            {
                position = groups.Count;
                var key = new KeyValues((object?[])probe.Values.Clone());
                positions.Add(key, position);
                groups.Add(key);
                states.Add(new Accumulator[aggregates.Count]);
            }

            var state = states[position];
            for (var a = 0; a < aggregates.Count; a++)
            {
                state[a].Add(aggregates[a], item);
            }
        }

        var results = states.Select(state => aggregates.Select((aggregate, a) => state[a].Result(aggregate.Function)).ToArray()).ToList();
        var sorted = Enumerable.Range(0, groups.Count).ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            foreach (var (aggregate, descending) in order)
            {
                var c = ValueSemantics.SortOrder(FieldKind.Number, results[a][aggregate], results[b][aggregate], descending);
                if (c != 0)
                {
                    return c;
                }
            }

            // Array.Sort is not stable: ties fall back to key order, which is total over distinct groups.
            return Compare(keys, groups[a].Values, groups[b].Values);
        });
        var output = new List<IReadOnlyList<object?>>();
        foreach (var position in sorted.Skip(skip ?? 0).Take(take ?? int.MaxValue))
        {
            var line = new List<object?>(groups[position].Values);
            line.AddRange(results[position]);
            output.Add(line);
        }

        return output;
    }

    /// <summary>
    /// <c>group by field count</c> over a whole table, read from the field's posting index alone: one row per
    /// value (and one for the rows without a value) with the length of its posting list, repeated for each of
    /// <paramref name="counts"/> count aggregates; groups ordered and paged as <see cref="Group{TItem}(IEnumerable{TItem}, IReadOnlyList{GroupKey{TItem}}, IReadOnlyList{GroupAggregate{TItem}}, int?, int?)"/> orders them.
    /// No record is read. Only for scalar fields whose values compare exactly (enums, yes/no, nation codes): the
    /// planner says when (its posting-list-lengths grouping strategy).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<object?>> CountByIndex(IEntityTable table, int field, FieldKind kind, bool descending, int counts, int? skip, int? take)
    {
        ArgumentNullException.ThrowIfNull(table);
        var index = table.GetPostingIndex(field) ?? throw new ArgumentException($"Field {field} of {table.Schema.Name} has no posting index.", nameof(field));
        var nulls = index.NullRows.Length;
        var keys = new object?[index.KeyCount + (nulls > 0 ? 1 : 0)];
        var sizes = new int[keys.Length];
        var n = 0;
        foreach (var key in index.Keys)
        {
            keys[n] = key;
            sizes[n++] = index.Count(key);
        }

        if (nulls > 0)
        {
            keys[n] = null;
            sizes[n] = nulls;
        }

        // Distinct keys, so the order is total; enum members are ranked by their value once, not per comparison.
        Array.Sort(keys, sizes, new KeyOrder(kind, descending));
        var first = Math.Min(skip ?? 0, keys.Length);
        var last = (int)Math.Min((long)first + (take ?? int.MaxValue), keys.Length);
        var output = new IReadOnlyList<object?>[last - first];
        for (var i = 0; i < output.Length; i++)
        {
            var line = new object?[1 + counts];
            line[0] = keys[first + i];
            object size = sizes[first + i];
            for (var c = 1; c < line.Length; c++)
            {
                line[c] = size;
            }

            output[i] = line;
        }

        return output;
    }

    // The order of groups' keys: ValueSemantics.Order (missing last), reversed when descending.
    private sealed class KeyOrder(FieldKind kind, bool descending) : IComparer<object?>
    {
        public int Compare(object? x, object? y)
        {
            var order = kind == FieldKind.Enum && x is Enum && y is Enum && x.GetType() == y.GetType()
                ? ((IComparable)x).CompareTo(y)
                : ValueSemantics.Order(kind, x, y);
            return descending ? -order : order;
        }
    }

    // A key value as groups compare it: text by its folded form.
    private static object? KeyOf(FieldKind kind, object? value) =>
        kind == FieldKind.String && ValueSemantics.TextOf(value) is { } text ? TextNormalizer.Normalize(text) : value;

    private static int Compare<TItem>(IReadOnlyList<GroupKey<TItem>> keys, object?[] a, object?[] b)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var c = ValueSemantics.Order(keys[i].Kind, a[i], b[i]);
            if (c == 0 && keys[i].Kind is FieldKind.Date or FieldKind.Period && a[i] is { } x && b[i] is { } y
                && DateIndex.TryGetDays(x, out _, out var endX) && DateIndex.TryGetDays(y, out _, out var endY))
            {
                // Two dates with the same first day (2013 and 2013-01-01) are two groups: the shorter first.
                c = endX.CompareTo(endY);
            }

            if (c != 0)
            {
                return keys[i].Descending ? -c : c;
            }
        }

        return 0;
    }

    // One aggregate's running state: the count of items, and the sum, count and best of the values present.
    private struct Accumulator
    {
        private int _items;
        private int _values;
        private decimal _sum;
        private object? _best;

        public void Add<TItem>(GroupAggregate<TItem> aggregate, TItem item)
        {
            _items++;
            if (aggregate.Function == AggregateFunction.Count || aggregate.Value!(item) is not { } value)
            {
                return;
            }

            _values++;
            switch (aggregate.Function)
            {
                case AggregateFunction.Sum or AggregateFunction.Avg:
                    _sum += ValueSemantics.ToDecimal(value);
                    break;
                case AggregateFunction.Min or AggregateFunction.Max:
                    var c = _best is null ? 0 : ValueSemantics.Order(aggregate.Kind, value, _best);
                    if (_best is null || (aggregate.Function == AggregateFunction.Min ? c < 0 : c > 0))
                    {
                        _best = value;
                    }

                    break;
                default:
                    throw OperatorTable.Unhandled(aggregate.Function);
            }
        }

        public readonly object? Result(AggregateFunction function) => function switch
        {
            AggregateFunction.Count => _items,
            AggregateFunction.Sum => _sum,
            AggregateFunction.Avg => _values == 0 ? null : _sum / _values,
            AggregateFunction.Min or AggregateFunction.Max => _best,
            _ => throw OperatorTable.Unhandled(function),
        };
    }

    private sealed class KeyValues(object?[] values) : IEquatable<KeyValues>
    {
        public object?[] Values { get; } = values;

        public bool Equals(KeyValues? other)
        {
            if (other is null || other.Values.Length != Values.Length)
            {
                return false;
            }

            for (var i = 0; i < Values.Length; i++)
            {
                if (!object.Equals(Values[i], other.Values[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as KeyValues);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var value in Values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }
}
