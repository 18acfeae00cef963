using System;

namespace BorderDomain.Storage;

/// <summary>
/// The notes of one field's row-at-a-time build (<see cref="PostingIndex.CollectionBuilder{TElement}"/>,
/// <see cref="TextIndex.Builder"/>): for each row with something to post, a mark of the row (<c>~row</c>) and then the
/// numbers of its keys or words, in chunks of 4,096 notes made as the notes come (nothing is counted first, nothing is
/// copied as it grows, and a field with nothing to post holds no chunk). Read back in the order written, row by row.
/// Dropped with the build.
/// </summary>
internal sealed class BuildScratch
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;

    private int[][] _chunks = [];
    private int _count;
    private int _markedRow = -1;

    /// <summary>Notes key number <paramref name="id"/> for <paramref name="row"/> (rows in ascending order).</summary>
    internal void Note(int row, int id)
    {
        if (row != _markedRow)
        {
            Append(~row);
            _markedRow = row;
        }

        Append(id);
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
        public int Row { get; private set; }

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
                if (note >= 0)
                {
                    Id = note;
                    return true;
                }

                Row = ~note;
            }

            return false;
        }
    }
}
