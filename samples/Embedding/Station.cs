using System.Collections.Immutable;
using BorderDomain.Model;
using BorderDomain.Schema;

namespace Embedding;

/// <summary>
/// A second set of this project's own records: the border stations crossings are recorded at. A crossing's
/// <c>station</c> field references it (<c>[References("stations")]</c>), so a query on crossings can read
/// <c>station.nation</c> when both tables are in one <c>QueryStore</c>.
/// </summary>
[QuerySet("stations")]
public sealed record Station
{
    /// <summary>The station's id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The station's name.</summary>
    public required string Name { get; init; }

    /// <summary>The nation that runs the station.</summary>
    [Indexed]
    public required NationCode Nation { get; init; }

    /// <summary>The invented data the sample queries.</summary>
    public static ImmutableArray<Station> SampleData { get; } =
    [
        new() { Id = "s-ec-1", Name = "Huaquillas", Nation = NationCode.Ecuador },
        new() { Id = "s-pe-1", Name = "Aguas Verdes", Nation = NationCode.Peru },
        new() { Id = "s-pe-2", Name = "El Estrecho", Nation = NationCode.Peru },
        new() { Id = "s-pe-3", Name = "La Tina", Nation = NationCode.Peru },
        new() { Id = "s-co-1", Name = "Ipiales", Nation = NationCode.Colombia },
    ];
}
