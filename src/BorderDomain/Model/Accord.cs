using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>An accord between nations or their agencies: a treaty, agreement, memorandum, pledge or plan.</summary>
[QuerySet("accords")]
public sealed record Accord
{
    /// <summary>A stable readable id, e.g. <c>pe-ec-2025-pledge</c>; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The title given by the source, or a descriptive one where the source gives none (see <see cref="Note"/>).</summary>
    [Indexed(IndexKind.Text)]
    public required string Title { get; init; }

    /// <summary>The form of the accord.</summary>
    [Indexed]
    public required AccordKind Kind { get; init; }

    /// <summary>The nations that are party to it.</summary>
    [Indexed, References("nations")]
    public ImmutableArray<NationCode> Parties { get; init; } = [];

    /// <summary>The ids of the agencies that signed it, where known.</summary>
    [Indexed, References("agencies")]
    public ImmutableArray<string> Signatories { get; init; } = [];

    /// <summary>When it was signed or agreed, to the precision the sources give.</summary>
    [Indexed(IndexKind.Sorted)]
    public PartialDate? Signed { get; init; }

    /// <summary>Where it was signed or agreed.</summary>
    [Indexed]
    public string? Place { get; init; }

    /// <summary>What it is about.</summary>
    [Indexed]
    public ImmutableArray<Topic> Topics { get; init; } = [];

    /// <summary>Where it stands.</summary>
    [Indexed]
    public AccordStatus Status { get; init; }

    /// <summary>The ids of earlier accords it builds on.</summary>
    [Indexed, References("accords")]
    public ImmutableArray<string> BuildsOn { get; init; } = [];

    /// <summary>The ids of the sources that report it.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
