using System;
using System.Collections.Generic;
using System.Linq;

namespace BorderDomain.Data;

/// <summary>
/// A load was rejected whole; <see cref="Errors"/> lists the problems found (the first
/// <see cref="BorderDataset.DefaultMaxErrors"/>, or the limit the load was given), each with its JSON path and line,
/// and <see cref="TotalErrorCount"/> says how many there were in all.
/// </summary>
public sealed class BorderDataException : Exception
{
    /// <summary>Creates the exception for a list of errors, every one of them kept.</summary>
    public BorderDataException(IReadOnlyList<DataError> errors)
        : this(errors, 0)
    {
    }

    /// <summary>Creates the exception for the kept errors and a count of the ones found beyond them.</summary>
    /// <param name="errors">The errors kept, in file order.</param>
    /// <param name="omittedErrorCount">How many more errors were found and not kept.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="omittedErrorCount"/> is negative.</exception>
    public BorderDataException(IReadOnlyList<DataError> errors, long omittedErrorCount)
        : base(Describe(errors, omittedErrorCount))
    {
        Errors = errors;
        OmittedErrorCount = omittedErrorCount;
    }

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

    /// <summary>The problems kept (at most the load's error limit), in file order.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>How many problems were found beyond <see cref="Errors"/>: counted, not kept.</summary>
    public long OmittedErrorCount { get; }

    /// <summary>How many problems were found in all: the kept <see cref="Errors"/> plus <see cref="OmittedErrorCount"/>.</summary>
    public long TotalErrorCount => Errors.Count + OmittedErrorCount;

    private static string Describe(IReadOnlyList<DataError> errors, long omitted)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfNegative(omitted);
        var total = errors.Count + omitted;
        if (total == 0)
        {
            return DataMessages.Rejected;
        }

        var lines = errors.Select(error => "  " + error);
        if (omitted > 0)
        {
            lines = lines.Append("  " + DataMessages.MoreErrors(omitted));
        }

        return DataMessages.RejectedWith(total) + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
