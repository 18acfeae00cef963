using System;

namespace BorderDomain.Fuzz;

/// <summary>An entry point answered a fuzz input in a way its contract rules out.</summary>
public sealed class FuzzFindingException : Exception
{
    /// <summary>A finding with no message.</summary>
    public FuzzFindingException()
    {
    }

    /// <summary>A finding described by <paramref name="message"/>.</summary>
    public FuzzFindingException(string message)
        : base(message)
    {
    }

    /// <summary>A finding described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public FuzzFindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
