using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query.Semantics;
using BorderDomain.Schema;

namespace BorderDomain.Query.Execution;

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
        out Dictionary<string, object> values,
        out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<BdqDiagnostic>();
        foreach (var parameter in query.Parameters)
        {
            object? supplied = null;
            var found = parameters is not null && (parameters.TryGetValue(parameter.Name, out supplied) || TryGetIgnoringCase(parameters, parameter.Name, out supplied));
            if (!found || supplied is null)
            {
                problems.Add(new BdqDiagnostic
                {
                    Code = BdqDiagnostics.MissingParameter,
                    Message = BdqDiagnostics.MissingParameterMessage(parameter.Name, TypeText(parameter)),
                    Span = parameter.Span,
                });
            }
            else if (Convert(parameter, supplied) is { } converted)
            {
                values[parameter.Name] = converted;
            }
            else
            {
                problems.Add(new BdqDiagnostic
                {
                    Code = BdqDiagnostics.ParameterTypeMismatch,
                    Message = BdqDiagnostics.ParameterTypeMismatchMessage(parameter.Name, TypeText(parameter), supplied.GetType().Name),
                    Span = parameter.Span,
                });
            }
        }

        diagnostics = problems;
        return problems.Count == 0;
    }

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

    /// <summary>A supplied parameter value as the executor compares it, or null when it has the wrong type.</summary>
    private static object? Convert(BoundParameter parameter, object value) => parameter.Kind switch
    {
        FieldKind.String => value as string,
        FieldKind.Number => value switch
        {
            decimal d => d,
            int i => (decimal)i,
            long l => (decimal)l,
            double d when double.IsFinite(d) => (decimal)d,
            string text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        },
        FieldKind.Date or FieldKind.Period => value switch
        {
            PartialDate date when !date.IsDefault => date,
            DateOnly day => PartialDate.FromDate(day),
            int year when year is >= 1 and <= 9999 => PartialDate.FromYear(year),
            string text when PartialDate.TryParse(text, out var parsed) => parsed,
            _ => null,
        },
        FieldKind.Nation => value switch
        {
            NationCode code when !code.IsDefault => code,
            string text when NationCode.TryParse(text, out var parsed) => parsed,
            _ => null,
        },
        FieldKind.Unit => value switch
        {
            Unit unit => unit,
            string text when Unit.TryParse(text, out var parsed) => parsed,
            _ => null,
        },
        FieldKind.Boolean => value switch
        {
            bool flag => flag,
            string text when bool.TryParse(text, out var parsed) => parsed,
            _ => null,
        },
        FieldKind.Enum => value switch
        {
            Enum member when member.GetType().FullName == parameter.TypeName => member.ToString(),
            string text => parameter.EnumMembers.FirstOrDefault(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase)),
            _ => null,
        },
        _ => null,
    };

    private static string TypeText(BoundParameter parameter) => parameter.TypeName[(parameter.TypeName.LastIndexOf('.') + 1)..];
}
