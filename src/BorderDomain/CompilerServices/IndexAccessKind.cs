using System.ComponentModel;

namespace BorderDomain.CompilerServices;

/// <summary>How an index answers one conjunct of the filter.</summary>
/// <remarks>Part of the generated-code contract (<see cref="GeneratedCodeContract"/>): the members' values never change.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum IndexAccessKind
{
    /// <summary>The set's key map: one row at most per value.</summary>
    Key = 1,

    /// <summary>Posting lists: the union over the values (=, in, has, has any).</summary>
    PostingUnion,

    /// <summary>Posting lists: the intersection over the values (has all).</summary>
    PostingIntersection,

    /// <summary>The rows whose value is missing.</summary>
    NullRows,

    /// <summary>A range of a date index (by first or last day).</summary>
    DateRange,

    /// <summary>A range of a number index.</summary>
    NumberRange,

    /// <summary>The text index (contains, startswith, endswith).</summary>
    Text,
}
