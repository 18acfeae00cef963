namespace BorderDomain.Model;

/// <summary>What a <see cref="Unit"/> measures.</summary>
public enum UnitKind
{
    /// <summary>A count of things (people, cases, crossings …).</summary>
    Count = 1,

    /// <summary>A distance.</summary>
    Length,

    /// <summary>A volume.</summary>
    Volume,

    /// <summary>A share, in percent.</summary>
    Percent,

    /// <summary>A position in a ranking (1 is first).</summary>
    Rank,

    /// <summary>Money, in an ISO 4217 currency.</summary>
    Currency,

    /// <summary>A length of time.</summary>
    Duration,
}
