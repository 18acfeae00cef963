namespace BorderDomain.Model;

/// <summary>The kind of a source.</summary>
public enum SourceKind
{
    /// <summary>A news agency wire.</summary>
    NewsAgency = 1,

    /// <summary>A news site or magazine.</summary>
    NewsSite,

    /// <summary>A government press release.</summary>
    GovernmentRelease,

    /// <summary>A research or analysis organisation's publication.</summary>
    Analysis,

    /// <summary>An official statistics body.</summary>
    OfficialStatistics,

    /// <summary>A standard or reference work, cited for values the reports do not give (e.g. ISO 3166-1 for nation codes).</summary>
    Reference,
}
