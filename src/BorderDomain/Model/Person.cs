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

    /// <summary>The full name as the sources give it; <see langword="null"/> when they give only an alias.</summary>
    [Indexed(IndexKind.Text)]
    public string? Name { get; init; }

    /// <summary>Other names the sources use (<c>El Chapo</c>); a person needs a name or at least one alias.</summary>
    [Indexed]
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>The person's nation, where known.</summary>
    [Indexed, References("nations")]
    public NationCode? Nation { get; init; }

    /// <summary>The role the sources mainly name the person in, e.g. <c>President of Peru</c>.</summary>
    [Indexed(IndexKind.Text)]
    public string? Title { get; init; }

    /// <summary>The offices and roles held, with dates where known; queried through the store's computed <c>affiliations</c> set (<see cref="Affiliation"/>).</summary>
    [QueryField(Ignore = true)]
    public ImmutableArray<PersonRole> Roles { get; init; } = [];

    /// <summary>The ids of the sources that name the person.</summary>
    [Indexed, References("sources")]
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>What the sources leave open or state doubtfully.</summary>
    public string? Note { get; init; }

    /// <summary>The name, or the first alias where the sources give no name.</summary>
    internal string DisplayName => Name ?? (Aliases.IsDefaultOrEmpty ? Id : Aliases[0]);
}
