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
    internal const string SupportedTypes = "string, bool, int, long, decimal, double, an enum, NationCode, PartialDate, Period or Unit, each also nullable or as ImmutableArray<T>";

    /// <summary>
    /// The field kind of a CLR type by its full name (element type for collections), or <see langword="null"/> when
    /// queries cannot use it. This is the one rule for both readers of a schema: the run-time reader
    /// (<see cref="QuerySets.For{T}"/>) and the source generator skip a property whose type it rejects and list it in
    /// <see cref="EntitySetSchema.SkippedProperties"/>; the generator also warns (BDQ1010).
    /// </summary>
    public static FieldKind? KindOf(string fullTypeName, bool isEnum) => isEnum ? FieldKind.Enum : fullTypeName switch
    {
        "System.String" => FieldKind.String,
        "BorderDomain.Model.NationCode" => FieldKind.Nation,
        "BorderDomain.Model.PartialDate" => FieldKind.Date,
        "BorderDomain.Model.Period" => FieldKind.Period,
        "System.Boolean" => FieldKind.Boolean,
        "BorderDomain.Model.Unit" => FieldKind.Unit,
        "System.Decimal" or "System.Int32" or "System.Int64" or "System.Double" => FieldKind.Number,
        _ => null,
    };
}
