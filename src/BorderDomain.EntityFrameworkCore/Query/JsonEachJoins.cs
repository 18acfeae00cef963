using System;
using System.Linq;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace BorderDomain.EntityFrameworkCore.Query;

/// <summary>
/// Makes the provider's query translation postprocessor see a <c>CROSS APPLY json_each(…)</c> as the
/// <c>CROSS JOIN json_each(…)</c> SQLite runs: SQLite has no <c>APPLY</c>, and EF Core's SQLite provider refuses any
/// query that needs one, but a table-valued function in SQLite's <c>FROM</c> may read the tables before it, so a
/// correlated <c>json_each</c> over a list column is an ordinary join there. BDQ's trees need that for
/// <c>group by</c> a list field and for a sub-query selecting a list (<c>SelectMany</c> over the primitive collection).
/// Other providers have no <c>json_each</c> and are untouched.
/// </summary>
internal sealed class JsonEachJoinsFactory(IQueryTranslationPostprocessorFactory inner, QueryTranslationPostprocessorDependencies dependencies)
    : IQueryTranslationPostprocessorFactory
{
    /// <inheritdoc />
    public QueryTranslationPostprocessor Create(QueryCompilationContext queryCompilationContext) =>
        new Postprocessor(inner.Create(queryCompilationContext), dependencies, queryCompilationContext);

    private sealed class Postprocessor(QueryTranslationPostprocessor inner, QueryTranslationPostprocessorDependencies dependencies, QueryCompilationContext context)
        : QueryTranslationPostprocessor(dependencies, context)
    {
        public override Expression Process(Expression query) => inner.Process(new ApplyToJoin().Visit(query));
    }

    // CROSS APPLY of a bare json_each becomes CROSS JOIN; every other table stays as it is (and APPLY of anything else
    // is still refused by the provider).
    private sealed class ApplyToJoin : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
        {
            if (node is ShapedQueryExpression shaped)
            {
                return shaped.Update(Visit(shaped.QueryExpression), Visit(shaped.ShaperExpression));
            }

            return node is CrossApplyExpression { Table: TableValuedFunctionExpression function } && IsJsonEach(function)
                ? new CrossJoinExpression(function)
                : base.VisitExtension(node);
        }

        private static bool IsJsonEach(TableValuedFunctionExpression function) =>
            string.Equals(function.Name, "json_each", StringComparison.Ordinal) && function.Schema is null;
    }
}
