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

    /// <summary>When it happened, to the precision the sources give.</summary>
    [Indexed(IndexKind.Sorted)]
    public PartialDate? Date { get; init; }

    /// <summary>Where it happened.</summary>
    [Indexed]
    public string? Place { get; init; }

    /// <summary>The nations that took part.</summary>
    [Indexed, References("nations")]
    public ImmutableArray<NationCode> Nations { get; init; } = [];

    /// <summary>The ids of the agencies that took part.</summary>
    [Indexed, References("agencies")]
    public ImmutableArray<string> Agencies { get; init; } = [];

    /// <summary>The ids of the people who took part.</summary>
    [Indexed, References("people")]
    public ImmutableArray<string> People { get; init; } = [];

    /// <summary>The ids of the accords it produced or concerned.</summary>
    [Indexed, References("accords")]
    public ImmutableArray<string> Accords { get; init; } = [];

    /// <summary>What it was about.</summary>
    [Indexed]
    public ImmutableArray<Topic> Topics { get; init; } = [];

    /// <summary>The ids of the sources that report it.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
