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

    /// <summary>The field kind of a CLR type by its full name (element type for collections), or <see langword="null"/> when queries cannot use it.</summary>
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
