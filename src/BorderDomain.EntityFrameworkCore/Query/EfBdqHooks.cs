using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using BorderDomain.EntityFrameworkCore.Metadata;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Microsoft.EntityFrameworkCore;

namespace BorderDomain.EntityFrameworkCore.Query;

/// <summary>
/// The <see cref="BdqTreeHooks"/> for EF Core: every value BDQ's semantics need is read from a column that
/// <see cref="BdqModelBuilderExtensions.ApplyBdqConventions"/> declares and <see cref="BdqDbContextOptionsExtensions.UseBdq"/>
/// keeps filled (<c>EF.Property&lt;string&gt;(record, "Title_Folded")</c>), so every tree translates to one SQL statement
/// on PostgreSQL and SQLite. Text is ordered by the provider (columns with the <c>C</c> collation on PostgreSQL,
/// SQLite's BINARY), which is code-point order, as in memory.
/// </summary>
public class EfBdqHooks : BdqTreeHooks
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;
    private static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo EndsWithMethod = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    /// <summary>The shared instance.</summary>
    public static EfBdqHooks Instance { get; } = new();

    /// <summary>
    /// The hooks for SQLite, which has no lateral join, when <see cref="BdqDbContextOptionsExtensions.UseBdq"/> could
    /// not wrap the provider's postprocessor (<see cref="JsonEachJoinsFactory"/>): <c>group by</c> a list, a sub-query
    /// selecting a list and paths through a list get BDQ0205 there.
    /// </summary>
    internal static EfBdqHooks Sqlite { get; } = new() { Lateral = false, Collections = false };

    /// <summary>
    /// The hooks for SQLite with <see cref="JsonEachJoinsFactory"/>: a <c>SelectMany</c> over a list column runs as a
    /// join with <c>json_each</c>; a path through a list still gets BDQ0205, because EF Core 10's SQLite provider makes a
    /// correlated collection in a projection an <c>OUTER APPLY</c> inside its own postprocessing and refuses it there.
    /// </summary>
    internal static EfBdqHooks SqliteJoined { get; } = new() { Lateral = true, Collections = false };

    /// <summary>PostgreSQL's <c>LATERAL</c>; on SQLite a join with <c>json_each</c> where <see cref="JsonEachJoinsFactory"/> is in place.</summary>
    /// <inheritdoc />
    public override bool LateralJoins => Lateral;

    /// <summary>PostgreSQL's <c>LATERAL</c>; not on SQLite, whose EF provider cannot run the <c>OUTER APPLY</c> it needs.</summary>
    /// <inheritdoc />
    public override bool ListProjections => Collections;

    private bool Lateral { get; init; } = true;

    private bool Collections { get; init; } = true;

    /// <inheritdoc />
    public override IComparer<string>? TextOrder => null;

    /// <summary>The property, or for an <c>ImmutableArray&lt;T&gt;</c> property the <c>T[]</c> shadow array EF stores it in.</summary>
    /// <inheritdoc />
    public override Expression? Value(Expression record, FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(field);
        return Map(record)?.ArrayOf(field.PropertyName) is { } array ? Shadow(record, array.ShadowName, array.ShadowType) : base.Value(record, field);
    }

    /// <summary>The primitive collection EF maps (the shadow <c>T[]</c> for an <c>ImmutableArray&lt;T&gt;</c>).</summary>
    /// <inheritdoc />
    public override Expression? Elements(Expression record, FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(field);
        return Map(record)?.ArrayOf(field.PropertyName) is { } array ? Shadow(record, array.ShadowName, array.ShadowType) : base.Value(record, field);
    }

    /// <summary>The <see cref="BdqColumns.Folded"/> column.</summary>
    /// <inheritdoc />
    public override Expression? FoldedText(Expression record, FieldSchema field) => Derived(record, field, DerivedKind.Folded);

    /// <summary>The <see cref="BdqColumns.FoldedElements"/> column.</summary>
    /// <inheritdoc />
    public override Expression? FoldedElements(Expression record, FieldSchema field) => Derived(record, field, DerivedKind.FoldedElements);

    /// <summary>The <see cref="BdqColumns.FirstDay"/> column.</summary>
    /// <inheritdoc />
    public override Expression? FirstDay(Expression record, FieldSchema field) => Derived(record, field, DerivedKind.FirstDay);

    /// <summary>The <see cref="BdqColumns.LastDay"/> column.</summary>
    /// <inheritdoc />
    public override Expression? LastDay(Expression record, FieldSchema field) => Derived(record, field, DerivedKind.LastDay);

    /// <summary>
    /// The folded text, day-number or code columns; the nullable property for numbers and enums; for yes/no an
    /// <c>int?</c> (0 for no, 1 for yes), because PostgreSQL has no <c>min(boolean)</c> for ordering groups.
    /// </summary>
    /// <inheritdoc />
    public override Expression? SortKey(Expression record, FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Kind == FieldKind.Boolean && !field.IsCollection && Value(record, field) is { } flag)
        {
            var one = Expression.Constant(1, typeof(int?));
            var zero = Expression.Constant(0, typeof(int?));
            return flag.Type == typeof(bool)
                ? Expression.Condition(flag, one, zero)
                : Expression.Condition(Expression.Equal(flag, Expression.Constant(null, flag.Type)), Expression.Constant(null, typeof(int?)),
                    Expression.Condition(Expression.Convert(flag, typeof(bool)), one, zero));
        }

        return field.Kind is FieldKind.Nation or FieldKind.Unit ? Derived(record, field, DerivedKind.CodeText) : base.SortKey(record, field);
    }

    /// <summary>The key column for a text key, the <see cref="BdqColumns.Code"/> column for a nation-code key.</summary>
    /// <inheritdoc />
    public override Expression? KeyText(Expression record, FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind is FieldKind.Nation or FieldKind.Unit ? Derived(record, field, DerivedKind.CodeText) : base.KeyText(record, field);
    }

    /// <summary><c>string.Compare(left, right)</c>, which providers translate to SQL comparison operators (code-point order under the <c>C</c> collation).</summary>
    /// <inheritdoc />
    public override Expression? CompareText(Expression left, Expression right) => Expression.Call(CompareMethod, left, right);

    /// <summary>
    /// <c>folded != null &amp;&amp; folded.Contains(search)</c> and its kin with one argument: <c>LIKE</c> with an escaped
    /// parameter on PostgreSQL (which a trigram index answers) and <c>instr</c>/<c>LIKE</c> on SQLite. The explicit null
    /// test keeps <c>not (… contains …)</c> true for a missing text, as in memory.
    /// </summary>
    /// <inheritdoc />
    public override Expression? MatchText(Expression folded, Expression search, TextMatch match)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var method = match switch
        {
            TextMatch.StartsWith => StartsWithMethod,
            TextMatch.EndsWith => EndsWithMethod,
            _ => ContainsMethod,
        };
        return Expression.AndAlso(Expression.NotEqual(folded, Expression.Constant(null, typeof(string))), Expression.Call(folded, method, search));
    }

    private static BdqEntityMap? Map(Expression record) => BdqEntityMap.For(record.Type);

    private static Expression? Derived(Expression record, FieldSchema field, DerivedKind kind)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(field);
        return Map(record)?.DerivedOf(field.PropertyName, kind) is { } derived ? Shadow(record, derived.Name, derived.ClrType) : null;
    }

    private static MethodCallExpression Shadow(Expression record, string name, Type type) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(type), Expression.Convert(record, typeof(object)), Expression.Constant(name));
}
