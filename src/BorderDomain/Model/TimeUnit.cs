namespace BorderDomain.Model;

/// <summary>The time unit of a rate (<see cref="Statistic.Per"/>).</summary>
public enum TimeUnit
{
    /// <summary>Per day.</summary>
    Day = 1,

    /// <summary>Per week.</summary>
    Week,

    /// <summary>Per month.</summary>
    Month,

    /// <summary>Per year.</summary>
    Year,
}
