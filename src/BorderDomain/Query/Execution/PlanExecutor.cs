using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query.Planning;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// Runs a <see cref="QueryPlan"/> over in-memory tables, doing what the plan records and deciding nothing: counts from
/// index sizes or posting-list lengths when the plan says so, otherwise intersects the index accesses in the plan's
/// order, checks the residual row by row, then groups, orders (by sorting or by walking a sorted index), pages and
/// projects. Sizes for planning come from <see cref="TableStatistics"/>, made before any plan exists.
/// </summary>
internal sealed class PlanExecutor
{
    private readonly Func<string, IEntityTable?> _tables;
    private readonly IEntityTable _table;
    private readonly IReadOnlyDictionary<string, object> _parameters;

    private static readonly string[] CountColumns = ["count"];

    // Resolved once per predicate and path (by reference), not once per row, and kept as long as the executor is:
    // Bdq keeps one executor per query without parameters, which calls from several threads may share, so these are
    // concurrent. Made on first use: a key lookup or a count from the indexes needs neither.
    private ConcurrentDictionary<BoundPredicate, object[]>? _constants;
    private ConcurrentDictionary<BoundPath, ResolvedPath>? _paths;

    // The last count this executor answered: a result is immutable, so the same count returns the same result again.
    private BdqResult? _lastCount;

    // The column names of a records result, once per executor.
    private string[]? _recordColumns;

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

    /// <summary>The most rows a result of a query without <c>take</c> holds (<see cref="BdqOptions.MaxRows"/>).</summary>
    internal int MaxRows { get; init; } = int.MaxValue;

    /// <summary>
    /// The most indexed words one search word may be part of (<see cref="BdqOptions.MaxMatchedWords"/>); past it
    /// <see cref="Execute"/> throws <see cref="SearchTooBroadException"/>, which <see cref="Bdq.TryExecute"/> turns
    /// into a diagnostic.
    /// </summary>
    internal int MaxMatchedWords { get; init; } = int.MaxValue;

    /// <summary>Runs the plan.</summary>
    public BdqResult Execute(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var query = plan.Query;
        if (plan.Counting is CountStrategy.TableSize or CountStrategy.IndexSize)
        {
            return CountResult(query, plan.Counting == CountStrategy.TableSize ? _table.Count : Count(plan.Accesses[0]));
        }

        if (plan.Order == OrderStrategy.FilteredWalk)
        {
            var residual = plan.Residual;
            var walked = IndexQueries.WalkWhere(
                _table,
                _table.Schema.IndexOfField(query.OrderBy[0].Path.Field.Name),
                query.OrderBy[0].Descending,
                residual is null ? null : row => Matches(row, residual),
                (query.Skip ?? 0) + (query.Take ?? int.MaxValue));
            return Shape(query, walked);
        }

        if (plan.Grouping == GroupStrategy.PostingListLengths)
        {
            return CountsFromIndex(query, query.GroupBy!.Keys[0]);
        }

        var rows = Filter(plan);
        if (query.GroupBy is { } group)
        {
            return Group(query, group, rows);
        }

        IEnumerable<int> ordered = plan.Order switch
        {
            OrderStrategy.IndexWalk => IndexQueries.Walk(_table, _table.Schema.IndexOfField(query.OrderBy[0].Path.Field.Name), query.OrderBy[0].Descending, rows, query.Take is { } take ? (query.Skip ?? 0) + take : int.MaxValue),
            OrderStrategy.Sort => Sort(query.OrderBy, rows),
            _ => rows,
        };
        return Shape(query, ordered);
    }

    // Pages the ordered rows and shapes the result: a count, selected rows, or whole records.
    private BdqResult Shape(BoundQuery query, IEnumerable<int> ordered)
    {
        if (query.Count)
        {
            return CountResult(query, ordered is int[] all ? Page(all, query.Skip ?? 0, query.Take ?? int.MaxValue).Length : ordered.Skip(query.Skip ?? 0).Take(query.Take ?? int.MaxValue).Count());
        }

        // Without a take, one row past the ceiling says whether the ceiling cut the answer.
        var pageSize = query.Take ?? (MaxRows == int.MaxValue ? int.MaxValue : MaxRows + 1);
        var paged = ordered is int[] array ? Page(array, query.Skip ?? 0, pageSize).ToArray() : ordered.Skip(query.Skip ?? 0).Take(pageSize).ToArray();
        var truncated = query.Take is null && paged.Length > MaxRows;
        if (truncated)
        {
            paged = paged[..MaxRows];
        }

        if (query.Select.Count > 0)
        {
            var projected = paged.Select(row => (IReadOnlyList<object?>)query.Select.Select(path => Value(row, path)).ToArray()).ToArray();
            var columns = query.Select.Select(p => p.Text).ToArray();

            // Each row's sources, so the row can be cited though the selection leaves them out.
            var cited = BdqResult.RowSourcesField(query.Set, columns) is { } field ? _table.Schema.IndexOfField(field.Name) : -1;
            var sources = cited < 0 ? null : paged.Select(row => _table.GetValue(row, cited)).ToArray();
            return new BdqResult(BdqResultKind.Rows, query.Set, columns, projected, [], null, truncated, sources);
        }

        var records = new object[paged.Length];
        for (var i = 0; i < paged.Length; i++)
        {
            records[i] = _table.GetRecord(paged[i]);
        }

        _recordColumns ??= query.Set.Fields.Select(f => f.Name).ToArray();
        return new BdqResult(BdqResultKind.Records, query.Set, _recordColumns, new RecordRows(_table, paged), records, null, truncated);
    }

    // Rows skip .. skip + take of an array, as Skip and Take would give them, without an enumerator.
    private static ReadOnlySpan<int> Page(int[] rows, int skip, int take)
    {
        var start = Math.Min(skip, rows.Length);
        return rows.AsSpan(start, Math.Min(take, rows.Length - start));
    }

    // A count's result; the last one again when the count is the same (a result is immutable), so a warm count allocates nothing.
    private BdqResult CountResult(BoundQuery query, int counted)
    {
        if (_lastCount is { } last && last.Count == counted && ReferenceEquals(last.Set, query.Set))
        {
            return last;
        }

        return _lastCount = new BdqResult(BdqResultKind.Count, query.Set, CountColumns, [[counted]], [], counted);
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

    private int Count(IndexAccess access) => IndexQueries.ExactCount(
        _table, access.Field, access.Kind, access.Predicate.Operator, access.Predicate.Path.Field.Kind, Constants(access.Predicate));

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

    private int[] Rows(IndexAccess access) => IndexQueries.Rows(
            _table, access.Field, access.Kind, access.Predicate.Operator, access.Predicate.Path.Field.Kind, Constants(access.Predicate), MaxMatchedWords)
        ?? throw new SearchTooBroadException(access.Predicate, MaxMatchedWords);

    private bool Matches(int row, BoundPredicate predicate)
    {
        var path = predicate.Path;
        return predicate.Length
            ? ValueSemantics.Test(OperatorTable.Length.Result, predicate.Operator, ValueSemantics.Length(Value(row, path)), Constants(predicate), isCollection: false)
            : ValueSemantics.Test(path.Field.Kind, predicate.Operator, Value(row, path), Constants(predicate), path.Field.IsCollection);
    }

    /// <summary>The value at the end of <paramref name="path"/> for <paramref name="row"/>; null when a reference dangles.</summary>
    private object? Value(int row, BoundPath path)
    {
        _paths ??= new(ReferenceEqualityComparer.Instance);
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

        if (path.IsListHop)
        {
            return ValueSemantics.FollowEach(resolved.Target, value, resolved.TargetField);
        }

        return resolved.Target is { } table && table.TryGetRow(RecordKey.Text(value) ?? string.Empty, out var targetRow)
            ? table.GetValue(targetRow, resolved.TargetField)
            : null;
    }

    /// <summary>The predicate's values as records hold them; search text comes folded for text matching.</summary>
    private object[] Constants(BoundPredicate predicate)
    {
        _constants ??= new(ReferenceEqualityComparer.Instance);
        if (!_constants.TryGetValue(predicate, out var values))
        {
            _constants[predicate] = values = predicate.Values is [BoundSubquery subquery] ? Subquery(subquery) : PredicateConstants.Resolve(predicate, _parameters);
        }

        return values;
    }

    // A sub-query runs once, planned against its own table; its values are the selected field's, a list's elements
    // each, without missing values or repeats, in the order first met.
    private object[] Subquery(BoundSubquery subquery)
    {
        var inner = subquery.Query;
        var table = _tables(inner.Set.Name) ?? throw new InvalidOperationException($"No table for set '{inner.Set.Name}'.");
        var plan = QueryPlanner.Plan(inner, new TableStatistics(table, _parameters));
        var result = new PlanExecutor(table, _tables, _parameters) { MaxMatchedWords = MaxMatchedWords }.Execute(plan);
        return CompilerServices.SubqueryValueSet.Flatten(result.Rows.Select(row => row[0]), subquery.Selected.Field.Kind);
    }

    private int[] Sort(EquatableArray<BoundOrdering> orderBy, int[] rows) =>
        RowSort.Sort(rows, orderBy.Select(o => new CompilerServices.SortKey(row => Value(row, o.Path), o.Path.Field.Kind, o.Descending)).ToArray());

    // The plan's PostingListLengths: group by one exactly-compared field with only counts, over the whole table.
    private BdqResult CountsFromIndex(BoundQuery query, BoundPath key)
    {
        var group = query.GroupBy!;
        var rows = Grouping.CountByIndex(
            _table,
            _table.Schema.IndexOfField(key.Field.Name),
            key.Field.Kind,
            query.OrderBy.FirstOrDefault(o => o.Path.Text == key.Text)?.Descending ?? false,
            group.Aggregates.Count,
            query.Skip,
            query.Take);
        return Groups(query, rows);
    }

    private BdqResult Group(BoundQuery query, BoundGroupBy group, int[] rows)
    {
        var keys = group.Keys.Select(k => new GroupKey<int>(
            row => Value(row, k),
            k.Field.Kind,
            query.OrderBy.FirstOrDefault(o => o.Path.Text == k.Text)?.Descending ?? false)
        {
            EachElement = k.Field.IsCollection,
        }).ToArray();
        var aggregates = group.Aggregates.Select(a => new GroupAggregate<int>(
            a.Function,
            a.Argument is { } argument ? row => Value(row, argument) : null,
            a.Argument?.Field.Kind ?? FieldKind.Number)).ToArray();
        var output = Grouping.Group(rows, keys, aggregates, query.Skip, query.Take, group.Order.Select(o => (o.Aggregate, o.Descending)).ToArray());
        return Groups(query, output);
    }

    // Groups are rows of the answer too: without a take, at most MaxRows of them.
    private BdqResult Groups(BoundQuery query, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var group = query.GroupBy!;
        var columns = group.Keys.Select(k => k.Text).Concat(group.Aggregates.Select(a => a.Name)).ToArray();
        var truncated = query.Take is null && rows.Count > MaxRows;
        return new BdqResult(BdqResultKind.Groups, query.Set, columns, truncated ? rows.Take(MaxRows).ToArray() : rows, [], null, truncated);
    }

    private readonly record struct ResolvedPath(int Field, IEntityTable? Target, int TargetField);
}
