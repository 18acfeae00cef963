using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>
/// One role of a person as a queryable row: computed by the store from each person's <see cref="Person.Roles"/> (in
/// person order), never read from a data file.
/// </summary>
[QuerySet("affiliations")]
public sealed record Affiliation
{
    /// <summary>The person's id, <c>#</c> and the role's 1-based position; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The id of the person.</summary>
    [Indexed, References("people")]
    public required string Person { get; init; }

    /// <summary>The office or role.</summary>
    [Indexed(IndexKind.Text)]
    public required string Title { get; init; }

    /// <summary>The id of the agency the office belongs to, if any.</summary>
    [Indexed, References("agencies")]
    public string? Agency { get; init; }

    /// <summary>The id of the organization the role belongs to, if any.</summary>
    [Indexed, References("organizations")]
    public string? Organization { get; init; }

    /// <summary>When the person took the role, if known.</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? From { get; init; }

    /// <summary>How <see cref="From"/> was obtained.</summary>
    [Indexed]
    public DateBasis? FromBasis { get; init; }

    /// <summary>When the person left the role, if known.</summary>
    [Indexed(IndexKind.Sorted)]
    public Period? To { get; init; }

    /// <summary>How <see cref="To"/> was obtained.</summary>
    [Indexed]
    public DateBasis? ToBasis { get; init; }

    /// <summary>The id of the person this one replaced in the office, if the sources say.</summary>
    [Indexed, References("people")]
    public string? Predecessor { get; init; }

    /// <summary>The person's sources, for citations.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];
}
