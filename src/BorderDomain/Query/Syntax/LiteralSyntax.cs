namespace BorderDomain.Query.Syntax;

/// <summary>A value written in a query.</summary>
internal abstract record LiteralSyntax : SyntaxNode;

/// <summary>A quoted string: <c>"mineria"</c>.</summary>
/// <param name="Value">The text, with escapes resolved.</param>
internal sealed record StringLiteralSyntax(string Value) : LiteralSyntax;

/// <summary>A number: <c>2010</c>, <c>1.5</c>, <c>-3</c>. A four-digit whole number is also a year where a date is expected.</summary>
/// <param name="Value">The number.</param>
internal sealed record NumberLiteralSyntax(decimal Value) : LiteralSyntax;

/// <summary>
/// A number written in BDQ's syntax that a decimal cannot hold exactly (too large, too small or too many digits),
/// kept so the binder can say what is wrong with it (<see cref="BdqDiagnostics.InvalidNumber"/>).
/// </summary>
/// <param name="Text">The number as written.</param>
internal sealed record InvalidNumberLiteralSyntax(string Text) : LiteralSyntax;

/// <summary>A partial date with a month, as written: <c>2013-11</c> or <c>2013-11-14</c>. The binder checks it is a real date.</summary>
/// <param name="Text">The date as written.</param>
internal sealed record DateLiteralSyntax(string Text) : LiteralSyntax;

/// <summary>A bare name: an enum member (<c>IllegalMining</c>), a nation code (<c>PER</c>), <c>true</c> or <c>false</c>.</summary>
/// <param name="Name">The name as written.</param>
internal sealed record NameLiteralSyntax(string Name) : LiteralSyntax;

/// <summary>A parameter supplied at run time: <c>@nation</c>.</summary>
/// <param name="Name">The name without the <c>@</c>.</param>
internal sealed record ParameterSyntax(string Name) : LiteralSyntax;

/// <summary>
/// A sub-query as the operand list of <c>in</c>: <c>id in (events where title contains "Tumbes" select agencies)</c>.
/// Its one selected field's values (a list field's elements) are the values tested.
/// </summary>
/// <param name="Query">The inner query.</param>
internal sealed record SubquerySyntax(QuerySyntax Query) : LiteralSyntax;
