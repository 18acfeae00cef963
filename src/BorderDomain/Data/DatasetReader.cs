using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using BorderDomain.Data.Json;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>
/// Turns one deserialised data file into records, checking every code, date, unit and enum name and collecting
/// an error (with JSON path and line) for each bad one. References between records are checked later, across
/// files, by <see cref="DatasetValidator"/>.
/// </summary>
internal sealed class DatasetReader
{
    private readonly string? _file;
    private readonly JsonLineMap _lines;
    private readonly List<DataError> _errors;
    private readonly Dictionary<object, RecordOrigin> _origins;

    private DatasetReader(string? file, JsonLineMap lines, List<DataError> errors, Dictionary<object, RecordOrigin> origins)
    {
        _file = file;
        _lines = lines;
        _errors = errors;
        _origins = origins;
    }

    /// <summary>Adds the document's records to <paramref name="target"/>, and an error for each bad value.</summary>
    internal static void Read(
        DatasetDocument document,
        string? file,
        JsonLineMap lines,
        BorderStoreBuilder target,
        List<DataError> errors,
        Dictionary<object, RecordOrigin> origins)
    {
        var reader = new DatasetReader(file, lines, errors, origins);
        reader.Unknown(document, "$");
        reader.Each(document.Sources, "$.sources", reader.ToSource, target.Sources);
        reader.Each(document.Nations, "$.nations", reader.ToNation, target.Nations);
        reader.Each(document.Agencies, "$.agencies", reader.ToAgency, target.Agencies);
        reader.Each(document.People, "$.people", reader.ToPerson, target.People);
        reader.Each(document.Accords, "$.accords", reader.ToAccord, target.Accords);
        reader.Each(document.Statistics, "$.statistics", reader.ToStatistic, target.Statistics);
        reader.Each(document.Events, "$.events", reader.ToEvent, target.Events);
    }

    private void Each<TJson, TRecord>(List<TJson?>? items, string path, Func<TJson, string, TRecord> convert, List<TRecord> target)
        where TJson : JsonRecord
        where TRecord : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var at = $"{path}[{i}]";
            if (items![i] is not { } item)
            {
                Error(DataErrorKind.MissingValue, at, "Expected a record, found null.");
                continue;
            }

            // A record with bad values is still added, so that checks across records (keys, references) see its
            // id and report no false dangling references; the load fails anyway.
            Unknown(item, at);
            var record = convert(item, at);
            target.Add(record);
            _origins[record] = new RecordOrigin(_file, at, _lines);
        }
    }

    private Source ToSource(SourceJson json, string at) => new()
    {
        Id = Required(json.Id, at, "id"),
        Publisher = json.Publisher,
        Dateline = json.Dateline,
        Title = json.Title,
        Published = OptionalDate(json.Published, $"{at}.published"),
        Author = json.Author,
        Kind = Enum<SourceKind>(json.Kind, $"{at}.kind"),
        Note = json.Note,
    };

    private Nation ToNation(NationJson json, string at) => new()
    {
        Code = Code(json.Code, $"{at}.code"),
        Name = Required(json.Name, at, "name"),
        Region = Required(json.Region, at, "region"),
        Neighbours = Codes(json.Neighbours, $"{at}.neighbours"),
    };

    private Agency ToAgency(AgencyJson json, string at) => new()
    {
        Id = Required(json.Id, at, "id"),
        Name = Required(json.Name, at, "name"),
        OfficialName = json.OfficialName,
        Acronym = json.Acronym,
        Nation = Code(json.Nation, $"{at}.nation"),
        Kind = Enum<AgencyKind>(json.Kind, $"{at}.kind"),
        Parent = json.Parent,
        Sources = Strings(json.Sources, $"{at}.sources"),
    };

    private Person ToPerson(PersonJson json, string at)
    {
        var roles = ImmutableArray.CreateBuilder<PersonRole>();
        for (var i = 0; i < (json.Roles?.Count ?? 0); i++)
        {
            var roleAt = $"{at}.roles[{i}]";
            if (json.Roles![i] is not { } role)
            {
                Error(DataErrorKind.MissingValue, roleAt, "Expected a role, found null.");
                continue;
            }

            Unknown(role, roleAt);
            roles.Add(new PersonRole
            {
                Title = Required(role.Title, roleAt, "title"),
                Agency = role.Agency,
                From = OptionalDate(role.From, $"{roleAt}.from"),
                To = OptionalDate(role.To, $"{roleAt}.to"),
                Note = role.Note,
            });
        }

        return new Person
        {
            Id = Required(json.Id, at, "id"),
            Name = Required(json.Name, at, "name"),
            Nation = json.Nation is null ? null : Code(json.Nation, $"{at}.nation"),
            Title = json.Title,
            Roles = roles.ToImmutable(),
            Sources = Strings(json.Sources, $"{at}.sources"),
            Note = json.Note,
        };
    }

    private Accord ToAccord(AccordJson json, string at) => new()
    {
        Id = Required(json.Id, at, "id"),
        Title = Required(json.Title, at, "title"),
        Kind = Enum<AccordKind>(json.Kind, $"{at}.kind"),
        Parties = Codes(json.Parties, $"{at}.parties"),
        Signatories = Strings(json.Signatories, $"{at}.signatories"),
        Signed = OptionalDate(json.Signed, $"{at}.signed"),
        Place = json.Place,
        Topics = Enums<Topic>(json.Topics, $"{at}.topics"),
        Status = json.Status is null ? AccordStatus.Unknown : Enum<AccordStatus>(json.Status, $"{at}.status"),
        BuildsOn = Strings(json.BuildsOn, $"{at}.buildsOn"),
        Sources = Strings(json.Sources, $"{at}.sources"),
        Note = json.Note,
    };

    private Statistic ToStatistic(StatisticJson json, string at)
    {
        Period? period = null;
        if (json.Period is not null)
        {
            if (Model.Period.TryParse(json.Period, out var parsed))
            {
                period = parsed;
            }
            else
            {
                Error(DataErrorKind.InvalidDate, $"{at}.period", $"'{json.Period}' is not a period: expected yyyy, yyyy-MM, yyyy-MM-dd or from..to, with real dates, from before to.");
            }
        }

        Unit unit = default;
        if (json.Unit is null)
        {
            Error(DataErrorKind.MissingValue, $"{at}.unit", "Expected a unit or currency code.");
        }
        else if (!Model.Unit.TryParse(json.Unit, out unit))
        {
            Error(DataErrorKind.UnknownUnit, $"{at}.unit", $"'{json.Unit}' is neither a known unit ({string.Join(", ", Model.Unit.MeasurementCodes)}) nor an ISO 4217 currency code.");
        }

        return new Statistic
        {
            Id = Required(json.Id, at, "id"),
            Metric = Enum<Metric>(json.Metric, $"{at}.metric"),
            Nations = Codes(json.Nations, $"{at}.nations"),
            Agency = json.Agency,
            Place = json.Place,
            Value = Number(json.Value, $"{at}.value"),
            Unit = unit,
            Period = period,
            Source = Required(json.Source, at, "source"),
            Note = json.Note,
        };
    }

    private Event ToEvent(EventJson json, string at) => new()
    {
        Id = Required(json.Id, at, "id"),
        Kind = Enum<EventKind>(json.Kind, $"{at}.kind"),
        Title = Required(json.Title, at, "title"),
        Date = OptionalDate(json.Date, $"{at}.date"),
        Place = json.Place,
        Nations = Codes(json.Nations, $"{at}.nations"),
        Agencies = Strings(json.Agencies, $"{at}.agencies"),
        People = Strings(json.People, $"{at}.people"),
        Accords = Strings(json.Accords, $"{at}.accords"),
        Topics = Enums<Topic>(json.Topics, $"{at}.topics"),
        Sources = Strings(json.Sources, $"{at}.sources"),
        Note = json.Note,
    };

    private string Required(string? value, string at, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(DataErrorKind.MissingValue, $"{at}.{property}", $"Expected a non-empty '{property}'.");
            return string.Empty;
        }

        return value;
    }

    private decimal Number(JsonElement? value, string at)
    {
        if (value is { ValueKind: JsonValueKind.Number } number && number.TryGetDecimal(out var result))
        {
            return result;
        }

        Error(value is null ? DataErrorKind.MissingValue : DataErrorKind.InvalidValue, at, value is null
            ? "Expected a number."
            : $"Expected a number, found {value.Value.ValueKind.ToString().ToLowerInvariant()} {value.Value.GetRawText()}.");
        return 0m;
    }

    private NationCode Code(string? value, string at)
    {
        if (NationCode.TryParse(value, out var code))
        {
            return code;
        }

        Error(value is null ? DataErrorKind.MissingValue : DataErrorKind.UnknownNationCode, at, value is null
            ? "Expected an ISO 3166-1 alpha-3 nation code."
            : $"'{value}' is not an ISO 3166-1 alpha-3 nation code.");
        return default;
    }

    private ImmutableArray<NationCode> Codes(List<string?>? values, string at)
    {
        var builder = ImmutableArray.CreateBuilder<NationCode>(values?.Count ?? 0);
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            builder.Add(Code(values![i], $"{at}[{i}]"));
        }

        return builder.MoveToImmutable();
    }

    private ImmutableArray<string> Strings(List<string?>? values, string at)
    {
        var builder = ImmutableArray.CreateBuilder<string>(values?.Count ?? 0);
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            var value = values![i];
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(DataErrorKind.MissingValue, $"{at}[{i}]", "Expected a non-empty id.");
            }

            builder.Add(value ?? string.Empty);
        }

        return builder.MoveToImmutable();
    }

    private PartialDate? OptionalDate(string? value, string at)
    {
        if (value is null)
        {
            return null;
        }

        if (PartialDate.TryParse(value, out var date))
        {
            return date;
        }

        Error(DataErrorKind.InvalidDate, at, $"'{value}' is not a date: expected yyyy, yyyy-MM or yyyy-MM-dd, and a real calendar date.");
        return null;
    }

    private TEnum Enum<TEnum>(string? value, string at)
        where TEnum : struct, Enum
    {
        foreach (var name in System.Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return System.Enum.Parse<TEnum>(name);
            }
        }

        Error(value is null ? DataErrorKind.MissingValue : DataErrorKind.UnknownEnumMember, at, value is null
            ? $"Expected a {typeof(TEnum).Name}: one of {string.Join(", ", System.Enum.GetNames<TEnum>())}."
            : $"'{value}' is not a {typeof(TEnum).Name}: expected one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return default;
    }

    private ImmutableArray<TEnum> Enums<TEnum>(List<string?>? values, string at)
        where TEnum : struct, Enum
    {
        var builder = ImmutableArray.CreateBuilder<TEnum>(values?.Count ?? 0);
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            builder.Add(Enum<TEnum>(values![i], $"{at}[{i}]"));
        }

        return builder.MoveToImmutable();
    }

    private void Unknown(JsonRecord record, string at)
    {
        foreach (var name in record.Unknown?.Keys ?? (IEnumerable<string>)[])
        {
            Error(DataErrorKind.UnknownProperty, $"{at}.{name}", $"'{name}' is not a property here.");
        }
    }

    private void Error(DataErrorKind kind, string path, string message) =>
        _errors.Add(new DataError { Kind = kind, Message = message, Path = path, File = _file, Line = _lines.LineOf(path) });
}
