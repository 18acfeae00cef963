using System.Collections.Immutable;
using BorderDomain.Schema;

namespace BorderDomain.Model;

/// <summary>A person the sources name: an official, analyst or wanted criminal.</summary>
[QuerySet("people")]
public sealed record Person
{
    /// <summary>A stable readable id; the set's key.</summary>
    [Indexed(IndexKind.Key)]
    public required string Id { get; init; }

    /// <summary>The full name as the sources give it.</summary>
    [Indexed(IndexKind.Text)]
    public required string Name { get; init; }

    /// <summary>The person's nation, where known.</summary>
    [Indexed, References("nations")]
    public NationCode? Nation { get; init; }

    /// <summary>The role the sources mainly name the person in, e.g. <c>President of Peru</c>.</summary>
    [Indexed(IndexKind.Text)]
    public string? Title { get; init; }

    /// <summary>The offices and roles held, with dates where known.</summary>
    [QueryField(Ignore = true)]
    public ImmutableArray<PersonRole> Roles { get; init; } = [];

    /// <summary>The ids of the sources that name the person.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }
}
