namespace BorderDomain.Model;

/// <summary>Where an accord stands.</summary>
public enum AccordStatus
{
    /// <summary>The sources do not say.</summary>
    Unknown,

    /// <summary>Announced or agreed in principle.</summary>
    Announced,

    /// <summary>Signed.</summary>
    Signed,

    /// <summary>In force or operating.</summary>
    InForce,

    /// <summary>Planned for a later date.</summary>
    Planned,

    /// <summary>Replaced by a later accord.</summary>
    Superseded,
}
