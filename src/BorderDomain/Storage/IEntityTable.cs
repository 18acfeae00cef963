using BorderDomain.Schema;

namespace BorderDomain.Storage;

/// <summary>An entity table seen without its record type: what the query engine works against.</summary>
public interface IEntityTable
{
    /// <summary>The set's schema.</summary>
    EntitySetSchema Schema { get; }

    /// <summary>The number of rows.</summary>
    int Count { get; }

    /// <summary>The record at <paramref name="row"/>.</summary>
    object GetRecord(int row);

    /// <summary>The value of field number <paramref name="field"/> (schema order) at <paramref name="row"/>.</summary>
    object? GetValue(int row, int field);

    /// <summary>The row whose key is <paramref name="key"/> (by folded text, <see cref="FoldedTextComparer"/>), if any.</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool TryGetRow(string key, out int row);

    /// <summary>
    /// The records as a LINQ-to-Objects <see cref="System.Linq.IQueryable"/> of the record type, for expression trees that
    /// join into this set (<see cref="Query.BdqSets.FromStore"/>); <see langword="null"/> by default.
    /// </summary>
    System.Linq.IQueryable? AsQueryable() => null;

    /// <summary>The posting index of field number <paramref name="field"/>, or <see langword="null"/> if it has none.</summary>
    PostingIndex? GetPostingIndex(int field);

    /// <summary>The date index of field number <paramref name="field"/>, or <see langword="null"/> if it has none.</summary>
    DateIndex? GetDateIndex(int field);

    /// <summary>The sorted number index of field number <paramref name="field"/>, or <see langword="null"/> if it has none.</summary>
    SortedIndex<decimal>? GetNumberIndex(int field);

    /// <summary>The text index of field number <paramref name="field"/>, or <see langword="null"/> if it has none.</summary>
    TextIndex? GetTextIndex(int field);
}
