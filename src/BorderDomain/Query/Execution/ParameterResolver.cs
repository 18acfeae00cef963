using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var problems = new DiagnosticBag();
        foreach (var parameter in query.Parameters)
        {
            object? supplied = null;
            var found = parameters is not null && (parameters.TryGetValue(parameter.Name, out supplied) || TryGetIgnoringCase(parameters, parameter.Name, out supplied));
            if (!found || supplied is null)
            {
                problems.Add(Problem(parameter, BdqDiagnostics.MissingParameter, BdqDiagnostics.MissingParameterMessage(parameter.Name, TypeText(parameter))));
            }
            else if (supplied is string text && text.Length > options.MaxParameterLength)
            {
                problems.Add(Problem(parameter, BdqDiagnostics.ParameterTooLong, BdqDiagnostics.ParameterTooLongMessage(parameter.Name, text.Length, options.MaxParameterLength)));
            }
            else if (supplied is string search && QueryBinder.SearchWords(search) is var words && words > options.MaxSearchWords && IsSearched(query, parameter.Name))
            {
                problems.Add(Problem(parameter, BdqDiagnostics.SearchTooBroad, BdqDiagnostics.TooManySearchWordsMessage(words, options.MaxSearchWords)));
            }
            else if (Convert(parameter, supplied, out var converted) is { } problem)
            {
                problems.Add(Problem(parameter, BdqDiagnostics.ParameterTypeMismatch, problem));
            }
            else
            {
                values[parameter.Name] = converted!;
            }
        }

        diagnostics = problems.ToList();
        return !problems.HasErrors;
    }

    // Whether the parameter is the text of a contains/startswith/endswith test somewhere in the condition.
    private static bool IsSearched(BoundQuery query, string name) =>
        BoundExpression.Predicates(query.Filter).Any(predicate =>
            predicate.Operator is PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith
            && predicate.Values is [BoundParameter searched]
            && string.Equals(searched.Name, name, StringComparison.OrdinalIgnoreCase));

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
                decimal d => Accept(d, out converted),
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
                PartialDate date => Accept(date, out converted),
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
                NationCode code => Accept(code, out converted),
                string text when NationCode.TryParse(text, out var parsed) => Accept(parsed, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.NotANationCodeProblem),
                _ => WrongType(parameter, value),
            },
            FieldKind.Unit => value switch
            {
                Unit { IsDefault: true } => Invalid(parameter, value, BdqDiagnostics.DefaultValueProblem(nameof(Unit))),
                Unit unit => Accept(unit, out converted),
                string text when Unit.TryParse(text, out var parsed) => Accept(parsed, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.NotAUnitProblem),
                _ => WrongType(parameter, value),
            },
            FieldKind.Boolean => value switch
            {
                bool flag => Accept(flag, out converted),
                string text when bool.TryParse(text, out var parsed) => Accept(parsed, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.NotABooleanProblem),
                _ => WrongType(parameter, value),
            },
            FieldKind.Enum => value switch
            {
                Enum member when member.GetType().FullName == parameter.TypeName => parameter.EnumMembers.Contains(member.ToString())
                    ? Accept(member.ToString(), out converted)
                    : Invalid(parameter, value, BdqDiagnostics.NotAMemberProblem(TypeText(parameter))),
                string text when parameter.EnumMembers.FirstOrDefault(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase)) is { } name => Accept(name, out converted),
                string => Invalid(parameter, value, BdqDiagnostics.NotAMemberProblem(TypeText(parameter))),
                _ => WrongType(parameter, value),
            },
            _ => throw new InvalidOperationException($"No conversion for parameters of kind {parameter.Kind}."),
        };
        return problem;
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
}
