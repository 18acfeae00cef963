namespace BorderDomain.Query.Syntax;

/// <summary>A name as written: a set, field, enum member or nation code.</summary>
/// <param name="Name">The name as written.</param>
internal sealed record IdentifierSyntax(string Name) : SyntaxNode;
