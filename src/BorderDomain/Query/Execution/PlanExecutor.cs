using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Planning;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query.Execution;

/// <summary>
/// Runs a <see cref="QueryPlan"/> over in-memory tables: intersects the index accesses smallest first, checks the
/// residual row by row, then groups, orders (by sorting or by walking a sorted index), pages and projects.
/// </summary>
public sealed class PlanExecutor : IIndexStatistics
{
    private readonly Func<string, IEntityTable?> _tables;
    private readonly IEntityTable _table;
    private readonly IReadOnlyDictionary<string, object> _parameters;

    // Resolved once per predicate and path (by reference), not once per row.
    private readonly Dictionary<BoundPredicate, object[]> _constants = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<BoundPath, ResolvedPath> _paths = new(ReferenceEqualityComparer.Instance);

    /// <summary>An executor over <paramref name="table"/>, resolving references through <paramref name="tables"/>.</summary>
    /// <param name="table">The queried table.</param>
    /// <param name="tables">Finds a table by set name, for one-hop paths.</param>
    /// <param name="parameters">Parameter values already checked and converted (see <see cref="Bdq"/>).</param>
    public PlanExecutor(IEntityTable table, Func<string, IEntityTable?> tables, IReadOnlyDictionary<string, object> parameters)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
    }

    /// <inheritdoc />
    public long RowCount => _table.Count;

    /// <inheritdoc />
    public long? Estimate(IndexAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Predicate.Values.Any(v => v is BoundParameter) && _parameters.Count == 0 ? null : Rows(access).Length;
    }

    /// <summary>Runs the plan.</summary>
    public BdqResult Execute(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var query = plan.Query;
        var rows = Filter(plan);
        if (query.GroupBy is { } group)
        {
            return Group(query, group, rows);
        }

        IEnumerable<int> ordered = plan.Order switch
        {
            OrderStrategy.IndexWalk => Walk(plan, rows),
            OrderStrategy.Sort => Sort(query.OrderBy, rows),
            _ => rows,
        };
        var paged = ordered.Skip(query.Skip ?? 0).Take(query.Take ?? int.MaxValue).ToArray();
        if (query.Count)
        {
            return new BdqResult(BdqResultKind.Count, query.Set, ["count"], [[paged.Length]], [], paged.Length);
        }

        if (query.Select.Count > 0)
        {
            var projected = paged.Select(row => (IReadOnlyList<object?>)query.Select.Select(path => Value(row, path)).ToArray()).ToArray();
            return new BdqResult(BdqResultKind.Rows, query.Set, query.Select.Select(p => p.Text).ToArray(), projected, [], null);
        }

        var fields = query.Set.Fields;
        var records = paged.Select(row => (IReadOnlyList<object?>)Enumerable.Range(0, fields.Count).Select(f => _table.GetValue(row, f)).ToArray()).ToArray();
        return new BdqResult(BdqResultKind.Records, query.Set, fields.Select(f => f.Name).ToArray(), records, paged.Select(_table.GetRecord).ToArray(), null);
    }

    /// <summary>Whether row <paramref name="row"/> satisfies <paramref name="condition"/>, evaluated directly.</summary>
    public bool Matches(int row, BoundExpression condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition switch
        {
            BoundAnd and => Matches(row, and.Left) && Matches(row, and.Right),
            BoundOr or => Matches(row, or.Left) || Matches(row, or.Right),
            BoundNot not => !Matches(row, not.Operand),
            BoundPredicate predicate => Matches(row, predicate),
            _ => false,
        };
    }

    private int[] Filter(QueryPlan plan)
    {
        int[]? rows = null;
        foreach (var access in plan.Accesses)
        {
            var found = Rows(access);
            rows = rows is null ? found : PostingList.Intersect(rows, found);
            if (rows.Length == 0)
            {
                return [];
            }
        }

        rows ??= PostingList.All(_table.Count);
        return plan.Residual is { } residual ? rows.Where(row => Matches(row, residual)).ToArray() : rows;
    }

    private int[] Rows(IndexAccess access)
    {
        var predicate = access.Predicate;
        var kind = predicate.Path.Field.Kind;
        var values = Constants(predicate);
        switch (access.Kind)
        {
            case IndexAccessKind.Key:
                return PostingList.FromUnsorted(values.Select(v => _table.TryGetRow(RecordKey.Text(v) ?? string.Empty, out var row) ? row : -1).Where(r => r >= 0).Distinct().ToArray());
            case IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection:
                var index = _table.GetPostingIndex(access.Field)!;
                var keys = predicate.Operator == PredicateOperator.IsTrue ? [true] : values.Select(v => IndexKey(index, kind, v)).ToArray();
                var lists = keys.Select(key => key is null ? [] : index.LookupArray(key)).ToList();
                return access.Kind == IndexAccessKind.PostingUnion
                    ? PostingList.UnionAll(lists)
                    : lists.Aggregate((left, right) => PostingList.Intersect(left, right));
            case IndexAccessKind.NullRows:
                return _table.GetPostingIndex(access.Field)!.NullRows.ToArray();
            case IndexAccessKind.DateRange:
                return DateRows(_table.GetDateIndex(access.Field)!, predicate.Operator, values.Cast<PartialDate>().ToArray());
            case IndexAccessKind.NumberRange:
                return NumberRows(_table.GetNumberIndex(access.Field)!, predicate.Operator, values.Select(v => (decimal)v).ToArray());
            default:
                var text = _table.GetTextIndex(access.Field)!;
                var search = (string)values[0];
                return predicate.Operator switch
                {
                    PredicateOperator.StartsWith => text.StartsWith(search),
                    PredicateOperator.EndsWith => text.EndsWith(search),
                    _ => text.Contains(search),
                };
        }
    }

    private static int[] DateRows(DateIndex index, PredicateOperator op, PartialDate[] values)
    {
        KeyBound<int> From(int day, bool inclusive = true) => new(day, inclusive);
        return op switch
        {
            PredicateOperator.GreaterOrEqual => PostingList.FromUnsorted(index.ByStart.RowsInRange(From(values[0].StartDayNumber), null)),
            PredicateOperator.Greater => PostingList.FromUnsorted(index.ByStart.RowsInRange(From(values[0].EndDayNumber, false), null)),
            PredicateOperator.LessOrEqual => PostingList.FromUnsorted(index.ByEnd.RowsInRange(null, From(values[0].EndDayNumber))),
            PredicateOperator.Less => PostingList.FromUnsorted(index.ByEnd.RowsInRange(null, From(values[0].StartDayNumber, false))),
            PredicateOperator.Equal => PostingList.Intersect(
                PostingList.FromUnsorted(index.ByStart.RowsInRange(From(values[0].StartDayNumber), null)),
                PostingList.FromUnsorted(index.ByEnd.RowsInRange(null, From(values[0].EndDayNumber)))),
            _ => PostingList.Intersect(
                PostingList.FromUnsorted(index.ByStart.RowsInRange(From(values[0].StartDayNumber), null)),
                PostingList.FromUnsorted(index.ByEnd.RowsInRange(null, From(values[1].EndDayNumber)))),
        };
    }

    private static int[] NumberRows(SortedIndex<decimal> index, PredicateOperator op, decimal[] values) => PostingList.FromUnsorted(op switch
    {
        PredicateOperator.GreaterOrEqual => index.RowsInRange(new KeyBound<decimal>(values[0], true), null),
        PredicateOperator.Greater => index.RowsInRange(new KeyBound<decimal>(values[0], false), null),
        PredicateOperator.LessOrEqual => index.RowsInRange(null, new KeyBound<decimal>(values[0], true)),
        PredicateOperator.Less => index.RowsInRange(null, new KeyBound<decimal>(values[0], false)),
        PredicateOperator.Equal => index.RowsInRange(new KeyBound<decimal>(values[0], true), new KeyBound<decimal>(values[0], true)),
        _ => index.RowsInRange(new KeyBound<decimal>(values[0], true), new KeyBound<decimal>(values[1], true)),
    });

    private bool Matches(int row, BoundPredicate predicate)
    {
        var path = predicate.Path;
        return ValueSemantics.Test(path.Field.Kind, predicate.Operator, Value(row, path), Constants(predicate), path.Field.IsCollection);
    }

    /// <summary>The value at the end of <paramref name="path"/> for <paramref name="row"/>; null when a reference dangles.</summary>
    private object? Value(int row, BoundPath path)
    {
        if (!_paths.TryGetValue(path, out var resolved))
        {
            var target = path.IsHop ? _tables(path.Fields[0].References!) : null;
            _paths[path] = resolved = new ResolvedPath(
                _table.Schema.IndexOfField(path.Fields[0].Name),
                target,
                target?.Schema.IndexOfField(path.Fields[1].Name) ?? -1);
        }

        var value = _table.GetValue(row, resolved.Field);
        if (!path.IsHop || value is null)
        {
            return value;
        }

        return resolved.Target is { } table && table.TryGetRow(RecordKey.Text(value) ?? string.Empty, out var targetRow)
            ? table.GetValue(targetRow, resolved.TargetField)
            : null;
    }

    /// <summary>The predicate's values as records hold them; search text comes folded for text matching.</summary>
    private object[] Constants(BoundPredicate predicate)
    {
        if (!_constants.TryGetValue(predicate, out var values))
        {
            values = predicate.Values.Select(Constant).ToArray();
            if (predicate.Operator is PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith)
            {
                values[0] = TextNormalizer.Normalize((string)values[0]);
            }

            _constants[predicate] = values;
        }

        return values;
    }

    private object Constant(BoundValue value) => value switch
    {
        BoundConstant constant => Runtime(constant.Kind, constant.Value),
        BoundParameter parameter => _parameters[parameter.Name],
        _ => throw new ArgumentException("Unknown bound value.", nameof(value)),
    };

    /// <summary>A portable constant as the value records hold.</summary>
    internal static object Runtime(FieldKind kind, object value) => kind switch
    {
        FieldKind.Nation => value as NationCode? ?? NationCode.Parse((string)value),
        FieldKind.Unit => value as Unit? ?? Unit.Parse((string)value),
        _ => value,
    };

    // Enum keys are stored as the CLR enum value; the bound query names the member.
    private static object? IndexKey(PostingIndex index, FieldKind kind, object value)
    {
        if (kind != FieldKind.Enum)
        {
            return value;
        }

        foreach (var key in index.Keys)
        {
            if (string.Equals(key.ToString(), (string)value, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    private IEnumerable<int> Sort(EquatableArray<BoundOrdering> orderBy, int[] rows)
    {
        var keys = orderBy.Select(o => rows.Select(row => Value(row, o.Path)).ToArray()).ToArray();
        var positions = Enumerable.Range(0, rows.Length).ToArray();
        Array.Sort(positions, (a, b) =>
        {
            for (var k = 0; k < orderBy.Count; k++)
            {
                var left = keys[k][a];
                var right = keys[k][b];
                var order = ValueSemantics.SortOrder(orderBy[k].Path.Field.Kind, left, right, orderBy[k].Descending);
                if (order != 0)
                {
                    return order;
                }
            }

            return rows[a].CompareTo(rows[b]);
        });
        return positions.Select(p => rows[p]);
    }

    private IEnumerable<int> Walk(QueryPlan plan, int[] rows)
    {
        var ordering = plan.Query.OrderBy[0];
        var field = _table.Schema.IndexOfField(ordering.Path.Field.Name);
        var member = new HashSet<int>(rows);
        ReadOnlySpan<int> walk;
        Func<int, IComparable> keyAt;
        if (_table.GetDateIndex(field) is { } dates)
        {
            walk = dates.ByStart.RowsInKeyOrder;
            var keys = dates.ByStart.Keys.ToArray();
            keyAt = i => keys[i];
        }
        else
        {
            var numbers = _table.GetNumberIndex(field)!;
            walk = numbers.RowsInKeyOrder;
            var keys = numbers.Keys.ToArray();
            keyAt = i => keys[i];
        }

        var result = new List<int>();
        var wanted = (plan.Query.Skip ?? 0) + (plan.Query.Take ?? int.MaxValue);
        var indexed = new HashSet<int>();
        if (!ordering.Descending)
        {
            foreach (var row in walk)
            {
                indexed.Add(row);
                if (member.Contains(row) && result.Count < wanted)
                {
                    result.Add(row);
                }
            }
        }
        else
        {
            // Walk tie groups from the largest key down, each group in ascending row order (as the sort does).
            var end = walk.Length;
            while (end > 0 && result.Count < wanted)
            {
                var start = end - 1;
                while (start > 0 && keyAt(start - 1).CompareTo(keyAt(end - 1)) == 0)
                {
                    start--;
                }

                var group = walk[start..end].ToArray();
                Array.Sort(group);
                foreach (var row in group)
                {
                    if (member.Contains(row) && result.Count < wanted)
                    {
                        result.Add(row);
                    }
                }

                end = start;
            }

            foreach (var row in walk)
            {
                indexed.Add(row);
            }
        }

        // Rows without a key come last, in row order.
        foreach (var row in rows)
        {
            if (result.Count >= wanted)
            {
                break;
            }

            if (!indexed.Contains(row))
            {
                result.Add(row);
            }
        }

        return result;
    }

    private BdqResult Group(BoundQuery query, BoundGroupBy group, int[] rows)
    {
        var groups = new Dictionary<GroupKey, List<int>>();
        var order = new List<GroupKey>();
        foreach (var row in rows)
        {
            var key = new GroupKey(group.Keys.Select(k => Value(row, k)).ToArray());
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
                order.Add(key);
            }

            members.Add(row);
        }

        var descending = group.Keys.Select(k => query.OrderBy.FirstOrDefault(o => o.Path.Text == k.Text)?.Descending ?? false).ToArray();
        order.Sort((a, b) =>
        {
            for (var i = 0; i < group.Keys.Count; i++)
            {
                var c = ValueSemantics.Order(group.Keys[i].Field.Kind, a.Values[i], b.Values[i]);
                if (c != 0)
                {
                    return descending[i] ? -c : c;
                }
            }

            return 0;
        });
        var output = new List<IReadOnlyList<object?>>();
        foreach (var key in order.Skip(query.Skip ?? 0).Take(query.Take ?? int.MaxValue))
        {
            var members = groups[key];
            var line = new List<object?>(key.Values);
            line.AddRange(group.Aggregates.Select(aggregate => Aggregate(aggregate, members)));
            output.Add(line);
        }

        var columns = group.Keys.Select(k => k.Text).Concat(group.Aggregates.Select(a => a.Name)).ToArray();
        return new BdqResult(BdqResultKind.Groups, query.Set, columns, output, [], null);
    }

    private object? Aggregate(BoundAggregate aggregate, List<int> rows)
    {
        if (aggregate.Function == AggregateFunction.Count)
        {
            return rows.Count;
        }

        var path = aggregate.Argument!;
        var values = rows.Select(row => Value(row, path)).Where(v => v is not null).ToList();
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
                    var c = ValueSemantics.Order(path.Field.Kind, value, best);
                    if (aggregate.Function == AggregateFunction.Min ? c < 0 : c > 0)
                    {
                        best = value;
                    }
                }

                return best;
        }
    }

    private readonly record struct ResolvedPath(int Field, IEntityTable? Target, int TargetField);

    private sealed class GroupKey(object?[] values) : IEquatable<GroupKey>
    {
        public object?[] Values { get; } = values;

        public bool Equals(GroupKey? other) => other is not null && Values.SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as GroupKey);

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
