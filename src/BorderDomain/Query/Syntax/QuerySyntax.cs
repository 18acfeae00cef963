namespace BorderDomain.Query.Syntax;

/// <summary>How a query orders its results by one key, or its groups by one aggregate.</summary>
/// <param name="Path">The key; for an aggregate ordering, the aggregate's field (no names for <c>count</c>).</param>
/// <param name="Descending">Whether larger values come first.</param>
internal sealed record OrderingSyntax(PathSyntax Path, bool Descending) : SyntaxNode
{
    /// <summary>The aggregate the groups are ordered by (<c>order by count desc</c>), or <see langword="null"/> for a key.</summary>
    public AggregateSyntax? Aggregate { get; init; }
}


/// <summary>One aggregate of a <c>group by</c>: <c>count</c> or <c>sum(value)</c>.</summary>
/// <param name="Function">The function.</param>
/// <param name="Argument">The field it aggregates; <see langword="null"/> for <c>count</c>.</param>
internal sealed record AggregateSyntax(AggregateFunction Function, PathSyntax? Argument) : SyntaxNode;

/// <summary>
/// <c>group by k, … [aggregates]</c>; with no aggregate written, <c>count</c> is implied. With no keys, the aggregates
/// of the whole answer (<c>statistics sum(value)</c>).
/// </summary>
/// <param name="Keys">The grouping keys.</param>
/// <param name="Aggregates">The aggregates, in the order written.</param>
internal sealed record GroupBySyntax(EquatableArray<PathSyntax> Keys, EquatableArray<AggregateSyntax> Aggregates) : SyntaxNode;

/// <summary>A whole BDQ query.</summary>
/// <param name="Set">The entity set queried, e.g. <c>accords</c>.</param>
/// <param name="Where">The filter, if any.</param>
/// <param name="GroupBy">The grouping, if any.</param>
/// <param name="OrderBy">The ordering keys, possibly none.</param>
/// <param name="Skip">How many results to skip, if given.</param>
/// <param name="Take">How many results to keep at most, if given.</param>
/// <param name="Select">The projected fields, possibly none (whole records).</param>
/// <param name="Count">Whether the query ends in <c>count</c>.</param>
internal sealed record QuerySyntax(
    IdentifierSyntax Set,
    ExpressionSyntax? Where,
    GroupBySyntax? GroupBy,
    EquatableArray<OrderingSyntax> OrderBy,
    NumberLiteralSyntax? Skip,
    NumberLiteralSyntax? Take,
    EquatableArray<PathSyntax> Select,
    bool Count) : SyntaxNode
{
    /// <summary>Whether the projection is <c>select distinct …</c>: each combination of the selected values once.</summary>
    public bool Distinct { get; init; }
}
