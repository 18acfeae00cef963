namespace BorderDomain.Model;

/// <summary>The kind of a public body.</summary>
public enum AgencyKind
{
    /// <summary>A national or regional police force.</summary>
    Police = 1,

    /// <summary>A customs or customs-and-tax administration.</summary>
    Customs,

    /// <summary>A migration or border-crossing authority.</summary>
    Migration,

    /// <summary>Armed forces or a branch of them.</summary>
    Military,

    /// <summary>A ministry, department or other cabinet-level body.</summary>
    Ministry,

    /// <summary>An intelligence or targeting centre.</summary>
    Intelligence,

    /// <summary>An embassy or diplomatic mission.</summary>
    Diplomatic,

    /// <summary>A court.</summary>
    Judiciary,

    /// <summary>A prosecutor's office.</summary>
    Prosecutor,

    /// <summary>A central bank.</summary>
    CentralBank,

    /// <summary>A federal investigative or enforcement agency other than the police.</summary>
    LawEnforcement,

    /// <summary>A bureau or office inside a ministry.</summary>
    Bureau,

    /// <summary>A head of state's office.</summary>
    Presidency,

    /// <summary>An ombudsman's office.</summary>
    Ombudsman,

    /// <summary>A university or research body.</summary>
    Academic,

    /// <summary>A citizens' committee or other civil-society body.</summary>
    CivilSociety,

    /// <summary>An international organisation of states.</summary>
    Intergovernmental,
}
