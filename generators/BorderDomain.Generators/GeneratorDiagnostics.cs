using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Query;
using Microsoft.CodeAnalysis;

namespace BorderDomain.Generators;

/// <summary>
/// Every message the generator shows, in one place: the descriptors it reports and the texts it writes into generated
/// code. Two kinds of descriptor:
/// <list type="bullet">
/// <item>BDQ0001–BDQ02xx relay the query front end's diagnostics. Their text is made by the front end's own catalogue,
/// <see cref="BdqDiagnostics"/>, so the IDE shows exactly what the run time reports; the format is that text,
/// <c>{0}</c>, and the title is the code's description in <see cref="BdqDiagnostics.All"/> (a test holds the two equal).</item>
/// <item>BDQ1xxx are the generator's own, about method shapes, <c>.bdq</c> files and <c>[QuerySet]</c> types, each with a
/// real message format whose arguments are the parts that vary. Where one ID covers problems that read differently,
/// each reading is a descriptor of its own under that ID (same title, category and severity).</item>
/// </list>
/// IDs are tracked in AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md. Call sites make a
/// <see cref="DiagnosticInfo"/> with <see cref="Info"/> (or <see cref="Relay"/>); no message text is built anywhere else.
/// </summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "BorderDomain.Query";

    // ---- The query front end's diagnostics, relayed: the text is the front end's (BdqDiagnostics). ----

    /// <summary>Syntax error (<see cref="BdqDiagnostics.SyntaxError"/>).</summary>
    internal static readonly DiagnosticDescriptor SyntaxError = new(BdqDiagnostics.SyntaxError, "Syntax error", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Unterminated string (<see cref="BdqDiagnostics.UnterminatedString"/>).</summary>
    internal static readonly DiagnosticDescriptor UnterminatedString = new(BdqDiagnostics.UnterminatedString, "Unterminated string", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Query too long (<see cref="BdqDiagnostics.QueryTooLong"/>).</summary>
    internal static readonly DiagnosticDescriptor QueryTooLong = new(BdqDiagnostics.QueryTooLong, "Query too long", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Nesting too deep (<see cref="BdqDiagnostics.NestingTooDeep"/>).</summary>
    internal static readonly DiagnosticDescriptor NestingTooDeep = new(BdqDiagnostics.NestingTooDeep, "Nesting too deep", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>List too long (<see cref="BdqDiagnostics.ListTooLong"/>).</summary>
    internal static readonly DiagnosticDescriptor ListTooLong = new(BdqDiagnostics.ListTooLong, "List too long", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Take or skip too large (<see cref="BdqDiagnostics.TakeTooLarge"/>).</summary>
    internal static readonly DiagnosticDescriptor TakeTooLarge = new(BdqDiagnostics.TakeTooLarge, "Take or skip too large", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Invalid number (<see cref="BdqDiagnostics.InvalidNumber"/>).</summary>
    internal static readonly DiagnosticDescriptor InvalidNumber = new(BdqDiagnostics.InvalidNumber, "Invalid number", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Too many errors (<see cref="BdqDiagnostics.TooManyErrors"/>).</summary>
    internal static readonly DiagnosticDescriptor TooManyErrors = new(BdqDiagnostics.TooManyErrors, "Too many errors", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Invalid escape (<see cref="BdqDiagnostics.InvalidEscape"/>).</summary>
    internal static readonly DiagnosticDescriptor InvalidEscape = new(BdqDiagnostics.InvalidEscape, "Invalid escape", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Empty query (<see cref="BdqDiagnostics.EmptyQuery"/>).</summary>
    internal static readonly DiagnosticDescriptor EmptyQuery = new(BdqDiagnostics.EmptyQuery, "Empty query", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Unknown entity set (<see cref="BdqDiagnostics.UnknownSet"/>).</summary>
    internal static readonly DiagnosticDescriptor UnknownSet = new(BdqDiagnostics.UnknownSet, "Unknown entity set", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Unknown field (<see cref="BdqDiagnostics.UnknownField"/>).</summary>
    internal static readonly DiagnosticDescriptor UnknownField = new(BdqDiagnostics.UnknownField, "Unknown field", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Invalid path (<see cref="BdqDiagnostics.InvalidPath"/>).</summary>
    internal static readonly DiagnosticDescriptor InvalidPath = new(BdqDiagnostics.InvalidPath, "Invalid path", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Operator not applicable (<see cref="BdqDiagnostics.OperatorNotApplicable"/>).</summary>
    internal static readonly DiagnosticDescriptor OperatorNotApplicable = new(BdqDiagnostics.OperatorNotApplicable, "Operator not applicable", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Unknown enum member (<see cref="BdqDiagnostics.UnknownEnumMember"/>).</summary>
    internal static readonly DiagnosticDescriptor UnknownEnumMember = new(BdqDiagnostics.UnknownEnumMember, "Unknown enum member", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Unknown nation code (<see cref="BdqDiagnostics.UnknownNationCode"/>).</summary>
    internal static readonly DiagnosticDescriptor UnknownNationCode = new(BdqDiagnostics.UnknownNationCode, "Unknown nation code", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Type mismatch (<see cref="BdqDiagnostics.TypeMismatch"/>).</summary>
    internal static readonly DiagnosticDescriptor TypeMismatch = new(BdqDiagnostics.TypeMismatch, "Type mismatch", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Invalid date (<see cref="BdqDiagnostics.InvalidDate"/>).</summary>
    internal static readonly DiagnosticDescriptor InvalidDate = new(BdqDiagnostics.InvalidDate, "Invalid date", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Parameter type conflict (<see cref="BdqDiagnostics.ParameterTypeConflict"/>).</summary>
    internal static readonly DiagnosticDescriptor ParameterTypeConflict = new(BdqDiagnostics.ParameterTypeConflict, "Parameter type conflict", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Invalid aggregate (<see cref="BdqDiagnostics.InvalidAggregate"/>).</summary>
    internal static readonly DiagnosticDescriptor InvalidAggregate = new(BdqDiagnostics.InvalidAggregate, "Invalid aggregate", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Collection not allowed (<see cref="BdqDiagnostics.CollectionNotAllowed"/>).</summary>
    internal static readonly DiagnosticDescriptor CollectionNotAllowed = new(BdqDiagnostics.CollectionNotAllowed, "Collection not allowed", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Not a yes/no field (<see cref="BdqDiagnostics.NotABoolean"/>).</summary>
    internal static readonly DiagnosticDescriptor NotABoolean = new(BdqDiagnostics.NotABoolean, "Not a yes/no field", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Clause conflict (<see cref="BdqDiagnostics.ClauseConflict"/>).</summary>
    internal static readonly DiagnosticDescriptor ClauseConflict = new(BdqDiagnostics.ClauseConflict, "Clause conflict", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Not supported here (<see cref="BdqDiagnostics.NotSupportedHere"/>).</summary>
    internal static readonly DiagnosticDescriptor NotSupportedHere = new(BdqDiagnostics.NotSupportedHere, "Not supported here", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Missing parameter (<see cref="BdqDiagnostics.MissingParameter"/>).</summary>
    internal static readonly DiagnosticDescriptor MissingParameter = new(BdqDiagnostics.MissingParameter, "Missing parameter", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Parameter type mismatch (<see cref="BdqDiagnostics.ParameterTypeMismatch"/>).</summary>
    internal static readonly DiagnosticDescriptor ParameterTypeMismatch = new(BdqDiagnostics.ParameterTypeMismatch, "Parameter type mismatch", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Parameter too long (<see cref="BdqDiagnostics.ParameterTooLong"/>).</summary>
    internal static readonly DiagnosticDescriptor ParameterTooLong = new(BdqDiagnostics.ParameterTooLong, "Parameter too long", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Search too broad (<see cref="BdqDiagnostics.SearchTooBroad"/>).</summary>
    internal static readonly DiagnosticDescriptor SearchTooBroad = new(BdqDiagnostics.SearchTooBroad, "Search too broad", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Cannot run on this IQueryable (<see cref="BdqDiagnostics.NotTranslatable"/>; run time only, listed so every code has a descriptor).</summary>
    internal static readonly DiagnosticDescriptor NotTranslatable = new(BdqDiagnostics.NotTranslatable, "Cannot run on this IQueryable", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // ---- The generator's own diagnostics. ----

    // RS1032 asks a one-sentence message to end without a period. These texts end as the front end's relayed messages
    // do (with one), so a build shows one style; BDQ1007-BDQ1009 shipped without and keep their texts.
#pragma warning disable RS1032

    /// <summary>BDQ1001: a query method that is not a static partial declaration.</summary>
    internal static readonly DiagnosticDescriptor InvalidMethod = new(
        "BDQ1001",
        "Invalid query method",
        "'{0}' must be a static partial method without a body or type parameters.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1001: a type holding a query method that is generic or not partial; argument: the type's name.</summary>
    internal static readonly DiagnosticDescriptor InvalidContainingType = new(
        "BDQ1001",
        "Invalid query method",
        "'{0}' must be a non-generic partial type to hold query methods.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1002: the method's first parameter is neither a store nor the table of a <c>[QuerySet]</c> type.</summary>
    internal static readonly DiagnosticDescriptor MissingStore = new(
        "BDQ1002",
        "Query method needs a store",
        "The first parameter of '{0}' must be what the query runs on: a BorderStore, a QueryStore or another IQueryStore, or the EntityTable<T> of the query's [QuerySet] record type.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1002: the method takes the table of one set but its query reads another; arguments: method, table's set, query's set.</summary>
    internal static readonly DiagnosticDescriptor WrongTable = new(
        "BDQ1002",
        "Query method needs a store",
        "'{0}' takes the table of {1}, but its query reads {2}; take that set's table or a store.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1002: the method takes one table but its query follows a reference; arguments: method, path, referenced set.</summary>
    internal static readonly DiagnosticDescriptor TableCannotFollow = new(
        "BDQ1002",
        "Query method needs a store",
        "'{0}' takes one table, but '{1}' follows a reference into {2}; take a store (a QueryStore or another IQueryStore) that holds both sets.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>
    /// BDQ1003: the return type does not fit what the query returns; arguments: method, its return type, and what the
    /// query needs (<see cref="NeedsRows"/>, <see cref="NeedsCount"/> or <see cref="NeedsRecords"/>).
    /// </summary>
    internal static readonly DiagnosticDescriptor ReturnTypeMismatch = new(
        "BDQ1003",
        "Return type does not fit the query",
        "'{0}' returns {1}, but its query needs {2}.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1004: two method parameters that only differ by case, which query parameters cannot tell apart.</summary>
    internal static readonly DiagnosticDescriptor CaseOnlyParameters = new(
        "BDQ1004",
        "Parameters do not match the query",
        "Parameters '{0}' and '{1}' differ only in case, but query parameters ignore case; rename one of them.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1004: the query uses a parameter the method lacks; arguments: the parameter, the type to give it, the method.</summary>
    internal static readonly DiagnosticDescriptor ParameterMismatch = new(
        "BDQ1004",
        "Parameters do not match the query",
        "The query uses @{0}; add a parameter '{1} {0}' to '{2}'.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1004: a method parameter of a type the query parameter cannot take; arguments: parameter, its type, query parameter, accepted types.</summary>
    internal static readonly DiagnosticDescriptor ParameterTypeDoesNotFit = new(
        "BDQ1004",
        "Parameters do not match the query",
        "Parameter '{0}' is {1}, but @{2} needs {3}.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1004: a method parameter the query does not use; argument: the parameter.</summary>
    internal static readonly DiagnosticDescriptor UnusedMethodParameter = new(
        "BDQ1004",
        "Parameters do not match the query",
        "Parameter '{0}' is not used by the query; use it as @{0} or remove it.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1005: the query is not a string literal.</summary>
    internal static readonly DiagnosticDescriptor QueryNotLiteral = new(
        "BDQ1005",
        "Query must be a string literal",
        "The query must be a string literal, so its errors can be shown in place.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1006: a .bdq file without a query; argument: the file's name.</summary>
    internal static readonly DiagnosticDescriptor InvalidQueryFile = new(
        "BDQ1006",
        "Invalid .bdq file",
        "'{0}' has no query; start each one with a line '-- name: MethodName'.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>
    /// BDQ1007: a <c>-- name:</c> in a .bdq file that cannot be the name of the generated method; arguments: the name and
    /// why (<see cref="NotAnIdentifier"/>, <see cref="IsAKeyword"/> or <see cref="IsTheClassName"/>).
    /// </summary>
    internal static readonly DiagnosticDescriptor InvalidQueryName = new(
        "BDQ1007",
        "Invalid query name",
        "'{0}' cannot name a query method: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1008: two queries of one .bdq file whose names are equal, ignoring case; arguments: the name, the first one's name, its line.</summary>
    internal static readonly DiagnosticDescriptor DuplicateQueryName = new(
        "BDQ1008",
        "Duplicate query name",
        "The query name '{0}' is already used by '{1}' at line {2}; names of queries in one file must differ in more than case",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>
    /// BDQ1008: two .bdq files of one name (in different folders) become one class, and a query name of the later file
    /// (in ordinal order of path) is already used by the earlier; arguments: the name, the first one's name, its file,
    /// its line, the class.
    /// </summary>
    internal static readonly DiagnosticDescriptor DuplicateQueryNameAcrossFiles = new(
        "BDQ1008",
        "Duplicate query name",
        "The query name '{0}' is already used by '{1}' in {2} at line {3}; both files become class {4}, whose query names must differ in more than case",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1009: a name in a query's <c>-- params:</c> line that the query does not use; arguments: the name, the query.</summary>
    internal static readonly DiagnosticDescriptor UnusedListedParameter = new(
        "BDQ1009",
        "Listed parameter not used",
        "'{0}' in '-- params:' is not a parameter of query '{1}'; use it as @{0} in the query or remove it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>
    /// BDQ1010: a property of a [QuerySet] record whose type queries do not support, so it is not a field; arguments: the
    /// property, its type, the set, the supported types.
    /// </summary>
    internal static readonly DiagnosticDescriptor UnsupportedPropertyType = new(
        "BDQ1010",
        "Property type not supported by queries",
        "Property '{0}' has type {1}, which queries do not support, so set '{2}' has no field for it; supported: {3}. Mark it [QueryField(Ignore = true)] to leave it out without this warning.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

#pragma warning restore RS1032

    /// <summary>
    /// The referenced BorderDomain speaks another generated-code contract than this generator writes
    /// (<c>BorderDomain.CompilerServices.GeneratedCodeContract.Version</c>), or has none while queries are declared.
    /// </summary>
    internal static readonly DiagnosticDescriptor ContractMismatch = new(
        "BDQ1011",
        "Generator and library do not match",
        "BorderDomain's generated-code contract is {0}, but this generator writes version {1}; use the generator and the library of the same package version",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    // ---- Parts of messages: the arguments that come from a fixed list. ----

    /// <summary>Why a name cannot be a method (argument 1 of <see cref="InvalidQueryName"/>): not an identifier.</summary>
    internal const string NotAnIdentifier = "it is not a C# identifier";

    /// <summary>Why a name cannot be a method (argument 1 of <see cref="InvalidQueryName"/>): a reserved keyword.</summary>
    internal const string IsAKeyword = "it is a C# keyword";

    /// <summary>Why a name cannot be a method (argument 1 of <see cref="InvalidQueryName"/>): a member cannot share its class's name.</summary>
    internal const string IsTheClassName = "it is the name of the class the file becomes";

    /// <summary>What a query that selects or groups needs (argument 2 of <see cref="ReturnTypeMismatch"/>).</summary>
    internal const string NeedsRows = "IReadOnlyList<IReadOnlyList<object?>> (it selects or groups)";

    /// <summary>What a query that counts needs (argument 2 of <see cref="ReturnTypeMismatch"/>).</summary>
    internal const string NeedsCount = "int or long (it counts)";

    /// <summary>What a query that returns records of <paramref name="record"/> needs (argument 2 of <see cref="ReturnTypeMismatch"/>).</summary>
    internal static string NeedsRecords(string record) => $"IReadOnlyList<{record}>, List, IEnumerable, an array, or {record}? for the first";

    /// <summary>The types a query parameter accepts, as argument 3 of <see cref="ParameterTypeDoesNotFit"/>.</summary>
    internal static string Alternatives(IEnumerable<string> types) => string.Join(" or ", types);

    // ---- Texts written into generated code. ----

    /// <summary>What the body of a method whose query has errors throws: its first diagnostic.</summary>
    internal static string FailureMessage(DiagnosticInfo? first) => first is null ? "The query could not be compiled." : first.Id + ": " + first.Message;

    // ---- Making diagnostics. ----

    /// <summary>A diagnostic of <paramref name="descriptor"/> at <paramref name="location"/>, as data.</summary>
    internal static DiagnosticInfo Info(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToImmutableArray());

    /// <summary>A diagnostic of the query front end, with its code and text, at <paramref name="location"/>.</summary>
    internal static DiagnosticInfo Relay(BdqDiagnostic diagnostic, SourceLocation? location) =>
        Info(ForCode(diagnostic.Code), location, diagnostic.Message);

    /// <summary>The descriptor relaying the front end's diagnostic <paramref name="code"/>.</summary>
    internal static DiagnosticDescriptor ForCode(string code) => Relayed.TryGetValue(code, out var descriptor)
        ? descriptor
        : throw new KeyNotFoundException($"The query front end's code {code} has no descriptor in GeneratorDiagnostics; add one and list it in AnalyzerReleases.Unshipped.md.");

    /// <summary>The descriptors relaying the front end's diagnostics, by code.</summary>
    internal static IReadOnlyDictionary<string, DiagnosticDescriptor> Relayed { get; } = new[]
    {
        SyntaxError,
        UnterminatedString,
        QueryTooLong,
        NestingTooDeep,
        ListTooLong,
        TakeTooLarge,
        EmptyQuery,
        InvalidNumber,
        TooManyErrors,
        InvalidEscape,
        UnknownSet,
        UnknownField,
        InvalidPath,
        OperatorNotApplicable,
        UnknownEnumMember,
        UnknownNationCode,
        TypeMismatch,
        InvalidDate,
        ParameterTypeConflict,
        InvalidAggregate,
        CollectionNotAllowed,
        NotABoolean,
        ClauseConflict,
        NotSupportedHere,
        MissingParameter,
        ParameterTypeMismatch,
        ParameterTooLong,
        SearchTooBroad,
        NotTranslatable,
    }.ToDictionary(d => d.Id);

    /// <summary>The generator's own descriptors, in ID order; an ID may have several readings.</summary>
    internal static ImmutableArray<DiagnosticDescriptor> Own { get; } =
    [
        InvalidMethod,
        InvalidContainingType,
        MissingStore,
        WrongTable,
        TableCannotFollow,
        ReturnTypeMismatch,
        CaseOnlyParameters,
        ParameterMismatch,
        ParameterTypeDoesNotFit,
        UnusedMethodParameter,
        QueryNotLiteral,
        InvalidQueryFile,
        InvalidQueryName,
        DuplicateQueryName,
        DuplicateQueryNameAcrossFiles,
        UnusedListedParameter,
        UnsupportedPropertyType,
        ContractMismatch,
    ];

    /// <summary>Every descriptor: the relayed ones, then the generator's own.</summary>
    internal static ImmutableArray<DiagnosticDescriptor> All { get; } = [.. Relayed.Values, .. Own];
}
