using System;
using System.Collections;
using System.Collections.Generic;

namespace BorderDomain.Data;

/// <summary>
/// The errors of a rejected load: the first <see cref="BorderDataset.DefaultMaxErrors"/> (or the limit asked for) in
/// file order, and a count of the rest, which were found but not kept.
/// </summary>
public sealed class DataErrorList : IReadOnlyList<DataError>
{
    private readonly IReadOnlyList<DataError> _errors;

    /// <summary>The kept errors and how many more were found but not kept.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="omittedCount"/> is negative.</exception>
    public DataErrorList(IReadOnlyList<DataError> errors, long omittedCount = 0)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfNegative(omittedCount);
        _errors = errors;
        OmittedCount = omittedCount;
    }

    /// <summary>No errors.</summary>
    public static DataErrorList Empty { get; } = new([]);

    /// <summary>How many errors are kept in the list.</summary>
    public int Count => _errors.Count;

    /// <summary>How many errors were found beyond the kept ones; they are counted, not kept.</summary>
    public long OmittedCount { get; }

    /// <summary>Every error found: <see cref="Count"/> plus <see cref="OmittedCount"/>.</summary>
    public long TotalCount => Count + OmittedCount;

    /// <summary>The kept error at <paramref name="index"/>.</summary>
    public DataError this[int index] => _errors[index];

    /// <summary>The kept errors, in file order.</summary>
    public IEnumerator<DataError> GetEnumerator() => _errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
