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
/// The generator's middle stages, on the shared front end: <see cref="Parse"/> a query once (it needs no schema), then
/// bind it against the part of the schema it reads, check the method's shape against it (or, for a <c>.bdq</c> query,
/// infer the method from it), plan it and emit the body, placing every diagnostic in the source.
/// </summary>
internal static class QueryBinding
{
    private const string RowsType = "global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<object?>>";

    /// <summary>A query's text parsed, with the parser's diagnostics placed in the source.</summary>
    internal static ParsedQuery Parse(QueryText text)
    {
        var parsed = QueryParser.Parse(text.Text);
        return new ParsedQuery(text, parsed.Query, parsed.Diagnostics.Select(d => GeneratorDiagnostics.Relay(d, text.MapToSource(d.Span))).ToImmutableArray());
    }

    /// <summary>A parsed query bound against <paramref name="schema"/>: the bound query, or null and the binder's diagnostics.</summary>
    private static BoundQuery? Bind(ParsedQuery parsed, QuerySchema schema, List<DiagnosticInfo> diagnostics, bool onTable)
    {
        diagnostics.AddRange(parsed.Diagnostics);
        if (parsed.Syntax is null)
        {
            return null;
        }

        var bound = QueryBinder.Bind(parsed.Syntax, schema);
        diagnostics.AddRange(bound.Diagnostics.Select(d => GeneratorDiagnostics.Relay(d, parsed.Text.MapToSource(d.Span))));

        // A method on one table has no store to run a sub-query's set from: a sub-query is refused where it is written.
        var subqueries = onTable ? BoundExpression.Predicates(bound.Query?.Filter).Select(p => p.Subquery).OfType<BoundSubquery>().ToList() : [];
        foreach (var subquery in subqueries)
        {
            var refused = new BdqDiagnostic { Code = BdqDiagnostics.NotSupportedHere, Message = BdqDiagnostics.SubqueryNotCompiled + ".", Span = subquery.Span };
            diagnostics.Add(GeneratorDiagnostics.Relay(refused, parsed.Text.MapToSource(refused.Span)));
        }

        return subqueries.Count == 0 ? bound.Query : null;
    }

    /// <summary>Binds, checks, plans and emits the query of a <c>[BdqQuery]</c> method.</summary>
    internal static QueryMethodOutput Compile(BindInput<MethodQuery> input)
    {
        var method = input.Query.Method;
        var diagnostics = new List<DiagnosticInfo>(method.ShapeDiagnostics);
        QueryPlan? plan = null;
        var text = input.Query.Parsed?.Text.Text ?? string.Empty;
        if (input.Query.Parsed is { } parsed && Bind(parsed, input.Schema, diagnostics, method.TableSet is not null) is { } query)
        {
            CheckShape(method, query, diagnostics);
            plan = QueryPlanner.Plan(query);
        }

        var source = !method.IsDeclaration ? string.Empty : Emit(method.Signature, plan, text, diagnostics);
        return new QueryMethodOutput(method.Signature.HintName, method.Signature.ParameterTypes, source, diagnostics.ToImmutableArray());
    }

    /// <summary>
    /// Binds a query of a <c>.bdq</c> file, infers its method from the bound query, plans it and emits it. The method takes
    /// the store first (an <c>IQueryStore</c>), then one parameter per <c>@parameter</c>, typed by the field it is compared
    /// with, in the order of its <c>-- params:</c> lines and then of first use; it returns the records, <c>int</c> for a
    /// count, or rows for <c>select</c>/<c>group by</c>. An unbindable query still gets a method (returning records of no
    /// known type), so its diagnostics are the only errors the user sees. A name in <c>-- params:</c> that the query does
    /// not use is a warning (BDQ1009) and left out.
    /// </summary>
    internal static QueryMethodOutput Compile(BindInput<FileQuery> input)
    {
        var file = input.Query;
        var diagnostics = new List<DiagnosticInfo>();
        var bound = Bind(file.Parsed, input.Schema, diagnostics, onTable: false);
        var store = StoreName(bound);
        var parameters = new List<MethodParameter> { new(store, QueryMethodReader.StoreInterface, false) };
        var (shape, returnType, element) = (ReturnShape.List, "global::System.Collections.Generic.IReadOnlyList<object>", (string?)null);
        if (bound is not null)
        {
            var record = "global::" + bound.Set.RecordTypeName;
            (shape, returnType, element) = bound.GroupBy is not null || bound.Select.Count > 0
                ? (ReturnShape.Rows, RowsType, null)
                : bound.Count ? (ReturnShape.Int32, "int", null)
                : (ReturnShape.List, $"global::System.Collections.Generic.IReadOnlyList<{record}>", record);
            var byName = bound.Parameters.GroupBy(p => p.Name, System.StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.OrdinalIgnoreCase);
            var unused = file.Order.Where(p => !byName.ContainsKey(p.Name)).ToList();
            diagnostics.InsertRange(0, unused.Select(p => GeneratorDiagnostics.Info(GeneratorDiagnostics.UnusedListedParameter, p.Location, p.Name, file.Name)));
            var names = file.Order.Select(p => p.Name).Where(byName.ContainsKey)
                .Concat(bound.Parameters.Select(p => p.Name))
                .Distinct(System.StringComparer.OrdinalIgnoreCase);
            parameters.AddRange(names.Select(n => new MethodParameter(byName[n].Name, Accepted(byName[n])[0], false)));
        }

        var signature = new MethodSignature
        {
            Namespace = file.Namespace,
            ContainingTypes = ImmutableArray.Create(new ContainingType("class", file.ClassName)),
            Modifiers = "public static",
            Name = file.Name,
            ReturnType = returnType,
            Shape = shape,
            ElementType = element,
            Parameters = parameters.ToImmutableArray(),
        };
        var plan = bound is null ? null : QueryPlanner.Plan(bound);
        return new QueryMethodOutput("BdqFile." + signature.HintName, signature.ParameterTypes, Emit(signature, plan, file.Parsed.Text.Text, diagnostics), diagnostics.ToImmutableArray())
        {
            FileQueryName = new SourceName(file.Name, file.NameLocation),
            FileClass = file.Namespace + "." + file.ClassName,
        };
    }

    // The name of the store parameter of a .bdq query's method: "store", unless the query has a parameter of that name.
    private static string StoreName(BoundQuery? query)
    {
        bool Taken(string name) => query?.Parameters.Any(p => string.Equals(p.Name, name, System.StringComparison.OrdinalIgnoreCase)) == true;
        if (!Taken("store"))
        {
            return "store";
        }

        var candidate = "queryStore";
        for (var n = 2; Taken(candidate); n++)
        {
            candidate = "queryStore" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    // The body: the planned query, or, when anything is wrong, one that throws with the first problem. The generator
    // has no statistics at compile time: it plans the statistics-free shape with the one planner.
    private static string Emit(MethodSignature signature, QueryPlan? plan, string query, List<DiagnosticInfo> diagnostics) =>
        diagnostics.Count > 0 || plan is null
            ? QueryEmitter.EmitFailure(signature, GeneratorDiagnostics.FailureMessage(diagnostics.FirstOrDefault()))
            : QueryEmitter.Emit(signature, plan, query);

    private static void CheckShape(QueryMethodModel method, BoundQuery query, List<DiagnosticInfo> diagnostics)
    {
        var signature = method.Signature;
        var at = method.Query?.Location;
        if (method.TableSet is { } tableSet)
        {
            if (!string.Equals(tableSet, query.Set.Name, System.StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.WrongTable, at, signature.Name, tableSet, query.Set.Name));
            }
            else if (Paths(query).FirstOrDefault(path => path.IsHop) is { } hop)
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.TableCannotFollow, at, signature.Name, hop.Text, hop.Fields[0].References!));
            }
        }

        var record = "global::" + query.Set.RecordTypeName;
        string? problem = (query.GroupBy is not null || query.Select.Count > 0)
            ? signature.Shape == ReturnShape.Rows ? null : GeneratorDiagnostics.NeedsRows
            : query.Count
                ? signature.Shape is ReturnShape.Int32 or ReturnShape.Int64 ? null : GeneratorDiagnostics.NeedsCount
                : signature.Shape is ReturnShape.List or ReturnShape.Array or ReturnShape.First && signature.ElementType == record
                    ? null
                    : GeneratorDiagnostics.NeedsRecords(query.Set.RecordTypeName);
        if (problem is not null)
        {
            diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.ReturnTypeMismatch, at, signature.Name, signature.ReturnType, problem));
        }

        // Query parameters ignore case, so two method parameters that differ only in case cannot both be matched.
        var supplied = new Dictionary<string, MethodParameter>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in signature.Parameters.Skip(1))
        {
            if (supplied.TryGetValue(parameter.Name, out var earlier))
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.CaseOnlyParameters, at, earlier.Name, parameter.Name));
            }
            else
            {
                supplied.Add(parameter.Name, parameter);
            }
        }

        foreach (var parameter in query.Parameters)
        {
            var accepted = Accepted(parameter);
            var place = method.Query?.MapToSource(parameter.Span);
            if (!supplied.TryGetValue(parameter.Name, out var given))
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.ParameterMismatch, place, parameter.Name, accepted[0], signature.Name));
            }
            else if (!accepted.Contains(given.TypeName))
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.ParameterTypeDoesNotFit, place, given.Name, given.TypeName, parameter.Name, GeneratorDiagnostics.Alternatives(accepted)));
            }
        }

        foreach (var extra in signature.Parameters.Skip(1).Where(p => !query.Parameters.Any(q => string.Equals(q.Name, p.Name, System.StringComparison.OrdinalIgnoreCase))))
        {
            diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.UnusedMethodParameter, at, extra.Name));
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
}
