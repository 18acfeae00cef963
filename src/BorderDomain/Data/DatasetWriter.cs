using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>
/// Writes records as a data file in the bundled dataset's JSON schema, indented like it, so that
/// <see cref="BorderDataset"/> loads it back: <c>borderq --format data</c> writes a query's records with it, and the load
/// benchmarks their synthetic dataset. Only the sets that have records are written; a record's optional fields that are
/// empty are left out, as in the bundled file.
/// </summary>
internal static class DatasetWriter
{
    /// <summary>The UTF-8 bytes of a data file holding <paramref name="store"/>'s records, set by set.</summary>
    public static byte[] Write(BorderStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Write(store.ToBuilder());
    }

    /// <summary>
    /// The UTF-8 bytes of a data file holding the builder's records, set by set (in <see cref="BundledSets.All"/>'s order)
    /// and in each set in the order of its list. The records are not checked: a file of inconsistent records is written as
    /// it is (and its load reports the problems).
    /// </summary>
    public static byte[] Write(BorderStoreBuilder records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var set in BundledSets.All)
            {
                set.Write(json, records);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The properties of one source record (<c>$.sources[i]</c>).</summary>
    internal static void WriteSource(Utf8JsonWriter w, Source s)
    {
        w.WriteString("id", s.Id);
        Optional(w, "publisher", s.Publisher);
        Optional(w, "dateline", s.Dateline);
        Optional(w, "title", s.Title);
        Optional(w, "published", s.Published?.ToString());
        Optional(w, "author", s.Author);
        w.WriteString("kind", s.Kind.ToString());
        Optional(w, "url", s.Url);
        if (!s.Relays.IsDefaultOrEmpty)
        {
            Strings(w, "relays", s.Relays, id => id);
        }

        Optional(w, "note", s.Note);
    }

    /// <summary>The properties of one nation record (<c>$.nations[i]</c>).</summary>
    internal static void WriteNation(Utf8JsonWriter w, Nation n)
    {
        w.WriteString("code", n.Code.Alpha3);
        w.WriteString("name", n.Name);
        w.WriteString("region", n.Region);
        Strings(w, "neighbours", n.Neighbours, c => c.Alpha3);
        Strings(w, "sources", n.Sources, s => s);
    }

    /// <summary>The properties of one agency record (<c>$.agencies[i]</c>).</summary>
    internal static void WriteAgency(Utf8JsonWriter w, Agency a)
    {
        w.WriteString("id", a.Id);
        w.WriteString("name", a.Name);
        Optional(w, "officialName", a.OfficialName);
        Optional(w, "acronym", a.Acronym);
        w.WriteString("nation", a.Nation.Alpha3);
        w.WriteString("kind", a.Kind.ToString());
        Optional(w, "parent", a.Parent);
        Strings(w, "sources", a.Sources, s => s);
    }

    /// <summary>The properties of one person record (<c>$.people[i]</c>).</summary>
    internal static void WritePerson(Utf8JsonWriter w, Person p)
    {
        w.WriteString("id", p.Id);
        Optional(w, "name", p.Name);
        if (!p.Aliases.IsDefaultOrEmpty)
        {
            Strings(w, "aliases", p.Aliases, a => a);
        }

        Optional(w, "nation", p.Nation?.Alpha3);
        Optional(w, "title", p.Title);
        w.WriteStartArray("roles");
        foreach (var role in p.Roles)
        {
            w.WriteStartObject();
            w.WriteString("title", role.Title);
            Optional(w, "agency", role.Agency);
            Optional(w, "organization", role.Organization);
            Dated(w, "from", role.From, role.FromBasis);
            Dated(w, "to", role.To, role.ToBasis);
            Optional(w, "predecessor", role.Predecessor);
            Optional(w, "note", role.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "sources", p.Sources, s => s);
        Optional(w, "note", p.Note);
    }

    /// <summary>The properties of one accord record (<c>$.accords[i]</c>).</summary>
    internal static void WriteAccord(Utf8JsonWriter w, Accord a)
    {
        w.WriteString("id", a.Id);
        w.WriteString("title", a.Title);
        w.WriteString("kind", a.Kind.ToString());
        Strings(w, "parties", a.Parties, c => c.Alpha3);
        Strings(w, "signatories", a.Signatories, s => s);
        Some(w, "agreedBy", a.AgreedBy);
        Some(w, "approvedBy", a.ApprovedBy);
        Some(w, "people", a.People);
        Dated(w, "signed", a.Signed, a.SignedBasis);
        Dated(w, "agreed", a.Agreed, a.AgreedBasis);
        Dated(w, "plannedFor", a.PlannedFor, a.PlannedForBasis);
        Optional(w, "place", a.Place);
        Some(w, "targets", a.Targets);
        Strings(w, "topics", a.Topics, t => t.ToString());
        w.WriteString("status", a.Status.ToString());
        Strings(w, "buildsOn", a.BuildsOn, s => s);
        Strings(w, "sources", a.Sources, s => s);
        Optional(w, "note", a.Note);
    }

    /// <summary>The properties of one statistic record (<c>$.statistics[i]</c>).</summary>
    internal static void WriteStatistic(Utf8JsonWriter w, Statistic s)
    {
        w.WriteString("id", s.Id);
        w.WriteString("metric", s.Metric.ToString());
        Strings(w, "nations", s.Nations, c => c.Alpha3);
        Optional(w, "agency", s.Agency);
        Some(w, "organizations", s.Organizations);
        Optional(w, "reportedBy", s.ReportedBy);
        Optional(w, "place", s.Place);
        w.WriteNumber("value", s.Value);
        if (s.ValueTo is { } valueTo)
        {
            w.WriteNumber("valueTo", valueTo);
        }

        if (s.ValueBasis != ValueBasis.Exact)
        {
            w.WriteString("valueBasis", s.ValueBasis.ToString());
        }

        Optional(w, "per", s.Per?.ToString());
        Optional(w, "equivalentTo", s.EquivalentTo);
        w.WriteString("unit", s.Unit.Code);
        Dated(w, "period", s.Period, s.PeriodBasis);
        w.WriteString("source", s.Source);
        Optional(w, "note", s.Note);
    }

    /// <summary>The properties of one event record (<c>$.events[i]</c>).</summary>
    internal static void WriteEvent(Utf8JsonWriter w, Event e)
    {
        w.WriteString("id", e.Id);
        w.WriteString("kind", e.Kind.ToString());
        w.WriteString("title", e.Title);
        if (e.Status != EventStatus.Held)
        {
            w.WriteString("status", e.Status.ToString());
        }

        Dated(w, "date", e.Date, e.DateBasis);
        Optional(w, "place", e.Place);
        Some(w, "sites", e.Sites);
        Optional(w, "partOf", e.PartOf);
        Strings(w, "nations", e.Nations, c => c.Alpha3);
        if (!e.Participants.IsDefaultOrEmpty)
        {
            w.WriteStartArray("participants");
            foreach (var p in e.Participants)
            {
                w.WriteStartObject();
                Optional(w, "agency", p.Agency);
                Optional(w, "person", p.Person);
                Optional(w, "organization", p.Organization);
                w.WriteString("role", p.Role.ToString());
                Optional(w, "note", p.Note);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Strings(w, "agencies", e.Agencies, s => s);
        Strings(w, "people", e.People, s => s);
        Some(w, "organizations", e.Organizations);
        Strings(w, "accords", e.Accords, s => s);
        Some(w, "outcomes", e.Outcomes);
        Strings(w, "topics", e.Topics, t => t.ToString());
        Strings(w, "sources", e.Sources, s => s);
        Optional(w, "note", e.Note);
    }

    /// <summary>The properties of one organization record (<c>$.organizations[i]</c>).</summary>
    internal static void WriteOrganization(Utf8JsonWriter w, Organization o)
    {
        w.WriteString("id", o.Id);
        w.WriteString("name", o.Name);
        Optional(w, "acronym", o.Acronym);
        Some(w, "aliases", o.Aliases);
        w.WriteString("kind", o.Kind.ToString());
        Optional(w, "baseNation", o.BaseNation?.Alpha3);
        Strings(w, "operatesIn", o.OperatesIn, c => c.Alpha3);
        Strings(w, "members", o.Members, c => c.Alpha3);
        Some(w, "leaders", o.Leaders);
        Optional(w, "worksFor", o.WorksFor);
        Strings(w, "sources", o.Sources, s => s);
        Optional(w, "note", o.Note);
    }

    /// <summary>The properties of one place record (<c>$.places[i]</c>).</summary>
    internal static void WritePlace(Utf8JsonWriter w, Place p)
    {
        w.WriteString("id", p.Id);
        w.WriteString("name", p.Name);
        w.WriteString("kind", p.Kind.ToString());
        Optional(w, "nation", p.Nation?.Alpha3);
        if (!p.Borders.IsDefaultOrEmpty)
        {
            Strings(w, "borders", p.Borders, c => c.Alpha3);
        }

        Optional(w, "within", p.Within);
        Strings(w, "sources", p.Sources, s => s);
        Optional(w, "note", p.Note);
    }

    /// <summary>The properties of one statement record (<c>$.statements[i]</c>).</summary>
    internal static void WriteStatement(Utf8JsonWriter w, Statement s)
    {
        w.WriteString("id", s.Id);
        Optional(w, "speaker", s.Speaker);
        Optional(w, "speakerAgency", s.SpeakerAgency);
        Optional(w, "speakerOrganization", s.SpeakerOrganization);
        if (!s.SpeakerNations.IsDefaultOrEmpty)
        {
            Strings(w, "speakerNations", s.SpeakerNations, c => c.Alpha3);
        }

        Dated(w, "date", s.Date, s.DateBasis);
        Strings(w, "topics", s.Topics, t => t.ToString());
        w.WriteString("summary", s.Summary);
        Optional(w, "event", s.Event);
        Some(w, "accords", s.Accords);
        w.WriteString("source", s.Source);
        Optional(w, "note", s.Note);
    }

    /// <summary>
    /// <paramref name="records"/> of <paramref name="set"/> (records of <paramref name="from"/>) and every record of
    /// <paramref name="from"/> they reference, directly or through other records, so that the file written of them
    /// loads on its own: the loader rejects a reference to a key the file (and what it loads on top of) does not hold.
    /// References are every <see cref="Schema.ReferencesAttribute"/> field of the schema (nations of parties, an agency's
    /// parent, sources …) and a person's role agencies; a reference <paramref name="from"/> cannot resolve is left as
    /// it is (the loader will report it, as it would have for <paramref name="from"/>).
    /// </summary>
    public static BorderStore WithReferences(BorderStore from, string set, IEnumerable<object> records)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(records);
        var kept = new Dictionary<string, SortedSet<int>>(StringComparer.OrdinalIgnoreCase);
        var work = new Queue<(IEntityTable Table, int Row)>();

        void Keep(IEntityTable table, int row)
        {
            if (!kept.TryGetValue(table.Schema.Name, out var rows))
            {
                kept[table.Schema.Name] = rows = [];
            }

            if (rows.Add(row))
            {
                work.Enqueue((table, row));
            }
        }

        void KeepKey(string target, object? value)
        {
            if (from.GetTable(target) is { } table && RecordKey.Text(value) is { Length: > 0 } key && table.TryGetRow(key, out var row))
            {
                Keep(table, row);
            }
        }

        var start = from.GetTable(set) ?? throw new ArgumentException($"The store has no set '{set}'.", nameof(set));
        var rowsOf = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (var row = 0; row < start.Count; row++)
        {
            rowsOf[start.GetRecord(row)] = row;
        }

        foreach (var record in records)
        {
            if (rowsOf.TryGetValue(record, out var row))
            {
                Keep(start, row);
            }
        }

        while (work.Count > 0)
        {
            var (table, row) = work.Dequeue();
            var fields = table.Schema.Fields;
            for (var field = 0; field < fields.Count; field++)
            {
                if (fields[field].References is not { } target)
                {
                    continue;
                }

                var value = table.GetValue(row, field);
                if (fields[field].IsCollection && value is System.Collections.IEnumerable many and not string)
                {
                    foreach (var each in many)
                    {
                        KeepKey(target, each);
                    }
                }
                else
                {
                    KeepKey(target, value);
                }
            }

            // Roles and participants are nested records, not query fields; the loader checks their references all the same.
            if (table.GetRecord(row) is Person person)
            {
                foreach (var role in person.Roles)
                {
                    KeepKey("agencies", role.Agency);
                    KeepKey("organizations", role.Organization);
                    KeepKey("people", role.Predecessor);
                }
            }
            else if (table.GetRecord(row) is Event e)
            {
                foreach (var participant in e.Participants)
                {
                    KeepKey("agencies", participant.Agency);
                    KeepKey("people", participant.Person);
                    KeepKey("organizations", participant.Organization);
                }
            }
        }

        var builder = new BorderStoreBuilder();
        foreach (var entry in StoreSets.All)
        {
            // The kept rows of each table, in the table's order.
            if (kept.TryGetValue(entry.Name, out var rows))
            {
                entry.CopyTo(from.Tables[entry.Index], builder, rows);
            }
        }

        return builder.Build();
    }

    /// <summary>The array <paramref name="name"/> of <paramref name="records"/>, each written by <paramref name="write"/>; nothing when there are none.</summary>
    internal static void Set<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> records, Action<Utf8JsonWriter, T> write)
    {
        if (records.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var record in records)
        {
            json.WriteStartObject();
            write(json, record);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>A date field and its basis (left out when there is no date; the basis when there is one).</summary>
    private static void Dated(Utf8JsonWriter json, string name, Period? value, DateBasis? basis)
    {
        if (value is not { } period)
        {
            return;
        }

        json.WriteString(name, period.ToString());
        if (basis is { } known)
        {
            json.WriteString(name + "Basis", known.ToString());
        }
    }

    /// <summary>A list of ids, left out when empty (the fields added for issue 15, so older files stay as they were written).</summary>
    private static void Some(Utf8JsonWriter json, string name, ImmutableArray<string> values)
    {
        if (!values.IsDefaultOrEmpty)
        {
            Strings(json, name, values, s => s);
        }
    }

    private static void Strings<T>(Utf8JsonWriter json, string name, IEnumerable<T> values, Func<T, string> text)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(text(value));
        }

        json.WriteEndArray();
    }
}
