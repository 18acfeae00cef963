namespace BorderDomain.Model;

/// <summary>The form of an accord.</summary>
public enum AccordKind
{
    /// <summary>A peace accord ending a conflict or dispute.</summary>
    PeaceAccord = 1,

    /// <summary>A treaty.</summary>
    Treaty,

    /// <summary>An agreement between governments or their bodies.</summary>
    Agreement,

    /// <summary>A memorandum of understanding, often between agencies.</summary>
    MemorandumOfUnderstanding,

    /// <summary>A public pledge or commitment by leaders.</summary>
    Pledge,

    /// <summary>A joint declaration or announcement.</summary>
    JointDeclaration,

    /// <summary>A standing exchange programme between forces.</summary>
    ExchangeProgram,

    /// <summary>A national plan adopted by one state.</summary>
    NationalPlan,
}
