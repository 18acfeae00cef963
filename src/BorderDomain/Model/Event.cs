using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>Something that happened: a meeting, visit, signing, capture, appointment …</summary>
[QuerySet("events")]
public sealed record Event
{
    /// <summary>A stable readable id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>What kind of event it was.</summary>
    [Indexed]
    public required EventKind Kind { get; init; }

    /// <summary>A short descriptive title.</summary>
    [Indexed(IndexKind.Text)]
    public required string Title { get; init; }

    /// <summary>Whether it took place; <see cref="EventStatus.Held"/> unless the sources say otherwise.</summary>
    [Indexed]
    public EventStatus Status { get; init; } = EventStatus.Held;

    /// <summary>When it happened: the narrowest interval the sources support (see <see cref="DateBasis"/>).</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? Date { get; init; }

    /// <summary>How <see cref="Date"/> was obtained; <see langword="null"/> when there is no date.</summary>
    [Indexed]
    public DateBasis? DateBasis { get; init; }

    /// <summary>The id of the place where it happened.</summary>
    [Indexed, References("places")]
    public string? Place { get; init; }

    /// <summary>The ids of other places it took in (a checkpoint a visit toured).</summary>
    [Indexed, References("places")]
    public ImmutableArray<string> Sites { get; init; } = [];

    /// <summary>The id of the larger event it was part of, if any.</summary>
    [Indexed, References("events")]
    public string? PartOf { get; init; }

    /// <summary>The nations that took part.</summary>
    [Indexed, References("nations")]
    public ImmutableArray<NationCode> Nations { get; init; } = [];

    /// <summary>Who took part and in what role; the store adds each participant to <see cref="Agencies"/>, <see cref="People"/> or <see cref="Organizations"/>.</summary>
    [QueryField(Ignore = true)]
    public ImmutableArray<Participant> Participants { get; init; } = [];

    /// <summary>The ids of the agencies that took part, in any role.</summary>
    [Indexed, References("agencies")]
    public ImmutableArray<string> Agencies { get; init; } = [];

    /// <summary>The ids of the people who took part, in any role.</summary>
    [Indexed, References("people")]
    public ImmutableArray<string> People { get; init; } = [];

    /// <summary>The ids of the organizations that took part, in any role.</summary>
    [Indexed, References("organizations")]
    public ImmutableArray<string> Organizations { get; init; } = [];

    /// <summary>The ids of the accords it concerned (those it produced are in <see cref="Outcomes"/>).</summary>
    [Indexed, References("accords")]
    public ImmutableArray<string> Accords { get; init; } = [];

    /// <summary>The ids of the accords it produced.</summary>
    [Indexed, References("accords")]
    public ImmutableArray<string> Outcomes { get; init; } = [];

    /// <summary>What it was about.</summary>
    [Indexed]
    public ImmutableArray<Topic> Topics { get; init; } = [];

    /// <summary>The ids of the sources that report it.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
