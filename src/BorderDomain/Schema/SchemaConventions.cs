namespace BorderDomain.Schema;

/// <summary>
/// How record properties become query fields, shared by the run-time attribute reader and the source generator so
/// both see the same schema.
/// </summary>
public static class SchemaConventions
{
    /// <summary>The query name of a property: its name with a lower-case first letter (<c>BuildsOn</c> → <c>buildsOn</c>).</summary>
    public static string FieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

    /// <summary>The index <see cref="IndexKind.Auto"/> stands for: sorted for dates, periods and numbers, posting lists otherwise.</summary>
    public static IndexKind ResolveIndex(IndexKind requested, FieldKind kind) => requested != IndexKind.Auto
        ? requested
        : kind is FieldKind.Date or FieldKind.Period or FieldKind.Number ? IndexKind.Sorted : IndexKind.Posting;

    /// <summary>
    /// The types <see cref="KindOf"/> accepts, as the BDQ1010 warning and the BDQ0102 error about a skipped property
    /// list them. Change it with <see cref="KindOf"/>.
    /// </summary>
    internal const string SupportedTypes = "string, Guid, bool, int, long, decimal, double, an enum, NationCode, PartialDate, Period, DateOnly, DateTime, DateTimeOffset or Unit, each also nullable or as T[], List<T>, IReadOnlyList<T> or ImmutableArray<T>";

    /// <summary>
    /// Whether a generic type definition, by its full metadata name (<c>System.Collections.Generic.List`1</c>), holds a
    /// list field's values: <see cref="System.Collections.Immutable.ImmutableArray{T}"/>, <c>List&lt;T&gt;</c>,
    /// <c>IReadOnlyList&lt;T&gt;</c>; one-dimensional arrays <c>T[]</c> are lists too. The element type then decides the
    /// kind (<see cref="KindOf"/>). Both readers of a schema use this rule.
    /// </summary>
    public static bool IsListType(string genericDefinitionName) => genericDefinitionName switch
    {
        "System.Collections.Immutable.ImmutableArray`1" or "System.Collections.Generic.List`1" or "System.Collections.Generic.IReadOnlyList`1" => true,
        _ => false,
    };

    /// <summary>
    /// The field kind of a CLR type by its full name (element type for collections), or <see langword="null"/> when
    /// queries cannot use it. This is the one rule for both readers of a schema: the run-time reader
    /// (<see cref="QuerySets.For{T}"/>) and the source generator skip a property whose type it rejects and list it in
    /// <see cref="EntitySetSchema.SkippedProperties"/>; the generator also warns (BDQ1010).
    /// <para>
    /// <see cref="System.DateOnly"/>, <see cref="System.DateTime"/> and <see cref="System.DateTimeOffset"/> are dates of
    /// one day: a <c>DateTime</c> is the day of its calendar date whatever its <c>Kind</c> (the time of day is not
    /// compared), a <c>DateTimeOffset</c> the day of its UTC date (what a database keeps). A <see cref="System.Guid"/> is
    /// text, its lower-case <c>D</c> form, compared like any text (<c>id = "0f8fad5b-d9cb-469f-a165-70867728950e"</c>).
    /// </para>
    /// </summary>
    public static FieldKind? KindOf(string fullTypeName, bool isEnum) => isEnum ? FieldKind.Enum : fullTypeName switch
    {
        "System.String" => FieldKind.String,
        "BorderDomain.Model.NationCode" => FieldKind.Nation,
        "BorderDomain.Model.PartialDate" or "System.DateOnly" or "System.DateTime" or "System.DateTimeOffset" => FieldKind.Date,
        "System.Guid" => FieldKind.String,
        "BorderDomain.Model.Period" => FieldKind.Period,
        "System.Boolean" => FieldKind.Boolean,
        "BorderDomain.Model.Unit" => FieldKind.Unit,
        "System.Decimal" or "System.Int32" or "System.Int64" or "System.Double" => FieldKind.Number,
        _ => null,
    };
}
