using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Query.Execution;

/// <summary>One grouping key: how to read it from an item, its kind, and whether groups sort by it descending.</summary>
/// <typeparam name="TItem">What is grouped: row ids for the executor, records for generated code.</typeparam>
/// <param name="Value">Reads the key.</param>
/// <param name="Kind">The key's kind, for ordering groups.</param>
/// <param name="Descending">Whether groups come in descending order of this key.</param>
public sealed record GroupKey<TItem>(Func<TItem, object?> Value, FieldKind Kind, bool Descending);

/// <summary>One aggregate of a grouping.</summary>
/// <typeparam name="TItem">What is grouped.</typeparam>
/// <param name="Function">The function.</param>
/// <param name="Value">Reads the aggregated field; <see langword="null"/> for count.</param>
/// <param name="Kind">The aggregated field's kind, for min and max.</param>
public sealed record GroupAggregate<TItem>(AggregateFunction Function, Func<TItem, object?>? Value, FieldKind Kind);

/// <summary>Groups items and computes aggregates: shared by the in-memory executor and generated code.</summary>
public static class Grouping
{
    /// <summary>
    /// One row per group: the key values, then the aggregates. Groups come in key order (ascending unless a key says
    /// descending), then are paged by <paramref name="skip"/> and <paramref name="take"/>. Sums and averages skip
    /// missing values; min and max of no values are null.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Group<TItem>(
        IEnumerable<TItem> items,
        IReadOnlyList<GroupKey<TItem>> keys,
        IReadOnlyList<GroupAggregate<TItem>> aggregates,
        int? skip,
        int? take)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(aggregates);
        var groups = new Dictionary<KeyValues, List<TItem>>();
        var order = new List<KeyValues>();
        foreach (var item in items)
        {
            var key = new KeyValues(keys.Select(k => k.Value(item)).ToArray());
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
                order.Add(key);
            }

            members.Add(item);
        }

        order.Sort((a, b) =>
        {
            for (var i = 0; i < keys.Count; i++)
            {
                var c = ValueSemantics.Order(keys[i].Kind, a.Values[i], b.Values[i]);
                if (c != 0)
                {
                    return keys[i].Descending ? -c : c;
                }
            }

            return 0;
        });
        var output = new List<IReadOnlyList<object?>>();
        foreach (var key in order.Skip(skip ?? 0).Take(take ?? int.MaxValue))
        {
            var line = new List<object?>(key.Values);
            line.AddRange(aggregates.Select(aggregate => Aggregate(aggregate, groups[key])));
            output.Add(line);
        }

        return output;
    }

    private static object? Aggregate<TItem>(GroupAggregate<TItem> aggregate, List<TItem> items)
    {
        if (aggregate.Function == AggregateFunction.Count)
        {
            return items.Count;
        }

        var values = items.Select(aggregate.Value!).Where(v => v is not null).ToList();
        switch (aggregate.Function)
        {
            case AggregateFunction.Sum:
                return values.Sum(v => ValueSemantics.ToDecimal(v!));
            case AggregateFunction.Avg:
                return values.Count == 0 ? null : values.Average(v => ValueSemantics.ToDecimal(v!));
            default:
                if (values.Count == 0)
                {
                    return null;
                }

                var best = values[0];
                foreach (var value in values)
                {
                    var c = ValueSemantics.Order(aggregate.Kind, value, best);
                    if (aggregate.Function == AggregateFunction.Min ? c < 0 : c > 0)
                    {
                        best = value;
                    }
                }

                return best;
        }
    }

    private sealed class KeyValues(object?[] values) : IEquatable<KeyValues>
    {
        public object?[] Values { get; } = values;

        public bool Equals(KeyValues? other) => other is not null && Values.SequenceEqual(other.Values);

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
