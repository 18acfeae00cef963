using System;

namespace BorderDomain.Schema;

/// <summary>
/// Declares a record type as a BDQ entity set: its public properties become fields a query can name
/// (case-insensitively, by property name or <see cref="QueryFieldAttribute"/>), and the store builds a table for it.
/// </summary>
/// <param name="name">The set's name in queries, e.g. <c>accords</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class QuerySetAttribute(string name) : Attribute
{
    /// <summary>The set's name in queries, e.g. <c>accords</c>.</summary>
    public string Name { get; } = name;
}
