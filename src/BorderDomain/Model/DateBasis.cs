namespace BorderDomain.Model;

/// <summary>How an uncertain date was obtained from its source (the companion <c>…Basis</c> field of a date).</summary>
public enum DateBasis
{
    /// <summary>The source gives it (also "the same day" pointing at a stated date).</summary>
    Stated = 1,

    /// <summary>Computed from a relative phrase and the publication date or dateline ("last week", a year left out).</summary>
    Inferred,

    /// <summary>The source qualifies it vaguely ("late 2011", "mid-November"); the value contains it.</summary>
    Approximate,

    /// <summary>Only known to be no later than the end of the value; stored as an open-start period (<c>..2025-12-12</c>).</summary>
    UpperBound,

    /// <summary>Only known to be no earlier than the start of the value; stored as an open-end period (<c>2022-10..</c>).</summary>
    LowerBound,

    /// <summary>Stated, but the sources themselves make it implausible; the note says why.</summary>
    Doubtful,
}
