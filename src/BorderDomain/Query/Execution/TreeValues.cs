using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// The methods <see cref="BdqTreeHooks.Default"/> puts in trees for LINQ to Objects: folding, day numbers, code
/// text, null-safe element sequences, and the code-point text order. Each is what the in-memory engine computes.
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Trees are built over the record types a caller passes (their public properties kept by DynamicallyAccessedMembers) and those properties' own types, which the app already uses.")]
internal static class TreeValues
{
    internal static readonly MethodInfo FoldMethod = typeof(TreeValues).GetMethod(nameof(Fold), BindingFlags.NonPublic | BindingFlags.Static)!;
    internal static readonly MethodInfo FoldAllMethod = typeof(TreeValues).GetMethod(nameof(FoldAll), BindingFlags.NonPublic | BindingFlags.Static)!;
    internal static readonly MethodInfo ElementsMethod = typeof(TreeValues).GetMethod(nameof(ElementsOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    internal static readonly MethodInfo CodeTextMethod = typeof(TreeValues).GetMethod(nameof(CodeText), BindingFlags.NonPublic | BindingFlags.Static)!;
    internal static readonly MethodInfo CompareMethod = typeof(TextNormalizer).GetMethod(nameof(TextNormalizer.CompareCodePoints))!;
    internal static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;
    internal static readonly MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    internal static readonly MethodInfo EndsWithMethod = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string), typeof(StringComparison)])!;

    internal static readonly MethodInfo TextOfMethod = typeof(ValueSemantics).GetMethod(nameof(ValueSemantics.TextOf))!;
    internal static readonly MethodInfo MatchesMethod = typeof(TreeValues).GetMethod(nameof(Matches), BindingFlags.NonPublic | BindingFlags.Static)!;
    internal static readonly MethodInfo HasElementMethod = typeof(TreeValues).GetMethod(nameof(HasElement), BindingFlags.NonPublic | BindingFlags.Static)!;
    internal static readonly MethodInfo FoldedEqualsMethod = typeof(TreeValues).GetMethod(nameof(FoldedEquals), BindingFlags.NonPublic | BindingFlags.Static)!;
    internal static readonly MethodInfo HasFoldedMethod = typeof(TreeValues).GetMethod(nameof(HasFolded), BindingFlags.NonPublic | BindingFlags.Static)!;
    internal static readonly MethodInfo BestMethod = typeof(TreeValues).GetMethod(nameof(Best), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Orders strings by code point.</summary>
    internal static readonly IComparer<string?> CodePointOrder = CodePointComparer.Instance;

    /// <summary>The element type of a collection type (<c>T[]</c>, <c>List&lt;T&gt;</c>, <c>ImmutableArray&lt;T&gt;</c> …), or null.</summary>
    internal static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            return type.GetGenericArguments()[0];
        }

        foreach (var face in type.GetInterfaces())
        {
            if (face.IsGenericType && face.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return face.GetGenericArguments()[0];
            }
        }

        return null;
    }

    /// <summary><paramref name="value"/> converted to its nullable type when it is a non-nullable value type.</summary>
    internal static Expression Nullable(Expression value) =>
        value.Type.IsValueType && System.Nullable.GetUnderlyingType(value.Type) is null
            ? Expression.Convert(value, typeof(Nullable<>).MakeGenericType(value.Type))
            : value;

    /// <summary>The method giving the first or last day number of a nullable date-like value, or null for other types.</summary>
    internal static MethodInfo? DayMethod(Type type, bool first)
    {
        var name = (first ? "First" : "Last") + "Day";
        return typeof(TreeValues).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static, [typeof(Nullable<>).MakeGenericType(type)]);
    }

    internal static string? Fold(string? text) => text is null ? null : TextNormalizer.Normalize(text);

    internal static IEnumerable<string> FoldAll(IEnumerable<string?>? texts)
    {
        if (texts is null || (texts is System.Collections.Immutable.ImmutableArray<string?> array && array.IsDefault))
        {
            return [];
        }

        return texts.Where(t => t is not null).Select(t => TextNormalizer.Normalize(t!));
    }

    internal static IEnumerable<T> ElementsOf<T>(IEnumerable<T>? elements) =>
        elements is null || (elements is System.Collections.Immutable.ImmutableArray<T> array && array.IsDefault) ? [] : elements;

    internal static string? CodeText(object? value) => RecordKey.Text(value);

    internal static int? FirstDay(PartialDate? date) => date is { IsDefault: false } d ? d.StartDayNumber : null;

    internal static int? LastDay(PartialDate? date) => date is { IsDefault: false } d ? d.EndDayNumber : null;

    // The days DateIndex.TryGetDays(Period) gives, open sides included (before or after every day).
    internal static int? FirstDay(Period? period) => period is { } p && DateIndex.TryGetDays(p, out var start, out _) ? start : null;

    internal static int? LastDay(Period? period) => period is { } p && DateIndex.TryGetDays(p, out _, out var end) ? end : null;

    internal static int? FirstDay(DateOnly? date) => date?.DayNumber;

    internal static int? LastDay(DateOnly? date) => date?.DayNumber;

    internal static int? FirstDay(DateTime? date) => date is { } d ? DateIndex.DayOf(d) : null;

    internal static int? LastDay(DateTime? date) => FirstDay(date);

    internal static int? FirstDay(DateTimeOffset? date) => date is { } d ? DateIndex.DayOf(d) : null;

    internal static int? LastDay(DateTimeOffset? date) => FirstDay(date);

    internal static bool Matches(string? folded, string search, TextMatch match) => folded is not null && TextIndex.IsMatch(folded, search, match);

    /// <summary>Whether an immutable array holds <paramref name="value"/>, without boxing the array (false when default).</summary>
    internal static bool HasElement<T>(System.Collections.Immutable.ImmutableArray<T> elements, T value) => !elements.IsDefault && elements.Contains(value);

    /// <summary>Whether <paramref name="text"/> folds to <paramref name="folded"/> (already folded), without a folded copy when both are ASCII.</summary>
    internal static bool FoldedEquals(string? text, string folded)
    {
        if (text is null)
        {
            return false;
        }

        if (text.Length == folded.Length)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= 0x80 || folded[i] >= 0x80)
                {
                    return string.Equals(TextNormalizer.Normalize(text), folded, StringComparison.Ordinal);
                }

                if ((c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) != folded[i])
                {
                    return false;
                }
            }

            return true;
        }

        // Folding changes the length only outside ASCII (æ → ae, combining accents dropped).
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                return string.Equals(TextNormalizer.Normalize(text), folded, StringComparison.Ordinal);
            }
        }

        foreach (var c in folded)
        {
            if (c >= 0x80)
            {
                return string.Equals(TextNormalizer.Normalize(text), folded, StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>Whether some element of <paramref name="texts"/> folds to <paramref name="folded"/>.</summary>
    internal static bool HasFolded(IEnumerable<string?>? texts, string folded)
    {
        if (texts is null || (texts is System.Collections.Immutable.ImmutableArray<string?> array && array.IsDefault))
        {
            return false;
        }

        foreach (var text in texts)
        {
            if (FoldedEquals(text, folded))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The least (or greatest) present value in BDQ's order (<see cref="ValueSemantics.Order"/>), the first of equals; null when none.</summary>
    internal static T? Best<T>(IEnumerable<T> values, Schema.FieldKind kind, bool greatest)
    {
        object? best = null;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            var order = best is null ? 0 : ValueSemantics.Order(kind, value, best);
            if (best is null || (greatest ? order > 0 : order < 0))
            {
                best = value;
            }
        }

        return (T?)best;
    }
}
