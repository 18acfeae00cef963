using System.Collections.Generic;
using BorderDomain.Schema;

namespace BorderDomain.CompilerServices;

// The one rule for a sub-query's values, shared by the run-time executor and generated code.
internal static class SubqueryValueSet
{
    /// <summary>A sub-query's selected values flattened: list elements each, nulls left out, each value once.</summary>
    internal static object[] Flatten(IEnumerable<object?> selected, FieldKind kind)
    {
        // As constants are held: an enum member by its name.
        object Held(object value) => kind == FieldKind.Enum ? value.ToString()! : value;

        var values = new List<object>();
        var seen = new HashSet<object>();
        void Add(object? value)
        {
            if (value is not null && Held(value) is var held && seen.Add(held))
            {
                values.Add(held);
            }
        }

        foreach (var value in selected)
        {
            if (value is System.Collections.IEnumerable list and not string)
            {
                foreach (var element in list)
                {
                    Add(element);
                }
            }
            else
            {
                Add(value);
            }
        }

        return values.ToArray();
    }
}
