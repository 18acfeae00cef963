using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>
/// What someone said, as a source reports it: who spoke (a person, a body, or both), when, about what, and a short
/// summary in this project's own words (never the quote itself).
/// </summary>
[QuerySet("statements")]
public sealed record Statement
{
    /// <summary>A stable readable id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The id of the person who spoke, if the source names one.</summary>
    [Indexed, References("people")]
    public string? Speaker { get; init; }

    /// <summary>The id of the agency speaking, or the one the speaker speaks for.</summary>
    [Indexed, References("agencies")]
    public string? SpeakerAgency { get; init; }

    /// <summary>The id of the organization speaking, or the one the speaker speaks for.</summary>
    [Indexed, References("organizations")]
    public string? SpeakerOrganization { get; init; }

    /// <summary>The nations whose unnamed authorities or officials spoke.</summary>
    [Indexed, References("nations")]
    public ImmutableArray<NationCode> SpeakerNations { get; init; } = [];

    /// <summary>When it was said: the narrowest interval the source supports (see <see cref="DateBasis"/>).</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? Date { get; init; }

    /// <summary>How <see cref="Date"/> was obtained; <see langword="null"/> when there is no date.</summary>
    [Indexed]
    public DateBasis? DateBasis { get; init; }

    /// <summary>What it was about.</summary>
    [Indexed]
    public ImmutableArray<Topic> Topics { get; init; } = [];

    /// <summary>What was said, in this project's own words.</summary>
    [Indexed(IndexKind.Text)]
    public required string Summary { get; init; }

    /// <summary>The id of the event it was said at, if any.</summary>
    [Indexed, References("events")]
    public string? Event { get; init; }

    /// <summary>The ids of the accords it is about.</summary>
    [Indexed, References("accords")]
    public ImmutableArray<string> Accords { get; init; } = [];

    /// <summary>The id of the source that reports it.</summary>
    [Indexed, References("sources")]
    public required string Source { get; init; }

    /// <summary>What the source leaves open or states doubtfully.</summary>
    public string? Note { get; init; }
}
