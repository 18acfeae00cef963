namespace BorderDomain.Model;

/// <summary>
/// One participant of an <see cref="Event"/>: exactly one of an agency, a person or an organization, and the role it
/// played. Queried through the store's computed <c>participants</c> set (<see cref="Participation"/>).
/// </summary>
public sealed record Participant
{
    /// <summary>The id of the agency that took part, or null.</summary>
    public string? Agency { get; init; }

    /// <summary>The id of the person who took part, or null.</summary>
    public string? Person { get; init; }

    /// <summary>The id of the organization that took part, or null.</summary>
    public string? Organization { get; init; }

    /// <summary>The part it played.</summary>
    public required ParticipantRole Role { get; init; }

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
