namespace BorderDomain.Schema;

/// <summary>The value type of a field as the query language sees it.</summary>
public enum FieldKind
{
    /// <summary>Text: ids, names, titles, places. Compared case-insensitively; supports contains/startswith/endswith.</summary>
    String = 1,

    /// <summary>A member of an enum type, written as a bare identifier.</summary>
    Enum,

    /// <summary>An ISO 3166-1 nation code, written as a bare alpha-3 identifier.</summary>
    Nation,

    /// <summary>A partial date; literals are intervals.</summary>
    Date,

    /// <summary>A period (a partial date or a range of them); compared as an interval.</summary>
    Period,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A yes/no flag.</summary>
    Boolean,

    /// <summary>A unit or ISO 4217 currency code, written as a string or bare identifier.</summary>
    Unit,
}
