using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;

namespace BorderDomain.CompilerServices;

/// <summary>
/// A read-only list of exactly one record: what generated code returns for a key lookup (<c>… where id = "…"</c>)
/// from a method declared to return a read-only list or a sequence of records. It is one object holding the record,
/// as small as the list a C# collection expression <c>[record]</c> makes, where an array would also carry its length.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SingleRecordList<T> : IReadOnlyList<T>
    where T : class
{
    private readonly T _record;

    /// <summary>The list holding <paramref name="record"/>.</summary>
    /// <param name="record">The record.</param>
    public SingleRecordList(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _record = record;
    }

    /// <inheritdoc />
    public int Count => 1;

    /// <inheritdoc />
    public T this[int index] => index == 0 ? _record : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        yield return _record;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
