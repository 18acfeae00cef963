using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// How <see cref="BdqQueryable"/> reads the values BDQ's semantics need inside an expression tree. Every member gets
/// the expression of a record (a lambda parameter, or a joined record that the tree has already checked is not
/// null) and the field, and returns an expression the tree uses as is; <see langword="null"/> means "this back end
/// cannot express it", and <see cref="BdqQueryable.TryTranslate{T}"/> then reports BDQ0205 at the part of the query
/// that needs it, instead of building a tree that fails when enumerated.
/// <para>
/// <see cref="Default"/> computes every value from the record's property, for LINQ to Objects (an in-memory
/// <see cref="IQueryable{T}"/>). A database back end subclasses it and returns columns it keeps filled
/// (<c>EF.Property&lt;string&gt;(record, "TitleFolded")</c>), so the whole tree translates to SQL.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
public class BdqTreeHooks
{
    /// <summary>The hooks for LINQ to Objects: every value computed from the record's property.</summary>
    public static BdqTreeHooks Default { get; } = new();

    /// <summary>
    /// The field's value as the record declares it: the property, of its declared type (e.g. <c>int?</c>,
    /// <c>NationCode</c>, <c>List&lt;Topic&gt;</c>). Typed comparisons (numbers, enums, nation codes, units, yes/no),
    /// <c>select</c>, <c>min</c>/<c>max</c> and joins use it. The default is <c>record.Property</c>.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">The field, one of the record type's.</param>
    public virtual Expression? Value(Expression record, FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(field);
        return record.Type.GetProperty(field.PropertyName) is { } property ? Expression.Property(record, property) : null;
    }

    /// <summary>
    /// The elements of a collection field other than text, as an expression of type <c>IEnumerable&lt;E&gt;</c> where
    /// <c>E</c> is the element's declared type (e.g. <c>IEnumerable&lt;Topic&gt;</c>). <c>has</c> becomes
    /// <c>Contains</c>, <c>has any</c> <c>Any</c>, <c>has all</c> <c>All</c> over it, and <c>is null</c> "has no
    /// element that is not null". The default yields no elements for a null collection or a default
    /// <see cref="ImmutableArray{T}"/>, so enumeration never throws.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">A collection field of any kind but <see cref="FieldKind.String"/>.</param>
    public virtual Expression? Elements(Expression record, FieldSchema field) =>
        Value(record, field) is { } value && TreeValues.ElementType(value.Type) is { } element
            ? Expression.Call(TreeValues.ElementsMethod.MakeGenericMethod(element), Expression.Convert(value, typeof(IEnumerable<>).MakeGenericType(element)))
            : null;

    /// <summary>
    /// Whether the provider can read a list column's elements as rows correlated with their record (a lateral join in
    /// SQL, <c>SelectMany</c> over the list): <c>group by</c> a list field (one row per element) and a sub-query
    /// selecting a list field need it, and get BDQ0205 where it is <see langword="false"/>. The default is
    /// <see langword="true"/>.
    /// </summary>
    public virtual bool LateralJoins => true;

    /// <summary>
    /// Whether the provider can give, in each row of a <c>select</c>, a list computed from that row's list (a
    /// correlated collection projection): a path through a list of references (<c>agencies.name</c>) needs it, and gets
    /// BDQ0205 where it is <see langword="false"/>. The default is <see cref="LateralJoins"/>.
    /// </summary>
    public virtual bool ListProjections => LateralJoins;

    /// <summary>
    /// The folded text (<see cref="TextNormalizer.Normalize"/>) of a text field, as a <see cref="string"/>
    /// expression; null when the value is null. BDQ compares text only through this form: <c>=</c>, <c>!=</c>,
    /// <c>in</c>, <c>&lt;</c>…, <c>contains</c>, <c>startswith</c>, <c>endswith</c>, <c>order by</c>, <c>group by</c>.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">A text field that is not a collection (a <see cref="string"/> or <see cref="Guid"/> property).</param>
    public virtual Expression? FoldedText(Expression record, FieldSchema field) => Value(record, field) switch
    {
        { } value when value.Type == typeof(string) => Expression.Call(TreeValues.FoldMethod, value),
        { } value when value.Type == typeof(Guid) || value.Type == typeof(Guid?) => Expression.Call(TreeValues.FoldMethod, Expression.Call(TreeValues.TextOfMethod, Expression.Convert(value, typeof(object)))),
        _ => null,
    };

    /// <summary>
    /// The folded elements of a text collection field, as an expression of a type that implements
    /// <c>IEnumerable&lt;string&gt;</c> (e.g. <c>string[]</c>), holding no null element (null elements are left out, so
    /// <c>is null</c> on a text list is "no element"). <c>has</c> on a text
    /// list becomes <c>Contains</c> of the folded constant. The default folds each element and yields nothing for a
    /// null or default collection.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">A text field that is a collection.</param>
    public virtual Expression? FoldedElements(Expression record, FieldSchema field) =>
        Value(record, field) is { } value && TreeValues.ElementType(value.Type) == typeof(string)
            ? Expression.Call(TreeValues.FoldAllMethod, Expression.Convert(value, typeof(IEnumerable<string>)))
            : null;

    /// <summary>
    /// The day number (<see cref="DateOnly.DayNumber"/>) of the first day a date or period field's value covers, as an
    /// <c>int?</c> expression; null when the value is null or default. A <see cref="PartialDate"/> covers its year,
    /// month or day; a <see cref="Period"/> runs from its first date's first day to its last date's last day; a
    /// <see cref="DateOnly"/> is one day; a <see cref="DateTime"/> is the day of its <see cref="DateTime.Date"/> (the
    /// calendar date it holds, whatever its <see cref="DateTime.Kind"/>); a <see cref="DateTimeOffset"/> is the day of
    /// its UTC date (what a database keeps).
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">A date or period field that is not a collection.</param>
    public virtual Expression? FirstDay(Expression record, FieldSchema field) => Day(record, field, first: true);

    /// <summary>The day number of the last day a date or period field's value covers, as an <c>int?</c> expression; see <see cref="FirstDay"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="field">A date or period field that is not a collection.</param>
    public virtual Expression? LastDay(Expression record, FieldSchema field) => Day(record, field, first: false);

    /// <summary>
    /// The key <c>order by</c> sorts a field by, ascending in BDQ's order, null when the value is missing (missing
    /// values sort last in both directions; the tree adds that rule itself). Its type: <see cref="string"/> for text
    /// (the folded text, ordered by <see cref="TextOrder"/>), nation codes (alpha-3) and units (code);
    /// <c>int?</c> for dates and periods (<see cref="FirstDay"/>); the nullable numeric type of the property for
    /// numbers; the nullable enum type for enums (ordered by underlying value); <c>bool?</c> for yes/no.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">A field that is not a collection.</param>
    public virtual Expression? SortKey(Expression record, FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FieldKind.String => FoldedText(record, field),
            FieldKind.Date or FieldKind.Period => FirstDay(record, field),
            FieldKind.Nation or FieldKind.Unit => Value(record, field) is { } value ? Expression.Call(TreeValues.CodeTextMethod, Expression.Convert(value, typeof(object))) : null,
            _ => Value(record, field) is { } plain ? TreeValues.Nullable(plain) : null,
        };
    }

    /// <summary>
    /// The record's key as text, as a <see cref="string"/> expression: the raw key (not folded) for a text key, the
    /// alpha-3 code for a nation code. Every query's order ends with it, ascending by <see cref="TextOrder"/>, so
    /// ties come out the same in every engine; a query without <c>order by</c> comes back in key order.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">The set's key field (<see cref="EntitySetSchema.Key"/>).</param>
    public virtual Expression? KeyText(Expression record, FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Value(record, field) is not { } value ? null
            : value.Type == typeof(string) ? value
            : Expression.Call(TreeValues.CodeTextMethod, Expression.Convert(value, typeof(object)));
    }

    /// <summary>
    /// The value a reference and the key it points to are matched on, for the join a path such as
    /// <c>station.nation</c> becomes: the folded text for text (keys match ignoring case and accents), the value
    /// itself (made nullable) for other kinds. Both sides of one join must return the same type.
    /// </summary>
    /// <param name="record">The record: the referring one, or one of the referenced set.</param>
    /// <param name="field">The reference field, or the referenced set's key field.</param>
    public virtual Expression? JoinKey(Expression record, FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind == FieldKind.String ? FoldedText(record, field) : Value(record, field) is { } value ? TreeValues.Nullable(value) : null;
    }

    /// <summary>
    /// The comparer to pass to <c>OrderBy</c> for <see cref="string"/> sort keys, or <see langword="null"/> to let the
    /// provider order the key itself (then the provider must order by code point, e.g. a column with the <c>C</c>
    /// collation). The default orders by Unicode code point .
    /// </summary>
    public virtual IComparer<string>? TextOrder => TreeValues.CodePointOrder;

    /// <summary>
    /// An <see cref="int"/> expression comparing two non-null folded texts by code point (negative, zero, positive), for
    /// <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> and <c>between</c> on text. The default calls
    /// a code-point comparison; a database back end returns <c>string.Compare(left, right)</c>, which
    /// providers translate to SQL comparison operators.
    /// </summary>
    /// <param name="left">The folded field value.</param>
    /// <param name="right">The folded constant.</param>
    public virtual Expression? CompareText(Expression left, Expression right) => Expression.Call(TreeValues.CompareMethod, left, right);

    /// <summary>
    /// A <see cref="bool"/> expression: whether folded text <paramref name="folded"/> (possibly null: then false)
    /// contains, starts or ends with the folded search text <paramref name="search"/>, by ordinal comparison. The
    /// default calls <see cref="TextIndex.IsMatch"/> (ordinal <c>Contains</c>, <c>StartsWith</c>, <c>EndsWith</c>) on a
    /// non-null folded text, the folded text read once; a database back end returns the one-argument overloads, which providers
    /// translate to <c>LIKE</c> or <c>strpos</c>.
    /// </summary>
    /// <param name="folded">The folded field value.</param>
    /// <param name="search">The folded search text, never null.</param>
    /// <param name="match">Which test.</param>
    public virtual Expression? MatchText(Expression folded, Expression search, TextMatch match)
    {
        ArgumentNullException.ThrowIfNull(folded);
        ArgumentNullException.ThrowIfNull(search);
        return Expression.Call(TreeValues.MatchesMethod, folded, search, Expression.Constant(match));
    }

    /// <summary>
    /// <c>min</c> or <c>max</c> of a text, date or period field over one group: an expression of the values' type
    /// (<paramref name="values"/> is an <c>IEnumerable&lt;V&gt;</c> of the field's nullable declared type, in key
    /// order), giving the least or greatest present value in BDQ's order (text by folded code points, dates by first
    /// day) and the first of equal ones, or null when none is present. Numbers and <see cref="DateOnly"/> do not come
    /// here: trees use <c>Min</c>/<c>Max</c> for them. The default picks the value in memory; a database back end
    /// returns null (BDQ0205) unless it can give the raw value itself.
    /// </summary>
    /// <param name="values">The group's values.</param>
    /// <param name="field">The aggregated field.</param>
    /// <param name="greatest">Whether <c>max</c>.</param>
    public virtual Expression? Extreme(Expression values, FieldSchema field, bool greatest)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(field);
        return TreeValues.ElementType(values.Type) is { } element
            ? Expression.Call(TreeValues.BestMethod.MakeGenericMethod(element), values, Expression.Constant(field.Kind), Expression.Constant(greatest))
            : null;
    }

    private Expression? Day(Expression record, FieldSchema field, bool first)
    {
        if (Value(record, field) is not { } value)
        {
            return null;
        }

        var type = System.Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        var method = TreeValues.DayMethod(type, first);
        return method is null ? null : Expression.Call(method, TreeValues.Nullable(value));
    }
}
