namespace BorderDomain.Model;

/// <summary>The kind of an <see cref="Organization"/>.</summary>
public enum OrganizationKind
{
    /// <summary>An insurgent or guerrilla group.</summary>
    ArmedGroup = 1,

    /// <summary>A gang, cartel or other criminal group.</summary>
    CriminalGroup,

    /// <summary>A body whose members are nations.</summary>
    InternationalOrganization,

    /// <summary>A news outlet or agency that is not a source record itself.</summary>
    NewsOrganization,

    /// <summary>A research or analysis body.</summary>
    ResearchOrganization,

    /// <summary>A university or other academic body.</summary>
    Academic,

    /// <summary>A citizens' committee or other civil-society group.</summary>
    CivilSociety,
}
