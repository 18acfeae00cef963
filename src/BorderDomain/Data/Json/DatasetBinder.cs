using System;
using System.Collections.Generic;
using System.Text.Json;

namespace BorderDomain.Data.Json;

/// <summary>
/// Reads a parsed data file into <see cref="DatasetDocument"/> value by value. A value of the wrong JSON type is an
/// error in the file's own words (<c>Expected an array of accord records, found a string.</c>) with its path and
/// line, and reading goes on, so one pass reports every such value; the load is rejected anyway.
/// </summary>
internal sealed class DatasetBinder
{
    /// <summary>
    /// Stands for a string that could not be read (of the wrong type, or holding a lone surrogate) and was reported
    /// already, so that the reader reports nothing more about it. Compared by reference.
    /// </summary>
    public static readonly string Reported = new('\uFFFD', 1);

    private readonly string? _file;
    private readonly JsonLineMap _lines;
    private readonly DataErrorSink _errors;

    private DatasetBinder(string? file, JsonLineMap lines, DataErrorSink errors)
    {
        _file = file;
        _lines = lines;
        _errors = errors;
    }

    /// <summary>The document's records, or null (with the error reported) when the document is not an object.</summary>
    public static DatasetDocument? Bind(JsonElement root, string? file, JsonLineMap lines, DataErrorSink errors)
    {
        var binder = new DatasetBinder(file, lines, errors);
        if (root.ValueKind != JsonValueKind.Object)
        {
            binder.WrongType("$", null, -1, DataMessages.AnObject, root.ValueKind);
            return null;
        }

        var document = new DatasetDocument();
        foreach (var property in root.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            if (BundledSets.Find(name) is { } set)
            {
                document.Sets[set.Index] = set.Bind(binder, value);
            }
            else
            {
                AddUnknown(document, name);
            }
        }

        return document;
    }

    internal SourceJson Source(JsonElement element, string at)
    {
        var record = new SourceJson();
        foreach (var property in element.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "id": record.Id = String(value, at, name); break;
                case "publisher": record.Publisher = String(value, at, name); break;
                case "dateline": record.Dateline = String(value, at, name); break;
                case "title": record.Title = String(value, at, name); break;
                case "published": record.Published = String(value, at, name); break;
                case "author": record.Author = String(value, at, name); break;
                case "kind": record.Kind = String(value, at, name); break;
                case "note": record.Note = String(value, at, name); break;
                default: AddUnknown(record, name); break;
            }
        }

        return record;
    }

    internal NationJson Nation(JsonElement element, string at)
    {
        var record = new NationJson();
        foreach (var property in element.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "code": record.Code = String(value, at, name); break;
                case "name": record.Name = String(value, at, name); break;
                case "region": record.Region = String(value, at, name); break;
                case "neighbours": record.Neighbours = Strings(value, at, name); break;
                default: AddUnknown(record, name); break;
            }
        }

        return record;
    }

    internal AgencyJson Agency(JsonElement element, string at)
    {
        var record = new AgencyJson();
        foreach (var property in element.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "id": record.Id = String(value, at, name); break;
                case "name": record.Name = String(value, at, name); break;
                case "officialName": record.OfficialName = String(value, at, name); break;
                case "acronym": record.Acronym = String(value, at, name); break;
                case "nation": record.Nation = String(value, at, name); break;
                case "kind": record.Kind = String(value, at, name); break;
                case "parent": record.Parent = String(value, at, name); break;
                case "sources": record.Sources = Strings(value, at, name); break;
                default: AddUnknown(record, name); break;
            }
        }

        return record;
    }

    private PersonRoleJson Role(JsonElement element, string at)
    {
        var record = new PersonRoleJson();
        foreach (var property in element.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "title": record.Title = String(value, at, name); break;
                case "agency": record.Agency = String(value, at, name); break;
                case "from": record.From = String(value, at, name); break;
                case "to": record.To = String(value, at, name); break;
                case "note": record.Note = String(value, at, name); break;
                default: AddUnknown(record, name); break;
            }
        }

        return record;
    }

    internal PersonJson Person(JsonElement element, string at)
    {
        var record = new PersonJson();
        foreach (var property in element.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "id": record.Id = String(value, at, name); break;
                case "name": record.Name = String(value, at, name); break;
                case "nation": record.Nation = String(value, at, name); break;
                case "title": record.Title = String(value, at, name); break;
                case "roles": record.Roles = Records(value, $"{at}.roles", "role", Role); break;
                case "sources": record.Sources = Strings(value, at, name); break;
                case "note": record.Note = String(value, at, name); break;
                default: AddUnknown(record, name); break;
            }
        }

        return record;
    }

    internal AccordJson Accord(JsonElement element, string at)
    {
        var record = new AccordJson();
        foreach (var property in element.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "id": record.Id = String(value, at, name); break;
                case "title": record.Title = String(value, at, name); break;
                case "kind": record.Kind = String(value, at, name); break;
                case "parties": record.Parties = Strings(value, at, name); break;
                case "signatories": record.Signatories = Strings(value, at, name); break;
                case "signed": record.Signed = String(value, at, name); break;
                case "place": record.Place = String(value, at, name); break;
                case "topics": record.Topics = Strings(value, at, name); break;
                case "status": record.Status = String(value, at, name); break;
                case "buildsOn": record.BuildsOn = Strings(value, at, name); break;
                case "sources": record.Sources = Strings(value, at, name); break;
                case "note": record.Note = String(value, at, name); break;
                default: AddUnknown(record, name); break;
            }
        }

        return record;
    }

    internal StatisticJson Statistic(JsonElement element, string at)
    {
        var record = new StatisticJson();
        foreach (var property in element.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "id": record.Id = String(value, at, name); break;
                case "metric": record.Metric = String(value, at, name); break;
                case "nations": record.Nations = Strings(value, at, name); break;
                case "agency": record.Agency = String(value, at, name); break;
                case "place": record.Place = String(value, at, name); break;
                case "value": record.Value = value.ValueKind == JsonValueKind.Null ? null : value; break; // the reader checks it
                case "unit": record.Unit = String(value, at, name); break;
                case "period": record.Period = String(value, at, name); break;
                case "source": record.Source = String(value, at, name); break;
                case "note": record.Note = String(value, at, name); break;
                default: AddUnknown(record, name); break;
            }
        }

        return record;
    }

    internal EventJson Event(JsonElement element, string at)
    {
        var record = new EventJson();
        foreach (var property in element.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "id": record.Id = String(value, at, name); break;
                case "kind": record.Kind = String(value, at, name); break;
                case "title": record.Title = String(value, at, name); break;
                case "date": record.Date = String(value, at, name); break;
                case "place": record.Place = String(value, at, name); break;
                case "nations": record.Nations = Strings(value, at, name); break;
                case "agencies": record.Agencies = Strings(value, at, name); break;
                case "people": record.People = Strings(value, at, name); break;
                case "accords": record.Accords = Strings(value, at, name); break;
                case "topics": record.Topics = Strings(value, at, name); break;
                case "sources": record.Sources = Strings(value, at, name); break;
                case "note": record.Note = String(value, at, name); break;
                default: AddUnknown(record, name); break;
            }
        }

        return record;
    }

    /// <summary>An array of records; null elements stay null (the reader reports them), other non-objects are reported here.</summary>
    internal List<T?>? Records<T>(JsonElement value, string path, string noun, Func<JsonElement, string, T> bind)
        where T : JsonRecord, new()
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(path, null, -1, DataMessages.AnArrayOfRecords(noun), value.ValueKind);
            return null;
        }

        var records = new List<T?>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Null:
                    records.Add(null);
                    break;
                case JsonValueKind.Object:
                    records.Add(bind(item, $"{path}[{records.Count}]"));
                    break;
                default:
                    WrongType(path, null, records.Count, DataMessages.ARecord(noun), item.ValueKind);
                    records.Add(new T { Invalid = true });
                    break;
            }
        }

        return records;
    }

    private string? String(JsonElement value, string at, string property)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return Text(value);
            default:
                WrongType(at, property, -1, DataMessages.AString, value.ValueKind);
                return Reported;
        }
    }

    private List<string?>? Strings(JsonElement value, string at, string property)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(at, property, -1, DataMessages.AnArrayOfStrings, value.ValueKind);
            return null;
        }

        var strings = new List<string?>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Null:
                    strings.Add(null);
                    break;
                case JsonValueKind.String:
                    strings.Add(Text(item));
                    break;
                default:
                    WrongType(at, property, strings.Count, DataMessages.AString, item.ValueKind);
                    strings.Add(Reported);
                    break;
            }
        }

        return strings;
    }

    /// <summary>The string's text; <see cref="Reported"/> for one holding a lone surrogate, which the line map reported.</summary>
    private static string Text(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Reported;
        }
    }

    /// <summary>The property's name; null for one holding a lone surrogate, which the line map reported.</summary>
    private static string? Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
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

    /// <summary>Reports a wrong type at <paramref name="at"/>, its <paramref name="property"/>, and its element <paramref name="index"/>.</summary>
    private void WrongType(string at, string? property, int index, string expected, JsonValueKind found)
    {
        if (!_errors.HasRoom)
        {
            _errors.Omit();
            return;
        }

        var path = property is null ? at : $"{at}.{property}";
        path = index < 0 ? path : $"{path}[{index}]";
        _errors.Add(new DataError { Kind = DataErrorKind.MalformedJson, Path = path, File = _file, Line = _lines.LineOf(path), Message = DataMessages.WrongType(expected, found) });
    }
}
