using System.ComponentModel;

namespace BorderDomain.CompilerServices;

/// <summary>The aggregate functions of a <c>group by</c>.</summary>
/// <remarks>Part of the generated-code contract (<see cref="GeneratedCodeContract"/>): the members' values never change.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum AggregateFunction
{
    /// <summary>The number of records in the group.</summary>
    Count = 1,

    /// <summary>The sum of a number field.</summary>
    Sum,

    /// <summary>The smallest value.</summary>
    Min,

    /// <summary>The largest value.</summary>
    Max,

    /// <summary>The mean of a number field.</summary>
    Avg,
}
