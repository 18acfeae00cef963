using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace BorderDomain.Data;

/// <summary>Binds the record object the reader is on, read to its end; <paramref name="at"/> is its JSON path.</summary>
internal delegate T BindRecord<out T>(DatasetBinder binder, ref Utf8JsonReader json, JsonPath at);

/// <summary>Takes one element of an array of records: the bound record (null for a JSON null), its index, and its path.</summary>
internal delegate void TakeRecord<in T>(T? record, int index, JsonPath at);

/// <summary>
/// Reads a data file in one forward pass (<see cref="Utf8JsonReader"/>, no document tree) into records, one record
/// object at a time. Errors in the text itself (a property written twice, a lone surrogate escape) are reported as
/// they are met, with their line; a value of the wrong JSON type is an error in the file's own words
/// (<c>Expected an array of accord records, found a string.</c>) with its path, held back until the file has been
/// read whole (a malformed file reports only its text errors, up to where it breaks), and reading goes on, so one
/// pass reports every such value.
/// </summary>
internal sealed class DatasetBinder
{
    /// <summary>
    /// Stands for a string that could not be read (of the wrong type, or holding a lone surrogate) and was reported
    /// already, so that the reader reports nothing more about it. Compared by reference.
    /// </summary>
    public static readonly string Reported = new('\uFFFD', 1);

    private static readonly JsonNames TopLevel = new([.. System.Linq.Enumerable.Select(BundledSets.All, set => set.Name)]);
    private static readonly JsonNames SourceNames = new("id", "publisher", "dateline", "title", "published", "author", "kind", "url", "relays", "note");
    private static readonly JsonNames NationNames = new("code", "name", "region", "neighbours", "sources");
    private static readonly JsonNames AgencyNames = new("id", "name", "officialName", "acronym", "nation", "kind", "parent", "sources");
    private static readonly JsonNames RoleNames = new("title", "agency", "organization", "from", "fromBasis", "to", "toBasis", "predecessor", "note");
    private static readonly JsonNames PersonNames = new("id", "name", "aliases", "nation", "title", "roles", "sources", "note");
    private static readonly JsonNames AccordNames = new(
        "id", "title", "kind", "parties", "signatories", "agreedBy", "approvedBy", "people", "signed", "signedBasis", "agreed", "agreedBasis",
        "plannedFor", "plannedForBasis", "place", "targets", "topics", "status", "buildsOn", "sources", "note");
    private static readonly JsonNames StatisticNames = new(
        "id", "metric", "nations", "agency", "organizations", "reportedBy", "place", "value", "valueTo", "valueBasis", "per", "equivalentTo",
        "unit", "period", "periodBasis", "source", "note");
    private static readonly JsonNames ParticipantNames = new("agency", "person", "organization", "role", "note");
    private static readonly JsonNames EventNames = new(
        "id", "kind", "title", "status", "date", "dateBasis", "place", "sites", "partOf", "nations", "participants", "agencies", "people",
        "organizations", "accords", "outcomes", "topics", "sources", "note");
    private static readonly JsonNames OrganizationNames = new("id", "name", "acronym", "aliases", "kind", "baseNation", "operatesIn", "members", "leaders", "worksFor", "sources", "note");
    private static readonly JsonNames PlaceNames = new("id", "name", "kind", "nation", "borders", "within", "sources", "note");
    private static readonly JsonNames StatementNames = new(
        "id", "speaker", "speakerAgency", "speakerOrganization", "speakerNations", "date", "dateBasis", "topics", "summary", "event", "accords", "source", "note");

    private readonly string? _file;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly DataErrorSink _errors;
    private readonly List<string?> _scratch = []; // the arrays of strings of the record being read (JsonStrings)
    private readonly StringCache _strings = new();
    // One record of each set's type, read into again for each record of the set: a record is converted as soon as it
    // is read (Records hands it over before reading the next), so only one of each type lives at a time.
    private SourceJson? _source;
    private NationJson? _nation;
    private AgencyJson? _agency;
    private PersonJson? _person;
    private AccordJson? _accord;
    private StatisticJson? _statistic;
    private EventJson? _event;
    private OrganizationJson? _organization;
    private PlaceJson? _place;
    private StatementJson? _statement;
    private int _recordsDepth; // how many Records calls are running: 1 while reading a set's records
    private int _line = 1;
    private int _lineCounted;

    private DatasetBinder(string? file, ReadOnlyMemory<byte> utf8, DataErrorSink errors, int maxErrors)
    {
        _file = file;
        _utf8 = utf8;
        _errors = errors;
        WrongTypes = new DataErrorSink(maxErrors);
    }

    /// <summary>Values of the wrong JSON type, held back until the whole file has been read; their lines are found then.</summary>
    public DataErrorSink WrongTypes { get; }

    /// <summary>The file's short arrays, shared by the readers of its sets: one array per distinct collection value.</summary>
    public SharedArrays Arrays { get; } = new();

    /// <summary>
    /// Reads the file: the document's records (each set's converted by a reader of its own, with its errors held back),
    /// or null when the document is not an object. Text errors go to <paramref name="errors"/> as they are met.
    /// </summary>
    /// <exception cref="JsonException">The text is not well-formed JSON.</exception>
    public static (DatasetDocument? Document, DataErrorSink WrongTypes) Bind(ReadOnlyMemory<byte> utf8, JsonReaderOptions options, string? file, DataErrorSink errors, int maxErrors)
    {
        var binder = new DatasetBinder(file, utf8, errors, maxErrors);
        var json = new Utf8JsonReader(utf8.Span, options);
        json.Read();
        binder.CheckText(ref json, "$");
        DatasetDocument? document = null;
        if (json.TokenType != JsonTokenType.StartObject)
        {
            binder.WrongType("$", null, -1, DataMessages.AnObject, Kind(ref json));
            binder.Walk(ref json, "$");
        }
        else
        {
            document = new DatasetDocument();
            var seen = default(NameSet);
            while (binder.NextProperty(ref json, "$", TopLevel, ref seen, out var name, out var field))
            {
                if (field >= 0 && !BundledSets.All[field].Store.Computed)
                {
                    document.Sets[field] = BundledSets.All[field].Bind(binder, ref json, file, maxErrors);
                }
                else
                {
                    binder.Unknown(ref json, document, "$", name);
                }
            }
        }

        // Past the root value there may be only whitespace and comments; anything else throws here.
        while (json.Read())
        {
        }

        return (document, binder.WrongTypes);
    }

    internal SourceJson Source(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _source ??= new SourceJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, SourceNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "publisher": record.Publisher = String(ref json, at, name); break;
                case "dateline": record.Dateline = String(ref json, at, name); break;
                case "title": record.Title = String(ref json, at, name); break;
                case "published": record.Published = String(ref json, at, name); break;
                case "author": record.Author = String(ref json, at, name); break;
                case "kind": record.Kind = String(ref json, at, name); break;
                case "url": record.Url = String(ref json, at, name); break;
                case "relays": record.Relays = Strings(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal NationJson Nation(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _nation ??= new NationJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, NationNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "code": record.Code = String(ref json, at, name); break;
                case "name": record.Name = String(ref json, at, name); break;
                case "region": record.Region = String(ref json, at, name); break;
                case "neighbours": record.Neighbours = Strings(ref json, at, name); break;
                case "sources": record.Sources = Strings(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal AgencyJson Agency(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _agency ??= new AgencyJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, AgencyNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "name": record.Name = String(ref json, at, name); break;
                case "officialName": record.OfficialName = String(ref json, at, name); break;
                case "acronym": record.Acronym = String(ref json, at, name); break;
                case "nation": record.Nation = String(ref json, at, name); break;
                case "kind": record.Kind = String(ref json, at, name); break;
                case "parent": record.Parent = String(ref json, at, name); break;
                case "sources": record.Sources = Strings(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal PersonJson Person(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _person ??= new PersonJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, PersonNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "name": record.Name = String(ref json, at, name); break;
                case "aliases": record.Aliases = Strings(ref json, at, name); break;
                case "nation": record.Nation = String(ref json, at, name); break;
                case "title": record.Title = String(ref json, at, name); break;
                case "roles": record.Roles = RecordList(ref json, $"{at}.roles", "role", static (DatasetBinder binder, ref Utf8JsonReader json, JsonPath at) => binder.Role(ref json, at)); break;
                case "sources": record.Sources = Strings(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal AccordJson Accord(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _accord ??= new AccordJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, AccordNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "title": record.Title = String(ref json, at, name); break;
                case "kind": record.Kind = String(ref json, at, name); break;
                case "parties": record.Parties = Strings(ref json, at, name); break;
                case "signatories": record.Signatories = Strings(ref json, at, name); break;
                case "agreedBy": record.AgreedBy = Strings(ref json, at, name); break;
                case "approvedBy": record.ApprovedBy = Strings(ref json, at, name); break;
                case "people": record.People = Strings(ref json, at, name); break;
                case "signed": record.Signed = String(ref json, at, name); break;
                case "signedBasis": record.SignedBasis = String(ref json, at, name); break;
                case "agreed": record.Agreed = String(ref json, at, name); break;
                case "agreedBasis": record.AgreedBasis = String(ref json, at, name); break;
                case "plannedFor": record.PlannedFor = String(ref json, at, name); break;
                case "plannedForBasis": record.PlannedForBasis = String(ref json, at, name); break;
                case "place": record.Place = String(ref json, at, name); break;
                case "targets": record.Targets = Strings(ref json, at, name); break;
                case "topics": record.Topics = Strings(ref json, at, name); break;
                case "status": record.Status = String(ref json, at, name); break;
                case "buildsOn": record.BuildsOn = Strings(ref json, at, name); break;
                case "sources": record.Sources = Strings(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal StatisticJson Statistic(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _statistic ??= new StatisticJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, StatisticNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "metric": record.Metric = String(ref json, at, name); break;
                case "nations": record.Nations = Strings(ref json, at, name); break;
                case "agency": record.Agency = String(ref json, at, name); break;
                case "organizations": record.Organizations = Strings(ref json, at, name); break;
                case "reportedBy": record.ReportedBy = String(ref json, at, name); break;
                case "place": record.Place = String(ref json, at, name); break;
                case "value": record.Value = Scalar(ref json, at, name); break; // the reader checks it
                case "valueTo": record.ValueTo = Scalar(ref json, at, name); break;
                case "valueBasis": record.ValueBasis = String(ref json, at, name); break;
                case "per": record.Per = String(ref json, at, name); break;
                case "equivalentTo": record.EquivalentTo = String(ref json, at, name); break;
                case "unit": record.Unit = String(ref json, at, name); break;
                case "period": record.Period = String(ref json, at, name); break;
                case "periodBasis": record.PeriodBasis = String(ref json, at, name); break;
                case "source": record.Source = String(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal EventJson Event(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _event ??= new EventJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, EventNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "kind": record.Kind = String(ref json, at, name); break;
                case "title": record.Title = String(ref json, at, name); break;
                case "status": record.Status = String(ref json, at, name); break;
                case "date": record.Date = String(ref json, at, name); break;
                case "dateBasis": record.DateBasis = String(ref json, at, name); break;
                case "place": record.Place = String(ref json, at, name); break;
                case "sites": record.Sites = Strings(ref json, at, name); break;
                case "partOf": record.PartOf = String(ref json, at, name); break;
                case "nations": record.Nations = Strings(ref json, at, name); break;
                case "participants": record.Participants = RecordList(ref json, $"{at}.participants", "participant", static (DatasetBinder binder, ref Utf8JsonReader json, JsonPath at) => binder.Participant(ref json, at)); break;
                case "agencies": record.Agencies = Strings(ref json, at, name); break;
                case "people": record.People = Strings(ref json, at, name); break;
                case "organizations": record.Organizations = Strings(ref json, at, name); break;
                case "accords": record.Accords = Strings(ref json, at, name); break;
                case "outcomes": record.Outcomes = Strings(ref json, at, name); break;
                case "topics": record.Topics = Strings(ref json, at, name); break;
                case "sources": record.Sources = Strings(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal OrganizationJson Organization(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _organization ??= new OrganizationJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, OrganizationNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "name": record.Name = String(ref json, at, name); break;
                case "acronym": record.Acronym = String(ref json, at, name); break;
                case "aliases": record.Aliases = Strings(ref json, at, name); break;
                case "kind": record.Kind = String(ref json, at, name); break;
                case "baseNation": record.BaseNation = String(ref json, at, name); break;
                case "operatesIn": record.OperatesIn = Strings(ref json, at, name); break;
                case "members": record.Members = Strings(ref json, at, name); break;
                case "leaders": record.Leaders = Strings(ref json, at, name); break;
                case "worksFor": record.WorksFor = String(ref json, at, name); break;
                case "sources": record.Sources = Strings(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal PlaceJson Place(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _place ??= new PlaceJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, PlaceNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "name": record.Name = String(ref json, at, name); break;
                case "kind": record.Kind = String(ref json, at, name); break;
                case "nation": record.Nation = String(ref json, at, name); break;
                case "borders": record.Borders = Strings(ref json, at, name); break;
                case "within": record.Within = String(ref json, at, name); break;
                case "sources": record.Sources = Strings(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    internal StatementJson Statement(ref Utf8JsonReader json, JsonPath at)
    {
        var record = _statement ??= new StatementJson();
        record.Reset();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, StatementNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "id": record.Id = String(ref json, at, name); break;
                case "speaker": record.Speaker = String(ref json, at, name); break;
                case "speakerAgency": record.SpeakerAgency = String(ref json, at, name); break;
                case "speakerOrganization": record.SpeakerOrganization = String(ref json, at, name); break;
                case "speakerNations": record.SpeakerNations = Strings(ref json, at, name); break;
                case "date": record.Date = String(ref json, at, name); break;
                case "dateBasis": record.DateBasis = String(ref json, at, name); break;
                case "topics": record.Topics = Strings(ref json, at, name); break;
                case "summary": record.Summary = String(ref json, at, name); break;
                case "event": record.Event = String(ref json, at, name); break;
                case "accords": record.Accords = Strings(ref json, at, name); break;
                case "source": record.Source = String(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    /// <summary>
    /// An array of records, each handed to <paramref name="take"/> as soon as it is read: null elements as null (the
    /// reader reports them), other non-objects reported here and handed over as invalid. Returns false, having handed
    /// over nothing, when the value is null or (reported) not an array.
    /// </summary>
    internal bool Records<T>(ref Utf8JsonReader json, string path, string noun, BindRecord<T> bind, TakeRecord<T> take)
        where T : JsonRecord, new()
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        if (json.TokenType != JsonTokenType.StartArray)
        {
            WrongType(path, null, -1, DataMessages.AnArrayOfRecords(noun), Kind(ref json));
            Walk(ref json, path);
            return false;
        }

        var count = 0;
        _recordsDepth++;
        while (NextItem(ref json, path, null, count))
        {
            switch (json.TokenType)
            {
                case JsonTokenType.Null:
                    take(null, count, new JsonPath(path, count));
                    break;
                case JsonTokenType.StartObject:
                    var at = new JsonPath(path, count);
                    take(bind(this, ref json, at), count, at);
                    break;
                default:
                    WrongType(path, null, count, DataMessages.ARecord(noun), Kind(ref json));
                    Walk(ref json, $"{path}[{count}]");
                    take(new T { Invalid = true }, count, new JsonPath(path, count));
                    break;
            }

            if (_recordsDepth == 1)
            {
                _scratch.Clear(); // a set's record was taken (converted): its arrays are done with
            }

            count++;
        }

        _recordsDepth--;
        return true;
    }

    private PersonRoleJson Role(ref Utf8JsonReader json, JsonPath at)
    {
        var record = new PersonRoleJson();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, RoleNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "title": record.Title = String(ref json, at, name); break;
                case "agency": record.Agency = String(ref json, at, name); break;
                case "organization": record.Organization = String(ref json, at, name); break;
                case "from": record.From = String(ref json, at, name); break;
                case "fromBasis": record.FromBasis = String(ref json, at, name); break;
                case "to": record.To = String(ref json, at, name); break;
                case "toBasis": record.ToBasis = String(ref json, at, name); break;
                case "predecessor": record.Predecessor = String(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    private ParticipantJson Participant(ref Utf8JsonReader json, JsonPath at)
    {
        var record = new ParticipantJson();
        var seen = default(NameSet);
        while (NextProperty(ref json, at, ParticipantNames, ref seen, out var name, out _))
        {
            switch (name)
            {
                case "agency": record.Agency = String(ref json, at, name); break;
                case "person": record.Person = String(ref json, at, name); break;
                case "organization": record.Organization = String(ref json, at, name); break;
                case "role": record.Role = String(ref json, at, name); break;
                case "note": record.Note = String(ref json, at, name); break;
                default: Unknown(ref json, record, at, name); break;
            }
        }

        return record;
    }

    private List<T?>? RecordList<T>(ref Utf8JsonReader json, string path, string noun, BindRecord<T> bind)
        where T : JsonRecord, new()
    {
        var records = new List<T?>();
        return Records(ref json, path, noun, bind, (record, _, _) => records.Add(record)) ? records : null;
    }

    private string? String(ref Utf8JsonReader json, JsonPath at, string property)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return Text(ref json);
            default:
                WrongType(at, property, -1, DataMessages.AString, Kind(ref json));
                Walk(ref json, $"{at}.{property}");
                return Reported;
        }
    }

    private JsonStrings Strings(ref Utf8JsonReader json, JsonPath at, string property)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (json.TokenType != JsonTokenType.StartArray)
        {
            WrongType(at, property, -1, DataMessages.AnArrayOfStrings, Kind(ref json));
            Walk(ref json, $"{at}.{property}");
            return default;
        }

        // Into the scratch list, emptied once the record being read is converted (Records): no list per array.
        var start = _scratch.Count;
        var count = 0;
        while (NextItem(ref json, at, property, count))
        {
            switch (json.TokenType)
            {
                case JsonTokenType.Null:
                    _scratch.Add(null);
                    break;
                case JsonTokenType.String:
                    _scratch.Add(Text(ref json));
                    break;
                default:
                    WrongType(at, property, count, DataMessages.AString, Kind(ref json));
                    Walk(ref json, $"{at}.{property}[{count}]");
                    _scratch.Add(Reported);
                    break;
            }

            count++;
        }

        return new JsonStrings(_scratch, start, count);
    }

    /// <summary>A value kept as written (null for a JSON null); an object or array is walked and kept by its kind.</summary>
    private JsonScalar? Scalar(ref Utf8JsonReader json, JsonPath at, string property)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return new JsonScalar(JsonValueKind.Number, Encoding.UTF8.GetString(json.ValueSpan));
            case JsonTokenType.String:
                return new JsonScalar(JsonValueKind.String, $"\"{Encoding.UTF8.GetString(json.ValueSpan)}\"");
            default:
                var kind = Kind(ref json);
                Walk(ref json, $"{at}.{property}");
                return new JsonScalar(kind, null);
        }
    }

    /// <summary>
    /// The string's text; <see cref="Reported"/> for one holding a lone surrogate, reported when it was met. A short
    /// one written without escapes comes from <see cref="StringCache"/>, so a value repeated through the file (a kind,
    /// a code, a date, a cited source) is one string, not one per record.
    /// </summary>
    private string Text(ref Utf8JsonReader json)
    {
        if (!json.ValueIsEscaped)
        {
            if (_strings.Get(json.ValueSpan) is { } cached)
            {
                return cached;
            }
        }
        else if (JsonText.LoneSurrogate(json.ValueSpan) is not null)
        {
            return Reported;
        }

        try
        {
            return json.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Reported;
        }
    }

    private static void AddUnknown(JsonRecord record, string name)
    {
        var unknown = record.Unknown ??= [];
        if (!unknown.Contains(name))
        {
            unknown.Add(name); // a repeated unknown property is reported once, as unknown (and once as repeated)
        }
    }

    /// <summary>An unknown property of <paramref name="record"/>: noted, and its value walked for errors in its text.</summary>
    private void Unknown(ref Utf8JsonReader json, JsonRecord record, JsonPath at, string name)
    {
        AddUnknown(record, name);
        Walk(ref json, $"{at}.{name}");
    }

    /// <summary>
    /// Moves to the next property of the object the reader is in and onto its value, reporting a name that holds a
    /// lone surrogate (such a property is walked and passed over), a repeated name, and a string value holding a lone
    /// surrogate. <paramref name="name"/> is the entry of <paramref name="names"/> the name matches
    /// (<paramref name="field"/> its index), or the name as read (<paramref name="field"/> -1). False at the object's end.
    /// </summary>
    private bool NextProperty(ref Utf8JsonReader json, JsonPath at, JsonNames? names, ref NameSet seen, out string name, out int field)
    {
        while (true)
        {
            json.Read();
            if (json.TokenType == JsonTokenType.EndObject)
            {
                name = string.Empty;
                field = -1;
                return false;
            }

            var readable = true;
            field = names?.IndexOf(ref json, seen.Expected) ?? -1;
            if (field >= 0)
            {
                name = names!.Name(field);
            }
            else if (json.ValueIsEscaped && JsonText.LoneSurrogate(json.ValueSpan) is { } escape)
            {
                // Known by its text as written, in its path and for repeats.
                name = Encoding.UTF8.GetString(json.ValueSpan);
                ReportText(DataErrorKind.MalformedJson, $"{at}.{name}", json.TokenStartIndex, DataMessages.LoneSurrogateInName(name, escape));
                readable = false;
            }
            else
            {
                name = json.GetString()!;
            }

            json.Read();
            CheckText(ref json, at, name); // the value's path is made only for an error
            if (!seen.Add(field, name))
            {
                ReportText(DataErrorKind.DuplicateProperty, $"{at}.{name}", json.TokenStartIndex, DataMessages.DuplicateProperty);
            }

            if (readable)
            {
                return true;
            }

            Walk(ref json, $"{at}.{name}");
        }
    }

    /// <summary>Moves onto the next element of the array the reader is in, reporting a string holding a lone surrogate; false at its end.</summary>
    private bool NextItem(ref Utf8JsonReader json, JsonPath at, string? property, int index)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        if (json.TokenType == JsonTokenType.String && json.ValueIsEscaped && JsonText.LoneSurrogate(json.ValueSpan) is { } escape)
        {
            var path = property is null ? at.ToString() : $"{at}.{property}";
            ReportText(DataErrorKind.MalformedJson, $"{path}[{index}]", json.TokenStartIndex, DataMessages.LoneSurrogateInString(escape));
        }

        return true;
    }

    /// <summary>Reports the value the reader is on, property <paramref name="name"/> of <paramref name="at"/>, when it is a string holding a lone surrogate.</summary>
    private void CheckText(ref Utf8JsonReader json, JsonPath at, string name)
    {
        if (json.TokenType == JsonTokenType.String && json.ValueIsEscaped)
        {
            CheckText(ref json, $"{at}.{name}");
        }
    }

    /// <summary>Reports the value the reader is on when it is a string holding a lone surrogate.</summary>
    private void CheckText(ref Utf8JsonReader json, string path)
    {
        if (json.TokenType == JsonTokenType.String && json.ValueIsEscaped && JsonText.LoneSurrogate(json.ValueSpan) is { } escape)
        {
            ReportText(DataErrorKind.MalformedJson, path, json.TokenStartIndex, DataMessages.LoneSurrogateInString(escape));
        }
    }

    /// <summary>Reads past the value the reader is on (at <paramref name="path"/>), reporting the errors in its text.</summary>
    private void Walk(ref Utf8JsonReader json, string path)
    {
        if (json.TokenType == JsonTokenType.StartObject)
        {
            var seen = default(NameSet);
            while (NextProperty(ref json, path, null, ref seen, out var name, out _))
            {
                Walk(ref json, $"{path}.{name}");
            }
        }
        else if (json.TokenType == JsonTokenType.StartArray)
        {
            for (var i = 0; NextItem(ref json, path, null, i); i++)
            {
                Walk(ref json, $"{path}[{i}]");
            }
        }
    }

    /// <summary>Reports an error in the text at byte <paramref name="offset"/>, with its line (errors come in text order).</summary>
    private void ReportText(DataErrorKind kind, string path, long offset, string message)
    {
        if (!_errors.HasRoom)
        {
            _errors.Omit();
            return;
        }

        _line += _utf8.Span[_lineCounted..(int)offset].Count((byte)'\n');
        _lineCounted = (int)offset;
        _errors.Add(new DataError { Kind = kind, Path = path, File = _file, Line = _line, Message = message });
    }

    /// <summary>Reports a wrong type at <paramref name="at"/>, its <paramref name="property"/>, and its element <paramref name="index"/>.</summary>
    private void WrongType(JsonPath at, string? property, int index, string expected, JsonValueKind found)
    {
        if (!WrongTypes.HasRoom)
        {
            WrongTypes.Omit();
            return;
        }

        var path = property is null ? at.ToString() : $"{at}.{property}";
        path = index < 0 ? path : $"{path}[{index}]";
        WrongTypes.Add(new DataError { Kind = DataErrorKind.MalformedJson, Path = path, File = _file, Message = DataMessages.WrongType(expected, found) });
    }

    private static JsonValueKind Kind(ref Utf8JsonReader json) => json.TokenType switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    /// <summary>The property names one object may have, matched against the reader's name token without making a string.</summary>
    private sealed class JsonNames(params string[] names)
    {
        private readonly byte[][] _utf8 = Array.ConvertAll(names, Encoding.UTF8.GetBytes);

        public string Name(int index) => names[index];

        /// <summary>The index of the name the reader is on, or -1; names are tried from <paramref name="expected"/> on (a
        /// file written by the store lists an object's properties in their order).</summary>
        public int IndexOf(ref Utf8JsonReader json, int expected)
        {
            if (!json.ValueIsEscaped)
            {
                // From the expected name on, then from the first: an absent property costs a compare, not a scan.
                var span = json.ValueSpan;
                var start = (uint)expected < (uint)_utf8.Length ? expected : 0;
                for (var k = 0; k < _utf8.Length; k++)
                {
                    var i = start + k < _utf8.Length ? start + k : start + k - _utf8.Length;
                    if (span.SequenceEqual(_utf8[i]))
                    {
                        return i;
                    }
                }

                return -1;
            }

            if (JsonText.LoneSurrogate(json.ValueSpan) is not null)
            {
                return -1;
            }

            for (var i = 0; i < names.Length; i++)
            {
                if (json.ValueTextEquals(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// Short ASCII strings met before, by their UTF-8 text: a direct-mapped table (a new string replaces the one in its
    /// slot), so it never grows and a miss costs one hash and one compare.
    /// </summary>
    private sealed class StringCache
    {
        private const int MaxLength = 32;
        private readonly string?[] _slots = new string?[4096];

        /// <summary>The string of <paramref name="utf8"/>, from the table or made and put there; null when it is not short ASCII.</summary>
        public string? Get(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > MaxLength || !Ascii.IsValid(utf8))
            {
                return null;
            }

            ref var slot = ref _slots[Hash(utf8) & (uint)(_slots.Length - 1)];
            if (slot is { } held && held.Length == utf8.Length && Ascii.Equals(held, utf8))
            {
                return held;
            }

            return slot = Encoding.ASCII.GetString(utf8);
        }

        // Eight bytes at a time (the last eight overlapping the ones before), multiplied and folded: no loop per byte.
        private static uint Hash(ReadOnlySpan<byte> utf8)
        {
            const ulong Multiplier = 0x9E3779B97F4A7C15;
            var hash = (ulong)utf8.Length * Multiplier;
            if (utf8.Length >= 8)
            {
                var at = 0;
                for (; at + 8 < utf8.Length; at += 8)
                {
                    hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8[at..])) * Multiplier;
                }

                hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..])) * Multiplier;
            }
            else
            {
                foreach (var b in utf8)
                {
                    hash = (hash ^ b) * Multiplier;
                }
            }

            return (uint)(hash >> 32) ^ (uint)hash;
        }
    }

    /// <summary>The names an object has shown so far: known ones as bits, others (rarely any) in a set.</summary>
    private struct NameSet
    {
        private ulong _known;
        private HashSet<string>? _others;

        /// <summary>The field after the last known one added: the likeliest next.</summary>
        public int Expected { get; private set; }

        /// <summary>Adds the name; false when the object had it already.</summary>
        public bool Add(int field, string name)
        {
            if (field >= 0)
            {
                Expected = field + 1;
                var bit = 1UL << field;
                var added = (_known & bit) == 0;
                _known |= bit;
                return added;
            }

            return (_others ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        }
    }
}
