using System.Collections.Generic;

namespace BorderDomain.Data;

/// <summary>
/// Collects a load's errors: keeps the first <c>max</c> found and only counts the rest, so a file with millions of
/// mistakes costs no more memory than one with a hundred. Callers check <see cref="HasRoom"/> before building an
/// error's path and message, and call <see cref="Omit"/> instead when there is none.
/// </summary>
internal sealed class DataErrorSink(int max)
{
    private readonly List<DataError> _kept = [];

    /// <summary>The most errors kept.</summary>
    public int Max => max;

    /// <summary>Whether the next error would be kept.</summary>
    public bool HasRoom => _kept.Count < max;

    /// <summary>The errors kept, in the order found.</summary>
    public IReadOnlyList<DataError> Kept => _kept;

    /// <summary>How many errors were found beyond the kept ones.</summary>
    public long Omitted { get; private set; }

    /// <summary>Every error found, kept or not.</summary>
    public long Total => _kept.Count + Omitted;

    /// <summary>Keeps <paramref name="error"/> if there is room, else counts it.</summary>
    public void Add(DataError error)
    {
        if (HasRoom)
        {
            _kept.Add(error);
        }
        else
        {
            Omitted++;
        }
    }

    /// <summary>Counts an error that was found but, for want of room, not built.</summary>
    public void Omit() => Omitted++;

    /// <summary>
    /// Takes the errors another sink held back (found while a file was read, reported once it was read whole), in
    /// their order, as if they were added here one by one; each gets the line of its path in <paramref name="lines"/>.
    /// </summary>
    public void AddFrom(DataErrorSink deferred, FileLines lines)
    {
        foreach (var error in deferred._kept)
        {
            if (HasRoom)
            {
                _kept.Add(error.Line is null ? error with { Line = lines.LineOf(error.Path) } : error);
            }
            else
            {
                Omitted++;
            }
        }

        Omitted += deferred.Omitted;
    }
}
