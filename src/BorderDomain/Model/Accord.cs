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

    /// <summary>The ids of the agencies that agreed to it, pledged it or are party to it without a known signature.</summary>
    [Indexed, References("agencies")]
    public ImmutableArray<string> AgreedBy { get; init; } = [];

    /// <summary>The ids of the agencies that approved or adopted it.</summary>
    [Indexed, References("agencies")]
    public ImmutableArray<string> ApprovedBy { get; init; } = [];

    /// <summary>The ids of the people who signed, agreed or approved it for those bodies.</summary>
    [Indexed, References("people")]
    public ImmutableArray<string> People { get; init; } = [];

    /// <summary>When it was signed (a signing only): the narrowest interval the sources support.</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? Signed { get; init; }

    /// <summary>How <see cref="Signed"/> was obtained.</summary>
    [Indexed]
    public DateBasis? SignedBasis { get; init; }

    /// <summary>When it was agreed, pledged, confirmed or approved without a signing.</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? Agreed { get; init; }

    /// <summary>How <see cref="Agreed"/> was obtained.</summary>
    [Indexed]
    public DateBasis? AgreedBasis { get; init; }

    /// <summary>When a planned accord is expected (only with <see cref="AccordStatus.Planned"/>).</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? PlannedFor { get; init; }

    /// <summary>How <see cref="PlannedFor"/> was obtained.</summary>
    [Indexed]
    public DateBasis? PlannedForBasis { get; init; }

    /// <summary>The id of the place where it was signed or agreed.</summary>
    [Indexed, References("places")]
    public string? Place { get; init; }

    /// <summary>The ids of the organizations it is aimed at (an armed group, a cartel).</summary>
    [Indexed, References("organizations")]
    public ImmutableArray<string> Targets { get; init; } = [];

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
