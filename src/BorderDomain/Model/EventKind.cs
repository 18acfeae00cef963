namespace BorderDomain.Model;

/// <summary>The kind of an event.</summary>
public enum EventKind
{
    /// <summary>A meeting of officials.</summary>
    Meeting = 1,

    /// <summary>A visit or joint inspection.</summary>
    Visit,

    /// <summary>The signing of an accord.</summary>
    Signing,

    /// <summary>A capture or arrest.</summary>
    Capture,

    /// <summary>An escape from custody.</summary>
    Escape,

    /// <summary>An appointment or swearing-in.</summary>
    Appointment,

    /// <summary>A resignation or removal from office.</summary>
    Resignation,

    /// <summary>The approval of a plan or law.</summary>
    Approval,

    /// <summary>A military raid.</summary>
    Raid,

    /// <summary>A conference.</summary>
    Conference,

    /// <summary>A public announcement.</summary>
    Announcement,

    /// <summary>
    /// Illicit trade carried on over a time rather than on one occasion, such as smuggled goods sold in a set of places
    /// (its <c>sites</c>).
    /// </summary>
    IllicitTrade,
}
