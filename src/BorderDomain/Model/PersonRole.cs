namespace BorderDomain.Model;

/// <summary>An office or role a person held, as far as the sources date it.</summary>
public sealed record PersonRole
{
    /// <summary>The office, e.g. <c>President</c> or <c>Minister of the Interior</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The id of the agency the office belongs to, if any.</summary>
    public string? Agency { get; init; }

    /// <summary>When the person took the role, if known.</summary>
    public PartialDate? From { get; init; }

    /// <summary>When the person left the role, if known.</summary>
    public PartialDate? To { get; init; }

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
