using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>A place the sources name: a city, region, checkpoint, border region or border.</summary>
[QuerySet("places")]
public sealed record Place
{
    /// <summary>A stable readable id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The name as the sources give it.</summary>
    [Indexed(IndexKind.Text)]
    public required string Name { get; init; }

    /// <summary>What kind of place it is.</summary>
    [Indexed]
    public required PlaceKind Kind { get; init; }

    /// <summary>The nation it lies in; <see langword="null"/> for a place across a border.</summary>
    [Indexed, References("nations")]
    public NationCode? Nation { get; init; }

    /// <summary>The nations on either side, for a <see cref="PlaceKind.Border"/> or <see cref="PlaceKind.BorderRegion"/> only.</summary>
    [Indexed, References("nations")]
    public ImmutableArray<NationCode> Borders { get; init; } = [];

    /// <summary>The id of the place it lies within, if the sources say.</summary>
    [Indexed, References("places")]
    public string? Within { get; init; }

    /// <summary>The ids of the sources that name it.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
