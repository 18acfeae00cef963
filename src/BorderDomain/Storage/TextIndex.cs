using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// A case- and accent-insensitive text index: each row's text is folded by <see cref="TextNormalizer"/> and split
/// into words; a sorted vocabulary maps each word to its rows. Word-prefix matches are a binary search;
/// <c>contains</c>, <c>startswith</c> and <c>endswith</c> take the rows of the words holding each part of the
/// search text, then check the survivors, so the answer equals a scan of the folded texts. The vocabulary is one
/// string, the words in order each followed by a line feed (which no word holds), so finding the words that hold a
/// part is one vectorised search through contiguous memory, not a visit to each word's own string.
/// </summary>
public sealed class TextIndex
{
    private const char WordEnd = '\n';

    private readonly string?[] _folded;
    private readonly string _words; // the sorted vocabulary, each word followed by WordEnd
    private readonly int[] _starts; // by word: where it starts in _words; one more entry, _words' length
    private readonly int[][] _postings;

    private TextIndex(string?[] folded, string words, int[] starts, int[][] postings)
    {
        _folded = folded;
        _words = words;
        _starts = starts;
        _postings = postings;
    }

    /// <summary>The number of distinct words.</summary>
    public int WordCount => _postings.Length;

    /// <summary>Approximate bytes held (folded texts, vocabulary and postings).</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = _folded.Length * 8L;
            foreach (var text in _folded)
            {
                bytes += text is null ? 0 : 22 + (text.Length * 2);
            }

            bytes += 22 + (_words.Length * 2L) + 24 + (_starts.Length * 4L);
            foreach (var list in _postings)
            {
                bytes += 24 + (list.Length * 4L);
            }

            return bytes;
        }
    }

    /// <summary>The folded text of a row, or <see langword="null"/> when the row has none.</summary>
    public string? FoldedText(int row) => _folded[row];

    /// <summary>The ascending rows having a word that starts with <paramref name="prefix"/> (folded): "Jeri" finds "Jerí".</summary>
    public int[] MatchWordPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folded = TextNormalizer.Normalize(prefix);
        var (start, end) = PrefixRange(folded);
        var lists = new List<int[]>(end - start);
        for (var i = start; i < end; i++)
        {
            lists.Add(_postings[i]);
        }

        return PostingList.UnionAll(lists);
    }

    /// <summary>The ascending rows whose folded text contains the folded <paramref name="text"/>.</summary>
    public int[] Contains(string text) => Match(text, TextMatch.Contains);

    /// <summary>The ascending rows whose folded text starts with the folded <paramref name="text"/>.</summary>
    public int[] StartsWith(string text) => Match(text, TextMatch.StartsWith);

    /// <summary>The ascending rows whose folded text ends with the folded <paramref name="text"/>.</summary>
    public int[] EndsWith(string text) => Match(text, TextMatch.EndsWith);

    /// <summary>Whether <paramref name="foldedText"/> matches <paramref name="foldedQuery"/> in the given way (both already folded).</summary>
    public static bool IsMatch(string foldedText, string foldedQuery, TextMatch match) => match switch
    {
        TextMatch.StartsWith => foldedText.StartsWith(foldedQuery, StringComparison.Ordinal),
        TextMatch.EndsWith => foldedText.EndsWith(foldedQuery, StringComparison.Ordinal),
        _ => foldedText.Contains(foldedQuery, StringComparison.Ordinal),
    };

    /// <summary>Builds the index from each row's typed value, through a <see cref="Builder"/>.</summary>
    internal static TextIndex Build<TValue>(int rowCount, Func<int, TValue> valueAt)
    {
        var builder = new Builder(rowCount);
        for (var row = 0; row < rowCount; row++)
        {
            builder.Add(TypedValues.TextOf(valueAt(row)), row);
        }

        return builder.Finish();
    }

    /// <summary>
    /// The index built a row at a time (rows <c>0 .. rowCount - 1</c> in order, each once, so a table can feed every
    /// field's builder from one pass over its records), by a counting sort: each text is folded (kept: the index's own)
    /// and split into words once; a word is numbered the first time it is seen (a word already known is looked up by its
    /// span of the folded text in the builder's own hash table of the words, so no string is made for it) and counted
    /// once per row; each row's
    /// distinct words are noted as their numbers (<see cref="BuildScratch"/>: four bytes a word and a row, no note array
    /// per word and nothing counted first); the posting arrays are then made at their final sizes and filled from the notes in row order, and only the
    /// vocabulary is sorted.
    /// </summary>
    internal sealed class Builder
    {
        private readonly string?[] _folded;
        private readonly List<string> _words = [];
        private int[] _wordHashes = new int[16]; // by word number: its hash
        private int[] _slots = new int[64]; // the words by hash (open addressing, at most half full): word number + 1, 0 for none
        private int[] _counts = new int[16]; // by word: its count, then its list's next free position
        private int[] _lastRow = new int[16]; // by word: the last row that had it
        private readonly BuildScratch _notes = new(); // each row's distinct words

        internal Builder(int rowCount) => _folded = new string?[rowCount];

        /// <summary>Notes row <paramref name="row"/>'s text (the rows come in order; null: the row has none).</summary>
        internal void Add(string? text, int row)
        {
            if (text is null)
            {
                return;
            }

            var normal = _folded[row] = TextNormalizer.Normalize(text);
            var from = 0;
            while (TextNormalizer.NextWord(normal, ref from, out var start, out var length))
            {
                var word = normal.AsSpan(start, length);
                var hash = Hash(word);
                var id = Find(word, hash);
                if (id < 0)
                {
                    id = NewWord(normal.Substring(start, length), hash, ~id);
                }

                if (_lastRow[id] != row)
                {
                    _lastRow[id] = row;
                    _counts[id]++;
                    _notes.Note(row, id);
                }
            }
        }

        // A word's hash: seeded per process (System.HashCode), so no text can be written to make the words collide.
        private static int Hash(ReadOnlySpan<char> word)
        {
            var hash = default(HashCode);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(word));
            return hash.ToHashCode();
        }

        // The number of the word, or ~slot: the free slot where it goes.
        private int Find(ReadOnlySpan<char> word, int hash)
        {
            var mask = _slots.Length - 1;
            for (var slot = hash & mask; ; slot = (slot + 1) & mask)
            {
                var id = _slots[slot] - 1;
                if (id < 0)
                {
                    return ~slot;
                }

                if (_wordHashes[id] == hash && _words[id].AsSpan().SequenceEqual(word))
                {
                    return id;
                }
            }
        }

        private int NewWord(string word, int hash, int slot)
        {
            var id = _words.Count;
            _words.Add(word);
            if (id == _counts.Length)
            {
                Array.Resize(ref _counts, id * 2);
                Array.Resize(ref _lastRow, id * 2);
                Array.Resize(ref _wordHashes, id * 2);
            }

            _counts[id] = 0;
            _lastRow[id] = -1;
            _wordHashes[id] = hash;
            _slots[slot] = id + 1;
            if (2 * _words.Count > _slots.Length)
            {
                // Twice the slots, every word placed again by its hash.
                _slots = new int[_slots.Length * 2];
                var mask = _slots.Length - 1;
                for (var other = 0; other < _words.Count; other++)
                {
                    var at = _wordHashes[other] & mask;
                    while (_slots[at] != 0)
                    {
                        at = (at + 1) & mask;
                    }

                    _slots[at] = other + 1;
                }
            }

            return id;
        }

        /// <summary>The index of the rows added.</summary>
        internal TextIndex Finish()
        {
            var counts = _counts;
            var lists = new int[_words.Count][];
            for (var id = 0; id < lists.Length; id++)
            {
                lists[id] = new int[counts[id]];
                counts[id] = 0; // now the next free position of the list
            }

            foreach (var (row, id) in _notes)
            {
                lists[id][counts[id]++] = row;
            }

            var vocabulary = _words.ToArray();
            var order = new int[vocabulary.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(vocabulary, order, StringComparer.Ordinal);
            var postings = new int[vocabulary.Length][];
            var starts = new int[vocabulary.Length + 1];
            for (var i = 0; i < vocabulary.Length; i++)
            {
                postings[i] = lists[order[i]];
                starts[i + 1] = starts[i] + vocabulary[i].Length + 1;
            }

            var words = string.Create(starts[^1], vocabulary, static (into, sorted) =>
            {
                var at = 0;
                foreach (var word in sorted)
                {
                    word.AsSpan().CopyTo(into[at..]);
                    at += word.Length;
                    into[at++] = WordEnd;
                }
            });
            return new TextIndex(_folded, words, starts, postings);
        }
    }

    private int[] Match(string text, TextMatch match) => TryMatch(text, match, int.MaxValue)!;

    /// <summary>
    /// The ascending rows whose folded text matches <paramref name="text"/>, or <see langword="null"/> when one of
    /// its words is part of more than <paramref name="maxMatchedWords"/> indexed words (so that many posting lists
    /// are not merged). The rows of each distinct word of the search are the union of the lists of the indexed words
    /// holding it, marked in a pooled bitmap and ANDed into the candidates (an empty AND ends the search); the
    /// candidates are then checked against the folded texts into pooled scratch, so only the answer is made.
    /// </summary>
    internal int[]? TryMatch(string text, TextMatch match, int maxMatchedWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = TextNormalizer.Normalize(text);
        var pool = System.Buffers.ArrayPool<ulong>.Shared;
        var words = RowBitmap.Words(_folded.Length);
        ulong[]? candidates = null;
        ulong[]? part = null;
        try
        {
            var from = 0;
            var ordinal = 0;
            HashSet<string>? seen = null;
            while (TextNormalizer.NextWord(query, ref from, out var start, out var length))
            {
                // A word already looked up would give the same rows again (and the same verdict on the limit).
                var word = query.AsSpan(start, length);
                if (LookedUpBefore(query, start, word, ++ordinal, ref seen))
                {
                    continue;
                }

                var into = candidates is null ? candidates = pool.Rent(words) : part ??= pool.Rent(words);
                if (!TryMarkRowsWithWordContaining(word, maxMatchedWords, into.AsSpan(0, words)))
                {
                    return null;
                }

                if (!ReferenceEquals(into, candidates))
                {
                    RowBitmap.AndWith(candidates.AsSpan(0, words), part.AsSpan(0, words));
                }

                if (RowBitmap.Count(candidates.AsSpan(0, words)) == 0)
                {
                    return [];
                }
            }

            return candidates is null ? MatchEveryRow(query, match) : MatchCandidates(candidates.AsSpan(0, words), query, match);
        }
        finally
        {
            if (candidates is not null)
            {
                pool.Return(candidates);
            }

            if (part is not null)
            {
                pool.Return(part);
            }
        }
    }

    // Whether the word at 'start' of the folded query (its ordinal-th) was one of its words before it: compared with each
    // of them in a short search, looked up in a set of them from the 17th word on, so that a search of thousands of
    // words is not quadratic in them (and a short one makes no set).
    private static bool LookedUpBefore(string query, int start, ReadOnlySpan<char> word, int ordinal, ref HashSet<string>? seen)
    {
        const int Compared = 16;
        if (ordinal > Compared)
        {
            if (seen is null)
            {
                seen = new HashSet<string>(StringComparer.Ordinal);
                for (var at = 0; TextNormalizer.NextWord(query, ref at, out var earlier, out var length) && earlier < start;)
                {
                    seen.Add(query.Substring(earlier, length));
                }
            }

            return !seen.Add(word.ToString());
        }

        var from = 0;
        while (TextNormalizer.NextWord(query, ref from, out var earlier, out var length) && earlier < start)
        {
            if (query.AsSpan(earlier, length).SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    // One search through the vocabulary marking the rows of every word holding 'part' in 'bits' (cleared first); false
    // when more than maxMatchedWords words hold it. A part is letters and digits, never WordEnd, so each place it is
    // found lies within one word; the search goes on from the next word, so a word is taken once.
    private bool TryMarkRowsWithWordContaining(ReadOnlySpan<char> part, int maxMatchedWords, Span<ulong> bits)
    {
        bits.Clear();
        var words = _words.AsSpan();
        var matched = 0;
        for (var from = 0; from < words.Length;)
        {
            var found = words[from..].IndexOf(part, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var word = WordAt(from + found);
            if (matched++ == maxMatchedWords)
            {
                return false;
            }

            foreach (var row in _postings[word])
            {
                bits[row >> 6] |= 1UL << row;
            }

            from = _starts[word + 1];
        }

        return true;
    }

    // The word whose text holds position 'at' of _words: the last one starting at or before it.
    private int WordAt(int at)
    {
        var found = Array.BinarySearch(_starts, at);
        return found >= 0 ? found : ~found - 1;
    }

    // Word number 'word' of the sorted vocabulary, without its WordEnd.
    private ReadOnlySpan<char> Word(int word) => _words.AsSpan(_starts[word], _starts[word + 1] - _starts[word] - 1);

    // The candidates whose folded text matches, ascending, checked into pooled scratch.
    private int[] MatchCandidates(ReadOnlySpan<ulong> candidates, string query, TextMatch match)
    {
        var scratch = System.Buffers.ArrayPool<int>.Shared.Rent(RowBitmap.Count(candidates));
        try
        {
            var count = 0;
            for (var word = 0; word < candidates.Length; word++)
            {
                for (var set = candidates[word]; set != 0; set &= set - 1)
                {
                    var row = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(set);
                    if (IsMatch(_folded[row]!, query, match))
                    {
                        scratch[count++] = row;
                    }
                }
            }

            return count == 0 ? [] : scratch.AsSpan(0, count).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(scratch);
        }
    }

    // No letters or digits to look up (e.g. "-"): every row's text checked.
    private int[] MatchEveryRow(string query, TextMatch match)
    {
        var result = new List<int>();
        for (var row = 0; row < _folded.Length; row++)
        {
            if (_folded[row] is { } candidateText && IsMatch(candidateText, query, match))
            {
                result.Add(row);
            }
        }

        return result.ToArray();
    }

    private (int Start, int End) PrefixRange(string prefix)
    {
        int low = 0, high = WordCount;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (Word(mid).SequenceCompareTo(prefix) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var end = low;
        while (end < WordCount && Word(end).StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return (low, end);
    }
}
