using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>
/// Turns records bound from a data file (one at a time, as <see cref="DatasetBinder"/> reads them) into records,
/// checking every code, date, unit, number and enum name and collecting an error (with JSON path) for each bad one. References between records are checked later, across files, by
/// <see cref="DatasetValidator"/>. Values <see cref="DatasetBinder"/> already reported (<see cref="DatasetBinder.Reported"/>)
/// are taken as absent without a second error. Paths and messages are built only for errors there is room to keep.
/// </summary>
internal sealed class DatasetReader
{
    private readonly string? _file;
    private readonly SharedArrays? _shared;
    private readonly string[] _strings = new string[SharedArrays.MaxLength]; // a short array of strings before it is shared

    /// <param name="file">The file's name, for errors.</param>
    /// <param name="errors">Where the errors go; their lines are found later, by path (<see cref="DataErrorSink.AddFrom"/>).</param>
    /// <param name="shared">The load's table of short arrays, through which the records' collections are made (one
    /// array per distinct value); null to make each collection its own array.</param>
    internal DatasetReader(string? file, DataErrorSink errors, SharedArrays? shared = null)
    {
        _file = file;
        Errors = errors;
        _shared = shared;
    }

    /// <summary>The errors found so far.</summary>
    internal DataErrorSink Errors { get; }

    /// <summary>
    /// The element <paramref name="index"/> of the set's array at <paramref name="path"/>, ready to convert: null for
    /// a JSON null (reported) or a value that was not an object (reported by the binder); its unknown properties reported.
    /// </summary>
    internal TJson? Record<TJson>(TJson? item, string path, int index, JsonPath at)
        where TJson : JsonRecord
    {
        if (item is null)
        {
            Error(DataErrorKind.MissingValue, path, null, index, static () => DataMessages.RecordNull);
            return null;
        }

        if (item.Invalid)
        {
            return null; // not an object; reported by the binder
        }

        Unknown(item, at);
        return item;
    }

    /// <summary>Reports the properties of the file itself that the schema does not define.</summary>
    internal void Unknown(JsonRecord record, JsonPath at)
    {
        foreach (var name in record.Unknown ?? [])
        {
            if (record is DatasetDocument && BundledSets.Find(name) is { Store.Computed: true } computed)
            {
                Error(DataErrorKind.UnknownProperty, at, name, -1, computed, static c => DataMessages.ComputedSet(c.Name, c.ComputedFrom!));
                continue;
            }

            Error(DataErrorKind.UnknownProperty, at, name, -1, name, static n => DataMessages.UnknownProperty(n));
        }
    }

    internal Source ToSource(SourceJson json, JsonPath at) => new()
    {
        Id = Required(json.Id, at, "id"),
        Publisher = Optional(json.Publisher),
        Dateline = Optional(json.Dateline),
        Title = Optional(json.Title),
        Published = OptionalDate(json.Published, at, "published"),
        Author = Optional(json.Author),
        Kind = Enum<SourceKind>(json.Kind, at, "kind"),
        Url = Optional(json.Url),
        Relays = Strings(json.Relays, at, "relays"),
        Note = Optional(json.Note),
    };

    internal Nation ToNation(NationJson json, JsonPath at) => new()
    {
        Code = Code(json.Code, at, "code"),
        Name = Required(json.Name, at, "name"),
        Region = Required(json.Region, at, "region"),
        Neighbours = Codes(json.Neighbours, at, "neighbours"),
        Sources = Strings(json.Sources, at, "sources"),
    };

    internal Agency ToAgency(AgencyJson json, JsonPath at) => new()
    {
        Id = Required(json.Id, at, "id"),
        Name = Required(json.Name, at, "name"),
        OfficialName = Optional(json.OfficialName),
        Acronym = Optional(json.Acronym),
        Nation = Code(json.Nation, at, "nation"),
        Kind = Enum<AgencyKind>(json.Kind, at, "kind"),
        Parent = Optional(json.Parent),
        Sources = Strings(json.Sources, at, "sources"),
    };

    internal Person ToPerson(PersonJson json, JsonPath at)
    {
        var roles = ImmutableArray.CreateBuilder<PersonRole>();
        for (var i = 0; i < (json.Roles?.Count ?? 0); i++)
        {
            if (json.Roles![i] is not { } role)
            {
                Error(DataErrorKind.MissingValue, at, "roles", i, static () => DataMessages.RoleNull);
                continue;
            }

            if (role.Invalid)
            {
                continue;
            }

            var roleAt = $"{at}.roles[{i}]";
            Unknown(role, roleAt);
            var (from, fromBasis) = Dated(role.From, role.FromBasis, roleAt, "from", "fromBasis");
            var (to, toBasis) = Dated(role.To, role.ToBasis, roleAt, "to", "toBasis");
            roles.Add(new PersonRole
            {
                Title = Required(role.Title, roleAt, "title"),
                Agency = Optional(role.Agency),
                Organization = Optional(role.Organization),
                From = from,
                FromBasis = fromBasis,
                To = to,
                ToBasis = toBasis,
                Predecessor = Optional(role.Predecessor),
                Note = Optional(role.Note),
            });
        }

        var aliases = Strings(json.Aliases, at, "aliases");
        var name = Optional(json.Name);
        if (string.IsNullOrWhiteSpace(name) && aliases.IsEmpty && !IsReported(json.Name))
        {
            Error(DataErrorKind.MissingValue, at, "name", -1, static () => DataMessages.PersonNameMissing);
        }

        return new Person
        {
            Id = Required(json.Id, at, "id"),
            Name = string.IsNullOrWhiteSpace(name) ? null : name,
            Aliases = aliases,
            Nation = Optional(json.Nation) is { } nation ? Code(nation, at, "nation") : null,
            Title = Optional(json.Title),
            Roles = roles.ToImmutable(),
            Sources = Strings(json.Sources, at, "sources"),
            Note = Optional(json.Note),
        };
    }

    internal Accord ToAccord(AccordJson json, JsonPath at)
    {
        var (signed, signedBasis) = Dated(json.Signed, json.SignedBasis, at, "signed", "signedBasis");
        var (agreed, agreedBasis) = Dated(json.Agreed, json.AgreedBasis, at, "agreed", "agreedBasis");
        var (plannedFor, plannedForBasis) = Dated(json.PlannedFor, json.PlannedForBasis, at, "plannedFor", "plannedForBasis");
        var status = json.Status is null ? AccordStatus.Unknown : Enum<AccordStatus>(json.Status, at, "status");
        if (plannedFor is not null && status != AccordStatus.Planned && (json.Status is null || status != default))
        {
            Error(DataErrorKind.InvalidValue, at, "plannedFor", -1, static () => DataMessages.PlannedForNeedsPlanned);
        }

        return new Accord
        {
            Id = Required(json.Id, at, "id"),
            Title = Required(json.Title, at, "title"),
            Kind = Enum<AccordKind>(json.Kind, at, "kind"),
            Parties = Codes(json.Parties, at, "parties"),
            Signatories = Strings(json.Signatories, at, "signatories"),
            AgreedBy = Strings(json.AgreedBy, at, "agreedBy"),
            ApprovedBy = Strings(json.ApprovedBy, at, "approvedBy"),
            People = Strings(json.People, at, "people"),
            Signed = signed,
            SignedBasis = signedBasis,
            Agreed = agreed,
            AgreedBasis = agreedBasis,
            PlannedFor = plannedFor,
            PlannedForBasis = plannedForBasis,
            Place = Optional(json.Place),
            Targets = Strings(json.Targets, at, "targets"),
            Topics = Enums<Topic>(json.Topics, at, "topics"),
            Status = status,
            BuildsOn = Strings(json.BuildsOn, at, "buildsOn"),
            Sources = Strings(json.Sources, at, "sources"),
            Note = Optional(json.Note),
        };
    }

    internal Statistic ToStatistic(StatisticJson json, JsonPath at)
    {
        var (period, periodBasis) = Dated(json.Period, json.PeriodBasis, at, "period", "periodBasis");
        var value = Number(json.Value, at, "value");
        decimal? valueTo = json.ValueTo is null ? null : Number(json.ValueTo, at, "valueTo");
        var valueBasis = json.ValueBasis is null ? ValueBasis.Exact : Enum<ValueBasis>(json.ValueBasis, at, "valueBasis");
        if (valueBasis == ValueBasis.Range && json.ValueTo is null)
        {
            Error(DataErrorKind.InvalidValue, at, "valueBasis", -1, static () => DataMessages.RangeNeedsValueTo);
        }
        else if (valueTo is { } high && valueBasis != default)
        {
            if (valueBasis != ValueBasis.Range)
            {
                Error(DataErrorKind.InvalidValue, at, "valueTo", -1, static () => DataMessages.ValueToNeedsRange);
            }
            else if (high <= value)
            {
                Error(DataErrorKind.InvalidValue, at, "valueTo", -1, static () => DataMessages.ValueToNotAbove);
            }
        }

        Unit unit = default;
        if (json.Unit is null)
        {
            Error(DataErrorKind.MissingValue, at, "unit", -1, static () => DataMessages.UnitMissing);
        }
        else if (!IsReported(json.Unit) && !Model.Unit.TryParse(json.Unit, out unit))
        {
            Error(DataErrorKind.UnknownUnit, at, "unit", -1, json.Unit, static u => DataMessages.NotAUnit(u, string.Join(", ", Model.Unit.MeasurementCodes)));
        }

        return new Statistic
        {
            Id = Required(json.Id, at, "id"),
            Metric = Enum<Metric>(json.Metric, at, "metric"),
            Nations = Codes(json.Nations, at, "nations"),
            Agency = Optional(json.Agency),
            Organizations = Strings(json.Organizations, at, "organizations"),
            ReportedBy = Optional(json.ReportedBy),
            Place = Optional(json.Place),
            Value = value,
            ValueTo = valueTo,
            ValueBasis = valueBasis,
            Per = json.Per is null ? null : Enum<TimeUnit>(json.Per, at, "per"),
            EquivalentTo = Optional(json.EquivalentTo),
            Unit = unit,
            Period = period,
            PeriodBasis = periodBasis,
            Source = Required(json.Source, at, "source"),
            Note = Optional(json.Note),
        };
    }

    internal Event ToEvent(EventJson json, JsonPath at)
    {
        var (date, dateBasis) = Dated(json.Date, json.DateBasis, at, "date", "dateBasis");
        var participants = ImmutableArray.CreateBuilder<Participant>();
        for (var i = 0; i < (json.Participants?.Count ?? 0); i++)
        {
            if (json.Participants![i] is not { } participant)
            {
                Error(DataErrorKind.MissingValue, at, "participants", i, static () => DataMessages.ParticipantNull);
                continue;
            }

            if (participant.Invalid)
            {
                continue;
            }

            var participantAt = $"{at}.participants[{i}]";
            Unknown(participant, participantAt);
            var agency = Optional(participant.Agency);
            var person = Optional(participant.Person);
            var organization = Optional(participant.Organization);
            var named = (agency is null ? 0 : 1) + (person is null ? 0 : 1) + (organization is null ? 0 : 1);
            var reported = IsReported(participant.Agency) || IsReported(participant.Person) || IsReported(participant.Organization);
            if (named == 0 && !reported)
            {
                Error(DataErrorKind.MissingValue, participantAt, null, -1, static () => DataMessages.ParticipantNamesNone);
            }
            else if (named > 1)
            {
                Error(DataErrorKind.InvalidValue, participantAt, null, -1, static () => DataMessages.ParticipantNamesMany);
            }

            participants.Add(new Participant
            {
                Agency = agency,
                Person = person,
                Organization = organization,
                Role = Enum<ParticipantRole>(participant.Role, participantAt, "role"),
                Note = Optional(participant.Note),
            });
        }

        return new Event
        {
            Id = Required(json.Id, at, "id"),
            Kind = Enum<EventKind>(json.Kind, at, "kind"),
            Title = Required(json.Title, at, "title"),
            Status = json.Status is null ? EventStatus.Held : Enum<EventStatus>(json.Status, at, "status"),
            Date = date,
            DateBasis = dateBasis,
            Place = Optional(json.Place),
            Sites = Strings(json.Sites, at, "sites"),
            PartOf = Optional(json.PartOf),
            Nations = Codes(json.Nations, at, "nations"),
            Participants = participants.ToImmutable(),
            Agencies = Strings(json.Agencies, at, "agencies"),
            People = Strings(json.People, at, "people"),
            Organizations = Strings(json.Organizations, at, "organizations"),
            Accords = Strings(json.Accords, at, "accords"),
            Outcomes = Strings(json.Outcomes, at, "outcomes"),
            Topics = Enums<Topic>(json.Topics, at, "topics"),
            Sources = Strings(json.Sources, at, "sources"),
            Note = Optional(json.Note),
        };
    }

    internal Organization ToOrganization(OrganizationJson json, JsonPath at) => new()
    {
        Id = Required(json.Id, at, "id"),
        Name = Required(json.Name, at, "name"),
        Acronym = Optional(json.Acronym),
        Aliases = Strings(json.Aliases, at, "aliases"),
        Kind = Enum<OrganizationKind>(json.Kind, at, "kind"),
        BaseNation = Optional(json.BaseNation) is { } nation ? Code(nation, at, "baseNation") : null,
        OperatesIn = Codes(json.OperatesIn, at, "operatesIn"),
        Members = Codes(json.Members, at, "members"),
        Leaders = Strings(json.Leaders, at, "leaders"),
        WorksFor = Optional(json.WorksFor),
        Sources = Strings(json.Sources, at, "sources"),
        Note = Optional(json.Note),
    };

    internal Place ToPlace(PlaceJson json, JsonPath at)
    {
        var kind = Enum<PlaceKind>(json.Kind, at, "kind");
        var borders = Codes(json.Borders, at, "borders");
        if (!borders.IsEmpty && kind is not (PlaceKind.Border or PlaceKind.BorderRegion or default(PlaceKind)))
        {
            Error(DataErrorKind.InvalidValue, at, "borders", -1, kind, static k => DataMessages.BordersNeedBorderKind(k.ToString()));
        }

        return new Place
        {
            Id = Required(json.Id, at, "id"),
            Name = Required(json.Name, at, "name"),
            Kind = kind,
            Nation = Optional(json.Nation) is { } nation ? Code(nation, at, "nation") : null,
            Borders = borders,
            Within = Optional(json.Within),
            Sources = Strings(json.Sources, at, "sources"),
            Note = Optional(json.Note),
        };
    }

    internal Statement ToStatement(StatementJson json, JsonPath at)
    {
        var (date, dateBasis) = Dated(json.Date, json.DateBasis, at, "date", "dateBasis");
        var speakerNations = Codes(json.SpeakerNations, at, "speakerNations");
        if (Optional(json.Speaker) is null && Optional(json.SpeakerAgency) is null && Optional(json.SpeakerOrganization) is null && speakerNations.IsEmpty
            && !IsReported(json.Speaker) && !IsReported(json.SpeakerAgency) && !IsReported(json.SpeakerOrganization))
        {
            Error(DataErrorKind.MissingValue, at, null, -1, static () => DataMessages.StatementSpeakerMissing);
        }

        return new Statement
        {
            Id = Required(json.Id, at, "id"),
            Speaker = Optional(json.Speaker),
            SpeakerAgency = Optional(json.SpeakerAgency),
            SpeakerOrganization = Optional(json.SpeakerOrganization),
            SpeakerNations = speakerNations,
            Date = date,
            DateBasis = dateBasis,
            Topics = Enums<Topic>(json.Topics, at, "topics"),
            Summary = Required(json.Summary, at, "summary"),
            Event = Optional(json.Event),
            Accords = Strings(json.Accords, at, "accords"),
            Source = Required(json.Source, at, "source"),
            Note = Optional(json.Note),
        };
    }

    private static bool IsReported(string? value) => ReferenceEquals(value, DatasetBinder.Reported);

    /// <summary>An optional value, or null when it was already reported as unreadable.</summary>
    private static string? Optional(string? value) => IsReported(value) ? null : value;

    private string Required(string? value, JsonPath at, string property)
    {
        if (IsReported(value))
        {
            return string.Empty;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Error(DataErrorKind.MissingValue, at, property, -1, property, static p => DataMessages.Required(p));
            return string.Empty;
        }

        return value;
    }

    private decimal Number(JsonScalar? value, JsonPath at, string property)
    {
        if (value is not { } scalar)
        {
            Error(DataErrorKind.MissingValue, at, property, -1, static () => DataMessages.NumberMissing);
            return 0m;
        }

        if (scalar.Kind != JsonValueKind.Number)
        {
            Error(DataErrorKind.InvalidValue, at, property, -1, scalar, static s => DataMessages.NotANumber(s.Kind, s.Raw ?? string.Empty));
            return 0m;
        }

        if (DecimalNumber.Read(scalar.Raw!, out var problem) is { } number)
        {
            return number;
        }

        Error(DataErrorKind.InvalidValue, at, property, -1, problem!, static p => p);
        return 0m;
    }

    private NationCode Code(string? value, JsonPath at, string property, int index = -1)
    {
        if (IsReported(value))
        {
            return default;
        }

        if (NationCode.TryParse(value, out var code))
        {
            return code;
        }

        if (value is null)
        {
            Error(DataErrorKind.MissingValue, at, property, index, static () => DataMessages.NationCodeMissing);
        }
        else
        {
            Error(DataErrorKind.UnknownNationCode, at, property, index, value, static v => DataMessages.NotANationCode(v));
        }

        return default;
    }

    private ImmutableArray<NationCode> Codes(JsonStrings values, JsonPath at, string property) =>
        Elements<NationCode, CodeElement>(values, at, property);

    /// <summary>
    /// A collection of codes or enum members, each element read by <typeparamref name="TElement"/>, filled in place: into
    /// a scratch span on the stack when it is short enough to share (then shared), otherwise into an array of its final
    /// size that becomes the collection. No builder per collection.
    /// </summary>
    private ImmutableArray<T> Elements<T, TElement>(JsonStrings values, JsonPath at, string property)
        where T : unmanaged
        where TElement : struct, IElementReader<T>
    {
        if (values.Count == 0)
        {
            return ImmutableArray<T>.Empty;
        }

        var own = Shares(values.Count) ? null : new T[values.Count];
        Span<T> elements = own is null ? stackalloc T[values.Count] : own;
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = default(TElement).Read(this, values[i], at, property, i);
        }

        return own is null ? _shared!.Share<T>(elements) : ImmutableCollectionsMarshal.AsImmutableArray(own);
    }

    private ImmutableArray<string> Strings(JsonStrings values, JsonPath at, string property)
    {
        if (values.Count == 0)
        {
            return ImmutableArray<string>.Empty;
        }

        var own = Shares(values.Count) ? null : new string[values.Count];
        var strings = own is null ? _strings.AsSpan(0, values.Count) : own;
        for (var i = 0; i < strings.Length; i++)
        {
            var value = values[i];
            if (IsReported(value))
            {
                value = null;
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                Error(DataErrorKind.MissingValue, at, property, i, static () => DataMessages.IdEmpty);
            }

            strings[i] = value ?? string.Empty;
        }

        return own is null ? _shared!.Share<string>(strings) : ImmutableCollectionsMarshal.AsImmutableArray(own);
    }

    /// <summary>Whether a collection of <paramref name="count"/> elements is made through the load's <see cref="SharedArrays"/>.</summary>
    private bool Shares(int count) => _shared is not null && count <= SharedArrays.MaxLength;

    private PartialDate? OptionalDate(string? value, JsonPath at, string property)
    {
        if (value is null || IsReported(value))
        {
            return null;
        }

        if (PartialDate.TryParse(value, out var date))
        {
            return date;
        }

        Error(DataErrorKind.InvalidDate, at, property, -1, value, static v => DataMessages.NotADate(v));
        return null;
    }

    /// <summary>
    /// A date field and its companion basis (section 1.5 of the issue-15 design): the date as a period (a single
    /// partial date, <c>from..to</c>, <c>..to</c> or <c>from..</c>); the basis <see cref="DateBasis.Stated"/> when
    /// the file gives a date but no basis; a basis without a date, an open start without <see cref="DateBasis.UpperBound"/>
    /// (an open end without <see cref="DateBasis.LowerBound"/>) and either bound on a closed value are errors.
    /// </summary>
    private (Period? Value, DateBasis? Basis) Dated(string? dateText, string? basisText, JsonPath at, string property, string basisProperty)
    {
        var value = OptionalPeriod(dateText, at, property);
        DateBasis? basis = Optional(basisText) is null ? null : Enum<DateBasis>(basisText, at, basisProperty);
        if (basis == default(DateBasis))
        {
            return (value, null); // reported (a bad name) or absent
        }

        if (value is not { } period)
        {
            if (basis is not null && Optional(dateText) is null)
            {
                Error(DataErrorKind.InvalidValue, at, basisProperty, -1, (basisProperty, property), static p => DataMessages.BasisNeedsDate(p.basisProperty, p.property));
            }

            return (null, basis);
        }

        basis ??= period.HasStart && period.HasEnd ? DateBasis.Stated : null;
        if (!period.HasStart && basis != DateBasis.UpperBound)
        {
            Error(DataErrorKind.InvalidDate, at, property, -1, (period, basisProperty, "UpperBound"), static p => DataMessages.OpenNeedsBound(p.period.ToString(), p.basisProperty, p.Item3));
        }
        else if (!period.HasEnd && basis != DateBasis.LowerBound)
        {
            Error(DataErrorKind.InvalidDate, at, property, -1, (period, basisProperty, "LowerBound"), static p => DataMessages.OpenNeedsBound(p.period.ToString(), p.basisProperty, p.Item3));
        }
        else if (period.HasStart && period.HasEnd && basis is DateBasis.UpperBound or DateBasis.LowerBound)
        {
            Error(DataErrorKind.InvalidDate, at, basisProperty, -1, (basis.Value, property), static p => DataMessages.BoundOnClosed(p.Item1.ToString(), p.property));
        }

        return (value, basis);
    }

    private Period? OptionalPeriod(string? value, JsonPath at, string property)
    {
        if (value is null || IsReported(value))
        {
            return null;
        }

        if (Period.TryParse(value, out var period))
        {
            return period;
        }

        Error(DataErrorKind.InvalidDate, at, property, -1, value, static v => DataMessages.NotAPeriod(v));
        return null;
    }

    private TEnum Enum<TEnum>(string? value, JsonPath at, string property, int index = -1)
        where TEnum : struct, Enum
    {
        if (IsReported(value))
        {
            return default;
        }

        if (value is not null && EnumMembers<TEnum>.ByName.TryGetValue(value, out var member))
        {
            return member;
        }

        if (value is null)
        {
            Error(DataErrorKind.MissingValue, at, property, index, static () => DataMessages.EnumMissing(typeof(TEnum).Name, string.Join(", ", System.Enum.GetNames<TEnum>())));
        }
        else
        {
            Error(DataErrorKind.UnknownEnumMember, at, property, index, value, static v => DataMessages.NotAnEnumMember(v, typeof(TEnum).Name, string.Join(", ", System.Enum.GetNames<TEnum>())));
        }

        return default;
    }

    private ImmutableArray<TEnum> Enums<TEnum>(JsonStrings values, JsonPath at, string property)
        where TEnum : unmanaged, Enum =>
        Elements<TEnum, EnumElement<TEnum>>(values, at, property);

    /// <summary>Reads one element of a collection (<see cref="Elements"/>): a struct, so each element type gets its own loop with the read inlined.</summary>
    private interface IElementReader<out T>
    {
        T Read(DatasetReader reader, string? value, JsonPath at, string property, int index);
    }

    private readonly struct CodeElement : IElementReader<NationCode>
    {
        public NationCode Read(DatasetReader reader, string? value, JsonPath at, string property, int index) => reader.Code(value, at, property, index);
    }

    private readonly struct EnumElement<TEnum> : IElementReader<TEnum>
        where TEnum : struct, Enum
    {
        public TEnum Read(DatasetReader reader, string? value, JsonPath at, string property, int index) => reader.Enum<TEnum>(value, at, property, index);
    }

    /// <summary>
    /// Reports an error at <paramref name="at"/>, its <paramref name="property"/> (if any) and its element
    /// <paramref name="index"/> (if not negative); the path and message are built only if there is room to keep it.
    /// </summary>
    private void Error(DataErrorKind kind, JsonPath at, string? property, int index, Func<string> message) =>
        Error(kind, at, property, index, message, static make => make());

    /// <summary>Like the other overload, with the message made from <paramref name="state"/> (so no closure is allocated).</summary>
    private void Error<TState>(DataErrorKind kind, JsonPath at, string? property, int index, TState state, Func<TState, string> message)
    {
        if (!Errors.HasRoom)
        {
            Errors.Omit();
            return;
        }

        var path = property is null ? at.ToString() : $"{at}.{property}";
        path = index < 0 ? path : $"{path}[{index}]";
        Errors.Add(new DataError { Kind = kind, Message = message(state), Path = path, File = _file });
    }

    /// <summary>An enum's members by name, ignoring case, read once (<see cref="System.Enum.GetNames{TEnum}"/> makes a new array each call).</summary>
    private static class EnumMembers<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName = System.Enum.GetNames<TEnum>()
            .ToFrozenDictionary(name => name, System.Enum.Parse<TEnum>, StringComparer.OrdinalIgnoreCase);
    }
}
