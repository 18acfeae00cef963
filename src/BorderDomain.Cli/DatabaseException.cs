using System;

namespace BorderDomain.Cli;

/// <summary>A database failure already worded for the user (one line); <c>borderq</c> prints it and exits 4.</summary>
internal sealed class DatabaseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseException()
    {
    }

    /// <summary>Creates the exception with the line to print.</summary>
    public DatabaseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the line to print and what caused it.</summary>
    public DatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
