using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>A nation, keyed by its ISO 3166-1 code.</summary>
[QuerySet("nations")]
public sealed record Nation
{
    /// <summary>The ISO 3166-1 code; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required NationCode Code { get; init; }

    /// <summary>The nation's common English name.</summary>
    [Indexed(IndexKind.Text)]
    public required string Name { get; init; }

    /// <summary>The world region, e.g. <c>South America</c>.</summary>
    [Indexed]
    public required string Region { get; init; }

    /// <summary>The nations it shares a land border with.</summary>
    [Indexed]
    public ImmutableArray<NationCode> Neighbours { get; init; } = [];

    /// <summary>The ids of the sources its values come from: reports that state them, or a reference work such as ISO 3166-1.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];
}
