using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// The sets a query over an <see cref="IQueryable{T}"/> may reach, each as the provider's own
/// <see cref="IQueryable{T}"/> (<c>context.Set&lt;Nation&gt;()</c> on EF Core; a store's table over LINQ to Objects),
/// plus the <see cref="BdqTreeHooks"/> that read BDQ's derived values on that provider. A reference path
/// (<c>station.nation</c>) becomes a left join with the target set's queryable; it never calls into an in-memory
/// store. Add every set a query may follow a reference into; the queried set itself need not be added.
/// </summary>
public sealed class BdqSets
{
    private readonly Dictionary<string, (EntitySetSchema Schema, IQueryable Rows)> _sets = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets for a provider whose values <paramref name="hooks"/> reads (<see cref="BdqTreeHooks.Default"/> when null).</summary>
    /// <param name="hooks">How trees read derived values on this provider.</param>
    public BdqSets(BdqTreeHooks? hooks = null) => Hooks = hooks ?? BdqTreeHooks.Default;

    /// <summary>How trees read derived values on this provider.</summary>
    public BdqTreeHooks Hooks { get; }

    /// <summary>The schemas of the sets added, in the order added.</summary>
    public IEnumerable<EntitySetSchema> Schemas => _sets.Values.Select(s => s.Schema);

    /// <summary>
    /// The sets of <paramref name="store"/>'s tables as LINQ-to-Objects queryables, for trees over in-memory records
    /// with <see cref="BdqTreeHooks.Default"/>.
    /// </summary>
    /// <param name="store">The store.</param>
    public static BdqSets FromStore(IQueryStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var sets = new BdqSets();
        foreach (var schema in store.Schema.Sets)
        {
            if (store.GetTable(schema.Name) is { } table && table.AsQueryable() is { } rows)
            {
                sets._sets[schema.Name] = (table.Schema, rows);
            }
        }

        return sets;
    }

    /// <summary>Adds (or replaces) the set of <typeparamref name="T"/>, named by its <see cref="QuerySetAttribute"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="rows">The provider's queryable of the set.</param>
    /// <returns>This object, to chain calls.</returns>
    public BdqSets Add<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)] T>(IQueryable<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var schema = QuerySets.For<T>().Schema;
        _sets[schema.Name] = (schema, rows);
        return this;
    }

    /// <summary>The queryable of the set named <paramref name="name"/> (ignoring case), or <see langword="null"/>.</summary>
    /// <param name="name">The set's name in queries.</param>
    public IQueryable? Find(string name) => _sets.TryGetValue(name, out var set) ? set.Rows : null;
}
