using System;
using System.Collections;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// Maps each value of a field (each element, for a collection field) to the ascending rows that hold it.
/// String keys match ignoring case.
/// </summary>
public sealed class PostingIndex
{
    private readonly Dictionary<object, int[]> _postings;
    private readonly int[] _nullRows;

    private PostingIndex(Dictionary<object, int[]> postings, int[] nullRows)
    {
        _postings = postings;
        _nullRows = nullRows;
    }

    /// <summary>The number of distinct keys.</summary>
    public int KeyCount => _postings.Count;

    /// <summary>The distinct keys.</summary>
    public IEnumerable<object> Keys => _postings.Keys;

    /// <summary>The rows whose value is null (or, for a collection, empty).</summary>
    public ReadOnlySpan<int> NullRows => _nullRows;

    /// <summary>The ascending rows holding <paramref name="key"/>; empty when none does.</summary>
    public ReadOnlySpan<int> Lookup(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _postings.TryGetValue(key, out var rows) ? rows : ReadOnlySpan<int>.Empty;
    }

    /// <summary>The posting array for <paramref name="key"/> (shared; do not modify), or an empty array.</summary>
    internal int[] LookupArray(object key) => _postings.TryGetValue(key, out var rows) ? rows : [];

    /// <summary>How many rows hold <paramref name="key"/>, without touching them.</summary>
    public int Count(object key) => Lookup(key).Length;

    /// <summary>Approximate bytes the index holds in posting arrays.</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = _nullRows.Length * sizeof(int);
            foreach (var rows in _postings.Values)
            {
                bytes += 24 + (rows.Length * sizeof(int)) + 32; // array header, ids, dictionary entry
            }

            return bytes;
        }
    }

    /// <summary>Builds the index from each row's value (a boxed collection for a collection field).</summary>
    internal static PostingIndex Build(int rowCount, Func<int, object?> valueAt, bool isCollection)
    {
        var lists = new Dictionary<object, List<int>>(IndexKeyComparer.Instance);
        var nulls = new List<int>();
        for (var row = 0; row < rowCount; row++)
        {
            var value = valueAt(row);
            if (!isCollection)
            {
                if (value is null)
                {
                    nulls.Add(row);
                }
                else
                {
                    Post(lists, value, row);
                }

                continue;
            }

            var any = false;
            foreach (var element in (IEnumerable?)value ?? Array.Empty<object>())
            {
                if (element is not null)
                {
                    Post(lists, element, row);
                    any = true;
                }
            }

            if (!any)
            {
                nulls.Add(row);
            }
        }

        var postings = new Dictionary<object, int[]>(lists.Count, IndexKeyComparer.Instance);
        foreach (var (key, rows) in lists)
        {
            postings[key] = rows.ToArray();
        }

        return new PostingIndex(postings, nulls.ToArray());
    }

    private static void Post(Dictionary<object, List<int>> lists, object key, int row)
    {
        if (!lists.TryGetValue(key, out var rows))
        {
            lists[key] = rows = [];
        }

        if (rows.Count == 0 || rows[^1] != row)
        {
            rows.Add(row);
        }
    }
}
