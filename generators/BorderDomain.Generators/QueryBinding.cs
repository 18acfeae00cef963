using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Query.Planning;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Generators;

/// <summary>
/// The generator's middle stage: parses and binds a method's query with the shared front end, checks the method's
/// shape against it, plans it and emits the body, mapping every diagnostic to its place in the source.
/// </summary>
internal static class QueryBinding
{
    internal static QueryMethodOutput Bind(QueryMethodModel method, SchemaModel schema)
    {
        var diagnostics = new List<DiagnosticInfo>(method.ShapeDiagnostics);
        QueryPlan? plan = null;
        if (method.Query is { } text)
        {
            var parsed = QueryParser.Parse(text);
            var bound = parsed.Query is null ? null : QueryBinder.Bind(parsed.Query, schema.Schema);
            foreach (var diagnostic in parsed.Diagnostics.Concat(bound?.Diagnostics ?? []))
            {
                diagnostics.Add(new DiagnosticInfo(diagnostic.Code, diagnostic.Message, MapToSource(method, diagnostic.Span)));
            }

            if (bound?.Query is { } query)
            {
                CheckShape(method, query, diagnostics);
                plan = QueryPlanner.Plan(query);
            }
        }

        var hint = string.Join(".", method.ContainingTypes.Select(t => t.Name).Prepend(method.Namespace ?? "global")) + "." + method.Name;
        var signature = string.Join(", ", method.Parameters.Select(p => p.TypeName));
        string source;
        if (!method.IsDeclaration)
        {
            source = string.Empty;
        }
        else if (diagnostics.Count > 0 || plan is null)
        {
            var first = diagnostics.FirstOrDefault();
            source = QueryEmitter.EmitFailure(method, first is null ? "The query could not be compiled." : $"{first.Id}: {first.Message}");
        }
        else
        {
            source = QueryEmitter.Emit(method, plan);
        }

        return new QueryMethodOutput(hint, signature, source, diagnostics.ToImmutableArray());
    }

    private static void CheckShape(QueryMethodModel method, BoundQuery query, List<DiagnosticInfo> diagnostics)
    {
        if (method.TableSet is { } tableSet)
        {
            if (!string.Equals(tableSet, query.Set.Name, System.StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.MissingStore.Id, $"'{method.Name}' takes the table of {tableSet}, but its query reads {query.Set.Name}; take that set's table or a store.", method.LiteralLocation));
            }
            else if (Paths(query).FirstOrDefault(path => path.IsHop) is { } hop)
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.MissingStore.Id, $"'{method.Name}' takes one table, but '{hop.Text}' follows a reference into {hop.Fields[0].References}; take a store (a QueryStore or another IQueryStore) that holds both sets.", method.LiteralLocation));
            }
        }

        var record = "global::" + query.Set.RecordTypeName;
        string? problem = (query.GroupBy is not null || query.Select.Count > 0)
            ? method.Shape == ReturnShape.Rows ? null : "IReadOnlyList<IReadOnlyList<object?>> (it selects or groups)"
            : query.Count
                ? method.Shape is ReturnShape.Int32 or ReturnShape.Int64 ? null : "int or long (it counts)"
                : method.Shape is ReturnShape.List or ReturnShape.Array or ReturnShape.First && method.ElementType == record
                    ? null
                    : $"IReadOnlyList<{query.Set.RecordTypeName}>, List, IEnumerable, an array, or {query.Set.RecordTypeName}? for the first";
        if (problem is not null)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.ReturnTypeMismatch.Id, $"'{method.Name}' returns {method.ReturnType}, but its query needs {problem}.", method.LiteralLocation));
        }

        // Query parameters ignore case, so two method parameters that differ only in case cannot both be matched.
        var supplied = new Dictionary<string, MethodParameter>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.Parameters.Skip(1))
        {
            if (supplied.TryGetValue(parameter.Name, out var earlier))
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.ParameterMismatch.Id, GeneratorDiagnostics.CaseOnlyParametersMessage(earlier.Name, parameter.Name), method.LiteralLocation));
            }
            else
            {
                supplied.Add(parameter.Name, parameter);
            }
        }

        foreach (var parameter in query.Parameters)
        {
            var accepted = Accepted(parameter);
            if (!supplied.TryGetValue(parameter.Name, out var given))
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.ParameterMismatch.Id, $"The query uses @{parameter.Name}; add a parameter '{accepted[0]} {parameter.Name}' to '{method.Name}'.", MapToSource(method, parameter.Span)));
            }
            else if (!accepted.Contains(given.TypeName))
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.ParameterMismatch.Id, $"Parameter '{given.Name}' is {given.TypeName}, but @{parameter.Name} needs {string.Join(" or ", accepted)}.", MapToSource(method, parameter.Span)));
            }
        }

        foreach (var extra in method.Parameters.Skip(1).Where(p => !query.Parameters.Any(q => string.Equals(q.Name, p.Name, System.StringComparison.OrdinalIgnoreCase))))
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.ParameterMismatch.Id, $"Parameter '{extra.Name}' is not used by the query; use it as @{extra.Name} or remove it.", method.LiteralLocation));
        }
    }

    /// <summary>Every field path the query reads: in its filter, order, selection and grouping.</summary>
    private static IEnumerable<BoundPath> Paths(BoundQuery query)
    {
        foreach (var predicate in BoundExpression.Predicates(query.Filter))
        {
            yield return predicate.Path;
        }

        foreach (var ordering in query.OrderBy)
        {
            yield return ordering.Path;
        }

        foreach (var path in query.Select)
        {
            yield return path;
        }

        foreach (var key in query.GroupBy?.Keys ?? default)
        {
            yield return key;
        }

        foreach (var aggregate in query.GroupBy?.Aggregates ?? default)
        {
            if (aggregate.Argument is { } argument)
            {
                yield return argument;
            }
        }
    }

    /// <summary>The C# types a method parameter may have to supply a query parameter.</summary>
    internal static string[] Accepted(BoundParameter parameter) => parameter.Kind switch
    {
        FieldKind.String => ["string"],
        FieldKind.Number => ["decimal", "int", "long", "double"],
        FieldKind.Boolean => ["bool"],
        FieldKind.Nation => ["global::BorderDomain.Model.NationCode"],
        FieldKind.Date or FieldKind.Period => ["global::BorderDomain.Model.PartialDate"],
        FieldKind.Unit => ["global::BorderDomain.Model.Unit"],
        _ => ["global::" + parameter.TypeName],
    };

    /// <summary>The place in the source of a span of the query text, inside the string literal.</summary>
    internal static SourceLocation? MapToSource(QueryMethodModel method, TextSpan span)
    {
        if (method.TextStart is { } start && method.Query is { } text)
        {
            var from = Advance(text, span.Start, start.StartLine, start.StartColumn);
            var to = Advance(text, span.Start + span.Length, start.StartLine, start.StartColumn);
            return new SourceLocation(start.FilePath, start.Start + span.Start, span.Length, from.Line, from.Column, to.Line, to.Column);
        }

        if (method.LiteralLocation is not { } literal || method.LiteralText is not { } token)
        {
            return method.LiteralLocation;
        }

        if (LiteralLocator.MapToToken(token, span.Start, span.Length) is not { } mapped)
        {
            return literal;
        }

        var (startLine, startColumn) = Advance(token, mapped.Start, literal.StartLine, literal.StartColumn);
        var (endLine, endColumn) = Advance(token, mapped.Start + mapped.Length, literal.StartLine, literal.StartColumn);
        return new SourceLocation(literal.FilePath, literal.Start + mapped.Start, mapped.Length, startLine, startColumn, endLine, endColumn);
    }

    // The line and column reached after the first 'offset' characters of the token.
    private static (int Line, int Column) Advance(string token, int offset, int line, int column)
    {
        for (var i = 0; i < offset && i < token.Length; i++)
        {
            if (token[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
