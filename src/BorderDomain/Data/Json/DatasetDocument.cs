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

    public List<string?>? Relays { get; set; }

    public string? Note { get; set; }
}

internal sealed class NationJson : JsonRecord
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Region { get; set; }

    public List<string?>? Neighbours { get; set; }

    public List<string?>? Sources { get; set; }
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

    public List<string?>? Sources { get; set; }
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

    public List<string?>? Aliases { get; set; }

    public string? Nation { get; set; }

    public string? Title { get; set; }

    public List<PersonRoleJson?>? Roles { get; set; }

    public List<string?>? Sources { get; set; }

    public string? Note { get; set; }
}

internal sealed class AccordJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Kind { get; set; }

    public List<string?>? Parties { get; set; }

    public List<string?>? Signatories { get; set; }

    public List<string?>? AgreedBy { get; set; }

    public List<string?>? ApprovedBy { get; set; }

    public List<string?>? People { get; set; }

    public string? Signed { get; set; }

    public string? SignedBasis { get; set; }

    public string? Agreed { get; set; }

    public string? AgreedBasis { get; set; }

    public string? PlannedFor { get; set; }

    public string? PlannedForBasis { get; set; }

    public string? Place { get; set; }

    public List<string?>? Targets { get; set; }

    public List<string?>? Topics { get; set; }

    public string? Status { get; set; }

    public List<string?>? BuildsOn { get; set; }

    public List<string?>? Sources { get; set; }

    public string? Note { get; set; }
}

internal sealed class StatisticJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Metric { get; set; }

    public List<string?>? Nations { get; set; }

    public string? Agency { get; set; }

    public List<string?>? Organizations { get; set; }

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

    public List<string?>? Sites { get; set; }

    public string? PartOf { get; set; }

    public List<string?>? Nations { get; set; }

    public List<ParticipantJson?>? Participants { get; set; }

    public List<string?>? Agencies { get; set; }

    public List<string?>? People { get; set; }

    public List<string?>? Organizations { get; set; }

    public List<string?>? Accords { get; set; }

    public List<string?>? Outcomes { get; set; }

    public List<string?>? Topics { get; set; }

    public List<string?>? Sources { get; set; }

    public string? Note { get; set; }
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

    public List<string?>? Aliases { get; set; }

    public string? Kind { get; set; }

    public string? BaseNation { get; set; }

    public List<string?>? OperatesIn { get; set; }

    public List<string?>? Members { get; set; }

    public List<string?>? Leaders { get; set; }

    public string? WorksFor { get; set; }

    public List<string?>? Sources { get; set; }

    public string? Note { get; set; }
}

internal sealed class PlaceJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Nation { get; set; }

    public List<string?>? Borders { get; set; }

    public string? Within { get; set; }

    public List<string?>? Sources { get; set; }

    public string? Note { get; set; }
}

internal sealed class StatementJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Speaker { get; set; }

    public string? SpeakerAgency { get; set; }

    public string? SpeakerOrganization { get; set; }

    public List<string?>? SpeakerNations { get; set; }

    public string? Date { get; set; }

    public string? DateBasis { get; set; }

    public List<string?>? Topics { get; set; }

    public string? Summary { get; set; }

    public string? Event { get; set; }

    public List<string?>? Accords { get; set; }

    public string? Source { get; set; }

    public string? Note { get; set; }
}
