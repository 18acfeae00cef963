using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace BorderDomain.Generators;

/// <summary>
/// Reads <c>.bdq</c> files (AdditionalFiles). A file holds one or more queries, each introduced by a comment line
/// <c>-- name: MethodName</c>, optionally followed by <c>-- params: a, b</c> to fix the parameters' order; the
/// query text runs to the next <c>-- name:</c>. Each becomes a <c>public static</c> method of a class named after the
/// file (<c>peru-border.bdq</c> → <c>PeruBorderQueries</c>); <see cref="QueryBinding.Compile(BindInput{FileQuery})"/>
/// infers its parameters and return type from the bound query. Reading parses each query once and needs no schema.
/// </summary>
internal static class QueryFileReader
{
    private const string NameMarker = "-- name:";
    private const string ParamsMarker = "-- params:";

    /// <summary>The queries a file declares, parsed, plus the problems with the file's form.</summary>
    /// <remarks>
    /// A block whose name cannot be a method (not an identifier, a C# keyword, or the class's own name: BDQ1007) or
    /// repeats an earlier block's name, ignoring case (BDQ1008), makes no method, so nothing broken is generated. Names
    /// that differ only in case are refused like exact repeats: BDQ matches every other name ignoring case, and methods
    /// that differ only in case cannot be told apart from case-insensitive languages.
    /// </remarks>
    internal static QueryFileContents Read(QueryFileModel file)
    {
        var queries = ImmutableArray.CreateBuilder<FileQuery>();
        var problems = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var className = ClassName(file.Path);
        var blocks = Blocks(file.Text).ToList();
        if (blocks.Count == 0)
        {
            problems.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.InvalidQueryFile, Start(file, 0), Path.GetFileName(file.Path)));
        }

        var named = new Dictionary<string, (string Name, int Line)>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var block in blocks)
        {
            var name = block.Name;
            var at = At(file, name.Start, name.Text.Length);
            var reason = !SyntaxFacts.IsValidIdentifier(name.Text) ? GeneratorDiagnostics.NotAnIdentifier
                : SyntaxFacts.GetKeywordKind(name.Text) != SyntaxKind.None ? GeneratorDiagnostics.IsAKeyword
                : name.Text == className ? GeneratorDiagnostics.IsTheClassName
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
            queries.Add(new FileQuery
            {
                Namespace = file.Namespace,
                ClassName = className,
                Name = name.Text,
                NameLocation = at,
                Order = block.Order.Select(p => new SourceName(p.Text, At(file, p.Start, p.Text.Length))).ToImmutableArray(),
                Parsed = QueryBinding.Parse(new FileQueryText(block.Text, Start(file, block.Start))),
            });
        }

        return new QueryFileContents(queries.ToImmutable(), new QueryFileProblems(file.Path, problems.ToImmutable()));
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
