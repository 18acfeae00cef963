using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>A public body of one nation: a police force, customs service, ministry, embassy, court …</summary>
[QuerySet("agencies")]
public sealed record Agency
{
    /// <summary>A stable readable id, e.g. <c>pe-pnp</c>; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The name in English.</summary>
    [Indexed(IndexKind.Text)]
    public required string Name { get; init; }

    /// <summary>The official name in the nation's own language, where it differs from <see cref="Name"/>.</summary>
    public string? OfficialName { get; init; }

    /// <summary>The usual acronym, e.g. <c>PNP</c> or <c>CBP</c>.</summary>
    [Indexed]
    public string? Acronym { get; init; }

    /// <summary>The nation the body belongs to.</summary>
    [Indexed, References("nations")]
    public required NationCode Nation { get; init; }

    /// <summary>What kind of body it is.</summary>
    [Indexed]
    public required AgencyKind Kind { get; init; }

    /// <summary>The id of the body it belongs to, e.g. the State Department for its narcotics bureau (INL).</summary>
    [Indexed, References("agencies")]
    public string? Parent { get; init; }

    /// <summary>The ids of the sources that name it.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];
}
