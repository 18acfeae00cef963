using System.Collections.Immutable;
using BorderDomain.Model;
using BorderDomain.Schema;

namespace Embedding;

/// <summary>How a crossing was made: the sample's own enum, which BDQ names by member (<c>mode = Road</c>).</summary>
public enum CrossingMode
{
    /// <summary>By road, at a checkpoint.</summary>
    Road = 1,

    /// <summary>On foot.</summary>
    Foot,

    /// <summary>By river.</summary>
    River,
}

/// <summary>
/// One of this project's own records: a border crossing recorded at a checkpoint. <c>[QuerySet]</c> makes it a BDQ
/// set; <c>[Indexed]</c> fields get indexes in an <c>EntityTable</c>; every public property is a field a query can name.
/// </summary>
[QuerySet("crossings")]
public sealed record Crossing
{
    /// <summary>The crossing's id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The checkpoint's name.</summary>
    [Indexed(IndexKind.Text)]
    public required string Checkpoint { get; init; }

    /// <summary>The station that recorded the crossing: a key of the <c>stations</c> set.</summary>
    [Indexed]
    [References("stations")]
    public required string Station { get; init; }

    /// <summary>The nations on either side.</summary>
    [Indexed]
    public ImmutableArray<NationCode> Nations { get; init; } = [];

    /// <summary>How the crossing was made.</summary>
    [Indexed]
    public required CrossingMode Mode { get; init; }

    /// <summary>People crossing.</summary>
    [Indexed(IndexKind.Sorted)]
    public required decimal People { get; init; }

    /// <summary>Whether anything was seized.</summary>
    [Indexed]
    public bool Seizure { get; init; }

    /// <summary>A free-text note; not indexed, still queryable (by a residual filter).</summary>
    public string? Note { get; init; }

    /// <summary>The invented data the sample queries.</summary>
    public static ImmutableArray<Crossing> SampleData { get; } =
    [
        new() { Id = "c-1", Checkpoint = "Huaquillas bridge", Station = "s-ec-1", Nations = [NationCode.Ecuador, NationCode.Peru], Mode = CrossingMode.Road, People = 1200, Note = "Weekday traffic." },
        new() { Id = "c-2", Checkpoint = "Aguas Verdes", Station = "s-pe-1", Nations = [NationCode.Ecuador, NationCode.Peru], Mode = CrossingMode.Foot, People = 300, Seizure = true, Note = "Fuel seized." },
        new() { Id = "c-3", Checkpoint = "Río Putumayo", Station = "s-pe-2", Nations = [NationCode.Colombia, NationCode.Peru], Mode = CrossingMode.River, People = 45, Seizure = true },
        new() { Id = "c-4", Checkpoint = "Macará", Station = "s-pe-3", Nations = [NationCode.Ecuador, NationCode.Peru], Mode = CrossingMode.Road, People = 640 },
        new() { Id = "c-5", Checkpoint = "Rumichaca", Station = "s-co-1", Nations = [NationCode.Colombia, NationCode.Ecuador], Mode = CrossingMode.Road, People = 2100 },
    ];
}
