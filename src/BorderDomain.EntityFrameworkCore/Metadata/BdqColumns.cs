namespace BorderDomain.EntityFrameworkCore.Metadata;

/// <summary>
/// The names of the shadow properties <see cref="BdqModelBuilderExtensions.ApplyBdqConventions"/> adds to a record type.
/// Each is also the column name. A record keeps its own properties as they are; these hold what BDQ's semantics need
/// and what the database cannot compute the way .NET does (BDQ's own text folding), filled in .NET on every save.
/// </summary>
public static class BdqColumns
{
    /// <summary>
    /// The shadow primitive collection (<c>T[]</c>) holding an <see cref="System.Collections.Immutable.ImmutableArray{T}"/>
    /// property's elements, in the column named after the property: EF Core cannot materialize a struct collection, so
    /// the record's property is ignored by EF and copied to and from this one.
    /// </summary>
    /// <param name="property">The record's property name, e.g. <c>Parties</c>.</param>
    public static string Values(string property) => property + "_Values";

    /// <summary>
    /// A text field folded by BDQ's own <see cref="BorderDomain.Storage.TextNormalizer"/>: BDQ compares, orders and
    /// matches (<c>contains</c>, <c>startswith</c>, <c>endswith</c>) text only in this form.
    /// </summary>
    /// <param name="property">The record's property name, e.g. <c>Title</c>.</param>
    public static string Folded(string property) => property + "_Folded";

    /// <summary>A text list's elements, each folded, for <c>has</c>, <c>has any</c>, <c>has all</c>.</summary>
    /// <param name="property">The record's property name, e.g. <c>Sources</c>.</param>
    public static string FoldedElements(string property) => property + "_Folded";

    /// <summary>A nation code's alpha-3 code or a unit's code, as text, for <c>order by</c> and the key tie-break.</summary>
    /// <param name="property">The record's property name, e.g. <c>Nation</c>.</param>
    public static string Code(string property) => property + "_Code";

    /// <summary>A date or period field's first day, as a day number (days since 0001-01-01, as <c>DateOnly.DayNumber</c>).</summary>
    /// <param name="property">The record's property name, e.g. <c>Signed</c>.</param>
    public static string FirstDay(string property) => property + "_FirstDay";

    /// <summary>A date or period field's last day, as a day number.</summary>
    /// <param name="property">The record's property name.</param>
    public static string LastDay(string property) => property + "_LastDay";
}
