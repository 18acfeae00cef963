using System.Collections.Generic;
using System.Text.Json;

namespace BorderDomain.Data.Json;

// The data file as written, filled in by DatasetBinder: plain strings for codes, dates, units and enum names, so the
// reader can check each value itself and report every bad one with its path, rather than stopping at the first.

/// <summary>What every record read from a file carries besides its own properties.</summary>
internal abstract class JsonRecord
{
    /// <summary>Properties the record carries that the schema does not define, in file order.</summary>
    public List<string>? Unknown { get; set; }

    /// <summary>The value in the file was not an object; its error is reported and the record is skipped.</summary>
    public bool Invalid { get; init; }
}

/// <summary>A data file: per <see cref="BundledSets.All"/> entry, at its index, the records it carries as written (or null).</summary>
internal sealed class DatasetDocument : JsonRecord
{
    /// <summary>The bound records of each set (a <c>List&lt;TJson?&gt;</c>), null where the file has none.</summary>
    public object?[] Sets { get; } = new object?[BundledSets.All.Length];
}

internal sealed class SourceJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Publisher { get; set; }

    public string? Dateline { get; set; }

    public string? Title { get; set; }

    public string? Published { get; set; }

    public string? Author { get; set; }

    public string? Kind { get; set; }

    public string? Note { get; set; }
}

internal sealed class NationJson : JsonRecord
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Region { get; set; }

    public List<string?>? Neighbours { get; set; }
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

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Note { get; set; }
}

internal sealed class PersonJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Name { get; set; }

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

    public string? Signed { get; set; }

    public string? Place { get; set; }

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

    public string? Place { get; set; }

    public JsonElement? Value { get; set; }

    public string? Unit { get; set; }

    public string? Period { get; set; }

    public string? Source { get; set; }

    public string? Note { get; set; }
}

internal sealed class EventJson : JsonRecord
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Date { get; set; }

    public string? Place { get; set; }

    public List<string?>? Nations { get; set; }

    public List<string?>? Agencies { get; set; }

    public List<string?>? People { get; set; }

    public List<string?>? Accords { get; set; }

    public List<string?>? Topics { get; set; }

    public List<string?>? Sources { get; set; }

    public string? Note { get; set; }
}
