using System;
using System.Collections;
using System.Collections.Generic;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// The tabular view of a record result (<see cref="BdqResult.Rows"/>): each row's field values are read from the
/// table when that row is asked for, so a query that returns records allocates the records' list, not a copy of
/// every field of every record.
/// </summary>
internal sealed class RecordRows(IEntityTable table, int[] rows) : IReadOnlyList<IReadOnlyList<object?>>
{
    public int Count => rows.Length;

    public IReadOnlyList<object?> this[int index]
    {
        get
        {
            var row = rows[index];
            var values = new object?[table.Schema.Fields.Count];
            for (var field = 0; field < values.Length; field++)
            {
                values[field] = table.GetValue(row, field);
            }

            return values;
        }
    }

    public IEnumerator<IReadOnlyList<object?>> GetEnumerator()
    {
        for (var i = 0; i < rows.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
