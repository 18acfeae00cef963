using System.Globalization;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using Microsoft.CodeAnalysis;

namespace BorderDomain.Generators;

// Equatable models passed between the generator's stages: plain data only (no ISymbol, SyntaxNode, Compilation or
// Location), so unchanged inputs compare equal and the stages after them are served from cache. The pipeline is
// drawn in BdqGenerator.

/// <summary>Where something is in a source file, as data: file, character span and line/column span.</summary>
internal sealed record SourceLocation(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>
/// A diagnostic to report, as data: one descriptor of the catalogue (<see cref="GeneratorDiagnostics"/>), where, and
/// the arguments of the descriptor's message format. A descriptor is immutable and compares by value, so it may travel
/// between stages like a string.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SourceLocation? Location, EquatableArray<string> Arguments)
{
    /// <summary>The diagnostic's ID, e.g. <c>BDQ1004</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The message the user sees: the descriptor's format filled with <see cref="Arguments"/>.</summary>
    public string Message => string.Format(
        CultureInfo.InvariantCulture,
        Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture),
        Arguments.Items.Cast<object>().ToArray());
}

/// <summary>One type enclosing a query method: its keyword (class, struct, record …) and name.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>A parameter of a query method.</summary>
internal sealed record MethodParameter(string Name, string TypeName, bool IsThis);

/// <summary>
/// A typed table a store parameter exposes as a property (<c>BorderStore.Accords</c>): generated code reads it directly
/// instead of looking the table up by its set's name on every call.
/// </summary>
internal sealed record TypedTable(string RecordType, string Property, string? SetName);

/// <summary>How a query method returns its results.</summary>
internal enum ReturnShape
{
    /// <summary>A type the generator does not support.</summary>
    Unsupported,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>, <c>List&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c> and the like.</summary>
    List,

    /// <summary><c>T[]</c>.</summary>
    Array,

    /// <summary><c>T?</c>: the first record or null.</summary>
    First,

    /// <summary><c>int</c>.</summary>
    Int32,

    /// <summary><c>long</c>.</summary>
    Int64,

    /// <summary><c>IReadOnlyList&lt;IReadOnlyList&lt;object?&gt;&gt;</c> for select and group by.</summary>
    Rows,
}

/// <summary>
/// The C# declaration of a query method, as the user wrote it (a <c>[BdqQuery]</c> method) or as the generator infers it
/// (a query of a <c>.bdq</c> file): where it lives, its modifiers, return type and parameters.
/// </summary>
internal sealed record MethodSignature
{
    /// <summary>The namespace, or null for the global namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>The enclosing types, outermost first.</summary>
    public EquatableArray<ContainingType> ContainingTypes { get; init; }

    /// <summary>The modifiers as written, e.g. <c>public static partial</c>.</summary>
    public required string Modifiers { get; init; }

    /// <summary>The method's name.</summary>
    public required string Name { get; init; }

    /// <summary>The return type, fully qualified.</summary>
    public required string ReturnType { get; init; }

    /// <summary>How the return type carries results.</summary>
    public ReturnShape Shape { get; init; }

    /// <summary>The record type a list, array or first-or-null returns, fully qualified; null for the other shapes.</summary>
    public string? ElementType { get; init; }

    /// <summary>The parameters; the first is what the query runs on (a store or a table).</summary>
    public EquatableArray<MethodParameter> Parameters { get; init; }

    /// <summary>
    /// Whether the user's declaration carries a <c>[MethodImpl]</c> of its own: the attribute may be given once, so the
    /// generated part then adds none.
    /// </summary>
    public bool DeclaresMethodImpl { get; init; }

    /// <summary>
    /// The tables the first parameter's type exposes as properties, by record type (the library's own store only, whose
    /// properties are the tables <c>GetTable</c> returns); empty for any other store.
    /// </summary>
    public EquatableArray<TypedTable> TypedTables { get; init; }

    /// <summary>The file's base hint name: namespace, types and method, dot-separated.</summary>
    public string HintName => string.Join(".", ContainingTypes.Select(t => t.Name).Prepend(Namespace ?? "global")) + "." + Name;

    /// <summary>The parameter types, which tell overloads apart.</summary>
    public string ParameterTypes => string.Join(", ", Parameters.Select(p => p.TypeName));
}

/// <summary>A query's text and where it stands in the source, so a span of the text maps to a place in a file.</summary>
internal abstract record QueryText(string Text)
{
    /// <summary>The place in the source of a span of <see cref="QueryText.Text"/>.</summary>
    public abstract SourceLocation MapToSource(TextSpan span);
}

/// <summary>
/// A query in a C# string literal: its value, the token as written (escapes, quotes and raw indentation included) and
/// the token's location, where problems with the method as a whole are reported too.
/// </summary>
internal sealed record LiteralQueryText(string Text, string Token, SourceLocation Location) : QueryText(Text)
{
    /// <inheritdoc />
    public override SourceLocation MapToSource(TextSpan span)
    {
        if (LiteralLocator.MapToToken(Token, span.Start, span.Length) is not { } mapped)
        {
            return Location;
        }

        var (startLine, startColumn) = TextPositions.Advance(Token, mapped.Start, Location.StartLine, Location.StartColumn);
        var (endLine, endColumn) = TextPositions.Advance(Token, mapped.Start + mapped.Length, Location.StartLine, Location.StartColumn);
        return new SourceLocation(Location.FilePath, Location.Start + mapped.Start, mapped.Length, startLine, startColumn, endLine, endColumn);
    }
}

/// <summary>A query of a <c>.bdq</c> file: its text and where that text starts in the file.</summary>
internal sealed record FileQueryText(string Text, SourceLocation Start) : QueryText(Text)
{
    /// <inheritdoc />
    public override SourceLocation MapToSource(TextSpan span)
    {
        var from = TextPositions.Advance(Text, span.Start, Start.StartLine, Start.StartColumn);
        var to = TextPositions.Advance(Text, span.Start + span.Length, Start.StartLine, Start.StartColumn);
        return new SourceLocation(Start.FilePath, Start.Start + span.Start, span.Length, from.Line, from.Column, to.Line, to.Column);
    }
}

/// <summary>
/// A method carrying <c>[BdqQuery]</c>, as data: its declaration, its query (null when the argument is not a string
/// literal: such text is not compiled, its errors would have nowhere to be shown), the problems with its shape found
/// before the query is read, and the set of the <c>EntityTable&lt;T&gt;</c> it takes first (null when it takes a store).
/// </summary>
internal sealed record QueryMethodModel
{
    /// <summary>The declaration.</summary>
    public required MethodSignature Signature { get; init; }

    /// <summary>The query in its string literal, or null.</summary>
    public LiteralQueryText? Query { get; init; }

    /// <summary>Problems with the declaration itself (BDQ1001, BDQ1002, BDQ1005).</summary>
    public EquatableArray<DiagnosticInfo> ShapeDiagnostics { get; init; }

    /// <summary>Whether this is a partial declaration the generator can implement, in partial types all the way out.</summary>
    public bool IsDeclaration { get; init; }

    /// <summary>The set of the table the method takes first, or null when it takes a store.</summary>
    public string? TableSet { get; init; }
}

/// <summary>
/// A query's text parsed once, with the parser's diagnostics already placed in the source. The syntax compares by
/// structure and ignores spans; <see cref="Text"/> holds the text and its place, so two parses compare equal only when
/// their text and place do.
/// </summary>
internal sealed record ParsedQuery(QueryText Text, QuerySyntax? Syntax, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A <c>[BdqQuery]</c> method with its parsed query (null when it has no literal query).</summary>
internal sealed record MethodQuery(QueryMethodModel Method, ParsedQuery? Parsed);

/// <summary>A name written in a <c>.bdq</c> file (a query's, or one in a <c>-- params:</c> line) and where it is.</summary>
internal sealed record SourceName(string Name, SourceLocation Location);

/// <summary>
/// One query of a <c>.bdq</c> file, parsed: the class it goes in, its method name, the parameter order its
/// <c>-- params:</c> lines fix, and the parsed text. Its method's return type and parameters follow from binding.
/// </summary>
internal sealed record FileQuery
{
    /// <summary>The namespace of the file's class.</summary>
    public required string Namespace { get; init; }

    /// <summary>The file's class, e.g. <c>PeruBorderQueries</c>.</summary>
    public required string ClassName { get; init; }

    /// <summary>The method's name (from <c>-- name:</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Where the name is, after <c>-- name:</c>.</summary>
    public required SourceLocation NameLocation { get; init; }

    /// <summary>The names of the <c>-- params:</c> lines, in order.</summary>
    public EquatableArray<SourceName> Order { get; init; }

    /// <summary>The query, parsed.</summary>
    public required ParsedQuery Parsed { get; init; }
}

/// <summary>A <c>.bdq</c> file: its path, text and the namespace its class goes in.</summary>
internal sealed record QueryFileModel(string Path, string Text, string Namespace);

/// <summary>What a <c>.bdq</c> file holds: its queries, parsed once, and the problems with the file's form.</summary>
internal sealed record QueryFileContents(EquatableArray<FileQuery> Queries, QueryFileProblems Problems);

/// <summary>The problems with the form of a <c>.bdq</c> file (BDQ1006–BDQ1008), found while reading it.</summary>
internal sealed record QueryFileProblems(string Path, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The record types with <c>[QuerySet]</c> the compilation can see, as the binder's schema.</summary>
internal sealed record SchemaModel(QuerySchema Schema);

/// <summary>
/// A query with the part of the schema its binding reads (see <see cref="SchemaSlice"/>): an edit elsewhere in the
/// schema leaves this equal, so the query is not bound again.
/// </summary>
internal sealed record BindInput<TQuery>(TQuery Query, QuerySchema Schema);

/// <summary>
/// What the generator writes for one query method: its source (always, even for a broken query; empty for a method the
/// generator cannot implement) and diagnostics. <see cref="HintName"/> is the file's base name (namespace, types and
/// method, without extension); overloads share it, so <see cref="HintNames"/> makes the names unique, ordering by
/// <see cref="Signature"/> (the parameter types).
/// </summary>
internal sealed record QueryMethodOutput(string HintName, string Signature, string Source, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>For a query of a <c>.bdq</c> file, its name and where it is; null for a <c>[BdqQuery]</c> method.</summary>
    public SourceName? FileQueryName { get; init; }

    /// <summary>The namespace and class a <c>.bdq</c> query's method goes in, e.g. <c>BdqQueries.PeruBorderQueries</c>; null for a method.</summary>
    public string? FileClass { get; init; }
}

/// <summary>A <c>[QuerySet]</c> type declared in the compilation: its schema and the warnings about its properties.</summary>
internal sealed record QuerySetModel(EntitySetSchema Set, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Line and column arithmetic over a text.</summary>
internal static class TextPositions
{
    /// <summary>The line and column reached after the first <paramref name="offset"/> characters of <paramref name="text"/>.</summary>
    internal static (int Line, int Column) Advance(string text, int offset, int line, int column)
    {
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
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
