using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Query;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Generators;

/// <summary>
/// Reads <c>.bdq</c> files (AdditionalFiles). A file holds one or more queries, each introduced by a comment line
/// <c>-- name: MethodName</c>, optionally followed by <c>-- params: a, b</c> to fix the parameters' order; the
/// query text runs to the next <c>-- name:</c>. Each becomes <c>public static</c> method of a class named after the
/// file (<c>peru-border.bdq</c> → <c>PeruBorderQueries</c>) taking the store first (an <c>IQueryStore</c>: the <c>BorderStore</c> or a <c>QueryStore</c> of your own sets), then one parameter per
/// <c>@parameter</c>, typed by the field it is compared with; it returns <c>IReadOnlyList&lt;Record&gt;</c>, <c>int</c>
/// for a count, or rows for <c>select</c>/<c>group by</c>.
/// </summary>
internal static class QueryFileReader
{
    private const string NameMarker = "-- name:";
    private const string ParamsMarker = "-- params:";

    /// <summary>The methods a file declares, as models ready for <see cref="QueryBinding.Bind"/>, plus file-level problems.</summary>
    internal static (ImmutableArray<QueryMethodModel> Methods, ImmutableArray<DiagnosticInfo> Problems) Read(QueryFileModel file, SchemaModel schema)
    {
        var methods = ImmutableArray.CreateBuilder<QueryMethodModel>();
        var problems = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var type = new ContainingType("class", ClassName(file.Path));
        var blocks = Blocks(file.Text).ToList();
        if (blocks.Count == 0)
        {
            problems.Add(new DiagnosticInfo(GeneratorDiagnostics.InvalidQueryFile.Id, $"'{Path.GetFileName(file.Path)}' has no query; start each one with a line '-- name: MethodName'.", Start(file, 0)));
        }

        foreach (var (name, order, start, text) in blocks)
        {
            var location = Start(file, start);
            if (!SyntaxFactsIdentifier(name))
            {
                problems.Add(new DiagnosticInfo(GeneratorDiagnostics.InvalidQueryFile.Id, $"'{name}' is not a valid method name.", location));
                continue;
            }

            methods.Add(Infer(file, type, name, order, text, location, schema));
        }

        return (methods.ToImmutable(), problems.ToImmutable());
    }

    // The method's shape and parameters follow from the bound query; an unbindable query still gets a method
    // (returning records of no known type), so its diagnostics are the only errors the user sees.
    private static QueryMethodModel Infer(QueryFileModel file, ContainingType type, string name, IReadOnlyList<string> order, string text, SourceLocation location, SchemaModel schema)
    {
        var parsed = QueryParser.Parse(text);
        var bound = parsed.Query is null ? null : QueryBinder.Bind(parsed.Query, schema.Schema).Query;
        var parameters = new List<MethodParameter> { new("store", QueryMethodReader.StoreInterface, false) };
        var (shape, returnType, element) = (ReturnShape.List, "global::System.Collections.Generic.IReadOnlyList<object>", (string?)null);
        if (bound is not null)
        {
            var record = "global::" + bound.Set.RecordTypeName;
            (shape, returnType, element) = bound.GroupBy is not null || bound.Select.Count > 0
                ? (ReturnShape.Rows, "global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<object?>>", null)
                : bound.Count ? (ReturnShape.Int32, "int", null)
                : (ReturnShape.List, $"global::System.Collections.Generic.IReadOnlyList<{record}>", record);
            var byName = bound.Parameters.ToDictionary(p => p.Name, System.StringComparer.OrdinalIgnoreCase);
            var names = order.Where(byName.ContainsKey).Concat(bound.Parameters.Select(p => p.Name)).Distinct(System.StringComparer.OrdinalIgnoreCase);
            parameters.AddRange(names.Select(n => new MethodParameter(byName[n].Name, QueryBinding.Accepted(byName[n])[0], false)));
        }

        return new QueryMethodModel(
            file.Namespace,
            ImmutableArray.Create(type),
            "public static",
            returnType,
            shape,
            element,
            name,
            parameters.ToImmutableArray(),
            text,
            null,
            null,
            ImmutableArray<DiagnosticInfo>.Empty,
            IsDeclaration: true,
            TextStart: location);
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Order, int Start, string Text)> Blocks(string text)
    {
        var starts = new List<int>();
        for (var at = 0; at < text.Length; at = NextLine(text, at))
        {
            if (Line(text, at).TrimStart().StartsWith(NameMarker, System.StringComparison.Ordinal))
            {
                starts.Add(at);
            }
        }

        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
            var block = text.Substring(start, end - start);
            var name = Line(text, start).TrimStart().Substring(NameMarker.Length).Trim();
            var order = new List<string>();
            for (var at = NextLine(text, start); at < end && Line(text, at).TrimStart().StartsWith("--", System.StringComparison.Ordinal); at = NextLine(text, at))
            {
                var line = Line(text, at).TrimStart();
                if (line.StartsWith(ParamsMarker, System.StringComparison.Ordinal))
                {
                    order.AddRange(line.Substring(ParamsMarker.Length).Split(',').Select(p => p.Trim().TrimStart('@')).Where(p => p.Length > 0));
                }
            }

            yield return (name, order, start, block);
        }
    }

    private static string Line(string text, int at)
    {
        var end = text.IndexOf('\n', at);
        return (end < 0 ? text.Substring(at) : text.Substring(at, end - at)).TrimEnd('\r');
    }

    private static int NextLine(string text, int at)
    {
        var end = text.IndexOf('\n', at);
        return end < 0 ? text.Length : end + 1;
    }

    private static SourceLocation Start(QueryFileModel file, int offset)
    {
        int line = 0, column = 0;
        for (var i = 0; i < offset; i++)
        {
            if (file.Text[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        return new SourceLocation(file.Path, offset, 0, line, column, line, column);
    }

    /// <summary><c>peru-border.bdq</c> → <c>PeruBorderQueries</c>.</summary>
    internal static string ClassName(string path)
    {
        var name = new StringBuilder();
        var upper = true;
        foreach (var c in Path.GetFileNameWithoutExtension(path))
        {
            if (char.IsLetterOrDigit(c))
            {
                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name.Insert(0, '_');
        }

        return name.Append("Queries").ToString();
    }

    private static bool SyntaxFactsIdentifier(string name) => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name);
}
