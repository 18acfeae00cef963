namespace BorderDomain.Model;

/// <summary>The kind of a <see cref="Place"/>.</summary>
public enum PlaceKind
{
    /// <summary>A city or town.</summary>
    City = 1,

    /// <summary>An administrative region of one nation.</summary>
    Region,

    /// <summary>A border checkpoint or crossing post.</summary>
    Checkpoint,

    /// <summary>An area on both sides of a border.</summary>
    BorderRegion,

    /// <summary>A border itself, the line between two nations.</summary>
    Border,

    /// <summary>A port or group of ports.</summary>
    Port,
}
