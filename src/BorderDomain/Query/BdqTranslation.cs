using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Schema;

namespace BorderDomain.Query;

/// <summary>
/// A BDQ query turned into expression trees over a provider's <see cref="IQueryable{T}"/>, not yet run. Materialise
/// it by its <see cref="Kind"/> — <see cref="Records"/> for records (enumerate it) and counts (count it),
/// <see cref="Rows"/> for <c>select</c> and <c>group by</c> (enumerate it) — then call the matching
/// <c>ToResult</c> to get the same <see cref="BdqResult"/> the in-memory engine gives, so a caller renders it the
/// same way. <see cref="Execute"/> does all of it synchronously (LINQ to Objects, or any provider's sync path); an
/// async back end (EF Core's <c>ToListAsync</c>, <c>CountAsync</c>) materialises itself and calls <c>ToResult</c>.
/// </summary>
/// <typeparam name="T">The queried record type.</typeparam>
public sealed class BdqTranslation<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)] T>
    where T : class
{
    private readonly int _maxRows;
    private readonly bool _capped;

    internal BdqTranslation(BdqResultKind kind, EntitySetSchema set, IReadOnlyList<string> columns, IQueryable<T>? records, IQueryable<object?[]>? rows, int maxRows, bool capped)
    {
        Kind = kind;
        Set = set;
        Columns = columns;
        Records = records;
        Rows = rows;
        _maxRows = maxRows;
        _capped = capped;
    }

    /// <summary>What the query returns: which of <see cref="Records"/> or <see cref="Rows"/> to materialise, and how.</summary>
    public BdqResultKind Kind { get; }

    /// <summary>The queried set.</summary>
    public EntitySetSchema Set { get; }

    /// <summary>The result's column names, as <see cref="BdqResult.Columns"/> will have them.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// For <see cref="BdqResultKind.Records"/>: the records, filtered, in BDQ's order and paged (enumerate it). For
    /// <see cref="BdqResultKind.Count"/>: the rows to count (call <c>Count</c>). Otherwise <see langword="null"/>. Without
    /// <c>take</c> it holds at most <see cref="BdqOptions.MaxRows"/> + 1 records, so <see cref="ToResult(IReadOnlyList{T})"/>
    /// can tell a cut answer (<see cref="BdqResult.IsTruncated"/>).
    /// </summary>
    public IQueryable<T>? Records { get; }

    /// <summary>
    /// For <see cref="BdqResultKind.Rows"/> and <see cref="BdqResultKind.Groups"/>: one array per result row, its values in
    /// <see cref="Columns"/> order, in BDQ's order and paged (enumerate it); otherwise <see langword="null"/>. Capped
    /// like <see cref="Records"/>. A <c>select</c> that leaves out its set's <c>sources</c> (or <c>source</c>) field has
    /// that field's value after the columns, one more value per row, so <see cref="ToResult(IReadOnlyList{object?[]})"/>
    /// can cite each row.
    /// </summary>
    public IQueryable<object?[]>? Rows { get; }

    /// <summary>
    /// Whether each of <see cref="Rows"/> ends with one more value after the <see cref="Columns"/>: the row's source ids,
    /// kept for a <c>select</c> that leaves its set's sources out (<see cref="BdqResult.RowSources"/>).
    /// </summary>
    internal bool KeepsRowSources { get; init; }

    /// <summary>Runs the query synchronously and shapes the answer.</summary>
    public BdqResult Execute() => Kind switch
    {
        BdqResultKind.Count => ToResult(Records!.Count()),
        BdqResultKind.Records => ToResult(Records!.ToList()),
        _ => ToResult(Rows!.ToList()),
    };

    /// <summary>The answer of a records query from the materialised <see cref="Records"/>.</summary>
    /// <param name="records">What enumerating <see cref="Records"/> gave, in order.</param>
    /// <exception cref="InvalidOperationException">The query does not return records.</exception>
    public BdqResult ToResult(IReadOnlyList<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        Expect(BdqResultKind.Records);
        var (kept, truncated) = Cap(records);
        var metadata = QuerySets.For<T>();
        var rows = kept.Select(r => (IReadOnlyList<object?>)Enumerable.Range(0, metadata.Schema.Fields.Count).Select(f => metadata.GetValue(r, f)).ToArray()).ToArray();
        return new BdqResult(Kind, Set, Columns, rows, kept.Cast<object>().ToArray(), null, truncated);
    }

    /// <summary>The answer of a <c>select</c> or <c>group by</c> query from the materialised <see cref="Rows"/>.</summary>
    /// <param name="rows">What enumerating <see cref="Rows"/> gave, in order.</param>
    /// <exception cref="InvalidOperationException">The query does not return rows or groups.</exception>
    public BdqResult ToResult(IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (Kind is not (BdqResultKind.Rows or BdqResultKind.Groups))
        {
            throw new InvalidOperationException($"This query returns {Kind}, not rows.");
        }

        var (kept, truncated) = Cap(rows);
        if (KeepsRowSources)
        {
            var last = Columns.Count;
            var values = kept.Select(r => (IReadOnlyList<object?>)r[..last]).ToArray();
            var sources = kept.Select(r => r.Length > last ? r[last] : null).ToArray();
            return new BdqResult(Kind, Set, Columns, values, [], null, truncated, sources);
        }

        return new BdqResult(Kind, Set, Columns, kept.Select(r => (IReadOnlyList<object?>)r).ToArray(), [], null, truncated);
    }

    /// <summary>The answer of a <c>count</c> query from the count of <see cref="Records"/>.</summary>
    /// <param name="count">What counting <see cref="Records"/> gave.</param>
    /// <exception cref="InvalidOperationException">The query does not count.</exception>
    public BdqResult ToResult(int count)
    {
        Expect(BdqResultKind.Count);
        return new BdqResult(Kind, Set, Columns, [[count]], [], count);
    }

    private void Expect(BdqResultKind kind)
    {
        if (Kind != kind)
        {
            throw new InvalidOperationException($"This query returns {Kind}, not {kind}.");
        }
    }

    private (IReadOnlyList<TRow> Kept, bool Truncated) Cap<TRow>(IReadOnlyList<TRow> rows) =>
        _capped && rows.Count > _maxRows ? (rows.Take(_maxRows).ToArray(), true) : (rows, false);
}
