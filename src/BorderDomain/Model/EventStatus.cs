namespace BorderDomain.Model;

/// <summary>Whether an <see cref="Event"/> took place.</summary>
public enum EventStatus
{
    /// <summary>It took place.</summary>
    Held = 1,

    /// <summary>It was announced or expected; the sources do not say it took place.</summary>
    Planned,

    /// <summary>It was called off.</summary>
    Cancelled,
}
