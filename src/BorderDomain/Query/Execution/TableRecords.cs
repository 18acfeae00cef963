using System;
using System.Collections;
using System.Collections.Generic;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// The records of a record result (<see cref="BdqResult.Records"/>): each is the table's own record for its row, read
/// when asked for, so a large answer holds one array of row ids (shared with its <see cref="RecordRows"/>) and no
/// array of records.
/// </summary>
internal sealed class TableRecords(IEntityTable table, int[] rows) : IReadOnlyList<object>
{
    public int Count => rows.Length;

    public object this[int index] => table.GetRecord(rows[index]);

    public IEnumerator<object> GetEnumerator()
    {
        for (var i = 0; i < rows.Length; i++)
        {
            yield return table.GetRecord(rows[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
