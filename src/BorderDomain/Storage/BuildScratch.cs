using System;

namespace BorderDomain.Storage;

/// <summary>
/// The notes of one field's row-at-a-time build (<see cref="PostingIndex.CollectionBuilder{TElement}"/>,
/// <see cref="TextIndex.Builder"/>): the numbers of each row's keys or words, in chunks of 4,096 notes made as the notes
/// come (nothing is counted first, nothing is copied as it grows, and a field with nothing to post holds no chunk). A
/// row's first number carries a flag when the row follows the one before it (so a row of one key is one note), and a
/// row after a gap is announced by a mark (<c>~row</c>). Read back in the order written, row by row. Dropped with the build.
/// </summary>
internal sealed class BuildScratch
{
    private const int ChunkBits = 12;
    private const int NextRow = 1 << 30; // on a row's first number: the row is the one after the last
    private const int ChunkSize = 1 << ChunkBits;

    private int[][] _chunks = [];
    private int _count;
    private int _markedRow = -1;

    /// <summary>Notes key number <paramref name="id"/> (below 2^30) for <paramref name="row"/> (rows in ascending order).</summary>
    internal void Note(int row, int id)
    {
        System.Diagnostics.Debug.Assert((uint)id < NextRow, "key numbers stay below 2^30");
        if (row == _markedRow)
        {
            Append(id);
            return;
        }

        if (row == _markedRow + 1)
        {
            Append(id | NextRow);
        }
        else
        {
            Append(~row);
            Append(id);
        }

        _markedRow = row;
    }

    /// <summary>The notes in the order written, as (row, key number).</summary>
    public Enumerator GetEnumerator() => new(this);

    private void Append(int note)
    {
        var chunk = _count >> ChunkBits;
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, chunk * 2));
        }

        (_chunks[chunk] ??= new int[ChunkSize])[_count & (ChunkSize - 1)] = note;
        _count++;
    }

    /// <summary>Reads the notes back: <see cref="Row"/> and <see cref="Id"/> of each key number noted.</summary>
    internal struct Enumerator(BuildScratch notes)
    {
        private int _next;

        /// <summary>The row of the current note.</summary>
        public int Row { get; private set; } = -1;

        /// <summary>The key number of the current note.</summary>
        public int Id { get; private set; }

        /// <summary>The current note (row, key number).</summary>
        public readonly (int Row, int Id) Current => (Row, Id);

        /// <summary>Moves to the next key number noted.</summary>
        public bool MoveNext()
        {
            while (_next < notes._count)
            {
                var note = notes._chunks[_next >> ChunkBits][_next & (ChunkSize - 1)];
                _next++;
                if (note < 0)
                {
                    Row = ~note; // a mark: the next number is this row's
                    continue;
                }

                if ((note & NextRow) != 0)
                {
                    Row++;
                    note &= ~NextRow;
                }

                Id = note;
                return true;
            }

            return false;
        }
    }
}
