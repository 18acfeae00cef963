namespace BorderDomain.Model;

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum PartialDatePrecision
{
    /// <summary>Only the year is known, e.g. <c>1998</c>.</summary>
    Year = 1,

    /// <summary>The year and month are known, e.g. <c>2013-11</c>.</summary>
    Month = 2,

    /// <summary>The full calendar date is known, e.g. <c>2013-11-14</c>.</summary>
    Day = 3,
}
