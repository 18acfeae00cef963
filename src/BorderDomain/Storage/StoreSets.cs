using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using BorderDomain.Model;
using BorderDomain.Schema;

namespace BorderDomain.Storage;

/// <summary>
/// The sets a <see cref="BorderStore"/> holds (the last two computed from the others), listed once: the store's tables and typed properties, its builder's
/// copy and build all walk <see cref="All"/>. A data file carries the same sets; <c>Data.BundledSets</c> adds to each
/// entry, in the same order, what reading it from a file takes. Adding a set is one entry here and one there, plus its
/// record type and its typed properties on <see cref="BorderStore"/> and <see cref="BorderStoreBuilder"/>.
/// </summary>
internal static class StoreSets
{
    /// <summary>
    /// Every set, in the store's order (<see cref="BorderStore.Tables"/>): sources come before what cites them.
    /// </summary>
    public static readonly ImmutableArray<StoreSet> All =
    [
        new StoreSet<Source>(0, "sources", b => b.Sources),
        new StoreSet<Nation>(1, "nations", b => b.Nations),
        new StoreSet<Agency>(2, "agencies", b => b.Agencies),
        new StoreSet<Person>(3, "people", b => b.People),
        new StoreSet<Accord>(4, "accords", b => b.Accords),
        new StoreSet<Statistic>(5, "statistics", b => b.Statistics, BorderStoreBuilder.MarkDisputed),
        new StoreSet<Event>(6, "events", b => b.Events, BorderStoreBuilder.AddParticipants),
        new StoreSet<Organization>(7, "organizations", b => b.Organizations),
        new StoreSet<Place>(8, "places", b => b.Places),
        new StoreSet<Statement>(9, "statements", b => b.Statements),
        new StoreSet<Participation>(10, "participants", b => b.Participants, computed: true),
        new StoreSet<Affiliation>(11, "affiliations", b => b.Affiliations, computed: true),
    ];

    /// <summary>The entry whose records are <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">No set holds <typeparamref name="T"/>.</exception>
    public static StoreSet<T> Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>()
        where T : class => Entry<T>.Set;

    private static class Entry<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
        where T : class
    {
        public static readonly StoreSet<T> Set = Find();

        private static StoreSet<T> Find()
        {
            foreach (var set in All)
            {
                if (set is StoreSet<T> typed)
                {
                    return typed;
                }
            }

            throw new InvalidOperationException($"No store set holds {typeof(T).Name} records.");
        }
    }
}

/// <summary>One entry of <see cref="StoreSets"/>: a set's position, name, and how the store and its builder hold its records.</summary>
internal abstract class StoreSet
{
    private protected StoreSet(int index, string name)
    {
        Index = index;
        Name = name;
    }

    /// <summary>The set's position in <see cref="StoreSets.All"/> (and in <see cref="BorderStore.Tables"/>).</summary>
    public int Index { get; }

    /// <summary>The set's name: the BDQ set and the data file's property, e.g. <c>accords</c>.</summary>
    public string Name { get; }

    /// <summary>The record type.</summary>
    public abstract Type RecordType { get; }

    /// <summary>
    /// Whether the store computes the set's records from other sets (<see cref="BorderStoreBuilder.DeriveComputed"/>):
    /// never read from or written to a file, never copied to a builder (rebuilt instead).
    /// </summary>
    public abstract bool Computed { get; }

    /// <summary>The indexed table of the builder's records (prepared, e.g. disputed statistics marked).</summary>
    public abstract IEntityTable Build(BorderStoreBuilder builder);

    /// <summary>How many records the builder holds for this set.</summary>
    public abstract int Count(BorderStoreBuilder builder);

    /// <summary>
    /// Adds the records of <paramref name="table"/> (this set's table of a store) to the builder's list: every one, or
    /// those of <paramref name="rows"/> in the order given.
    /// </summary>
    public abstract void CopyTo(IEntityTable table, BorderStoreBuilder builder, IEnumerable<int>? rows = null);
}

/// <summary>A <see cref="StoreSet"/> of <typeparamref name="TRecord"/>.</summary>
internal sealed class StoreSet<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TRecord>(
    int index,
    string name,
    Func<BorderStoreBuilder, List<TRecord>> records,
    Func<IReadOnlyList<TRecord>, List<TRecord>>? prepare = null,
    bool computed = false) : StoreSet(index, name)
    where TRecord : class
{
    /// <inheritdoc />
    public override Type RecordType => typeof(TRecord);

    /// <inheritdoc />
    public override bool Computed => computed;

    /// <summary>The builder's list of this set's records.</summary>
    public List<TRecord> Records(BorderStoreBuilder builder) => records(builder);

    /// <summary>This set's table among a store's <paramref name="tables"/>.</summary>
    public EntityTable<TRecord> Table(IReadOnlyList<IEntityTable> tables) => (EntityTable<TRecord>)tables[Index];

    /// <inheritdoc />
    public override IEntityTable Build(BorderStoreBuilder builder)
    {
        var list = records(builder);
        return new EntityTable<TRecord>(QuerySets.For<TRecord>(), prepare is null ? list : prepare(list));
    }

    /// <inheritdoc />
    public override int Count(BorderStoreBuilder builder) => records(builder).Count;

    /// <inheritdoc />
    public override void CopyTo(IEntityTable table, BorderStoreBuilder builder, IEnumerable<int>? rows = null)
    {
        if (computed)
        {
            return; // rebuilt from the sets it is computed from
        }

        var typed = (EntityTable<TRecord>)table;
        var list = records(builder);
        if (rows is null)
        {
            list.AddRange(typed);
            return;
        }

        foreach (var row in rows)
        {
            list.Add(typed[row]);
        }
    }
}
