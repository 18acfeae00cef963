namespace BorderDomain.Storage;

/// <summary>How search text must match a field's text (always case- and accent-insensitive).</summary>
public enum TextMatch
{
    /// <summary>Anywhere in the text.</summary>
    Contains = 1,

    /// <summary>At the start of the text.</summary>
    StartsWith,

    /// <summary>At the end of the text.</summary>
    EndsWith,
}
