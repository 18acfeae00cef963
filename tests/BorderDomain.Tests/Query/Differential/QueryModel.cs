using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Tests.Query.Differential;

/// <summary>A condition: its BDQ text and, independently, what it means in plain C#.</summary>
/// <param name="Text">The BDQ text.</param>
/// <param name="Precedence">0 for <c>or</c>, 1 for <c>and</c>, 2 for a predicate or <c>not</c>: when the text needs parentheses.</param>
/// <param name="Eval">The naive meaning.</param>
internal sealed record Cond<T>(string Text, int Precedence, Func<NaiveWorld, T, bool> Eval);

/// <summary>A sort key: its path and, independently, the key value (null when missing) and how two present keys compare.</summary>
internal sealed record OrderKey<T>(string Text, Func<NaiveWorld, T, object?> Key, Comparison<object> Compare);

/// <summary>A generated query with the naive reading of each of its clauses.</summary>
internal sealed record QueryCase<T>(
    string Text,
    IReadOnlyDictionary<string, object?> Parameters,
    Cond<T>? Filter,
    IReadOnlyList<(OrderKey<T> Key, bool Descending)> Order,
    int? Skip,
    int? Take,
    bool Count)
{
    /// <summary>
    /// The naive answer: the matching rows in row order, stably sorted by the keys (missing keys last in both
    /// directions, ties in row order), then skipped and taken.
    /// </summary>
    public IReadOnlyList<string> Evaluate(NaiveWorld world, IReadOnlyList<T> rows, Func<T, string> id)
    {
        var matches = new List<(T Row, int Index)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (Filter is null || Filter.Eval(world, rows[i]))
            {
                matches.Add((rows[i], i));
            }
        }

        // Every engine orders by the order by keys, then by the record's key (its id, by code point); a query without
        // order by comes back in key order.
        {
            matches.Sort((a, b) =>
            {
                foreach (var (key, descending) in Order)
                {
                    var left = key.Key(world, a.Row);
                    var right = key.Key(world, b.Row);
                    if (left is null || right is null)
                    {
                        if (left is null && right is null)
                        {
                            continue;
                        }

                        return left is null ? 1 : -1;
                    }

                    var order = key.Compare(left, right);
                    if (order != 0)
                    {
                        return descending ? -order : order;
                    }
                }

                return string.CompareOrdinal(id(a.Row), id(b.Row));
            });
        }

        return matches.Skip(Skip ?? 0).Take(Take ?? int.MaxValue).Select(m => id(m.Row)).ToList();
    }

    public override string ToString() =>
        Text + (Parameters.Count == 0 ? string.Empty
            : "   with " + string.Join(", ", Parameters.Select(p => $"{p.Key} = {Show(p.Value)}")));

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\" (string)",
        IFormattable formattable => $"{formattable.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"{value} ({value.GetType().Name})",
    };
}

/// <summary>One queryable set: its name, its records in a spec and in a store, and a record's id.</summary>
internal sealed record SetInfo<T>(string Name, Func<T, string> Id, Func<StoreSpec, IReadOnlyList<T>> Rows, Func<BorderStore, EntityTable<T>> Table)
    where T : class;

internal static class Sets
{
    public static readonly SetInfo<Accord> Accords = new("accords", a => a.Id, s => s.Accords, s => s.Accords);

    public static readonly SetInfo<Statistic> Statistics = new("statistics", s => s.Id, s => s.Statistics, s => s.Statistics);

    public static readonly SetInfo<Agency> Agencies = new("agencies", a => a.Id, s => s.Agencies, s => s.Agencies);

    public static readonly SetInfo<Event> Events = new("events", e => e.Id, s => s.Events, s => s.Events);
}
