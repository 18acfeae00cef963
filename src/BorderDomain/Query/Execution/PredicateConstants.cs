using System;
using System.Collections.Generic;
using BorderDomain.Model;
using BorderDomain.Query.Semantics;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// The one constants resolver: a predicate's bound values as the value records hold, with search text folded for the
/// text operators. The executor, the planner's statistics and the LINQ builder resolve through it; the generator links
/// this file and renders the same values as C# source.
/// </summary>
internal static class PredicateConstants
{
    /// <summary>Whether the operator compares folded text, so its text operand is folded once before the test.</summary>
    internal static bool FoldsText(PredicateOperator op) => OperatorTable.Of(op).Family == OperatorFamily.Text;

    /// <summary>Search text as the text operators compare it.</summary>
    internal static string Fold(string text) => TextNormalizer.Normalize(text);

    /// <summary>A portable constant (as the binder and the generator's model hold it) as the value records hold.</summary>
    internal static object Runtime(FieldKind kind, object value) => kind switch
    {
        FieldKind.Nation => value as NationCode? ?? NationCode.Parse((string)value),
        FieldKind.Unit => value as Unit? ?? Unit.Parse((string)value),
        _ => value,
    };

    /// <summary>One bound value as records hold it, a parameter taken from <paramref name="parameters"/> (resolved already).</summary>
    internal static object Value(BoundValue value, IReadOnlyDictionary<string, object> parameters) => value switch
    {
        BoundConstant constant => Runtime(constant.Kind, constant.Value),
        BoundParameter parameter => parameters[parameter.Name],
        BoundSubquery => throw new ArgumentException("A sub-query's values come from running it, not from the query text.", nameof(value)),
        _ => throw new ArgumentException("Unknown bound value.", nameof(value)),
    };

    /// <summary>
    /// The predicate's values as records hold them, parameters taken from <paramref name="parameters"/>; search text
    /// comes folded for text matching.
    /// </summary>
    internal static object[] Resolve(BoundPredicate predicate, IReadOnlyDictionary<string, object> parameters) =>
        ResolveInto(predicate, parameters, new object[predicate.Values.Count]);

    /// <summary>The same, written into <paramref name="values"/> (as long as the predicate's values) and returned.</summary>
    internal static object[] ResolveInto(BoundPredicate predicate, IReadOnlyDictionary<string, object> parameters, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Value(predicate.Values[i], parameters);
        }

        if (FoldsText(predicate.Operator))
        {
            values[0] = Fold((string)values[0]);
        }

        return values;
    }
}
