using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>
/// One event participant as a queryable row: computed by the store from each event's <see cref="Event.Participants"/>
/// (in event order), never read from a data file.
/// </summary>
[QuerySet("participants")]
public sealed record Participation
{
    /// <summary>The event's id, <c>#</c> and the participant's 1-based position in it; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The id of the event.</summary>
    [Indexed, References("events")]
    public required string Event { get; init; }

    /// <summary>The id of the agency that took part, or null.</summary>
    [Indexed, References("agencies")]
    public string? Agency { get; init; }

    /// <summary>The id of the person who took part, or null.</summary>
    [Indexed, References("people")]
    public string? Person { get; init; }

    /// <summary>The id of the organization that took part, or null.</summary>
    [Indexed, References("organizations")]
    public string? Organization { get; init; }

    /// <summary>The part it played.</summary>
    [Indexed]
    public required ParticipantRole Role { get; init; }

    /// <summary>The event's sources, for citations.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];
}
