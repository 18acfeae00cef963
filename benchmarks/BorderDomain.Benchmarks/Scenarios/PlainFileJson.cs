using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderDomain.Benchmarks.Scenarios;

// The peer of LoadBenchmarks.JsonSerializerDeserialize: a data file's sets as plain classes of strings, numbers and
// string arrays, as System.Text.Json's source-generated deserializer fills them. Codes, kinds, dates and topics stay
// strings (nothing is parsed into the model's types), nothing is checked and nothing is indexed: the least a reader
// that makes an object per record does. Properties the classes lack (a record's rarer fields) are skipped.

/// <summary>The file: its sets, each null when absent.</summary>
public sealed class PlainFile
{
    /// <summary>The sources.</summary>
    public List<PlainSource>? Sources { get; set; }

    /// <summary>The nations.</summary>
    public List<PlainNation>? Nations { get; set; }

    /// <summary>The agencies.</summary>
    public List<PlainAgency>? Agencies { get; set; }

    /// <summary>The places.</summary>
    public List<PlainPlace>? Places { get; set; }

    /// <summary>The accords.</summary>
    public List<PlainAccord>? Accords { get; set; }

    /// <summary>The statistics.</summary>
    public List<PlainStatistic>? Statistics { get; set; }

    /// <summary>Records of every set.</summary>
    public int Count => (Sources?.Count ?? 0) + (Nations?.Count ?? 0) + (Agencies?.Count ?? 0) + (Places?.Count ?? 0)
        + (Accords?.Count ?? 0) + (Statistics?.Count ?? 0);
}

/// <summary>A source.</summary>
public sealed class PlainSource
{
    public string? Id { get; set; }
    public string? Publisher { get; set; }
    public string? Dateline { get; set; }
    public string? Title { get; set; }
    public string? Published { get; set; }
    public string? Author { get; set; }
    public string? Kind { get; set; }
    public string? Url { get; set; }
    public string[]? Relays { get; set; }
    public string? Note { get; set; }
}

/// <summary>A nation.</summary>
public sealed class PlainNation
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Region { get; set; }
    public string[]? Neighbours { get; set; }
    public string[]? Sources { get; set; }
}

/// <summary>An agency.</summary>
public sealed class PlainAgency
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? OfficialName { get; set; }
    public string? Acronym { get; set; }
    public string? Nation { get; set; }
    public string? Kind { get; set; }
    public string? Parent { get; set; }
    public string[]? Sources { get; set; }
}

/// <summary>A place.</summary>
public sealed class PlainPlace
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Nation { get; set; }
    public string[]? Borders { get; set; }
    public string? Within { get; set; }
    public string[]? Sources { get; set; }
    public string? Note { get; set; }
}

/// <summary>An accord.</summary>
public sealed class PlainAccord
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string[]? Parties { get; set; }
    public string[]? Signatories { get; set; }
    public string[]? AgreedBy { get; set; }
    public string[]? ApprovedBy { get; set; }
    public string[]? People { get; set; }
    public string? Signed { get; set; }
    public string? SignedBasis { get; set; }
    public string? Agreed { get; set; }
    public string? AgreedBasis { get; set; }
    public string? PlannedFor { get; set; }
    public string? PlannedForBasis { get; set; }
    public string? Place { get; set; }
    public string[]? Targets { get; set; }
    public string[]? Topics { get; set; }
    public string? Status { get; set; }
    public string[]? BuildsOn { get; set; }
    public string[]? Sources { get; set; }
    public string? Note { get; set; }
}

/// <summary>A statistic.</summary>
public sealed class PlainStatistic
{
    public string? Id { get; set; }
    public string? Metric { get; set; }
    public string[]? Nations { get; set; }
    public string? Agency { get; set; }
    public string[]? Organizations { get; set; }
    public string? ReportedBy { get; set; }
    public string? Place { get; set; }
    public decimal? Value { get; set; }
    public decimal? ValueTo { get; set; }
    public string? ValueBasis { get; set; }
    public string? Per { get; set; }
    public string? EquivalentTo { get; set; }
    public string? Unit { get; set; }
    public string? Period { get; set; }
    public string? PeriodBasis { get; set; }
    public string? Source { get; set; }
    public string? Note { get; set; }
}

/// <summary>The source-generated metadata of <see cref="PlainFile"/>: camel-case names, comments skipped, depth 32 (as the loader reads).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, MaxDepth = 32)]
[JsonSerializable(typeof(PlainFile))]
public sealed partial class PlainFileContext : JsonSerializerContext
{
}
