using System;
using System.Collections.Generic;
using System.Globalization;
using BorderDomain.Model;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Query;

/// <summary>Checks the parameter values a caller supplies against the types the binder gave the parameters.</summary>
internal static class ParameterResolver
{
    /// <summary>
    /// Every parameter of <paramref name="query"/> converted to the value records hold; <see langword="false"/> with a
    /// diagnostic for each missing or mistyped one. Names match ignoring case, with or without the <c>@</c>.
    /// </summary>
    internal static bool TryResolve(
        BoundQuery query,
        IReadOnlyDictionary<string, object?>? parameters,
        BdqOptions options,
        out Dictionary<string, object> values,
        out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        values = new Dictionary<string, object>(query.Parameters.Count, StringComparer.OrdinalIgnoreCase);
        return TryResolve(query, parameters, options, values, null, out diagnostics);
    }

    /// <summary>
    /// The same, into <paramref name="values"/> (cleared first; compared ignoring case), with
    /// <paramref name="memo"/> (when given) recalling the last conversion of each parameter: a value supplied again (the
    /// same object, or equal text) is not converted again, so a warm call passing text for a nation code boxes nothing.
    /// Every check before the conversion still runs on every call.
    /// </summary>
    internal static bool TryResolve(
        BoundQuery query,
        IReadOnlyDictionary<string, object?>? parameters,
        BdqOptions options,
        Dictionary<string, object> values,
        ConversionMemo? memo,
        out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        // A warm call with good values allocates nothing here (the values' dictionary is given): the bag of problems is made at the first
        // one, and a text's words are counted only when it is searched and longer than the limit: folding maps letters to letters,
        // drops combining marks and keeps every other character, so a text has at most as many words as characters.
        values.Clear();
        DiagnosticBag? problems = null;
        for (var p = 0; p < query.Parameters.Count; p++)
        {
            var parameter = query.Parameters[p];
            object? supplied = null;
            var found = parameters is not null && (parameters.TryGetValue(parameter.Name, out supplied) || TryGetIgnoringCase(parameters, parameter.Name, out supplied));
            if (!found || supplied is null)
            {
                (problems ??= new()).Add(Problem(parameter, BdqDiagnostics.MissingParameter, BdqDiagnostics.MissingParameterMessage(parameter.Name, TypeText(parameter))));
            }
            else if (supplied is string text && text.Length > options.MaxParameterLength)
            {
                (problems ??= new()).Add(Problem(parameter, BdqDiagnostics.ParameterTooLong, BdqDiagnostics.ParameterTooLongMessage(parameter.Name, text.Length, options.MaxParameterLength)));
            }
            else if (supplied is string search && search.Length > options.MaxSearchWords && IsSearched(query.Filter, parameter.Name)
                && QueryBinder.SearchWords(search) is var words && words > options.MaxSearchWords)
            {
                (problems ??= new()).Add(Problem(parameter, BdqDiagnostics.SearchTooBroad, BdqDiagnostics.TooManySearchWordsMessage(words, options.MaxSearchWords)));
            }
            else if (memo is not null && memo.TryRecall(p, supplied, out var recalled))
            {
                values[parameter.Name] = recalled;
            }
            else if (Convert(parameter, supplied, out var converted) is { } problem)
            {
                (problems ??= new()).Add(Problem(parameter, BdqDiagnostics.ParameterTypeMismatch, problem));
            }
            else
            {
                values[parameter.Name] = converted!;
                memo?.Remember(p, supplied, converted!);
            }
        }

        diagnostics = problems?.ToList() ?? [];
        return problems is null || !problems.HasErrors;
    }

    // Whether the parameter is the text of a contains/startswith/endswith test somewhere in the condition (walked
    // without an enumerator or closure: this runs on every call that passes text).
    private static bool IsSearched(BoundExpression? condition, string name) => condition switch
    {
        BoundAnd both => IsSearched(both.Left, name) || IsSearched(both.Right, name),
        BoundOr either => IsSearched(either.Left, name) || IsSearched(either.Right, name),
        BoundNot not => IsSearched(not.Operand, name),
        BoundPredicate predicate => predicate.Operator is PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith
            && predicate.Values is [BoundParameter searched]
            && string.Equals(searched.Name, name, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static BdqDiagnostic Problem(BoundParameter parameter, string code, string message) =>
        new() { Code = code, Message = message, Span = parameter.Span };

    private static bool TryGetIgnoringCase(IReadOnlyDictionary<string, object?> parameters, string name, out object? value)
    {
        foreach (var (key, candidate) in parameters)
        {
            if (string.Equals(key.TrimStart('@'), name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Converts a supplied value to what the executor compares: <see langword="null"/> and the value, or the message
    /// saying what is wrong with it. One rule for every value type: its default value and an enum value that is no
    /// named member are refused, as are numbers a decimal cannot hold exactly; text follows BDQ's literal syntax.
    /// </summary>
    private static string? Convert(BoundParameter parameter, object value, out object? converted)
    {
        converted = null;
        var problem = parameter.Kind switch
        {
            FieldKind.String => value is string ? Accept(value, out converted) : WrongType(parameter, value),
            FieldKind.Number => value switch
            {
                decimal => Accept(value, out converted),
                int i => Accept((decimal)i, out converted),
                long l => Accept((decimal)l, out converted),
                double d => Number(parameter, value, NumberText.FromDouble(d, out var exact), exact, out converted),
                float f => Number(parameter, value, NumberText.FromDouble(f, out var exact), exact, out converted),
                string text => Number(parameter, value, NumberText.TryParse(text, out var parsed), parsed, out converted),
                _ => WrongType(parameter, value),
            },
            FieldKind.Date or FieldKind.Period => value switch
            {
                PartialDate { IsDefault: true } => Invalid(parameter, value, BdqDiagnostics.DefaultValueProblem(nameof(PartialDate))),
                PartialDate => Accept(value, out converted),
                DateOnly day => Accept(PartialDate.FromDate(day), out converted),
                int year when year is >= 1 and <= 9999 => Accept(PartialDate.FromYear(year), out converted),
                int => Invalid(parameter, value, BdqDiagnostics.InvalidDateProblem),
                string text when PartialDate.TryParse(text, out var parsed) => Accept(parsed, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.InvalidDateProblem),
                _ => WrongType(parameter, value),
            },
            FieldKind.Nation => value switch
            {
                NationCode { IsDefault: true } => Invalid(parameter, value, BdqDiagnostics.DefaultValueProblem(nameof(NationCode))),
                NationCode => Accept(value, out converted),
                string text when NationCode.TryParse(text, out var parsed) => Accept(parsed, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.NotANationCodeProblem),
                _ => WrongType(parameter, value),
            },
            FieldKind.Unit => value switch
            {
                Unit { IsDefault: true } => Invalid(parameter, value, BdqDiagnostics.DefaultValueProblem(nameof(Unit))),
                Unit => Accept(value, out converted),
                string text when Unit.TryParse(text, out var parsed) => Accept(parsed, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.NotAUnitProblem),
                _ => WrongType(parameter, value),
            },
            FieldKind.Boolean => value switch
            {
                bool => Accept(value, out converted),
                string text when bool.TryParse(text, out var parsed) => Accept(parsed, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.NotABooleanProblem),
                _ => WrongType(parameter, value),
            },
            FieldKind.Enum => value switch
            {
                Enum member when member.GetType().FullName == parameter.TypeName => MemberNamed(parameter, member.ToString(), StringComparison.Ordinal) is not null
                    ? Accept(member.ToString(), out converted)
                    : Invalid(parameter, value, BdqDiagnostics.NotAMemberProblem(TypeText(parameter))),
                string text when MemberNamed(parameter, text, StringComparison.OrdinalIgnoreCase) is { } name => Accept(name, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.NotAMemberProblem(TypeText(parameter))),
                _ => WrongType(parameter, value),
            },
            _ => throw new InvalidOperationException($"No conversion for parameters of kind {parameter.Kind}."),
        };
        return problem;
    }

    // The enum member named 'text', or null (an index loop: no closure or enumerator per call).
    private static string? MemberNamed(BoundParameter parameter, string text, StringComparison comparison)
    {
        var members = parameter.EnumMembers;
        for (var i = 0; i < members.Count; i++)
        {
            if (string.Equals(members[i], text, comparison))
            {
                return members[i];
            }
        }

        return null;
    }

    private static string? Accept(object value, out object? converted)
    {
        converted = value;
        return null;
    }

    private static string? Number(BoundParameter parameter, object value, NumberProblem problem, decimal number, out object? converted)
    {
        converted = null;
        return problem == NumberProblem.None ? Accept(number, out converted) : Invalid(parameter, value, LiteralDescriptions.NumberProblemText(problem));
    }

    private static string Invalid(BoundParameter parameter, object value, string problem) =>
        BdqDiagnostics.ParameterValueMessage(parameter.Name, value, problem);

    private static string WrongType(BoundParameter parameter, object value) =>
        BdqDiagnostics.ParameterTypeMismatchMessage(parameter.Name, TypeText(parameter), value);

    private static string TypeText(BoundParameter parameter) => BdqDiagnostics.ShortType(parameter.TypeName);

    /// <summary>
    /// Each parameter's last supplied value and what it converted to, by the parameter's position; owned by one call at
    /// a time. Only the same object, or text equal ordinally, is recalled: a conversion depends on nothing else, while
    /// equal boxed numbers may differ in scale.
    /// </summary>
    internal sealed class ConversionMemo(int parameters)
    {
        private readonly object?[] _supplied = new object?[parameters];
        private readonly object?[] _converted = new object?[parameters];

        internal bool TryRecall(int parameter, object supplied, out object converted)
        {
            var last = _supplied[parameter];
            if (last is not null && (ReferenceEquals(last, supplied) || (supplied is string text && last is string known && string.Equals(text, known, StringComparison.Ordinal))))
            {
                converted = _converted[parameter]!;
                return true;
            }

            converted = null!;
            return false;
        }

        internal void Remember(int parameter, object supplied, object converted)
        {
            _supplied[parameter] = supplied;
            _converted[parameter] = converted;
        }
    }
}
