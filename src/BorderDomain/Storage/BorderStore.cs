using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Schema;

namespace BorderDomain.Storage;

/// <summary>
/// An immutable snapshot of nations, agencies, accords, statistics, sources, people, events, organizations, places and
/// statements (and the participants and affiliations computed from events and people), each set an
/// indexed <see cref="EntityTable{T}"/>. Readers never lock; <see cref="ToBuilder"/> and
/// <see cref="Data.BorderDataset"/> produce the next snapshot and leave this one as it was.
/// </summary>
public sealed class BorderStore : IQueryStore
{
    private static readonly Lazy<BorderStore> DefaultStore = new(() => DataHooks.Required(DataHooks.LoadBundled, nameof(DataHooks.LoadBundled))());

    private readonly IEntityTable[] _tables;

    /// <summary>A store of <paramref name="tables"/>, one per <see cref="StoreSets.All"/> entry and in its order.</summary>
    internal BorderStore(IEntityTable[] tables)
    {
        _tables = tables;
        Sources = StoreSets.Of<Source>().Table(_tables);
        Nations = StoreSets.Of<Nation>().Table(_tables);
        Agencies = StoreSets.Of<Agency>().Table(_tables);
        People = StoreSets.Of<Person>().Table(_tables);
        Accords = StoreSets.Of<Accord>().Table(_tables);
        Statistics = StoreSets.Of<Statistic>().Table(_tables);
        Events = StoreSets.Of<Event>().Table(_tables);
        Organizations = StoreSets.Of<Organization>().Table(_tables);
        Places = StoreSets.Of<Place>().Table(_tables);
        Statements = StoreSets.Of<Statement>().Table(_tables);
        Participants = StoreSets.Of<Participation>().Table(_tables);
        Affiliations = StoreSets.Of<Affiliation>().Table(_tables);
        Tables = Array.AsReadOnly(_tables);
        Schema = SchemaInterner.Intern(new QuerySchema(Tables.Select(table => table.Schema).ToImmutableArray()));
    }

    /// <summary>The bundled dataset, built from the source articles, loaded on first use.</summary>
    public static BorderStore Default => DefaultStore.Value;

    /// <summary>A store with no records.</summary>
    public static BorderStore Empty { get; } = new BorderStoreBuilder().Build();

    /// <summary>The sources every fact cites.</summary>
    public EntityTable<Source> Sources { get; }

    /// <summary>The nations.</summary>
    public EntityTable<Nation> Nations { get; }

    /// <summary>The agencies.</summary>
    public EntityTable<Agency> Agencies { get; }

    /// <summary>The people.</summary>
    public EntityTable<Person> People { get; }

    /// <summary>The accords.</summary>
    public EntityTable<Accord> Accords { get; }

    /// <summary>The statistics.</summary>
    public EntityTable<Statistic> Statistics { get; }

    /// <summary>The events.</summary>
    public EntityTable<Event> Events { get; }

    /// <summary>The organizations: armed and criminal groups, international bodies, universities, civil-society groups.</summary>
    public EntityTable<Organization> Organizations { get; }

    /// <summary>The places.</summary>
    public EntityTable<Place> Places { get; }

    /// <summary>The statements.</summary>
    public EntityTable<Statement> Statements { get; }

    /// <summary>The events' participants with their roles, computed from <see cref="Event.Participants"/>.</summary>
    public EntityTable<Participation> Participants { get; }

    /// <summary>The people's roles, computed from <see cref="Person.Roles"/>.</summary>
    public EntityTable<Affiliation> Affiliations { get; }

    /// <summary>
    /// Every table, in a fixed order (sources, nations, agencies, people, accords, statistics, events, organizations,
    /// places, statements, and the computed participants and affiliations).
    /// </summary>
    public IReadOnlyList<IEntityTable> Tables { get; }

    /// <inheritdoc />
    public QuerySchema Schema { get; }

    /// <inheritdoc />
    public IEntityTable? GetTable(string set)
    {
        // An index loop over the array: no enumerator is allocated, so generated counts allocate nothing.
        foreach (var table in _tables)
        {
            if (string.Equals(table.Schema.Name, set, StringComparison.OrdinalIgnoreCase))
            {
                return table;
            }
        }

        return null;
    }

    /// <summary>A builder holding this snapshot's records, to add to and build the next snapshot from.</summary>
    public BorderStoreBuilder ToBuilder()
    {
        var builder = new BorderStoreBuilder();
        foreach (var set in StoreSets.All)
        {
            set.CopyTo(_tables[set.Index], builder);
        }

        return builder;
    }
}
