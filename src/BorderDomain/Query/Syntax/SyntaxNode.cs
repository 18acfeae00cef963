using System;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// A node of a parsed query. Every node knows its <see cref="Span"/> in the text; equality compares structure and
/// ignores spans, so a query and its printed-then-reparsed form compare equal.
/// </summary>
internal abstract record SyntaxNode
{
    private TextSpan _span;

    /// <summary>Where the node stands in the query text.</summary>
    public TextSpan Span { get => _span; init => _span = value; }

    /// <summary>Structural equality: same node type and same contents; spans are ignored.</summary>
    public virtual bool Equals(SyntaxNode? other) => other is not null && EqualityContract == other.EqualityContract;

    /// <summary>A hash of the node type; derived records add their contents.</summary>
    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>
    /// Sets the span of a node the grammar has just made and not yet handed to anyone (its <c>Node</c> rule and the
    /// <c>and</c>/<c>or</c> chains), where <c>with { Span = … }</c> would copy the whole node once more per node parsed.
    /// </summary>
    internal void SetSpan(TextSpan span) => _span = span;
}
