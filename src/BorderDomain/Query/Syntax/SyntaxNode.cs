using System;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// A node of a parsed query. Every node knows its <see cref="Span"/> in the text; equality compares structure and
/// ignores spans, so a query and its printed-then-reparsed form compare equal.
/// </summary>
internal abstract record SyntaxNode
{
    /// <summary>Where the node stands in the query text.</summary>
    public TextSpan Span { get; init; }

    /// <summary>Structural equality: same node type and same contents; spans are ignored.</summary>
    public virtual bool Equals(SyntaxNode? other) => other is not null && EqualityContract == other.EqualityContract;

    /// <summary>A hash of the node type; derived records add their contents.</summary>
    public override int GetHashCode() => EqualityContract.GetHashCode();
}
