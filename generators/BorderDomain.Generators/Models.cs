using BorderDomain.Query;
using BorderDomain.Query.Semantics;
using BorderDomain.Schema;

namespace BorderDomain.Generators;

// Equatable models passed between the generator's stages: plain data only (no ISymbol, SyntaxNode, Compilation or
// Location), so unchanged inputs compare equal and the stages after them are served from cache.

/// <summary>Where something is in a source file, as data: file, character span and line/column span.</summary>
internal sealed record SourceLocation(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>
/// A diagnostic to report, as data. <see cref="Message"/> is the whole text; <see cref="Arguments"/>, when not empty, are
/// the arguments of the descriptor's message format (see <see cref="GeneratorDiagnostics.Info"/>).
/// </summary>
internal sealed record DiagnosticInfo(string Id, string Message, SourceLocation? Location, EquatableArray<string> Arguments = default);

/// <summary>One type enclosing a query method: its keyword (class, struct, record …) and name.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>A parameter of a query method.</summary>
internal sealed record MethodParameter(string Name, string TypeName, bool IsThis);

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
/// A method carrying <c>[BdqQuery]</c>, or a query from a <c>.bdq</c> file, as data. For a method the query sits in a
/// string literal (<see cref="LiteralText"/>, <see cref="LiteralLocation"/>); for a file it is the file's own text
/// from <see cref="TextStart"/>. <see cref="TableSet"/> is the set of the <c>EntityTable&lt;T&gt;</c> the method takes
/// first, or null when it takes a store.
/// </summary>
internal sealed record QueryMethodModel(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Modifiers,
    string ReturnType,
    ReturnShape Shape,
    string? ElementType,
    string Name,
    EquatableArray<MethodParameter> Parameters,
    string? Query,
    string? LiteralText,
    SourceLocation? LiteralLocation,
    EquatableArray<DiagnosticInfo> ShapeDiagnostics,
    bool IsDeclaration,
    SourceLocation? TextStart = null,
    string? TableSet = null);

/// <summary>A <c>.bdq</c> file: its path, text and the namespace its class goes in.</summary>
internal sealed record QueryFileModel(string Path, string Text, string Namespace);

/// <summary>The record types with <c>[QuerySet]</c> the compilation can see, as the binder's schema.</summary>
internal sealed record SchemaModel(QuerySchema Schema);

/// <summary>
/// What the generator writes for one query method: its source (always, even for a broken query) and diagnostics.
/// <see cref="HintName"/> is the file's base name (namespace, types and method, without extension); overloads share it,
/// so <see cref="HintNames"/> makes the names unique, ordering by <see cref="Signature"/> (the parameter types).
/// </summary>
internal sealed record QueryMethodOutput(string HintName, string Signature, string Source, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A <c>[QuerySet]</c> type declared in the compilation: its schema and the warnings about its properties.</summary>
internal sealed record QuerySetModel(EntitySetSchema Set, EquatableArray<DiagnosticInfo> Diagnostics);
