using System;
using System.Collections.Generic;
using System.Linq;

namespace BorderDomain.Query;

/// <summary>The one exception BDQ's throwing conveniences raise for a bad query; it carries the diagnostics.</summary>
public sealed class BdqException : Exception
{
    /// <summary>Creates the exception for the diagnostics of <paramref name="query"/>.</summary>
    public BdqException(string query, IReadOnlyList<BdqDiagnostic> diagnostics)
        : base(Describe(query, diagnostics))
    {
        Query = query;
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception with a message and no diagnostics.</summary>
    public BdqException()
        : this(string.Empty, [])
    {
    }

    /// <summary>Creates the exception with a message and no diagnostics.</summary>
    public BdqException(string message)
        : base(message)
    {
        Query = string.Empty;
        Diagnostics = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public BdqException(string message, Exception innerException)
        : base(message, innerException)
    {
        Query = string.Empty;
        Diagnostics = [];
    }

    /// <summary>The query text.</summary>
    public string Query { get; }

    /// <summary>What is wrong with it.</summary>
    public IReadOnlyList<BdqDiagnostic> Diagnostics { get; }

    private static string Describe(string query, IReadOnlyList<BdqDiagnostic> diagnostics) =>
        diagnostics is null || diagnostics.Count == 0
            ? "The query is invalid."
            : string.Join(Environment.NewLine, diagnostics.Select(d => d.Format(query ?? string.Empty)));
}
