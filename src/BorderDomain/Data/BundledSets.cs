using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BorderDomain.Data.Json;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>
/// The sets a <see cref="BorderStore"/> holds and a data file carries, listed once: the store's tables, its builder's
/// copy, the validator, the binder of a file's top-level properties and the reader all walk <see cref="All"/>. Adding
/// a set is one entry here plus its record type (with its JSON shape, binder and reader methods and its typed
/// properties on <see cref="BorderStore"/> and <see cref="BorderStoreBuilder"/>).
/// </summary>
internal static class BundledSets
{
    /// <summary>
    /// Every set, in the store's order (<see cref="BorderStore.Tables"/>): a record is read, checked and reported in
    /// this order, so sources come before what cites them.
    /// </summary>
    public static readonly ImmutableArray<BundledSet> All =
    [
        new BundledSet<Source, SourceJson>(0, "sources", "source", b => b.Sources, (d, e, at) => d.Source(e, at), (r, j, at) => r.ToSource(j, at)),
        new BundledSet<Nation, NationJson>(1, "nations", "nation", b => b.Nations, (d, e, at) => d.Nation(e, at), (r, j, at) => r.ToNation(j, at)),
        new BundledSet<Agency, AgencyJson>(2, "agencies", "agency", b => b.Agencies, (d, e, at) => d.Agency(e, at), (r, j, at) => r.ToAgency(j, at)),
        new BundledSet<Person, PersonJson>(3, "people", "person", b => b.People, (d, e, at) => d.Person(e, at), (r, j, at) => r.ToPerson(j, at)),
        new BundledSet<Accord, AccordJson>(4, "accords", "accord", b => b.Accords, (d, e, at) => d.Accord(e, at), (r, j, at) => r.ToAccord(j, at)),
        new BundledSet<Statistic, StatisticJson>(5, "statistics", "statistic", b => b.Statistics, (d, e, at) => d.Statistic(e, at), (r, j, at) => r.ToStatistic(j, at), BorderStoreBuilder.MarkDisputed),
        new BundledSet<Event, EventJson>(6, "events", "event", b => b.Events, (d, e, at) => d.Event(e, at), (r, j, at) => r.ToEvent(j, at)),
    ];

    /// <summary>The set a data file's top-level property <paramref name="name"/> holds, or null.</summary>
    public static BundledSet? Find(string name)
    {
        foreach (var set in All)
        {
            if (set.Name == name)
            {
                return set;
            }
        }

        return null;
    }
}

/// <summary>One entry of <see cref="BundledSets"/>: a set's names and what each stage does with its records.</summary>
internal abstract class BundledSet
{
    private protected BundledSet(int index, string name, string noun)
    {
        Index = index;
        Name = name;
        Noun = noun;
        Path = "$." + name;
    }

    /// <summary>The set's position in <see cref="BundledSets.All"/> (and in <see cref="BorderStore.Tables"/>).</summary>
    public int Index { get; }

    /// <summary>The set's name: the BDQ set and the data file's property, e.g. <c>accords</c>.</summary>
    public string Name { get; }

    /// <summary>One record of it, in messages: <c>accord</c>.</summary>
    public string Noun { get; }

    /// <summary>The JSON path of its array in a data file: <c>$.accords</c>.</summary>
    public string Path { get; }

    /// <summary>The record type.</summary>
    public abstract Type RecordType { get; }

    /// <summary>The indexed table of the builder's records (prepared, e.g. disputed statistics marked).</summary>
    public abstract IEntityTable Build(BorderStoreBuilder builder);

    /// <summary>Adds the records of <paramref name="table"/> (this set's table of a store) to the builder's list.</summary>
    public abstract void CopyTo(IEntityTable table, BorderStoreBuilder builder);

    /// <summary>The builder's records as the validator reads them.</summary>
    public abstract DatasetValidator.ISet ToValidate(BorderStoreBuilder builder);

    /// <summary>The records of the file's array <paramref name="value"/> as written, or null (reported) when it is not one.</summary>
    public abstract object? Bind(DatasetBinder binder, JsonElement value);

    /// <summary>Converts the bound records (<see cref="Bind"/>'s result) and adds them to <paramref name="target"/>.</summary>
    public abstract void Read(DatasetReader reader, object? bound, BorderStoreBuilder target);
}

/// <summary>A <see cref="BundledSet"/> of <typeparamref name="TRecord"/>, written in a file as <typeparamref name="TJson"/>.</summary>
internal sealed class BundledSet<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TRecord, TJson>(
    int index,
    string name,
    string noun,
    Func<BorderStoreBuilder, List<TRecord>> records,
    Func<DatasetBinder, JsonElement, string, TJson> bind,
    Func<DatasetReader, TJson, string, TRecord> read,
    Func<IReadOnlyList<TRecord>, List<TRecord>>? prepare = null) : BundledSet(index, name, noun)
    where TRecord : class
    where TJson : JsonRecord, new()
{
    /// <inheritdoc />
    public override Type RecordType => typeof(TRecord);

    /// <inheritdoc />
    public override IEntityTable Build(BorderStoreBuilder builder)
    {
        var list = records(builder);
        return new EntityTable<TRecord>(QuerySets.For<TRecord>(), prepare is null ? list : prepare(list));
    }

    /// <inheritdoc />
    public override void CopyTo(IEntityTable table, BorderStoreBuilder builder) => records(builder).AddRange((EntityTable<TRecord>)table);

    /// <inheritdoc />
    public override DatasetValidator.ISet ToValidate(BorderStoreBuilder builder) => new DatasetValidator.ListSet<TRecord>(QuerySets.For<TRecord>(), records(builder));

    /// <inheritdoc />
    public override object? Bind(DatasetBinder binder, JsonElement value) => binder.Records(value, Path, Noun, (element, at) => bind(binder, element, at));

    /// <inheritdoc />
    public override void Read(DatasetReader reader, object? bound, BorderStoreBuilder target) =>
        reader.Each((List<TJson?>?)bound, Path, (json, at) => read(reader, json, at), records(target));
}
