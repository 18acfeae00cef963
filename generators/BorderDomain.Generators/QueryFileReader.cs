using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Query;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using Microsoft.CodeAnalysis.CSharp;

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
    /// <remarks>
    /// A block whose name cannot be a method (not an identifier, a C# keyword, or the class's own name: BDQ1007) or
    /// repeats an earlier block's name, ignoring case (BDQ1008), makes no method, so nothing broken is generated. Names
    /// that differ only in case are refused like exact repeats: BDQ matches every other name ignoring case, and methods
    /// that differ only in case cannot be told apart from case-insensitive languages.
    /// </remarks>
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

        var named = new Dictionary<string, (string Name, int Line)>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var block in blocks)
        {
            var name = block.Name;
            var at = At(file, name.Start, name.Text.Length);
            var reason = !SyntaxFacts.IsValidIdentifier(name.Text) ? GeneratorDiagnostics.NotAnIdentifier
                : SyntaxFacts.GetKeywordKind(name.Text) != SyntaxKind.None ? GeneratorDiagnostics.IsAKeyword
                : name.Text == type.Name ? GeneratorDiagnostics.IsTheClassName
                : null;
            if (reason is not null)
            {
                problems.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.InvalidQueryName, at, name.Text, reason));
                continue;
            }

            if (named.TryGetValue(name.Text, out var first))
            {
                problems.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.DuplicateQueryName, at, name.Text, first.Name, (first.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            named.Add(name.Text, (name.Text, at.StartLine));
            methods.Add(Infer(file, type, block, schema, problems));
        }

        return (methods.ToImmutable(), problems.ToImmutable());
    }

    // The method's shape and parameters follow from the bound query; an unbindable query still gets a method
    // (returning records of no known type), so its diagnostics are the only errors the user sees. A name in
    // '-- params:' that the bound query does not use is reported (BDQ1009) and left out.
    private static QueryMethodModel Infer(QueryFileModel file, ContainingType type, Block block, SchemaModel schema, ImmutableArray<DiagnosticInfo>.Builder problems)
    {
        var location = Start(file, block.Start);
        var parsed = QueryParser.Parse(block.Text);
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
            var byName = bound.Parameters.GroupBy(p => p.Name, System.StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.OrdinalIgnoreCase);
            foreach (var unused in block.Order.Where(p => !byName.ContainsKey(p.Text)))
            {
                problems.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.UnusedListedParameter, At(file, unused.Start, unused.Text.Length), unused.Text, block.Name.Text));
            }

            var names = block.Order.Select(p => p.Text).Where(byName.ContainsKey).Concat(bound.Parameters.Select(p => p.Name)).Distinct(System.StringComparer.OrdinalIgnoreCase);
            parameters.AddRange(names.Select(n => new MethodParameter(byName[n].Name, QueryBinding.Accepted(byName[n])[0], false)));
        }

        return new QueryMethodModel(
            file.Namespace,
            ImmutableArray.Create(type),
            "public static",
            returnType,
            shape,
            element,
            block.Name.Text,
            parameters.ToImmutableArray(),
            block.Text,
            null,
            null,
            ImmutableArray<DiagnosticInfo>.Empty,
            IsDeclaration: true,
            TextStart: location);
    }

    // A word of the file and the offset of its first character.
    private readonly record struct Word(string Text, int Start);

    // One query of the file: its name, the names in its '-- params:' lines, where it starts, and its text.
    private sealed record Block(Word Name, IReadOnlyList<Word> Order, int Start, string Text);

    private static IEnumerable<Block> Blocks(string text)
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
            var name = After(text, start, NameMarker)[0];
            var order = new List<Word>();
            for (var at = NextLine(text, start); at < end && Line(text, at).TrimStart().StartsWith("--", System.StringComparison.Ordinal); at = NextLine(text, at))
            {
                if (Line(text, at).TrimStart().StartsWith(ParamsMarker, System.StringComparison.Ordinal))
                {
                    order.AddRange(After(text, at, ParamsMarker, ',').Where(p => p.Text.Length > 0).Select(p => p.Text[0] == '@' ? new Word(p.Text.Substring(1), p.Start + 1) : p));
                }
            }

            yield return new Block(name, order, start, block);
        }
    }

    // The trimmed items after the marker on the line at 'at', split at 'separator' (the whole rest when none).
    private static List<Word> After(string text, int at, string marker, char separator = '\n')
    {
        var line = Line(text, at);
        var from = line.IndexOf(marker, System.StringComparison.Ordinal) + marker.Length;
        var words = new List<Word>();
        while (from <= line.Length)
        {
            var next = line.IndexOf(separator, from);
            var stop = next < 0 ? line.Length : next;
            var piece = line.Substring(from, stop - from);
            var lead = piece.Length - piece.TrimStart().Length;
            words.Add(new Word(piece.Trim(), at + from + lead));
            from = stop + 1;
        }

        return words;
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

    private static SourceLocation Start(QueryFileModel file, int offset) => At(file, offset, 0);

    // The location of 'length' characters from 'offset', all on one line.
    private static SourceLocation At(QueryFileModel file, int offset, int length)
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

        return new SourceLocation(file.Path, offset, length, line, column, line, column + length);
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
}
