namespace BorderDomain.Query.Syntax;

/// <summary>A field, or a reference followed one hop: <c>signed</c>, <c>nation.region</c>.</summary>
/// <param name="Segments">The names, left to right.</param>
internal sealed record PathSyntax(EquatableArray<IdentifierSyntax> Segments) : SyntaxNode
{
    /// <summary>The path as written, e.g. <c>nation.region</c>.</summary>
    public override string ToString() => string.Join(".", System.Linq.Enumerable.Select(Segments, segment => segment.Name));
}
