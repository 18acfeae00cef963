namespace BorderDomain.Data;

/// <summary>What is wrong with a record or file a loader rejected.</summary>
public enum DataErrorKind
{
    /// <summary>
    /// The file is not well-formed JSON, is truncated, has a value of the wrong JSON type, or has a string or property
    /// name holding half of a surrogate pair (<c>\ud800</c>) without its other half.
    /// </summary>
    MalformedJson = 1,

    /// <summary>The file could not be read (missing, unreadable, or not UTF-8).</summary>
    Unreadable,

    /// <summary>A property the schema does not define.</summary>
    UnknownProperty,

    /// <summary>A property written twice in one record (only one value could be kept).</summary>
    DuplicateProperty,

    /// <summary>A required property is missing or empty.</summary>
    MissingValue,

    /// <summary>A nation code that is not an assigned ISO 3166-1 alpha-3 code.</summary>
    UnknownNationCode,

    /// <summary>A date or period that is not <c>yyyy</c>, <c>yyyy-MM</c>, <c>yyyy-MM-dd</c> (or <c>from..to</c>) or not a real date.</summary>
    InvalidDate,

    /// <summary>A unit that is neither a known measurement unit nor an ISO 4217 currency code.</summary>
    UnknownUnit,

    /// <summary>A name that is not a member of the field's enumeration (kind, topic, metric …).</summary>
    UnknownEnumMember,

    /// <summary>An id used by two records of the same set (in one file, across files, or against the store).</summary>
    DuplicateId,

    /// <summary>A reference to an id that no record has.</summary>
    DanglingReference,

    /// <summary>A chain of references that leads back to where it started (e.g. builds-on links, parent agencies).</summary>
    ReferenceCycle,

    /// <summary>
    /// A value that is not acceptable: a statistic's value that is not a number, or a number a <see cref="decimal"/>
    /// cannot hold exactly (out of range, nonzero but rounding to 0, or with more significant digits than 28–29).
    /// </summary>
    InvalidValue,

    /// <summary>The file exceeds the loader's size limit.</summary>
    TooLarge,

    /// <summary>The path itself is not usable: empty, containing a NUL character, or naming a directory.</summary>
    InvalidPath,
}
