namespace BorderDomain.Schema;

/// <summary>Which index the store builds for a field marked <see cref="IndexedAttribute"/>.</summary>
public enum IndexKind
{
    /// <summary>Chosen from the field's type: posting lists for codes, enums and references, a sorted index for dates and numbers, a text index for free text.</summary>
    Auto = 0,

    /// <summary>The set's unique id: a hash map from id to row.</summary>
    Key,

    /// <summary>Posting lists: each value (each element, for a collection) maps to the sorted rows holding it.</summary>
    Posting,

    /// <summary>A sorted index: ranges answered with two binary searches.</summary>
    Sorted,

    /// <summary>A case- and accent-insensitive text index answering contains, starts-with and word-prefix matches.</summary>
    Text,
}
