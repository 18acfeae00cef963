using System;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BorderDomain.EntityFrameworkCore.Query;

/// <summary>
/// On PostgreSQL, rewrites <c>column.Contains(value)</c> on a required array column (BDQ's <c>has</c>) to
/// <c>new[] { value, value }.All(c =&gt; column.Contains(c))</c> before EF compiles the query: Npgsql translates the
/// first to <c>value = ANY(column)</c>, which a GIN index cannot answer, and the second to
/// <c>ARRAY[value, value] &lt;@ column</c>,
/// which it can. Both mean the same for a non-null array; nullable columns are left as they are, so null semantics
/// never change. (The trees themselves are built in shapes EF translates: no identity conversions, and "no element"
/// for <c>is null</c> on a folded text list.)
/// </summary>
internal sealed class BdqQueryRewriter : IQueryExpressionInterceptor
{
    internal const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    internal static BdqQueryRewriter Instance { get; } = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        eventData.Context is { } context ? new Visitor(context.Model, context.Database.ProviderName == NpgsqlProvider).Visit(queryExpression) : queryExpression;

    private sealed class Visitor(IModel model, bool postgres) : ExpressionVisitor
    {
        private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

        private static readonly MethodInfo AllMethod = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.All) && m.GetParameters().Length == 2);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (postgres && node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == ContainsMethod
                && IsRequiredArrayColumn(node.Arguments[0]) && !HasParameter(node.Arguments[1]))
            {
                var element = node.Method.GetGenericArguments()[0];
                var c = Expression.Parameter(element, "c");
                // Two copies of the value: EF turns a one-element array back into "value = ANY(column)".
                var values = Expression.NewArrayInit(element, node.Arguments[1], node.Arguments[1]);
                var test = Expression.Lambda(Expression.Call(ContainsMethod.MakeGenericMethod(element), node.Arguments[0], c), c);
                return Expression.Call(AllMethod.MakeGenericMethod(element), values, test);
            }

            return base.VisitMethodCall(node);
        }

        // EF.Property<T[]>(record, "name") (or record.Property) mapped to a required primitive collection.
        private bool IsRequiredArrayColumn(Expression expression) =>
            Column(expression) is ({ } owner, { } name) && model.FindEntityType(owner)?.FindProperty(name) is { IsPrimitiveCollection: true, IsNullable: false };

        private static (Type? Owner, string? Name) Column(Expression expression)
        {
            var (owner, name) = expression switch
            {
                MethodCallExpression { Method.Name: nameof(EF.Property), Method.DeclaringType: var declaring } call when declaring == typeof(EF)
                    && call.Arguments[1] is ConstantExpression { Value: string property } => (Unwrap(call.Arguments[0]).Type, property),
                MemberExpression { Member: PropertyInfo member } access when access.Expression is not null => (access.Expression.Type, member.Name),
                _ => (null, null),
            };
            return (owner, name);
        }

        private static Expression Unwrap(Expression expression) =>
            expression is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression;

        private static bool HasParameter(Expression expression)
        {
            var finder = new ParameterFinder();
            finder.Visit(expression);
            return finder.Found;
        }
    }

    private sealed class ParameterFinder : ExpressionVisitor
    {
        internal bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found = true;
            return node;
        }
    }
}
