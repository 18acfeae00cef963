using System;

namespace BorderDomain.Schema;

/// <summary>One queryable field of an entity set, as plain data (no delegates, no reflection objects).</summary>
public sealed record FieldSchema
{
    /// <summary>The field's name in queries (camel case, matched case-insensitively), e.g. <c>parties</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The C# property behind the field, e.g. <c>Parties</c>.</summary>
    public required string PropertyName { get; init; }

    /// <summary>The field's value type as queries see it (the element type, for a collection).</summary>
    public required FieldKind Kind { get; init; }

    /// <summary>The full name of the element's CLR type, e.g. <c>BorderDomain.Model.Topic</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>Whether the field holds several values (queried with <c>has</c>, <c>has any</c>, <c>has all</c>).</summary>
    public bool IsCollection { get; init; }

    /// <summary>Whether the field may be null (queried with <c>is null</c>).</summary>
    public bool IsNullable { get; init; }

    /// <summary>The index the store keeps for the field, or <see langword="null"/> for none.</summary>
    public IndexKind? Index { get; init; }

    /// <summary>The set whose key this field holds, for one-hop paths such as <c>nation.region</c>.</summary>
    public string? References { get; init; }

    /// <summary>For an <see cref="FieldKind.Enum"/> field, the member names in declaration order.</summary>
    public EquatableArray<string> EnumMembers { get; init; }

    /// <summary>Whether <paramref name="name"/> names this field (case-insensitive).</summary>
    public bool IsNamed(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
