using System;
using System.ComponentModel;
using BorderDomain.Schema;

namespace BorderDomain.CompilerServices;

/// <summary>
/// One index access of a plan, as generated code hands it to <see cref="IndexQueries.Found"/>: the arguments
/// <see cref="IndexQueries.Rows(BorderDomain.Storage.IEntityTable, int, IndexAccessKind, PredicateOperator, FieldKind, object[])"/>
/// takes for it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct IndexAccessArguments
{
    /// <summary>Bundles one access's arguments.</summary>
    /// <param name="field">The field's position in the table's schema.</param>
    /// <param name="kind">How the index answers.</param>
    /// <param name="op">The predicate's operator.</param>
    /// <param name="fieldKind">The field's kind.</param>
    /// <param name="values">The predicate's values as records hold them (enum members may also be given by name); search text already folded.</param>
    public IndexAccessArguments(int field, IndexAccessKind kind, PredicateOperator op, FieldKind fieldKind, object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Field = field;
        Kind = kind;
        Operator = op;
        FieldKind = fieldKind;
        Values = values;
    }

    internal int Field { get; }

    internal IndexAccessKind Kind { get; }

    internal PredicateOperator Operator { get; }

    internal FieldKind FieldKind { get; }

    internal object[] Values { get; }
}
