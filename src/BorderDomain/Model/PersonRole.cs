namespace BorderDomain.Model;

/// <summary>An office or role a person held, as far as the sources date it.</summary>
public sealed record PersonRole
{
    /// <summary>The office, e.g. <c>President</c> or <c>Minister of the Interior</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The id of the agency the office belongs to, if any.</summary>
    public string? Agency { get; init; }

    /// <summary>The id of the organization the role belongs to (a group the person led, an international body), if any.</summary>
    public string? Organization { get; init; }

    /// <summary>When the person took the role, if known: the narrowest interval the sources support.</summary>
    public Period? From { get; init; }

    /// <summary>How <see cref="From"/> was obtained.</summary>
    public DateBasis? FromBasis { get; init; }

    /// <summary>When the person left the role, if known.</summary>
    public Period? To { get; init; }

    /// <summary>How <see cref="To"/> was obtained.</summary>
    public DateBasis? ToBasis { get; init; }

    /// <summary>The id of the person this one replaced in the office, if the sources say.</summary>
    public string? Predecessor { get; init; }

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
