using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Schema;

namespace BorderDomain.Storage;

/// <summary>
/// An immutable store of your own indexed tables, for BDQ: each <see cref="EntityTable{T}"/> of a <c>[QuerySet]</c>
/// record type is a set that queries name, and a field with <c>[References("set")]</c> follows a key into another
/// table of the same store. Run queries on it with <see cref="Query.Bdq"/> at run time, or pass it to methods the
/// source generator writes. To change the data, build new tables and a new store; readers of this one are unaffected.
/// </summary>
/// <example>
/// <code>
/// var store = new QueryStore(
///     new EntityTable&lt;Checkpoint&gt;(QuerySets.For&lt;Checkpoint&gt;(), checkpoints),
///     new EntityTable&lt;Crossing&gt;(QuerySets.For&lt;Crossing&gt;(), crossings));
/// var busy = Bdq.Execute(store, "crossings where checkpoint.nation = PER and people >= 100");
/// </code>
/// </example>
public sealed class QueryStore : IQueryStore
{
    private readonly Dictionary<string, IEntityTable> _bySet;

    /// <summary>A store of <paramref name="tables"/>, in that order.</summary>
    /// <exception cref="ArgumentException">Two tables hold the same set (names compare ignoring case), or a table is null.</exception>
    public QueryStore(params IEntityTable[] tables)
        : this((IEnumerable<IEntityTable>)tables)
    {
    }

    /// <summary>A store of <paramref name="tables"/>, in that order.</summary>
    /// <exception cref="ArgumentException">Two tables hold the same set (names compare ignoring case), or a table is null.</exception>
    public QueryStore(IEnumerable<IEntityTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Tables = [.. tables];
        _bySet = new Dictionary<string, IEntityTable>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in Tables)
        {
            if (table is null)
            {
                throw new ArgumentException("A table is null.", nameof(tables));
            }

            if (!_bySet.TryAdd(table.Schema.Name, table))
            {
                throw new ArgumentException($"Two tables hold the set '{table.Schema.Name}'; each set name may appear once in a store.", nameof(tables));
            }
        }

        Schema = SchemaInterner.Intern(new QuerySchema(Tables.Select(table => table.Schema).ToImmutableArray()));
    }

    /// <summary>Every table, in the order given.</summary>
    public ImmutableArray<IEntityTable> Tables { get; }

    /// <inheritdoc />
    public QuerySchema Schema { get; }

    /// <inheritdoc />
    public IEntityTable? GetTable(string set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return _bySet.GetValueOrDefault(set);
    }

    /// <summary>The table of <typeparamref name="T"/> records.</summary>
    /// <exception cref="InvalidOperationException">The store holds no table of <typeparamref name="T"/>.</exception>
    public EntityTable<T> Table<T>()
        where T : class
    {
        foreach (var table in Tables)
        {
            if (table is EntityTable<T> typed)
            {
                return typed;
            }
        }

        throw new InvalidOperationException($"The store holds no table of {typeof(T).Name} records.");
    }
}
