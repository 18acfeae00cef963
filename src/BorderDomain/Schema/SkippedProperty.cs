namespace BorderDomain.Schema;

/// <summary>
/// A public property of a <see cref="QuerySetAttribute"/> record that is not a query field because queries do not
/// support its type (see <see cref="SchemaConventions.KindOf"/>). The run-time reader and the source generator both
/// skip such a property rather than fail; the generator also warns (BDQ1010), and a query that names it gets a
/// BDQ0102 saying its type is not supported.
/// </summary>
public sealed record SkippedProperty
{
    /// <summary>The name the field would have in queries, e.g. <c>started</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The C# property, e.g. <c>Started</c>.</summary>
    public required string PropertyName { get; init; }

    /// <summary>The property's type by full name, generic arguments in angle brackets, e.g. <c>System.Collections.Generic.List&lt;System.String&gt;</c>.</summary>
    public required string TypeName { get; init; }
}
