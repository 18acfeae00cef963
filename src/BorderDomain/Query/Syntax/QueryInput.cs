using System;
using System.Collections.Generic;
using Sprache;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// The query text as Sprache input, at most one instance per position, made once and shared: <see cref="Advance"/> and
/// <see cref="Skip"/> return the position's instance when it exists. Sprache's own <see cref="Input"/> makes a new object and a new memo
/// dictionary on every advance, and the grammar's alternatives read the same characters again and again (each
/// keyword, symbol and literal tried re-reads the whitespace before it), which cost kilobytes per character.
/// Line and column follow Sprache's rules (a line starts after <c>'\n'</c>; both count from 1).
/// </summary>
internal sealed class QueryInput : IInput
{
    private readonly QueryInput?[] _positions;

    private QueryInput(string source, QueryInput?[] positions, int position, int line, int column)
    {
        Source = source;
        _positions = positions;
        Position = position;
        Line = line;
        Column = column;
    }

    /// <inheritdoc/>
    public string Source { get; }

    /// <inheritdoc/>
    public char Current => Source[Position];

    /// <inheritdoc/>
    public bool AtEnd => Position == Source.Length;

    /// <inheritdoc/>
    public int Position { get; }

    /// <inheritdoc/>
    public int Line { get; }

    /// <inheritdoc/>
    public int Column { get; }

    /// <summary>
    /// A new, empty memo table on every read. Sprache's <c>Parse.Ref</c> memoizes per input object to detect left
    /// recursion, and rethrows a failure it finds there; with Sprache's input a position reached again is a new object,
    /// so a memo is never seen twice. Shared positions would carry one alternative's failure into the next, so none is
    /// kept. The grammar's own references (<see cref="QueryCombinators.Ref{T}"/>) read no memo at all (it has no left
    /// recursion: every reference follows a token it has read).
    /// </summary>
    public IDictionary<object, object> Memos => new Dictionary<object, object>();

    /// <summary>The start of <paramref name="text"/>.</summary>
    public static IInput Start(string text)
    {
        var positions = new QueryInput?[text.Length + 1];
        return positions[0] = new QueryInput(text, positions, 0, 1, 1);
    }

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
        if (count < 0 || position > Source.Length)
        {
            throw new InvalidOperationException("Cannot advance beyond end of input.");
        }

        if (_positions[position] is { } known)
        {
            return known;
        }

        var line = Line;
        var column = Column + count;
        for (var i = Position; i < position; i++)
        {
            if (Source[i] == '\n')
            {
                line++;
                column = position - i; // 1 at the character after the line feed
            }
        }

        return _positions[position] = new QueryInput(Source, _positions, position, line, column);
    }

    /// <inheritdoc/>
    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Position;

    /// <inheritdoc/>
    public override string ToString() => $"Line {Line}, Column {Column}";
}
