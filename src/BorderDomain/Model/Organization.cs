using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>
/// A body that is not a nation's agency: an armed or criminal group, an international organization, a university or a
/// civil-society group. Unlike an <see cref="Agency"/> it need not belong to one nation.
/// </summary>
[QuerySet("organizations")]
public sealed record Organization
{
    /// <summary>A stable readable id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The name as the sources give it.</summary>
    [Indexed(IndexKind.Text)]
    public required string Name { get; init; }

    /// <summary>The acronym the sources use, if any.</summary>
    [Indexed]
    public string? Acronym { get; init; }

    /// <summary>Other names the sources use for it.</summary>
    [Indexed]
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>What kind of body it is.</summary>
    [Indexed]
    public required OrganizationKind Kind { get; init; }

    /// <summary>The nation it is based in or comes from, where the sources say.</summary>
    [Indexed, References("nations")]
    public NationCode? BaseNation { get; init; }

    /// <summary>The nations the sources say it is active in.</summary>
    [Indexed, References("nations")]
    public ImmutableArray<NationCode> OperatesIn { get; init; } = [];

    /// <summary>The member nations of an international body, as far as the sources name them.</summary>
    [Indexed, References("nations")]
    public ImmutableArray<NationCode> Members { get; init; } = [];

    /// <summary>The ids of the people the sources name as its leaders.</summary>
    [Indexed, References("people")]
    public ImmutableArray<string> Leaders { get; init; } = [];

    /// <summary>The id of the organization it works for or serves, if any.</summary>
    [Indexed, References("organizations")]
    public string? WorksFor { get; init; }

    /// <summary>The ids of the sources that name it.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
