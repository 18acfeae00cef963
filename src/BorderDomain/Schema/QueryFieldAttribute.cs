using System;

namespace BorderDomain.Schema;

/// <summary>Renames a property for queries, or hides it from them.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class QueryFieldAttribute : Attribute
{
    /// <summary>The field's name in queries; <see langword="null"/> keeps the property name.</summary>
    public string? Name { get; init; }

    /// <summary>When <see langword="true"/>, queries cannot name the property.</summary>
    public bool Ignore { get; init; }
}
