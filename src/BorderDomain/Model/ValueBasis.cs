namespace BorderDomain.Model;

/// <summary>How exact a <see cref="Statistic"/>'s value is.</summary>
public enum ValueBasis
{
    /// <summary>The source gives the number itself.</summary>
    Exact = 1,

    /// <summary>The source gives the number as approximate ("about").</summary>
    Approximate,

    /// <summary>The value is a lower bound ("at least").</summary>
    AtLeast,

    /// <summary>The value is an upper bound ("at most").</summary>
    AtMost,

    /// <summary>The real number is above the value ("more than").</summary>
    MoreThan,

    /// <summary>The value is the low end and <see cref="Statistic.ValueTo"/> the high end of a range.</summary>
    Range,
}
