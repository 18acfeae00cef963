namespace BorderDomain.Storage;

/// <summary>One end of a key range in a <see cref="SortedIndex{TKey}"/>.</summary>
/// <typeparam name="TKey">The index's key type.</typeparam>
/// <param name="Value">The bounding key.</param>
/// <param name="Inclusive">Whether keys equal to <paramref name="Value"/> are in the range.</param>
public readonly record struct KeyBound<TKey>(TKey Value, bool Inclusive);
