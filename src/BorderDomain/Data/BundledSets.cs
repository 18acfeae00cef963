using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>
/// What a data file carries for each of the store's sets (<see cref="StoreSets"/>), one entry per store set and in its
/// order: the binder of a file's top-level properties, the reader, the validator and the writer walk <see cref="All"/>.
/// Adding a set is one entry in <see cref="StoreSets"/> and one here, plus its record type's JSON shape and its binder,
/// reader and writer methods.
/// </summary>
internal static class BundledSets
{
    /// <summary>
    /// Every set, in the store's order (<see cref="StoreSets.All"/>, <see cref="BorderStore.Tables"/>): a record is read,
    /// checked and reported in this order, so sources come before what cites them.
    /// </summary>
    public static readonly ImmutableArray<BundledSet> All =
    [
        new BundledSet<Source, SourceJson>("source", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Source(ref e, at), (r, j, at) => r.ToSource(j, at), DatasetWriter.WriteSource),
        new BundledSet<Nation, NationJson>("nation", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Nation(ref e, at), (r, j, at) => r.ToNation(j, at), DatasetWriter.WriteNation),
        new BundledSet<Agency, AgencyJson>("agency", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Agency(ref e, at), (r, j, at) => r.ToAgency(j, at), DatasetWriter.WriteAgency),
        new BundledSet<Person, PersonJson>("person", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Person(ref e, at), (r, j, at) => r.ToPerson(j, at), DatasetWriter.WritePerson),
        new BundledSet<Accord, AccordJson>("accord", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Accord(ref e, at), (r, j, at) => r.ToAccord(j, at), DatasetWriter.WriteAccord),
        new BundledSet<Statistic, StatisticJson>("statistic", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Statistic(ref e, at), (r, j, at) => r.ToStatistic(j, at), DatasetWriter.WriteStatistic),
        new BundledSet<Event, EventJson>("event", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Event(ref e, at), (r, j, at) => r.ToEvent(j, at), DatasetWriter.WriteEvent),
        new BundledSet<Organization, OrganizationJson>("organization", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Organization(ref e, at), (r, j, at) => r.ToOrganization(j, at), DatasetWriter.WriteOrganization),
        new BundledSet<Place, PlaceJson>("place", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Place(ref e, at), (r, j, at) => r.ToPlace(j, at), DatasetWriter.WritePlace),
        new BundledSet<Statement, StatementJson>("statement", static (DatasetBinder d, ref Utf8JsonReader e, JsonPath at) => d.Statement(ref e, at), (r, j, at) => r.ToStatement(j, at), DatasetWriter.WriteStatement),
        new ComputedSet<Participation>("participant", "events' participants", ["event", "sources"]),
        new ComputedSet<Affiliation>("affiliation", "people's roles", ["person", "sources"]),
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

/// <summary>One entry of <see cref="BundledSets"/>: a store set's entry (<see cref="StoreSet"/>) and what reading and checking its records from a file takes.</summary>
internal abstract class BundledSet
{
    private protected BundledSet(StoreSet store, string noun)
    {
        Store = store;
        Noun = noun;
        Path = "$." + store.Name;
    }

    /// <summary>The store's entry for the same set.</summary>
    public StoreSet Store { get; }

    /// <summary>The set's position in <see cref="BundledSets.All"/> (and in <see cref="StoreSets.All"/> and <see cref="BorderStore.Tables"/>).</summary>
    public int Index => Store.Index;

    /// <summary>The set's name: the BDQ set and the data file's property, e.g. <c>accords</c>.</summary>
    public string Name => Store.Name;

    /// <summary>One record of it, in messages: <c>accord</c>.</summary>
    public string Noun { get; }

    /// <summary>The JSON path of its array in a data file: <c>$.accords</c>.</summary>
    public string Path { get; }

    /// <summary>For a computed set (<see cref="StoreSet.Computed"/>), what it is computed from, in messages: <c>events' participants</c>.</summary>
    public virtual string? ComputedFrom => null;

    /// <summary>
    /// Whether the validator checks the references of <paramref name="field"/>: not for a computed set's fields that
    /// copy its parent record's (the event's id and sources), which are checked on the parent.
    /// </summary>
    public virtual bool ChecksReferences(string field) => true;

    /// <summary>The builder's records as the validator reads them.</summary>
    public abstract DatasetValidator.ISet ToValidate(BorderStoreBuilder builder);

    /// <summary>
    /// Reads the file's value of this set's property (the reader is on it) record by record, converting each as soon as
    /// it is read; the records and the reader's errors wait in the result until the whole file has been read. Null
    /// (the wrong type reported) when the value is not an array.
    /// </summary>
    public abstract SetRecords? Bind(DatasetBinder binder, ref Utf8JsonReader json, string? file, int maxErrors);

    /// <summary>Writes the builder's records of this set as this set's property of a data file; nothing when it has none.</summary>
    public abstract void Write(Utf8JsonWriter json, BorderStoreBuilder records);
}

/// <summary>The records one file holds for one set, converted, and the errors found converting them, waiting for the file to be read whole.</summary>
internal abstract class SetRecords
{
    /// <summary>The errors found converting the records, their lines not yet found.</summary>
    public abstract DataErrorSink Errors { get; }

    /// <summary>Adds the records to <paramref name="target"/>, and where they came from to <paramref name="origins"/>.</summary>
    public abstract void AddTo(BorderStoreBuilder target, RecordOrigins origins, string? file, FileLines lines);
}

/// <summary>A <see cref="BundledSet"/> of <typeparamref name="TRecord"/>, written in a file as <typeparamref name="TJson"/>.</summary>
internal sealed class BundledSet<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TRecord, TJson>(
    string noun,
    BindRecord<TJson> bind,
    Func<DatasetReader, TJson, JsonPath, TRecord> read,
    Action<Utf8JsonWriter, TRecord> write) : BundledSet(StoreSets.Of<TRecord>(), noun)
    where TRecord : class
    where TJson : JsonRecord, new()
{
    /// <inheritdoc />
    public override DatasetValidator.ISet ToValidate(BorderStoreBuilder builder) => new DatasetValidator.ListSet<TRecord>(QuerySets.For<TRecord>(), RecordsOf(builder));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter json, BorderStoreBuilder records) => DatasetWriter.Set(json, Name, RecordsOf(records), write);

    private List<TRecord> RecordsOf(BorderStoreBuilder builder) => StoreSets.Of<TRecord>().Records(builder);

    /// <inheritdoc />
    public override SetRecords? Bind(DatasetBinder binder, ref Utf8JsonReader json, string? file, int maxErrors)
    {
        var reader = new DatasetReader(file, new DataErrorSink(maxErrors), binder.Arrays);
        var converted = new Converted(this, reader.Errors);
        return binder.Records(ref json, Path, Noun, bind, (item, index, at) =>
        {
            if (reader.Record(item, Path, index, at) is { } valid)
            {
                // A record with bad values is still added, so that checks across records (keys, references) see its
                // id and report no false dangling references; the load fails anyway.
                converted.Add(read(reader, valid, at), index);
            }
        }) ? converted : null;
    }

    private sealed class Converted(BundledSet<TRecord, TJson> set, DataErrorSink errors) : SetRecords
    {
        private readonly List<TRecord> _records = [];
        private List<int>? _indexes; // each record's element in the file's array, once an element was skipped

        public override DataErrorSink Errors => errors;

        /// <summary>Adds the record read from element <paramref name="index"/> of the file's array.</summary>
        public void Add(TRecord record, int index)
        {
            if (_indexes is null && index != _records.Count)
            {
                _indexes = new List<int>(_records.Count + 1);
                for (var k = 0; k < _records.Count; k++)
                {
                    _indexes.Add(k);
                }
            }

            _indexes?.Add(index);
            _records.Add(record);
        }

        public override void AddTo(BorderStoreBuilder target, RecordOrigins origins, string? file, FileLines lines)
        {
            var list = set.RecordsOf(target);
            var start = list.Count;
            list.AddRange(_records);
            origins.AddRun(list, start, _records.Count, file, set.Path, _indexes?.ToArray(), lines);
        }
    }
}

/// <summary>
/// A <see cref="BundledSet"/> the store computes (<see cref="StoreSet.Computed"/>): never read from a file (its
/// property is rejected) nor written; its rows are checked like any set's, with the origins of the records they come
/// from.
/// </summary>
internal sealed class ComputedSet<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TRecord>(
    string noun,
    string from,
    ImmutableArray<string> copied) : BundledSet(StoreSets.Of<TRecord>(), noun)
    where TRecord : class
{
    /// <inheritdoc />
    public override string? ComputedFrom => from;

    /// <inheritdoc />
    public override bool ChecksReferences(string field) => !copied.Contains(field, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override DatasetValidator.ISet ToValidate(BorderStoreBuilder builder) => new DatasetValidator.ListSet<TRecord>(QuerySets.For<TRecord>(), StoreSets.Of<TRecord>().Records(builder));

    /// <inheritdoc />
    public override SetRecords? Bind(DatasetBinder binder, ref Utf8JsonReader json, string? file, int maxErrors) => null;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter json, BorderStoreBuilder records)
    {
        // Computed: rebuilt from the events and people when the file is loaded.
    }
}
