namespace BorderDomain.Model;

/// <summary>What an accord or event is about.</summary>
public enum Topic
{
    /// <summary>Drug trafficking.</summary>
    DrugTrafficking = 1,

    /// <summary>Organized and transnational crime.</summary>
    OrganizedCrime,

    /// <summary>Illegal mining.</summary>
    IllegalMining,

    /// <summary>Illegal logging.</summary>
    IllegalLogging,

    /// <summary>Human trafficking.</summary>
    HumanTrafficking,

    /// <summary>Fuel theft and smuggling.</summary>
    FuelSmuggling,

    /// <summary>Smuggling of goods.</summary>
    Smuggling,

    /// <summary>Money laundering.</summary>
    MoneyLaundering,

    /// <summary>Trafficking of wildlife and native species.</summary>
    WildlifeTrafficking,

    /// <summary>Migration, legal and illegal.</summary>
    Migration,

    /// <summary>Terrorism.</summary>
    Terrorism,

    /// <summary>Exchange of information and intelligence.</summary>
    InformationSharing,

    /// <summary>Joint control or patrol of a border.</summary>
    JointBorderControl,

    /// <summary>Joint operations by security forces.</summary>
    JointOperations,

    /// <summary>Security at sea and on rivers.</summary>
    MaritimeSecurity,

    /// <summary>Supply of fuel and energy.</summary>
    EnergySecurity,

    /// <summary>Trade.</summary>
    Trade,

    /// <summary>Defence industry and equipment.</summary>
    DefenceIndustry,

    /// <summary>A territorial or border dispute.</summary>
    TerritorialDispute,

    /// <summary>Education and training.</summary>
    Education,

    /// <summary>Health.</summary>
    Health,

    /// <summary>Armed groups and insurgency.</summary>
    Insurgency,

    /// <summary>Public or citizen security at home.</summary>
    PublicSafety,
}
