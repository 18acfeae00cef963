using System.ComponentModel;

namespace BorderDomain.CompilerServices;

/// <summary>The test a predicate applies to its path.</summary>
/// <remarks>Part of the generated-code contract (<see cref="GeneratedCodeContract"/>): the members' values never change.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PredicateOperator
{
    /// <summary>A bare boolean field: <c>where disputed</c>.</summary>
    IsTrue = 1,

    /// <summary><c>=</c>; for dates, "falls inside".</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>; for dates, "on or before its end".</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>; for dates, "on or after its start".</summary>
    GreaterOrEqual,

    /// <summary><c>in (…)</c>.</summary>
    In,

    /// <summary><c>not in (…)</c>.</summary>
    NotIn,

    /// <summary><c>between … and …</c>, both ends included.</summary>
    Between,

    /// <summary><c>has x</c> on a collection.</summary>
    Has,

    /// <summary><c>has any (…)</c> on a collection.</summary>
    HasAny,

    /// <summary><c>has all (…)</c> on a collection.</summary>
    HasAll,

    /// <summary><c>contains "…"</c>, case- and accent-insensitive.</summary>
    Contains,

    /// <summary><c>startswith "…"</c>, case- and accent-insensitive.</summary>
    StartsWith,

    /// <summary><c>endswith "…"</c>, case- and accent-insensitive.</summary>
    EndsWith,

    /// <summary><c>is null</c>.</summary>
    IsNull,

    /// <summary><c>is not null</c>.</summary>
    IsNotNull,
}
