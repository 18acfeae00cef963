using System;
using System.Collections.Generic;
using System.Linq;

namespace BorderDomain.Data;

/// <summary>A load was rejected whole; <see cref="Errors"/> lists every problem found, each with its JSON path and line.</summary>
public sealed class BorderDataException : Exception
{
    /// <summary>Creates the exception for a non-empty list of errors.</summary>
    public BorderDataException(IReadOnlyList<DataError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates the exception with a message and no itemised errors.</summary>
    public BorderDataException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no itemised errors.</summary>
    public BorderDataException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public BorderDataException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    private static string Describe(IReadOnlyList<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? "The data was rejected."
            : $"The data was rejected with {errors.Count} error(s):{Environment.NewLine}"
              + string.Join(Environment.NewLine, errors.Select(error => "  " + error));
    }
}
