using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BorderDomain.Schema;

namespace BorderDomain.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Compares two records property by property, collections element by element (a record's own equality compares
/// <c>ImmutableArray</c> properties by reference), and describes the first difference.
/// </summary>
internal static class RecordComparer
{
    /// <summary>The first property that differs, as text, or <see langword="null"/> when the records are equal.</summary>
    internal static string? Difference<T>(T expected, T actual)
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length != 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            var left = property.GetValue(expected);
            var right = property.GetValue(actual);
            if (!Same(left, right))
            {
                return $"{typeof(T).Name}.{property.Name}: expected {Show(left)}, got {Show(right)}";
            }
        }

        return null;
    }

    private static bool Same(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is string || left is not IEnumerable)
        {
            return left.Equals(right);
        }

        var l = ((IEnumerable)left).Cast<object?>().ToList();
        var r = ((IEnumerable)right).Cast<object?>().ToList();
        if (l.Count != r.Count)
        {
            return false;
        }

        for (var i = 0; i < l.Count; i++)
        {
            if (l[i] is { } a && a.GetType().GetCustomAttribute<QuerySetAttribute>() is null && a.GetType().IsClass && a is not string)
            {
                var method = typeof(RecordComparer).GetMethod(nameof(Difference), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(a.GetType());
                if (method.Invoke(null, [a, r[i]]) is not null)
                {
                    return false;
                }
            }
            else if (!Same(l[i], r[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Show)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
