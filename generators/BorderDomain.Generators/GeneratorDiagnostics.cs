using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BorderDomain.Query;
using Microsoft.CodeAnalysis;

namespace BorderDomain.Generators;

/// <summary>
/// The diagnostics the generator reports: every BDQ query diagnostic (BDQ0001–BDQ02xx, with the IDs and texts of
/// <see cref="BdqDiagnostics"/>) and the generator's own about method shapes and .bdq files (BDQ1xxx). IDs are
/// tracked in AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md; a test checks that every code in
/// <see cref="BdqDiagnostics.All"/> has a descriptor here.
/// </summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "BorderDomain.Query";

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

    /// <summary>BDQ1001: a query method that is not a static partial declaration in a partial type.</summary>
    internal static readonly DiagnosticDescriptor InvalidMethod = new("BDQ1001", "Invalid query method", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>BDQ1002: the method's first parameter is not a store or the table of the query's set.</summary>
    internal static readonly DiagnosticDescriptor MissingStore = new("BDQ1002", "Query method needs a store", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>BDQ1003: the return type does not fit what the query returns.</summary>
    internal static readonly DiagnosticDescriptor ReturnTypeMismatch = new("BDQ1003", "Return type does not fit the query", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>BDQ1004: the method's parameters do not match the query's @parameters.</summary>
    internal static readonly DiagnosticDescriptor ParameterMismatch = new("BDQ1004", "Parameters do not match the query", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>BDQ1005: the query is not a string literal.</summary>
    internal static readonly DiagnosticDescriptor QueryNotLiteral = new("BDQ1005", "Query must be a string literal", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>BDQ1006: a .bdq file is not in the expected form.</summary>
    internal static readonly DiagnosticDescriptor InvalidQueryFile = new("BDQ1006", "Invalid .bdq file", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>BDQ1007: a <c>-- name:</c> in a .bdq file that cannot be the name of the generated method.</summary>
    internal static readonly DiagnosticDescriptor InvalidQueryName = new(
        "BDQ1007",
        "Invalid query name",
        "'{0}' cannot name a query method: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1008: two queries of one .bdq file whose names are equal, ignoring case.</summary>
    internal static readonly DiagnosticDescriptor DuplicateQueryName = new(
        "BDQ1008",
        "Duplicate query name",
        "The query name '{0}' is already used by '{1}' at line {2}; names of queries in one file must differ in more than case",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>BDQ1009: a name in a query's <c>-- params:</c> line that the query does not use.</summary>
    internal static readonly DiagnosticDescriptor UnusedListedParameter = new(
        "BDQ1009",
        "Listed parameter not used",
        "'{0}' in '-- params:' is not a parameter of query '{1}'; use it as @{0} in the query or remove it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>BDQ1010: a property of a [QuerySet] record whose type queries do not support, so it is not a field.</summary>
    internal static readonly DiagnosticDescriptor UnsupportedPropertyType = new(
        "BDQ1010",
        "Property type not supported by queries",
        "Property '{0}' has type {1}, which queries do not support, so set '{2}' has no field for it; supported: {3}. Mark it [QueryField(Ignore = true)] to leave it out without this warning.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>Why a name cannot be a method (argument 1 of <see cref="InvalidQueryName"/>): not an identifier.</summary>
    internal const string NotAnIdentifier = "it is not a C# identifier";

    /// <summary>Why a name cannot be a method (argument 1 of <see cref="InvalidQueryName"/>): a reserved keyword.</summary>
    internal const string IsAKeyword = "it is a C# keyword";

    /// <summary>Why a name cannot be a method (argument 1 of <see cref="InvalidQueryName"/>): a member cannot share its class's name.</summary>
    internal const string IsTheClassName = "it is the name of the class the file becomes";

    /// <summary>BDQ1004 for two method parameters that only differ by case, which query parameters cannot tell apart.</summary>
    internal static string CaseOnlyParametersMessage(string first, string second) =>
        $"Parameters '{first}' and '{second}' differ only in case, but query parameters ignore case; rename one of them.";

    /// <summary>A diagnostic of a descriptor with a real message format, as data: its message and its arguments.</summary>
    internal static DiagnosticInfo Info(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments) => new(
        descriptor.Id,
        string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), arguments.Cast<object>().ToArray()),
        location,
        arguments.ToImmutableArray());

    /// <summary>Every descriptor, by ID.</summary>
    internal static IReadOnlyDictionary<string, DiagnosticDescriptor> All { get; } = new[]
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
        InvalidMethod,
        MissingStore,
        ReturnTypeMismatch,
        ParameterMismatch,
        QueryNotLiteral,
        InvalidQueryFile,
        InvalidQueryName,
        DuplicateQueryName,
        UnusedListedParameter,
        UnsupportedPropertyType,
    }.ToDictionary(d => d.Id);
}
