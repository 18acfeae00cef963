using System;
using System.Collections.Generic;
using Sprache;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// The query text as Sprache input: a position in a shared <see cref="Text"/>, which keeps recently reached positions
/// so that <see cref="Advance"/> and <see cref="Skip"/> return the same instance for a position read again. Sprache's own
/// <see cref="Input"/> makes a new object and a new memo dictionary on every advance, and the grammar's alternatives read
/// the same characters again and again (each keyword, symbol and literal tried re-reads the whitespace before it), which
/// cost kilobytes per character. Line and column follow Sprache's rules (a line starts after <c>'\n'</c>; both count
/// from 1); they are worked out from the position when asked, so an instance holds only the text and the position.
/// </summary>
internal sealed class QueryInput : IInput
{
    private readonly Text _text;

    private QueryInput(Text text, int position)
    {
        _text = text;
        Position = position;
    }

    /// <inheritdoc/>
    public string Source => _text.Source;

    /// <inheritdoc/>
    public char Current => _text.Source[Position];

    /// <inheritdoc/>
    public bool AtEnd => Position == _text.Source.Length;

    /// <inheritdoc/>
    public int Position { get; }

    /// <inheritdoc/>
    public int Line => _text.LineAt(Position);

    /// <inheritdoc/>
    public int Column => Position - _text.LineStart(Position) + 1;

    /// <summary>
    /// A new, empty memo table on every read. Sprache's <c>Parse.Ref</c> memoizes per input object to detect left
    /// recursion, and rethrows a failure it finds there; with Sprache's input a position reached again is a new object,
    /// so a memo is never seen twice. Shared positions would carry one alternative's failure into the next, so none is
    /// kept. The grammar's own references (<see cref="QueryCombinators.Ref{T}"/>) read no memo at all (it has no left
    /// recursion: every reference follows a token it has read).
    /// </summary>
    public IDictionary<object, object> Memos => new Dictionary<object, object>();

    /// <summary>The start of <paramref name="text"/>.</summary>
    public static IInput Start(string text) => new Text(text).At(0);

    /// <inheritdoc/>
    public IInput Advance()
    {
        if (AtEnd)
        {
            throw new InvalidOperationException("Cannot advance beyond end of input.");
        }

        return Skip(1);
    }

    /// <summary>
    /// The input <paramref name="count"/> characters on, as that many <see cref="Advance"/>s give it, but made without
    /// the positions between: the grammar's token parsers read a token's characters in the source and move past it at
    /// once, so only the positions where tokens and trivia start and end are made.
    /// </summary>
    public QueryInput Skip(int count)
    {
        var position = Position + count;
        if (count < 0 || position > _text.Source.Length)
        {
            throw new InvalidOperationException("Cannot advance beyond end of input.");
        }

        return count == 0 ? this : _text.At(position);
    }

    /// <inheritdoc/>
    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Position;

    /// <inheritdoc/>
    public override string ToString() => $"Line {Line}, Column {Column}";

    /// <summary>
    /// One parse's text: its positions made so far, and where its lines start. Positions are kept by position modulo a
    /// window of at most <see cref="Window"/> (every position of a short text): the grammar reads a position again only
    /// while it tries the alternatives at one token, a few characters back, so a window keeps the positions it asks for
    /// again without an array as long as the text. A position whose slot another one took is made anew; instances are
    /// compared by position, so that changes nothing but an allocation.
    /// </summary>
    private sealed class Text(string source)
    {
        public const int Window = 256;

        private readonly QueryInput?[] _positions = new QueryInput?[Math.Min(source.Length + 1, Window)];

        // The positions after each '\n', made when a line or column is first asked for in a text that has one.
        private int[]? _lineStarts;

        public string Source { get; } = source;

        public QueryInput At(int position)
        {
            ref var slot = ref _positions[position % _positions.Length];
            if (slot is { } known && known.Position == position)
            {
                return known;
            }

            return slot = new QueryInput(this, position);
        }

        public int LineAt(int position) => LineIndex(position) + 1;

        public int LineStart(int position) => LineIndex(position) is var line and > 0 ? _lineStarts![line - 1] : 0;

        // How many line starts (positions after a '\n') are at or before 'position'.
        private int LineIndex(int position)
        {
            var starts = _lineStarts ??= LineStarts(Source);
            if (starts.Length == 0 || position < starts[0])
            {
                return 0;
            }

            var found = Array.BinarySearch(starts, position);
            return found >= 0 ? found + 1 : ~found;
        }

        private static int[] LineStarts(string source)
        {
            var starts = new List<int>();
            for (var i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
            {
                starts.Add(i + 1);
            }

            return starts.Count == 0 ? [] : [.. starts];
        }
    }
}
