using System;

namespace BorderDomain.Schema;

/// <summary>Asks the store to index a field of a <see cref="QuerySetAttribute"/> record.</summary>
/// <param name="kind">The index to build; <see cref="IndexKind.Auto"/> picks one from the field's type.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class IndexedAttribute(IndexKind kind = IndexKind.Auto) : Attribute
{
    /// <summary>The index to build.</summary>
    public IndexKind Kind { get; } = kind;
}
