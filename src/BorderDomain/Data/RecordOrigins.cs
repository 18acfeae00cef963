using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BorderDomain.Data;

/// <summary>
/// Where a load's records came from, for the errors found after reading, kept without a string or dictionary entry per
/// record: each file's records of a set as one run of the builder's list (file, the set's JSON path, the position of
/// each record in the file's array), and each computed row (a participant, an affiliation) as the record and position
/// it comes from. A record's <see cref="RecordOrigin"/>, its JSON path written out, is made only when it is asked for
/// (an error names the record); the first question maps the records to their runs once.
/// </summary>
internal sealed class RecordOrigins : IReadOnlyDictionary<object, RecordOrigin>
{
    private readonly List<Run> _runs = [];
    private readonly List<Derived> _derived = [];
    private Dictionary<object, (int Run, int Offset)>? _byRecord; // each record's run and place in it, or -1 and its derived row; built on the first question

    /// <summary>No origins: records that came from no file.</summary>
    public static RecordOrigins None => new();

    /// <inheritdoc />
    public int Count => Map().Count;

    /// <inheritdoc />
    public IEnumerable<object> Keys => Map().Keys;

    /// <inheritdoc />
    public IEnumerable<RecordOrigin> Values
    {
        get
        {
            foreach (var key in Map().Keys)
            {
                yield return this[key];
            }
        }
    }

    /// <inheritdoc />
    public RecordOrigin this[object key] => TryGetValue(key, out var origin) ? origin : throw new KeyNotFoundException();

    /// <summary>
    /// Notes that <paramref name="list"/>[<paramref name="start"/>..] holds <paramref name="count"/> records read from
    /// <paramref name="file"/>'s array at <paramref name="path"/>: the k-th at element <paramref name="indexes"/>[k] of it,
    /// or at element k when <paramref name="indexes"/> is null.
    /// </summary>
    public void AddRun(IList list, int start, int count, string? file, string path, int[]? indexes, FileLines? lines)
    {
        _runs.Add(new Run(list, start, count, file, path, indexes, lines));
        _byRecord = null;
    }

    /// <summary>
    /// Notes a computed row: <paramref name="row"/> comes from element <paramref name="position"/> of
    /// <paramref name="property"/> of <paramref name="parent"/>, row <paramref name="parentRow"/> of the builder's
    /// <paramref name="parentSet"/>. Matches <see cref="Storage.BorderStoreBuilder.DeriveComputed"/>'s callback.
    /// </summary>
    public void AddDerived(object row, object parent, string parentSet, int parentRow, string property, int position)
    {
        _derived.Add(new Derived(row, parent, parentSet, parentRow, property, position));
        _byRecord = null;
    }

    /// <summary>Forgets the computed rows (they are derived again).</summary>
    public void ClearDerived()
    {
        _derived.Clear();
        _byRecord = null;
    }

    /// <inheritdoc />
    public bool ContainsKey(object key) => Map().ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(object key, [MaybeNullWhen(false)] out RecordOrigin value)
    {
        if (!Map().TryGetValue(key, out var entry))
        {
            value = default;
            return false;
        }

        if (entry.Run >= 0)
        {
            value = _runs[entry.Run].Origin(entry.Offset);
            return true;
        }

        var derived = _derived[entry.Offset];
        var suffix = string.Concat(".", derived.Property, "[", derived.Position.ToString(CultureInfo.InvariantCulture), "]");
        value = TryGetValue(derived.Parent, out var origin)
            ? origin with { Path = origin.Path + suffix }
            : new RecordOrigin(null, string.Concat(derived.ParentSet, "[", derived.ParentRow.ToString(CultureInfo.InvariantCulture), "]", suffix), null);
        return true;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<object, RecordOrigin>> GetEnumerator()
    {
        foreach (var key in Map().Keys)
        {
            yield return new(key, this[key]);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<object, (int Run, int Offset)> Map()
    {
        if (_byRecord is { } map)
        {
            return map;
        }

        map = new Dictionary<object, (int Run, int Offset)>(ReferenceEqualityComparer.Instance);
        for (var r = 0; r < _runs.Count; r++)
        {
            var run = _runs[r];
            for (var k = 0; k < run.Count; k++)
            {
                map[run.List[run.Start + k]!] = (r, k);
            }
        }

        for (var d = 0; d < _derived.Count; d++)
        {
            map[_derived[d].Row] = (-1, d);
        }

        return _byRecord = map;
    }

    private readonly record struct Run(IList List, int Start, int Count, string? File, string Path, int[]? Indexes, FileLines? Lines)
    {
        public RecordOrigin Origin(int offset) => new(File, new JsonPath(Path, Indexes?[offset] ?? offset).ToString(), Lines);
    }

    private readonly record struct Derived(object Row, object Parent, string ParentSet, int ParentRow, string Property, int Position);
}
