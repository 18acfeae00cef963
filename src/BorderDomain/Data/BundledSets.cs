using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
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
        new BundledSet<Source, SourceJson>(0, "sources", "source", b => b.Sources, static (DatasetBinder d, ref Utf8JsonReader e, string at) => d.Source(ref e, at), (r, j, at) => r.ToSource(j, at)),
        new BundledSet<Nation, NationJson>(1, "nations", "nation", b => b.Nations, static (DatasetBinder d, ref Utf8JsonReader e, string at) => d.Nation(ref e, at), (r, j, at) => r.ToNation(j, at)),
        new BundledSet<Agency, AgencyJson>(2, "agencies", "agency", b => b.Agencies, static (DatasetBinder d, ref Utf8JsonReader e, string at) => d.Agency(ref e, at), (r, j, at) => r.ToAgency(j, at)),
        new BundledSet<Person, PersonJson>(3, "people", "person", b => b.People, static (DatasetBinder d, ref Utf8JsonReader e, string at) => d.Person(ref e, at), (r, j, at) => r.ToPerson(j, at)),
        new BundledSet<Accord, AccordJson>(4, "accords", "accord", b => b.Accords, static (DatasetBinder d, ref Utf8JsonReader e, string at) => d.Accord(ref e, at), (r, j, at) => r.ToAccord(j, at)),
        new BundledSet<Statistic, StatisticJson>(5, "statistics", "statistic", b => b.Statistics, static (DatasetBinder d, ref Utf8JsonReader e, string at) => d.Statistic(ref e, at), (r, j, at) => r.ToStatistic(j, at), BorderStoreBuilder.MarkDisputed),
        new BundledSet<Event, EventJson>(6, "events", "event", b => b.Events, static (DatasetBinder d, ref Utf8JsonReader e, string at) => d.Event(ref e, at), (r, j, at) => r.ToEvent(j, at)),
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

    /// <summary>
    /// Reads the file's value of this set's property (the reader is on it) record by record, converting each as soon as
    /// it is read; the records and the reader's errors wait in the result until the whole file has been read. Null
    /// (the wrong type reported) when the value is not an array.
    /// </summary>
    public abstract SetRecords? Bind(DatasetBinder binder, ref Utf8JsonReader json, string? file, int maxErrors);
}

/// <summary>The records one file holds for one set, converted, and the errors found converting them, waiting for the file to be read whole.</summary>
internal abstract class SetRecords
{
    /// <summary>The errors found converting the records, their lines not yet found.</summary>
    public abstract DataErrorSink Errors { get; }

    /// <summary>Adds the records to <paramref name="target"/>, each with its origin.</summary>
    public abstract void AddTo(BorderStoreBuilder target, Dictionary<object, RecordOrigin> origins, string? file, FileLines lines);
}

/// <summary>A <see cref="BundledSet"/> of <typeparamref name="TRecord"/>, written in a file as <typeparamref name="TJson"/>.</summary>
internal sealed class BundledSet<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TRecord, TJson>(
    int index,
    string name,
    string noun,
    Func<BorderStoreBuilder, List<TRecord>> records,
    BindRecord<TJson> bind,
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

    private List<TRecord> RecordsOf(BorderStoreBuilder builder) => records(builder);

    /// <inheritdoc />
    public override SetRecords? Bind(DatasetBinder binder, ref Utf8JsonReader json, string? file, int maxErrors)
    {
        var reader = new DatasetReader(file, new DataErrorSink(maxErrors));
        var converted = new Converted(this, reader.Errors);
        return binder.Records(ref json, Path, Noun, bind, (item, index, at) =>
        {
            if (reader.Record(item, Path, index, at) is { } valid)
            {
                // A record with bad values is still added, so that checks across records (keys, references) see its
                // id and report no false dangling references; the load fails anyway.
                converted.Records.Add((read(reader, valid, at!), at!));
            }
        }) ? converted : null;
    }

    private sealed class Converted(BundledSet<TRecord, TJson> set, DataErrorSink errors) : SetRecords
    {
        public List<(TRecord Record, string At)> Records { get; } = [];

        public override DataErrorSink Errors => errors;

        public override void AddTo(BorderStoreBuilder target, Dictionary<object, RecordOrigin> origins, string? file, FileLines lines)
        {
            var list = set.RecordsOf(target);
            list.EnsureCapacity(list.Count + Records.Count);
            foreach (var (record, at) in Records)
            {
                list.Add(record);
                origins[record] = new RecordOrigin(file, at, lines);
            }
        }
    }
}
