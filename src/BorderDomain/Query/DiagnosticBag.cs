using System.Collections.Generic;

namespace BorderDomain.Query.Language;

/// <summary>
/// The diagnostics of one query, at most <see cref="BdqDiagnostics.MaxReported"/> of them: past that, each further
/// problem is only counted (callers check <see cref="IsFull"/> before building one), and <see cref="ToList"/> ends
/// with one <see cref="BdqDiagnostics.TooManyErrors"/> diagnostic at the first problem left out.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<BdqDiagnostic> _items = [];
    private int _omitted;
    private TextSpan _firstOmitted;

    /// <summary>Whether any problem was reported, listed or counted.</summary>
    internal bool HasErrors => _items.Count > 0;

    /// <summary>Whether a further problem would only be counted.</summary>
    internal bool IsFull => _items.Count >= BdqDiagnostics.MaxReported;

    /// <summary>Counts a problem that <see cref="IsFull"/> said not to build.</summary>
    internal void Omit(TextSpan span)
    {
        if (_omitted++ == 0)
        {
            _firstOmitted = span;
        }
    }

    /// <summary>Adds <paramref name="diagnostic"/>, or counts it when the bag is full.</summary>
    internal void Add(BdqDiagnostic diagnostic)
    {
        if (IsFull)
        {
            Omit(diagnostic.Span);
            return;
        }

        _items.Add(diagnostic);
    }

    /// <summary>The listed diagnostics, then the count of those left out, if any.</summary>
    internal IReadOnlyList<BdqDiagnostic> ToList()
    {
        if (_omitted == 0)
        {
            return _items.ToArray();
        }

        var all = new List<BdqDiagnostic>(_items.Count + 1);
        all.AddRange(_items);
        all.Add(new BdqDiagnostic
        {
            Code = BdqDiagnostics.TooManyErrors,
            Message = BdqDiagnostics.TooManyErrorsMessage(_omitted),
            Span = _firstOmitted,
        });
        return all;
    }
}
