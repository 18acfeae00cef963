namespace BorderDomain.Model;

/// <summary>What a statistic measures.</summary>
public enum Metric
{
    /// <summary>The length of a shared border.</summary>
    BorderLength = 1,

    /// <summary>Border patrol personnel in a nation.</summary>
    BorderPatrolPersonnel,

    /// <summary>Border police agents assigned to one place.</summary>
    BorderPoliceAgents,

    /// <summary>Illegal border crossings identified.</summary>
    IllegalCrossings,

    /// <summary>Trade between two nations.</summary>
    BilateralTrade,

    /// <summary>Human trafficking cases investigated.</summary>
    HumanTraffickingCases,

    /// <summary>Human trafficking cases whose victims were minors.</summary>
    HumanTraffickingMinorVictimCases,

    /// <summary>The price of a quantity of fuel.</summary>
    FuelPrice,

    /// <summary>The volume of a container used to smuggle fuel.</summary>
    FuelContainerVolume,

    /// <summary>A nation's rank among cocaine producers.</summary>
    CocaineProductionRank,

    /// <summary>The share of an armed group's fighters operating in another nation.</summary>
    ArmedGroupShareAbroad,

    /// <summary>The volume of fuel stolen.</summary>
    FuelStolenVolume,

    /// <summary>The length of a border police agent's shift.</summary>
    BorderPoliceShiftLength,

    /// <summary>The share of a nation's cocaine that passes through a place.</summary>
    CocaineTransitShare,
}
