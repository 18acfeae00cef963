using System;

namespace BorderDomain.Schema;

/// <summary>
/// Marks a field (or each element of a collection field) as the key of a record in another set, so a query
/// can follow it one hop (<c>nation.region</c>) and a loader can reject dangling values.
/// </summary>
/// <param name="set">The referenced set's name, e.g. <c>nations</c>.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ReferencesAttribute(string set) : Attribute
{
    /// <summary>The referenced set's name.</summary>
    public string Set { get; } = set;
}
