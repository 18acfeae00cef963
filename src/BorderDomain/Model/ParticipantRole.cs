namespace BorderDomain.Model;

/// <summary>The part a <see cref="Participant"/> played in an event.</summary>
public enum ParticipantRole
{
    /// <summary>Took part; the source gives no narrower role.</summary>
    Participant = 1,

    /// <summary>Led or chaired a delegation.</summary>
    DelegationHead,

    /// <summary>Was a member of a delegation.</summary>
    Delegate,

    /// <summary>Hosted the event.</summary>
    Host,

    /// <summary>Signed or concluded an accord at the event.</summary>
    Signer,

    /// <summary>Captured someone.</summary>
    Captor,

    /// <summary>Was captured.</summary>
    Captive,

    /// <summary>Escaped.</summary>
    Escapee,

    /// <summary>Appointed or swore someone in.</summary>
    Appointer,

    /// <summary>Was appointed or sworn in.</summary>
    Appointee,

    /// <summary>The one the event happened to (resigned, was removed).</summary>
    Subject,

    /// <summary>Approved a plan or law.</summary>
    Approver,

    /// <summary>The group or person an operation was aimed at.</summary>
    Target,

    /// <summary>Expected or present without a stated part.</summary>
    Attendee,
}
