using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Schema;

namespace BorderDomain.Query.Language;

/// <summary>
/// Every BDQ diagnostic code and its message text, in one place: the messages, the fragments the binder and the
/// parameter resolver build them from (how a field, a value or a literal is described, what a bad parameter value
/// is), nothing inline elsewhere. Codes are stable: a code once shipped keeps its meaning. BDQ00xx are syntax and
/// limit errors, BDQ01xx binding errors, BDQ02xx execution errors.
/// </summary>
public static class BdqDiagnostics
{
    /// <summary>BDQ0001: the text does not follow the grammar.</summary>
    public const string SyntaxError = "BDQ0001";

    /// <summary>BDQ0002: a string literal has no closing quote.</summary>
    public const string UnterminatedString = "BDQ0002";

    /// <summary>BDQ0003: the query is longer than <see cref="BdqOptions.MaxQueryLength"/>.</summary>
    public const string QueryTooLong = "BDQ0003";

    /// <summary>BDQ0004: parentheses and <c>not</c> nest deeper than <see cref="BdqOptions.MaxNestingDepth"/>.</summary>
    public const string NestingTooDeep = "BDQ0004";

    /// <summary>BDQ0005: a list has more items than <see cref="BdqOptions.MaxListItems"/>.</summary>
    public const string ListTooLong = "BDQ0005";

    /// <summary>BDQ0006: <c>take</c> or <c>skip</c> exceeds <see cref="BdqOptions.MaxTake"/>.</summary>
    public const string TakeTooLarge = "BDQ0006";

    /// <summary>BDQ0007: the query is empty.</summary>
    public const string EmptyQuery = "BDQ0007";

    /// <summary>BDQ0008: a number that a decimal cannot hold exactly (too large, too small, or too many digits).</summary>
    public const string InvalidNumber = "BDQ0008";

    /// <summary>BDQ0009: more diagnostics than <see cref="MaxReported"/>; the rest are counted, not listed.</summary>
    public const string TooManyErrors = "BDQ0009";

    /// <summary>BDQ0010: a backslash in a string starts no escape BDQ knows.</summary>
    public const string InvalidEscape = "BDQ0010";

    /// <summary>BDQ0101: no entity set has this name.</summary>
    public const string UnknownSet = "BDQ0101";

    /// <summary>BDQ0102: the set has no field of this name.</summary>
    public const string UnknownField = "BDQ0102";

    /// <summary>BDQ0103: a path follows a field that is not a reference, or more than one hop.</summary>
    public const string InvalidPath = "BDQ0103";

    /// <summary>BDQ0104: the operator does not apply to the field's type.</summary>
    public const string OperatorNotApplicable = "BDQ0104";

    /// <summary>BDQ0105: the name is not a member of the field's enumeration.</summary>
    public const string UnknownEnumMember = "BDQ0105";

    /// <summary>BDQ0106: the name is not an ISO 3166-1 alpha-3 nation code.</summary>
    public const string UnknownNationCode = "BDQ0106";

    /// <summary>BDQ0107: the value's type does not match the field's.</summary>
    public const string TypeMismatch = "BDQ0107";

    /// <summary>BDQ0108: a date literal is not a real date.</summary>
    public const string InvalidDate = "BDQ0108";

    /// <summary>BDQ0109: a parameter is used with two different types.</summary>
    public const string ParameterTypeConflict = "BDQ0109";

    /// <summary>BDQ0110: an aggregate needs a number field (sum, avg) or an orderable one (min, max).</summary>
    public const string InvalidAggregate = "BDQ0110";

    /// <summary>BDQ0111: a collection field cannot be ordered, grouped or compared with this operator.</summary>
    public const string CollectionNotAllowed = "BDQ0111";

    /// <summary>BDQ0112: a bare field in a condition must be a yes/no field.</summary>
    public const string NotABoolean = "BDQ0112";

    /// <summary>BDQ0113: clauses that cannot be combined (e.g. <c>select</c> with <c>group by</c>).</summary>
    public const string ClauseConflict = "BDQ0113";

    /// <summary>BDQ0114: the query asks for something this entry point cannot give (e.g. <c>select</c> on an <c>IQueryable</c>).</summary>
    public const string NotSupportedHere = "BDQ0114";

    /// <summary>BDQ0201: a parameter the query uses was not supplied.</summary>
    public const string MissingParameter = "BDQ0201";

    /// <summary>BDQ0202: a supplied parameter has the wrong type.</summary>
    public const string ParameterTypeMismatch = "BDQ0202";

    /// <summary>BDQ0203: a parameter's text is longer than <see cref="BdqOptions.MaxParameterLength"/>.</summary>
    public const string ParameterTooLong = "BDQ0203";

    /// <summary>BDQ0204: a text search has more words than <see cref="BdqOptions.MaxSearchWords"/>, or one of its words is
    /// part of more indexed words than <see cref="BdqOptions.MaxMatchedWords"/>.</summary>
    public const string SearchTooBroad = "BDQ0204";

    /// <summary>
    /// BDQ0205: a part of the query cannot be expressed as a tree for this <c>IQueryable</c> and its
    /// <c>BdqTreeHooks</c> (e.g. a reference into a set that was not supplied, or a value the back end does not
    /// keep); reported by <c>BdqQueryable.TryTranslate</c> at that part, before anything runs.
    /// </summary>
    public const string NotTranslatable = "BDQ0205";

    /// <summary>
    /// The most diagnostics one query reports: past it, one <see cref="TooManyErrors"/> diagnostic says how many
    /// more there were, and those are counted without being built.
    /// </summary>
    public const int MaxReported = 100;

    /// <summary>Every code with a one-line description.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [SyntaxError] = "Syntax error",
        [UnterminatedString] = "Unterminated string",
        [QueryTooLong] = "Query too long",
        [NestingTooDeep] = "Nesting too deep",
        [ListTooLong] = "List too long",
        [TakeTooLarge] = "Take or skip too large",
        [EmptyQuery] = "Empty query",
        [InvalidNumber] = "Invalid number",
        [TooManyErrors] = "Too many errors",
        [InvalidEscape] = "Invalid escape",
        [UnknownSet] = "Unknown entity set",
        [UnknownField] = "Unknown field",
        [InvalidPath] = "Invalid path",
        [OperatorNotApplicable] = "Operator not applicable",
        [UnknownEnumMember] = "Unknown enum member",
        [UnknownNationCode] = "Unknown nation code",
        [TypeMismatch] = "Type mismatch",
        [InvalidDate] = "Invalid date",
        [ParameterTypeConflict] = "Parameter type conflict",
        [InvalidAggregate] = "Invalid aggregate",
        [CollectionNotAllowed] = "Collection not allowed",
        [NotABoolean] = "Not a yes/no field",
        [ClauseConflict] = "Clause conflict",
        [NotSupportedHere] = "Not supported here",
        [NotTranslatable] = "Cannot run on this IQueryable",
        [MissingParameter] = "Missing parameter",
        [ParameterTypeMismatch] = "Parameter type mismatch",
        [ParameterTooLong] = "Parameter too long",
        [SearchTooBroad] = "Search too broad",
    };

    internal static string Unexpected(string found, IEnumerable<string> expected) =>
        $"Unexpected {found}; expected {OneOf(expected)}.";

    internal static string UnterminatedStringMessage() => "The string has no closing quote.";

    internal static string QueryTooLongMessage(int length, int limit) =>
        Invariant($"The query is {length} characters long; the limit is {limit}.");

    internal static string NestingTooDeepMessage(int limit) =>
        Invariant($"Parentheses and 'not' nest deeper than the limit of {limit}.");

    internal static string ListTooLongMessage(int limit) =>
        Invariant($"The list has more than {limit} items, the limit.");

    internal static string TakeTooLargeMessage(string clause, decimal value, int limit) =>
        Invariant($"'{clause} {value}' exceeds the limit of {limit}.");

    internal static string EmptyQueryMessage() => "The query is empty; expected an entity set such as 'accords'.";

    internal static string UnknownSetMessage(string name, string? suggestion, IEnumerable<string> sets) => suggestion is null
        ? $"Unknown entity set '{name}'; expected {OneOf(sets)}."
        : $"Unknown entity set '{name}'; did you mean '{suggestion}'?";

    internal static string UnknownFieldMessage(string name, string set, string? suggestion) => suggestion is null
        ? $"Unknown field '{name}' on {set}."
        : $"Unknown field '{name}' on {set}; did you mean '{suggestion}'?";

    internal static string UnsupportedFieldMessage(string name, string set, string property, string type) =>
        $"Unknown field '{name}' on {set}: property '{property}' has type {type}, which queries do not support; supported: {BorderDomain.Schema.SchemaConventions.SupportedTypes}.";

    internal static string NotAReferenceMessage(string field, string set) =>
        $"'{field}' on {set} is not a reference, so no field can follow it.";

    internal static string ListOfListsMessage(string path, string list) =>
        $"'{path}' would be a list of lists: a path through the list '{list}' must end in a field holding one value.";

    internal static string PathTooLongMessage() => "A path may follow a reference one hop only, e.g. 'nation.region'.";

    internal static string OperatorNotApplicableMessage(string op, string field, string kind) =>
        $"'{op}' does not apply to '{field}' ({kind}).";

    internal static string LengthNotApplicableMessage(string measure, string field, string kind) =>
        $"'{measure}(…)' in a condition is a list's length and needs a list field of the record itself: '{field}' ({kind}) is not one.";

    internal static string UnknownEnumMemberMessage(string name, string field, string? suggestion) => suggestion is null
        ? $"'{name}' is not a value of '{field}'."
        : $"'{name}' is not a value of '{field}'; did you mean '{suggestion}'?";

    internal static string UnknownNationCodeMessage(string name, string? suggestion) => suggestion is null
        ? $"'{name}' is not an ISO 3166-1 alpha-3 nation code."
        : $"'{name}' is not an ISO 3166-1 alpha-3 nation code; did you mean '{suggestion}'?";

    internal static string TypeMismatchMessage(string field, string expected, string found) =>
        $"'{field}' expects {expected}, not {found}.";

    internal static string InvalidDateMessage(string text) => $"'{text}' {InvalidDateProblem}.";

    /// <summary>What is wrong with a text that is not a date, as the end of a sentence about it.</summary>
    internal const string InvalidDateProblem = "is not a date: expected " + PartialDate.Formats + " with a year from 0001 to 9999, a real month and day";

    internal static string NullComparisonHint(string op) =>
        $"'{op} null' compares with nothing; write 'is null' or 'is not null'.";

    internal static string ParameterTypeConflictMessage(string name, string first, string second) =>
        $"Parameter '@{name}' is used as {first} and as {second}.";

    internal static string InvalidAggregateMessage(string function, string field, string kind) =>
        $"'{function}' cannot aggregate '{field}' ({kind}).";

    internal static string AggregateOrderWithoutGroupMessage(string aggregate) =>
        $"'order by {aggregate}' needs a 'group by' or aggregates of the whole answer that compute '{aggregate}'.";

    internal static string AggregateOrderUnknownMessage(string aggregate, string computed) =>
        $"'{aggregate}' is not computed by this query ({computed}), so it cannot order the groups.";

    internal static string AggregateOrderKindMessage(string aggregate, string kind) =>
        $"Groups can be ordered by count, sum, avg, and min or max of numbers; not by '{aggregate}' ({kind}).";

    internal static string AggregateOrderAfterKeyMessage(string aggregate) =>
        $"In 'order by', '{aggregate}' must come before the group keys: groups are ordered by their aggregates first.";

    internal static string AggregateNeedsFieldMessage(string function) =>
        $"'{function}' needs a field to aggregate, e.g. {function}(value).";

    internal static string CollectionNotAllowedMessage(string field, string clause) =>
        $"'{field}' holds several values and cannot be used in {clause}.";

    internal static string NotABooleanMessage(string field, string kind, bool isCollection) =>
        $"'{field}' ({kind}) is not a yes/no field; compare it with a value, e.g. '{field} {(isCollection ? "has" : "=")} …'.";

    internal static string ClauseConflictMessage(string first, string second) =>
        $"'{first}' cannot be combined with '{second}'.";

    internal static string NotSupportedHereMessage(string what, string where, string instead) =>
        $"{what} is not supported {where}; {instead}.";

    internal static string SubqueryFieldCountMessage(int selected) =>
        $"A sub-query selects exactly one field whose values are tested, not {selected}; e.g. '(events where … select agencies)'.";

    internal static string SubqueryClauseMessage(string clause) =>
        $"'{clause}' is not supported in a sub-query; it yields the values of one selected field.";

    internal const string SubqueryNested = "A sub-query inside a sub-query is not supported; write the inner one as its own query first";

    internal const string SubqueryNotCompiled = "A sub-query is not supported in a compiled query over one table, which has no store to read the sub-query's set from; take an IQueryStore as the first parameter";

    internal static string SubqueryHopMessage(string set, string path) =>
        $"A sub-query selects a field of its own set ('{set}'), not a path through a reference ('{path}').";

    internal static string SubqueryOperatorMessage(string op) =>
        $"A sub-query is the operand of 'in' or 'not in' only, not of '{op}'.";

    internal static string SubqueryTypeMessage(string field, string fieldKind, string selected, string selectedKind) =>
        $"'{field}' ({fieldKind}) cannot be tested against the sub-query's '{selected}' ({selectedKind}); select a field holding the same kind of value.";

    internal static string NotTranslatableMessage(string part, string reason) =>
        $"'{part}' cannot run on this IQueryable: {reason}.";

    internal static string HookReason(string path) =>
        $"its back end gives no value BDQ can compare for '{path}'";

    internal static string CannotExpandSubqueryReason(string path) =>
        $"it cannot take each element of the sub-query's '{path}' (taking a list's elements inside a sub-query needs a lateral join)";

    internal static string NeedsSetReason(string set) =>
        $"it follows a reference into {set}, which was not supplied (add it to BdqSets)";

    internal static string CannotJoinReason(string field, string set) =>
        $"the back end cannot match '{field}' with the keys of {set}";

    internal static string CannotExpandReason(string path) =>
        $"its back end cannot repeat a row for each element of '{path}' (group by a list needs a lateral join)";

    internal static string CannotFollowEachReason(string path) =>
        $"its back end cannot follow each reference of a list for '{path}' (a path through a list needs a lateral join)";

    internal static string TooManyGroupKeysReason(int most) =>
        $"a tree groups by at most {most} keys";

    internal static string MissingParameterMessage(string name, string type) =>
        $"The query needs parameter '@{name}' ({type}), which was not supplied.";

    internal static string ParameterTypeMismatchMessage(string name, string expected, object value) =>
        $"Parameter '@{name}' must be {expected}, not {value.GetType().Name} {ParameterValueText(value)}.";

    internal static string ParameterValueMessage(string name, object value, string problem) =>
        $"Parameter '@{name}' is {ParameterValueText(value)}, which {problem}.";

    /// <summary>What is wrong with a parameter's text for a nation field, as the end of a sentence about it.</summary>
    internal const string NotANationCodeProblem = "is not an ISO 3166-1 alpha-3 nation code";

    /// <summary>What is wrong with a parameter's text for a unit field.</summary>
    internal const string NotAUnitProblem = "is neither a known unit nor an ISO 4217 currency code";

    /// <summary>What is wrong with a parameter's text for a yes/no field.</summary>
    internal const string NotABooleanProblem = "is neither true nor false";

    // The binder's fragments: what follows a field's kind when 'has' is used on a single value, what an operator on a
    // list should be, what a unit literal must be, and the ordering an ungrouped 'order by' conflicts with.
    internal const string HasIsForCollections = "; 'has' is for fields holding several values";

    internal const string UnitOrCurrency = "a unit or ISO 4217 currency code";

    internal const string GroupByWithoutKey = "group by without that key";

    internal const string GroupByListThroughReference = "group by through a reference (group by the record's own lists only)";

    internal static string GroupBySecondList(string first) => $"a group by that already expands the list '{first}' (one list per group by)";

    internal static string GroupByElementKindMessage(string field, string kind) =>
        $"'{field}' ({kind}) cannot be grouped by element; lists of texts, names, nation codes, numbers and units can.";

    internal static string UseHasInstead(string op) => $"'{op}'; use 'has', 'has any' or 'has all'";

    /// <summary>A field's type as the binder's messages name it: <c>text</c>, <c>nation code</c>, <c>a list of dates</c>, <c>AccordKind</c> ….</summary>
    internal static string FieldKindText(FieldSchema field) => field.IsCollection
        ? "a list of " + field.Kind switch
        {
            FieldKind.String => "texts",
            FieldKind.Enum => ShortType(field.TypeName) + " values",
            FieldKind.Nation => "nation codes",
            FieldKind.Date => "dates",
            FieldKind.Period => "periods",
            FieldKind.Number => "numbers",
            FieldKind.Boolean => "yes/no values",
            _ => "units",
        }
        : field.Kind switch
        {
            FieldKind.String => "text",
            FieldKind.Enum => ShortType(field.TypeName),
            FieldKind.Nation => "nation code",
            FieldKind.Date => "date",
            FieldKind.Period => "period",
            FieldKind.Number => "number",
            FieldKind.Boolean => "yes/no",
            _ => "unit",
        };

    /// <summary>The value a field expects, with an example: <c>a nation code such as PER</c>.</summary>
    internal static string FieldExpectation(FieldSchema field) => field.Kind switch
    {
        FieldKind.String => "text in double quotes",
        FieldKind.Enum => $"a {ShortType(field.TypeName)} such as {field.EnumMembers.FirstOrDefault()}",
        FieldKind.Nation => "a nation code such as PER",
        FieldKind.Date or FieldKind.Period => "a date such as 2013, 2013-11 or 2013-11-14",
        FieldKind.Number => "a number",
        FieldKind.Boolean => "true or false",
        _ => "a unit such as km or USD",
    };

    /// <summary>A parameter's value as a person would write it: text quoted (and cut), numbers invariant, default(T) for a default value.</summary>
    internal static string ParameterValueText(object value) => value switch
    {
        string text => "'" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "'",
        PartialDate { IsDefault: true } or NationCode { IsDefault: true } => $"default({value.GetType().Name})",
        Unit { IsDefault: true } => "default(Unit)",
        Enum member when !Enum.IsDefined(member.GetType(), member) => $"({member.GetType().Name}){System.Convert.ToInt64(member, CultureInfo.InvariantCulture)}",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>A type's name without its namespace, as messages name it: <c>AccordKind</c>.</summary>
    internal static string ShortType(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);

    internal static string ParameterTooLongMessage(string name, int length, int limit) =>
        Invariant($"Parameter '@{name}' is {length} characters long; the limit is {limit}.");

    internal static string TooManySearchWordsMessage(int words, int limit) =>
        Invariant($"The search text has {words} words; the limit is {limit}.");

    internal static string TooManyMatchedWordsMessage(string path, int limit) =>
        Invariant($"The search on '{path}' matches more than {limit} indexed words; make its words longer or more specific.");

    internal static string TooManyErrorsMessage(int more) =>
        Invariant($"… and {more} more error{(more == 1 ? string.Empty : "s")} (only the first {MaxReported} are listed).");

    internal static string InvalidEscapeMessage(string escape) =>
        $"'{escape}' is not an escape; inside a string write \\\" for a quote, \\\\ for a backslash, \\n, \\t or \\uXXXX.";

    internal static string DefaultValueProblem(string type) => type switch
    {
        "PartialDate" or "Period" => "holds no date",
        "NationCode" => "holds no nation code",
        "Unit" => "holds no unit",
        _ => $"holds no {type}",
    };

    internal static string NotAMemberProblem(string type) => $"is not a named member of {type}";

    private static string OneOf(IEnumerable<string> options)
    {
        var list = options.Distinct().ToList();
        return list.Count switch
        {
            0 => "something else",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1],
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
