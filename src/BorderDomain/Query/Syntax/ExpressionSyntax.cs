namespace BorderDomain.Query.Syntax;

/// <summary>A condition in a <c>where</c> clause.</summary>
internal abstract record ExpressionSyntax : SyntaxNode;

/// <summary><c>left and right</c>.</summary>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
internal sealed record AndSyntax(ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax;

/// <summary><c>left or right</c>.</summary>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
internal sealed record OrSyntax(ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax;

/// <summary><c>not operand</c>.</summary>
/// <param name="Operand">The negated condition.</param>
internal sealed record NotSyntax(ExpressionSyntax Operand) : ExpressionSyntax;

/// <summary>A test of one path: <c>signed &gt;= 2010</c>, <c>topics has any (A, B)</c>, <c>place is null</c>.</summary>
/// <param name="Path">The tested field.</param>
/// <param name="Operator">The test.</param>
/// <param name="Operands">The values, as many as the operator takes (none, one, two, or a list).</param>
internal sealed record PredicateSyntax(PathSyntax Path, PredicateOperator Operator, EquatableArray<LiteralSyntax> Operands) : ExpressionSyntax
{
    /// <summary>Whether the test is of the list's length, <c>count(parties) = 1</c> (<see cref="OperatorTable.Length"/>), not of the field itself.</summary>
    public bool Length { get; init; }
}
