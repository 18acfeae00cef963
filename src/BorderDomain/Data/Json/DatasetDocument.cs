using System.Collections.Generic;
using System.Text.Json;

namespace BorderDomain.Data;

// One record of a data file as written, filled in by DatasetBinder while it reads the file and handed at once to
// DatasetReader: plain strings for codes, dates, units and enum names, so the reader can check each value itself and
// report every bad one with its path, rather than stopping at the first. Only one record's worth lives at a time.

/// <summary>What every record read from a file carries besides its own properties.</summary>
internal abstract class JsonRecord
{
    /// <summary>Properties the record carries that the schema does not define, in file order.</summary>
    public List<string>? Unknown { get; set; }

    /// <summary>The value in the file was not an object; its error is reported and the record is skipped.</summary>
    public bool Invalid { get; init; }
}

/// <summary>
/// A data file read whole: per <see cref="BundledSets.All"/> entry, at its index, the records of the set's property
/// (converted already, with the reader's errors held back), or null where the file has none or the set's value was
/// not an array; the file's own unknown properties in <see cref="JsonRecord.Unknown"/>.
/// </summary>
internal sealed class DatasetDocument : JsonRecord
{
    /// <summary>The records read for each set, null where the file has none.</summary>
    public SetRecords?[] Sets { get; } = new SetRecords?[BundledSets.All.Length];
}

/// <summary>
/// A JSON array of strings as read: a run of the binder's scratch list, which holds every array of the record being
/// read and is emptied once the record is converted, so an array costs no list of its own. Default: absent (or JSON null).
/// </summary>
internal readonly struct JsonStrings
{
    private readonly List<string?>? _scratch;
    private readonly int _start;

    /// <summary>The <paramref name="count"/> values from <paramref name="start"/> of <paramref name="scratch"/>.</summary>
    public JsonStrings(List<string?> scratch, int start, int count)
    {
        _scratch = scratch;
        _start = start;
        Count = count;
    }

    /// <summary>How many values the array has (0 when it is absent).</summary>
    public int Count { get; }

    /// <summary>The value at <paramref name="index"/>: null for a JSON null, <see cref="DatasetBinder.Reported"/> for one reported.</summary>
    public string? this[int index] => _scratch![_start + index];
}

/// <summary>A JSON value kept as written (a statistic's <c>value</c>), for the reader to check: its kind and raw text.</summary>
/// <param name="Kind">The kind of the value.</param>
/// <param name="Raw">Its text as written (a string with its quotes) for numbers and strings; null for the other kinds.</param>
internal readonly record struct JsonScalar(JsonValueKind Kind, string? Raw);

internal sealed class SourceJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Publisher { get; set; }

    public string? Dateline { get; set; }

    public string? Title { get; set; }

    public string? Published { get; set; }

    public string? Author { get; set; }

    public string? Kind { get; set; }

    public string? Url { get; set; }

    public JsonStrings Relays { get; set; }

    public string? Note { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Publisher = default;
        Dateline = default;
        Title = default;
        Published = default;
        Author = default;
        Kind = default;
        Url = default;
        Relays = default;
        Note = default;
    }
}

internal sealed class NationJson : JsonRecord
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Region { get; set; }

    public JsonStrings Neighbours { get; set; }

    public JsonStrings Sources { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Code = default;
        Name = default;
        Region = default;
        Neighbours = default;
        Sources = default;
    }
}

internal sealed class AgencyJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? OfficialName { get; set; }

    public string? Acronym { get; set; }

    public string? Nation { get; set; }

    public string? Kind { get; set; }

    public string? Parent { get; set; }

    public JsonStrings Sources { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Name = default;
        OfficialName = default;
        Acronym = default;
        Nation = default;
        Kind = default;
        Parent = default;
        Sources = default;
    }
}

internal sealed class PersonRoleJson : JsonRecord
{
    public string? Title { get; set; }

    public string? Agency { get; set; }

    public string? Organization { get; set; }

    public string? From { get; set; }

    public string? FromBasis { get; set; }

    public string? To { get; set; }

    public string? ToBasis { get; set; }

    public string? Predecessor { get; set; }

    public string? Note { get; set; }
}

internal sealed class PersonJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public JsonStrings Aliases { get; set; }

    public string? Nation { get; set; }

    public string? Title { get; set; }

    public List<PersonRoleJson?>? Roles { get; set; }

    public JsonStrings Sources { get; set; }

    public string? Note { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Name = default;
        Aliases = default;
        Nation = default;
        Title = default;
        Roles = default;
        Sources = default;
        Note = default;
    }
}

internal sealed class AccordJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Kind { get; set; }

    public JsonStrings Parties { get; set; }

    public JsonStrings Signatories { get; set; }

    public JsonStrings AgreedBy { get; set; }

    public JsonStrings ApprovedBy { get; set; }

    public JsonStrings People { get; set; }

    public string? Signed { get; set; }

    public string? SignedBasis { get; set; }

    public string? Agreed { get; set; }

    public string? AgreedBasis { get; set; }

    public string? PlannedFor { get; set; }

    public string? PlannedForBasis { get; set; }

    public string? Place { get; set; }

    public JsonStrings Targets { get; set; }

    public JsonStrings Topics { get; set; }

    public string? Status { get; set; }

    public JsonStrings BuildsOn { get; set; }

    public JsonStrings Sources { get; set; }

    public string? Note { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Title = default;
        Kind = default;
        Parties = default;
        Signatories = default;
        AgreedBy = default;
        ApprovedBy = default;
        People = default;
        Signed = default;
        SignedBasis = default;
        Agreed = default;
        AgreedBasis = default;
        PlannedFor = default;
        PlannedForBasis = default;
        Place = default;
        Targets = default;
        Topics = default;
        Status = default;
        BuildsOn = default;
        Sources = default;
        Note = default;
    }
}

internal sealed class StatisticJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Metric { get; set; }

    public JsonStrings Nations { get; set; }

    public string? Agency { get; set; }

    public JsonStrings Organizations { get; set; }

    public string? ReportedBy { get; set; }

    public string? Place { get; set; }

    public JsonScalar? Value { get; set; }

    public JsonScalar? ValueTo { get; set; }

    public string? ValueBasis { get; set; }

    public string? Per { get; set; }

    public string? EquivalentTo { get; set; }

    public string? Unit { get; set; }

    public string? Period { get; set; }

    public string? PeriodBasis { get; set; }

    public string? Source { get; set; }

    public string? Note { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Metric = default;
        Nations = default;
        Agency = default;
        Organizations = default;
        ReportedBy = default;
        Place = default;
        Value = default;
        ValueTo = default;
        ValueBasis = default;
        Per = default;
        EquivalentTo = default;
        Unit = default;
        Period = default;
        PeriodBasis = default;
        Source = default;
        Note = default;
    }
}

internal sealed class EventJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Status { get; set; }

    public string? Date { get; set; }

    public string? DateBasis { get; set; }

    public string? Place { get; set; }

    public JsonStrings Sites { get; set; }

    public string? PartOf { get; set; }

    public JsonStrings Nations { get; set; }

    public List<ParticipantJson?>? Participants { get; set; }

    public JsonStrings Agencies { get; set; }

    public JsonStrings People { get; set; }

    public JsonStrings Organizations { get; set; }

    public JsonStrings Accords { get; set; }

    public JsonStrings Outcomes { get; set; }

    public JsonStrings Topics { get; set; }

    public JsonStrings Sources { get; set; }

    public string? Note { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Kind = default;
        Title = default;
        Status = default;
        Date = default;
        DateBasis = default;
        Place = default;
        Sites = default;
        PartOf = default;
        Nations = default;
        Participants = default;
        Agencies = default;
        People = default;
        Organizations = default;
        Accords = default;
        Outcomes = default;
        Topics = default;
        Sources = default;
        Note = default;
    }
}

internal sealed class ParticipantJson : JsonRecord
{
    public string? Agency { get; set; }

    public string? Person { get; set; }

    public string? Organization { get; set; }

    public string? Role { get; set; }

    public string? Note { get; set; }
}

internal sealed class OrganizationJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Acronym { get; set; }

    public JsonStrings Aliases { get; set; }

    public string? Kind { get; set; }

    public string? BaseNation { get; set; }

    public JsonStrings OperatesIn { get; set; }

    public JsonStrings Members { get; set; }

    public JsonStrings Leaders { get; set; }

    public string? WorksFor { get; set; }

    public JsonStrings Sources { get; set; }

    public string? Note { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Name = default;
        Acronym = default;
        Aliases = default;
        Kind = default;
        BaseNation = default;
        OperatesIn = default;
        Members = default;
        Leaders = default;
        WorksFor = default;
        Sources = default;
        Note = default;
    }
}

internal sealed class PlaceJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Nation { get; set; }

    public JsonStrings Borders { get; set; }

    public string? Within { get; set; }

    public JsonStrings Sources { get; set; }

    public string? Note { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Name = default;
        Kind = default;
        Nation = default;
        Borders = default;
        Within = default;
        Sources = default;
        Note = default;
    }
}

internal sealed class StatementJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Speaker { get; set; }

    public string? SpeakerAgency { get; set; }

    public string? SpeakerOrganization { get; set; }

    public JsonStrings SpeakerNations { get; set; }

    public string? Date { get; set; }

    public string? DateBasis { get; set; }

    public JsonStrings Topics { get; set; }

    public string? Summary { get; set; }

    public string? Event { get; set; }

    public JsonStrings Accords { get; set; }

    public string? Source { get; set; }

    public string? Note { get; set; }

    /// <summary>Empties the record for the next one read into it (<see cref="JsonRecord.Unknown"/> too).</summary>
    public void Reset()
    {
        Unknown = null;
        Id = default;
        Speaker = default;
        SpeakerAgency = default;
        SpeakerOrganization = default;
        SpeakerNations = default;
        Date = default;
        DateBasis = default;
        Topics = default;
        Summary = default;
        Event = default;
        Accords = default;
        Source = default;
        Note = default;
    }
}
