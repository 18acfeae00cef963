using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Query.Semantics;

/// <summary>
/// One or more rows per BDQ diagnostic code, each with the exact message, span and suggestion a user sees when the
/// query runs through <see cref="Bdq.TryExecute"/> (in the style of dotnet/runtime's RegexParserTests).
/// </summary>
public sealed class DiagnosticTests
{
    /// <summary>One row: a query that must fail with exactly one diagnostic.</summary>
    public sealed record DiagnosticCase(
        string Name,
        string Query,
        string Code,
        string Message,
        TextSpan Span,
        string? Suggestion = null,
        BdqOptions? Options = null,
        IReadOnlyDictionary<string, object?>? Parameters = null,
        bool ViaQueryable = false,
        bool Last = false,
        BdqTreeHooks? Hooks = null);

    private const string DateProblem = "is not a date: expected yyyy, yyyy-MM or yyyy-MM-dd with a year from 0001 to 9999, a real month and day.";

    private const string TooSmall = "is not zero but too small to hold: it would become 0 (numbers keep at most 28 decimal places).";

    private static readonly string ThirtyThreeWords = string.Join(" ", Enumerable.Range(0, 33).Select(i => ((char)('a' + (i % 26))).ToString()));

    private const string ClauseList = "where, group by, order by, skip, take, select, count or end of query";

    internal static readonly DiagnosticCase[] Cases =
    [
        // BDQ0001: syntax errors.
        // The expected list should name grammar tokens ('not', '(' or a name), not Sprache's character classes
        // ("letter", "_") leaking out of the 'not' parser.
        new("Syntax_LengthUnclosed", "accords where count(parties = 1", BdqDiagnostics.SyntaxError,
            "Unexpected '='; expected ).", new TextSpan(28, 1, 1, 29)),
        new("Syntax_LengthWithoutParenthesis", "accords where count parties = 1", BdqDiagnostics.SyntaxError,
            "Unexpected 'parties'; expected (.", new TextSpan(20, 7, 1, 21)),
        new("TypeMismatch_TextForLength", "accords where count(parties) = \"two\"", BdqDiagnostics.TypeMismatch,
            "'count(parties)' expects a number, not the text \"two\".", new TextSpan(31, 5, 1, 32)),
        new("Syntax_NothingAfterWhere", "accords where", BdqDiagnostics.SyntaxError,
            "Unexpected end of query; expected not, ( or name.", new TextSpan(13, 0, 1, 14)),
        new("Syntax_NothingAfterHas", "accords where parties has", BdqDiagnostics.SyntaxError,
            "Unexpected end of query; expected any, all or value.", new TextSpan(25, 0, 1, 26)),
        new("Syntax_OrderWithoutBy", "accords order signed", BdqDiagnostics.SyntaxError,
            "Unexpected 'signed'; expected by.", new TextSpan(14, 6, 1, 15)),
        new("Syntax_NegativeTake", "accords take -1", BdqDiagnostics.SyntaxError,
            "Unexpected '-'; expected whole number.", new TextSpan(13, 1, 1, 14)),
        new("Syntax_ContainsBareWord", "accords where title contains mineria", BdqDiagnostics.SyntaxError,
            "Unexpected 'mineria'; expected string or parameter.", new TextSpan(29, 7, 1, 30)),
        new("Syntax_UnclosedParenthesis", "accords where (signed >= 2010", BdqDiagnostics.SyntaxError,
            "Unexpected end of query; expected ).", new TextSpan(29, 0, 1, 30)),
        new("Syntax_MissingWhere", "accords kind = Treaty", BdqDiagnostics.SyntaxError,
            $"Unexpected 'kind'; expected {ClauseList}.", new TextSpan(8, 4, 1, 9)),
        new("Syntax_StrayClosingParenthesis", "accords where kind = Treaty )", BdqDiagnostics.SyntaxError,
            "Unexpected ')'; expected and, or, group by, order by, skip, take, select, count or end of query.", new TextSpan(28, 1, 1, 29)),
        new("Syntax_EmptyList", "accords where kind in ()", BdqDiagnostics.SyntaxError,
            "Unexpected ')'; expected value.", new TextSpan(23, 1, 1, 24)),
        new("Syntax_ReservedWordAsSet", "where signed >= 2010", BdqDiagnostics.SyntaxError,
            "Unexpected 'where'; expected entity set.", new TextSpan(0, 5, 1, 1)),
        new("Syntax_EmptySelect", "accords select", BdqDiagnostics.SyntaxError,
            "Unexpected end of query; expected name.", new TextSpan(14, 0, 1, 15)),
        new("Syntax_MultiLineTakeNotANumber", "accords\nwhere kind = Treaty\n  take x", BdqDiagnostics.SyntaxError,
            "Unexpected 'x'; expected whole number.", new TextSpan(35, 1, 3, 8)),

        // After 'take 5' only select, count or the end may follow; listing 'where' (the very word found) as
        // expected is misleading.
        new("Syntax_WhereAfterTake", "accords take 5 where signed >= 2010", BdqDiagnostics.SyntaxError,
            "Unexpected 'where'; expected select, count or end of query.", new TextSpan(15, 5, 1, 16)),

        // A dangling 'and' / 'or' with a broken right operand: the error is where the operand goes wrong, not at
        // the 'and' (which is a perfectly good token).
        new("Syntax_NothingAfterAnd", "accords where signed >= 2010 and", BdqDiagnostics.SyntaxError,
            "Unexpected end of query; expected not, ( or name.", new TextSpan(32, 0, 1, 33)),
        new("Syntax_NumberAfterContains", "accords where signed >= 2010 and title contains 5", BdqDiagnostics.SyntaxError,
            "Unexpected '5'; expected string or parameter.", new TextSpan(48, 1, 1, 49)),
        new("Syntax_MultiLineDoubledOperator", "accords\nwhere kind = Treaty\n  and signed >> 2010", BdqDiagnostics.SyntaxError,
            "Unexpected '>'; expected value.", new TextSpan(42, 1, 3, 15)),

        // BDQ0002
        new("UnterminatedString", "accords where title contains \"mineria", BdqDiagnostics.UnterminatedString,
            "The string has no closing quote.", new TextSpan(29, 8, 1, 30)),
        new("UnterminatedString_MultiLine", "accords\nwhere title contains \"min\\\"eria", BdqDiagnostics.UnterminatedString,
            "The string has no closing quote.", new TextSpan(29, 10, 2, 22)),

        // BDQ0003
        new("QueryTooLong", "accords where kind = Treaty", BdqDiagnostics.QueryTooLong,
            "The query is 27 characters long; the limit is 10.", new TextSpan(10, 17, 1, 11),
            Options: new BdqOptions { MaxQueryLength = 10 }),

        // BDQ0004. The span of an offending 'not' should cover the keyword, not its first letter.
        new("NestingTooDeep_Parentheses", "accords where ((kind = Treaty))", BdqDiagnostics.NestingTooDeep,
            "Parentheses and 'not' nest deeper than the limit of 1.", new TextSpan(15, 1, 1, 16),
            Options: new BdqOptions { MaxNestingDepth = 1 }),
        new("NestingTooDeep_Not", "accords where not (not kind = Treaty)", BdqDiagnostics.NestingTooDeep,
            "Parentheses and 'not' nest deeper than the limit of 2.", new TextSpan(19, 3, 1, 20),
            Options: new BdqOptions { MaxNestingDepth = 2 }),

        // BDQ0005
        new("ListTooLong", "accords where kind in (Treaty, Pledge, Agreement)", BdqDiagnostics.ListTooLong,
            "The list has more than 2 items, the limit.", new TextSpan(22, 16, 1, 23),
            Options: new BdqOptions { MaxListItems = 2 }),

        // BDQ0006
        new("TakeTooLarge", "accords take 11", BdqDiagnostics.TakeTooLarge,
            "'take 11' exceeds the limit of 10.", new TextSpan(13, 2, 1, 14), Options: new BdqOptions { MaxTake = 10 }),
        new("SkipTooLarge", "accords skip 11", BdqDiagnostics.TakeTooLarge,
            "'skip 11' exceeds the limit of 10.", new TextSpan(13, 2, 1, 14), Options: new BdqOptions { MaxTake = 10 }),

        // BDQ0007
        new("EmptyQuery", string.Empty, BdqDiagnostics.EmptyQuery,
            "The query is empty; expected an entity set such as 'accords'.", new TextSpan(0, 0, 1, 1)),
        new("EmptyQuery_OnlyAComment", "   -- only a comment", BdqDiagnostics.EmptyQuery,
            "The query is empty; expected an entity set such as 'accords'.", new TextSpan(20, 0, 1, 21)),

        // BDQ0101
        new("UnknownSet_WithSuggestion", "acords where kind = Treaty", BdqDiagnostics.UnknownSet,
            "Unknown entity set 'acords'; did you mean 'accords'?", new TextSpan(0, 6, 1, 1), Suggestion: "accords"),
        new("UnknownSet_ListsTheSets", "foo where kind = Treaty", BdqDiagnostics.UnknownSet,
            "Unknown entity set 'foo'; expected accords, affiliations, agencies, events, nations, organizations, participants, people, places, sources, statements or statistics.", new TextSpan(0, 3, 1, 1)),

        // BDQ0102
        new("UnknownField", "accords where parites has PER", BdqDiagnostics.UnknownField,
            "Unknown field 'parites' on accords; did you mean 'parties'?", new TextSpan(14, 7, 1, 15), Suggestion: "parties"),
        new("UnknownField_SecondLineAfterCrLf", "accords where kind = Treaty\r\n  and parites has PER", BdqDiagnostics.UnknownField,
            "Unknown field 'parites' on accords; did you mean 'parties'?", new TextSpan(35, 7, 2, 7), Suggestion: "parties"),

        // BDQ0103
        new("InvalidPath_NotAReference", "accords where kind.name = \"x\"", BdqDiagnostics.InvalidPath,
            "'kind' on accords is not a reference, so no field can follow it.", new TextSpan(19, 4, 1, 20)),
        new("InvalidPath_ThreeSegments", "agencies where parent.nation.region = \"x\"", BdqDiagnostics.InvalidPath,
            "A path may follow a reference one hop only, e.g. 'nation.region'.", new TextSpan(29, 6, 1, 30)),
        new("InvalidPath_ThroughACollection", "accords where parties.region = \"x\"", BdqDiagnostics.InvalidPath,
            "'parties' holds several values and cannot be used in a path.", new TextSpan(22, 6, 1, 23)),
        new("InvalidPath_ThroughACollectionInOrderBy", "events order by agencies.name", BdqDiagnostics.InvalidPath,
            "'agencies' holds several values and cannot be used in a path.", new TextSpan(25, 4, 1, 26)),
        new("InvalidPath_SelectedListOfLists", "events select id, agencies.sources", BdqDiagnostics.InvalidPath,
            "'agencies.sources' would be a list of lists: a path through the list 'agencies' must end in a field holding one value.", new TextSpan(27, 7, 1, 28)),

        // BDQ0104
        new("OperatorNotApplicable_HasOnSingleValue", "accords where kind has Treaty", BdqDiagnostics.OperatorNotApplicable,
            "'has' does not apply to 'kind' (AccordKind; 'has' is for fields holding several values).", new TextSpan(14, 4, 1, 15)),
        new("OperatorNotApplicable_OrderingOnEnum", "agencies where kind > Police", BdqDiagnostics.OperatorNotApplicable,
            "'>' does not apply to 'kind' (AgencyKind).", new TextSpan(15, 4, 1, 16)),
        new("OperatorNotApplicable_LengthOfSingleValue", "accords where count(signed) = 1", BdqDiagnostics.OperatorNotApplicable,
            "'count(…)' in a condition is a list's length and needs a list field of the record itself: 'signed' (period) is not one.", new TextSpan(20, 6, 1, 21)),
        new("OperatorNotApplicable_LengthThroughReference", "agencies where count(nation.region) = 1", BdqDiagnostics.OperatorNotApplicable,
            "'count(…)' in a condition is a list's length and needs a list field of the record itself: 'nation.region' (a path through a reference) is not one.", new TextSpan(21, 13, 1, 22)),
        new("OperatorNotApplicable_HasOnLength", "accords where count(parties) has PER", BdqDiagnostics.OperatorNotApplicable,
            "'has' does not apply to 'count(parties)' (number).", new TextSpan(14, 22, 1, 15)),
        new("OperatorNotApplicable_IsNullOnLength", "accords where count(parties) is null", BdqDiagnostics.OperatorNotApplicable,
            "'is null' does not apply to 'count(parties)' (number).", new TextSpan(14, 22, 1, 15)),
        new("OperatorNotApplicable_ContainsOnDate", "accords where signed contains \"x\"", BdqDiagnostics.OperatorNotApplicable,
            "'contains' does not apply to 'signed' (period).", new TextSpan(14, 6, 1, 15)),

        // BDQ0105
        new("UnknownEnumMember_WithSuggestion", "accords where kind = Traety", BdqDiagnostics.UnknownEnumMember,
            "'Traety' is not a value of 'kind'; did you mean 'Treaty'?", new TextSpan(21, 6, 1, 22), Suggestion: "Treaty"),
        new("UnknownEnumMember_NoSuggestion", "accords where kind = Zzzzzz", BdqDiagnostics.UnknownEnumMember,
            "'Zzzzzz' is not a value of 'kind'.", new TextSpan(21, 6, 1, 22)),

        // BDQ0106
        new("UnknownNationCode_WithSuggestion", "agencies where nation = EUC", BdqDiagnostics.UnknownNationCode,
            "'EUC' is not an ISO 3166-1 alpha-3 nation code; did you mean 'ECU'?", new TextSpan(24, 3, 1, 25), Suggestion: "ECU"),
        new("UnknownNationCode_NoSuggestion", "agencies where nation = QQQ", BdqDiagnostics.UnknownNationCode,
            "'QQQ' is not an ISO 3166-1 alpha-3 nation code.", new TextSpan(24, 3, 1, 25)),

        // BDQ0107
        new("TypeMismatch_NameForDate", "accords where signed = PER", BdqDiagnostics.TypeMismatch,
            "'signed' expects a date such as 2013, 2013-11 or 2013-11-14, not the name 'PER'.", new TextSpan(23, 3, 1, 24)),
        new("TypeMismatch_FractionForDate", "accords where signed = 2013.5", BdqDiagnostics.TypeMismatch,
            "'signed' expects a date such as 2013, 2013-11 or 2013-11-14, not the number 2013.5.", new TextSpan(23, 6, 1, 24)),
        new("TypeMismatch_TextForNumber", "statistics where value = \"x\"", BdqDiagnostics.TypeMismatch,
            "'value' expects a number, not the text \"x\".", new TextSpan(25, 3, 1, 26)),
        new("TypeMismatch_NumberForBoolean", "statistics where disputed = 1", BdqDiagnostics.TypeMismatch,
            "'disputed' expects true or false, not the number 1.", new TextSpan(28, 1, 1, 29)),
        new("TypeMismatch_UnknownUnit", "statistics where unit = zzz", BdqDiagnostics.TypeMismatch,
            "'unit' expects a unit or ISO 4217 currency code, not 'zzz'.", new TextSpan(24, 3, 1, 25)),

        // BDQ0108
        new("InvalidDate_Month13", "accords where signed = 2013-13", BdqDiagnostics.InvalidDate,
            "'2013-13' is not a date: expected yyyy, yyyy-MM or yyyy-MM-dd with a year from 0001 to 9999, a real month and day.", new TextSpan(23, 7, 1, 24)),
        new("InvalidDate_February30", "accords where signed = 2013-02-30", BdqDiagnostics.InvalidDate,
            "'2013-02-30' is not a date: expected yyyy, yyyy-MM or yyyy-MM-dd with a year from 0001 to 9999, a real month and day.", new TextSpan(23, 10, 1, 24)),
        new("InvalidDate_QuotedText", "accords where signed >= \"2013-13\"", BdqDiagnostics.InvalidDate,
            "'2013-13' is not a date: expected yyyy, yyyy-MM or yyyy-MM-dd with a year from 0001 to 9999, a real month and day.", new TextSpan(24, 9, 1, 25)),

        // BDQ0109
        new("ParameterTypeConflict", "accords where signed >= @x and title = @x", BdqDiagnostics.ParameterTypeConflict,
            "Parameter '@x' is used as Period and as String.", new TextSpan(39, 2, 1, 40)),

        // BDQ0110. Without an argument the message should say a field is needed, not call the absent field
        // 'nothing' as if that were its name.
        new("InvalidAggregate_SumOfUnit", "statistics group by metric sum(unit)", BdqDiagnostics.InvalidAggregate,
            "'sum' cannot aggregate 'unit' (unit).", new TextSpan(31, 4, 1, 32)),
        new("InvalidAggregate_AvgOfText", "accords group by kind avg(title)", BdqDiagnostics.InvalidAggregate,
            "'avg' cannot aggregate 'title' (text).", new TextSpan(26, 5, 1, 27)),
        new("InvalidAggregate_NoArgument", "accords group by kind sum", BdqDiagnostics.InvalidAggregate,
            "'sum' needs a field to aggregate, e.g. sum(value).", new TextSpan(22, 3, 1, 23)),
        new("InvalidAggregate_WholeAnswerOfText", "accords sum(title)", BdqDiagnostics.InvalidAggregate,
            "'sum' cannot aggregate 'title' (text).", new TextSpan(12, 5, 1, 13)),
        new("InvalidAggregate_OrderByAggregateWithoutGroup", "accords order by count", BdqDiagnostics.InvalidAggregate,
            "'order by count' needs a 'group by' or aggregates of the whole answer that compute 'count'.", new TextSpan(17, 5, 1, 18)),
        new("InvalidAggregate_OrderByAggregateNotComputed", "accords group by kind count order by sum(signed)", BdqDiagnostics.InvalidAggregate,
            "'sum(signed)' is not computed by this query (count), so it cannot order the groups.", new TextSpan(37, 11, 1, 38)),
        new("InvalidAggregate_OrderByTextAggregate", "accords group by kind min(title) order by min(title)", BdqDiagnostics.InvalidAggregate,
            "Groups can be ordered by count, sum, avg, and min or max of numbers; not by 'min(title)' (text).", new TextSpan(42, 10, 1, 43)),

        new("ClauseConflict_AggregateOrderAfterKey", "accords group by kind count order by kind, count", BdqDiagnostics.ClauseConflict,
            "In 'order by', 'count' must come before the group keys: groups are ordered by their aggregates first.", new TextSpan(43, 5, 1, 44)),
        new("ClauseConflict_DistinctWithGroupBy", "accords group by kind select distinct status", BdqDiagnostics.ClauseConflict,
            "'select distinct' cannot be combined with 'group by'.", new TextSpan(38, 6, 1, 39)),
        new("Syntax_DistinctAfterTheFields", "accords select kind distinct", BdqDiagnostics.SyntaxError,
            "Unexpected 'distinct'; expected count or end of query.", new TextSpan(20, 8, 1, 21)),
        new("Syntax_WholeAnswerStartingWithCount", "statistics count, sum(value)", BdqDiagnostics.SyntaxError,
            "Unexpected ','; expected end of query.", new TextSpan(16, 1, 1, 17)),

        // BDQ0111
        new("CollectionNotAllowed_OrderBy", "accords order by parties", BdqDiagnostics.CollectionNotAllowed,
            "'parties' holds several values and cannot be used in order by.", new TextSpan(17, 7, 1, 18)),
        new("CollectionNotAllowed_GroupByTwoLists", "accords group by parties, topics count", BdqDiagnostics.CollectionNotAllowed,
            "'topics' holds several values and cannot be used in a group by that already expands the list 'parties' (one list per group by).", new TextSpan(26, 6, 1, 27)),
        new("CollectionNotAllowed_GroupByListThroughReference", "agencies group by nation.neighbours", BdqDiagnostics.CollectionNotAllowed,
            "'nation.neighbours' holds several values and cannot be used in group by through a reference (group by the record's own lists only).", new TextSpan(18, 17, 1, 19)),
        new("CollectionNotAllowed_OrderByListNotAGroupKey", "accords group by kind order by parties", BdqDiagnostics.CollectionNotAllowed,
            "'parties' holds several values and cannot be used in order by.", new TextSpan(31, 7, 1, 32)),
        new("CollectionNotAllowed_Equality", "accords where topics = Trade", BdqDiagnostics.CollectionNotAllowed,
            "'topics' holds several values and cannot be used in '='; use 'has', 'has any' or 'has all'.", new TextSpan(14, 6, 1, 15)),

        // BDQ0112. For a collection the hint must not be '= …', which is itself an error (BDQ0111).
        new("NotABoolean_Text", "accords where title", BdqDiagnostics.NotABoolean,
            "'title' (text) is not a yes/no field; compare it with a value, e.g. 'title = …'.", new TextSpan(14, 5, 1, 15)),
        new("NotABoolean_Length", "accords where count(parties)", BdqDiagnostics.NotABoolean,
            "'count(parties)' (number) is not a yes/no field; compare it with a value, e.g. 'count(parties) = …'.", new TextSpan(14, 14, 1, 15)),
        new("NotABoolean_Collection", "accords where parties", BdqDiagnostics.NotABoolean,
            "'parties' (a list of nation codes) is not a yes/no field; compare it with a value, e.g. 'parties has …'.", new TextSpan(14, 7, 1, 15)),

        // BDQ0113
        new("ClauseConflict_SelectWithGroupBy", "accords group by kind select title", BdqDiagnostics.ClauseConflict,
            "'select' cannot be combined with 'group by'.", new TextSpan(29, 5, 1, 30)),
        new("ClauseConflict_SelectWithCount", "accords select title count", BdqDiagnostics.ClauseConflict,
            "'select' cannot be combined with 'count'.", new TextSpan(15, 5, 1, 16)),
        new("ClauseConflict_OrderByNonKey", "accords group by kind order by signed", BdqDiagnostics.ClauseConflict,
            "'order by signed' cannot be combined with 'group by without that key'.", new TextSpan(31, 6, 1, 32)),

        // BDQ0114: only BdqQueryable.TryApply (which returns records) refuses clauses, at the whole query.
        new("NotSupportedHere_GroupByOnQueryable", "accords group by kind", BdqDiagnostics.NotSupportedHere,
            "'group by' is not supported on an IQueryable of accords; use BdqQueryable.Translate, which returns rows.", new TextSpan(0, 21, 1, 1), ViaQueryable: true),
        new("NotSupportedHere_SelectOnQueryable", "accords where kind = Treaty select title", BdqDiagnostics.NotSupportedHere,
            "'select' is not supported on an IQueryable of accords; use BdqQueryable.Translate, which returns rows.", new TextSpan(0, 40, 1, 1), ViaQueryable: true),

        // BDQ0205: a part the back end's hooks cannot express, at that part (here: hooks that keep no folded text nor dates).
        new("NotTranslatable_TextSearch", "accords where kind = Treaty and title contains \"peru\"", BdqDiagnostics.NotTranslatable,
            "'title' cannot run on this IQueryable: its back end gives no value BDQ can compare for 'title'.", new TextSpan(32, 21, 1, 33), Hooks: new BareHooks()),
        new("NotTranslatable_OrderByDate", "accords where kind = Treaty order by signed desc", BdqDiagnostics.NotTranslatable,
            "'signed' cannot run on this IQueryable: its back end gives no value BDQ can compare for 'signed'.", new TextSpan(37, 6, 1, 38), Hooks: new BareHooks()),
        new("NotTranslatable_MaxOfText", "accords group by kind max(title)", BdqDiagnostics.NotTranslatable,
            "'max(title)' cannot run on this IQueryable: its back end gives no value BDQ can compare for 'max(title)'.", new TextSpan(22, 10, 1, 23), Hooks: new BareHooks()),

        // BDQ0201
        new("MissingParameter", "accords where parties has @nation", BdqDiagnostics.MissingParameter,
            "The query needs parameter '@nation' (NationCode), which was not supplied.", new TextSpan(26, 7, 1, 27)),
        new("MissingParameter_SuppliedAsNull", "accords where signed >= @from", BdqDiagnostics.MissingParameter,
            "The query needs parameter '@from' (Period), which was not supplied.", new TextSpan(24, 5, 1, 25),
            Parameters: new Dictionary<string, object?> { ["from"] = null }),

        // BDQ0202
        new("ParameterTypeMismatch_IntForNation", "accords where parties has @nation", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@nation' must be NationCode, not Int32 42.", new TextSpan(26, 7, 1, 27),
            Parameters: new Dictionary<string, object?> { ["nation"] = 42 }),
        new("ParameterTypeMismatch_OtherEnum", "accords where kind = @k", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@k' must be AccordKind, not AgencyKind Police.", new TextSpan(21, 2, 1, 22),
            Parameters: new Dictionary<string, object?> { ["k"] = AgencyKind.Police }),

        // F14: a parameter of the right type with a wrong value says what is wrong with the value.
        new("ParameterValue_TextNotARealDate", "accords where signed >= @d", BdqDiagnostics.ParameterTypeMismatch,
            $"Parameter '@d' is '2025-02-30', which {DateProblem}", new TextSpan(24, 2, 1, 25),
            Parameters: new Dictionary<string, object?> { ["d"] = "2025-02-30" }),
        new("ParameterValue_DefaultPartialDate", "accords where signed >= @d", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@d' is default(PartialDate), which holds no date.", new TextSpan(24, 2, 1, 25),
            Parameters: new Dictionary<string, object?> { ["d"] = default(PartialDate) }),

        // One rule for undefined values of every value type: defaults and unnamed enum values are refused.
        new("ParameterValue_DefaultNationCode", "accords where parties has @n", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@n' is default(NationCode), which holds no nation code.", new TextSpan(26, 2, 1, 27),
            Parameters: new Dictionary<string, object?> { ["n"] = default(NationCode) }),
        new("ParameterValue_DefaultUnit", "statistics where unit = @u", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@u' is default(Unit), which holds no unit.", new TextSpan(24, 2, 1, 25),
            Parameters: new Dictionary<string, object?> { ["u"] = default(Unit) }),
        new("ParameterValue_UnnamedEnumValue", "accords where kind = @k", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@k' is (AccordKind)999, which is not a named member of AccordKind.", new TextSpan(21, 2, 1, 22),
            Parameters: new Dictionary<string, object?> { ["k"] = (AccordKind)999 }),

        // F1, F18: numbers a decimal cannot hold are errors, never an exception or a zero.
        new("ParameterValue_DoubleTooLarge", "statistics where value > @v", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@v' is 1E+29, which is too large: numbers lie within ±79228162514264337593543950335.", new TextSpan(25, 2, 1, 26),
            Parameters: new Dictionary<string, object?> { ["v"] = 1e29 }),
        new("ParameterValue_DoubleTooSmall", "statistics where value > @v", BdqDiagnostics.ParameterTypeMismatch,
            $"Parameter '@v' is 5E-324, which {TooSmall}", new TextSpan(25, 2, 1, 26),
            Parameters: new Dictionary<string, object?> { ["v"] = double.Epsilon }),

        // F8: parameter text follows BDQ's literal syntax: no grouping separators.
        new("ParameterValue_TextWithComma", "statistics where value > @v", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@v' is '1,5', which is not a number: write digits with an optional leading '-' and '.', e.g. 1500 or -2.5.", new TextSpan(25, 2, 1, 26),
            Parameters: new Dictionary<string, object?> { ["v"] = "1,5" }),
        new("ParameterValue_TextWithThousands", "statistics where value > @v", BdqDiagnostics.ParameterTypeMismatch,
            "Parameter '@v' is '1,000,000.5', which is not a number: write digits with an optional leading '-' and '.', e.g. 1500 or -2.5.", new TextSpan(25, 2, 1, 26),
            Parameters: new Dictionary<string, object?> { ["v"] = "1,000,000.5" }),

        // BDQ0203, F11: parameter text is bounded.
        new("ParameterTooLong_SearchText", "accords where title contains @t", BdqDiagnostics.ParameterTooLong,
            "Parameter '@t' is 10001 characters long; the limit is 10000.", new TextSpan(29, 2, 1, 30),
            Parameters: new Dictionary<string, object?> { ["t"] = new string('a', 10_001) }),

        // BDQ0204: a search has at most MaxSearchWords words, as a literal or as a parameter.
        new("SearchTooBroad_Literal", $"accords where title contains \"{ThirtyThreeWords}\"", BdqDiagnostics.SearchTooBroad,
            "The search text has 33 words; the limit is 32.", new TextSpan(29, 67, 1, 30)),
        new("SearchTooBroad_Parameter", "accords where title startswith @t", BdqDiagnostics.SearchTooBroad,
            "The search text has 33 words; the limit is 32.", new TextSpan(31, 2, 1, 32),
            Parameters: new Dictionary<string, object?> { ["t"] = ThirtyThreeWords }),

        // BDQ0204, F11: a search word may be part of at most MaxMatchedWords indexed words ("a" is part of many).
        new("SearchTooBroad_MatchedWordsLiteral", "accords where title contains \"a\"", BdqDiagnostics.SearchTooBroad,
            "The search on 'title' matches more than 2 indexed words; make its words longer or more specific.", new TextSpan(29, 3, 1, 30),
            Options: new BdqOptions { MaxMatchedWords = 2 }),
        new("SearchTooBroad_MatchedWordsParameter", "accords where title startswith @t", BdqDiagnostics.SearchTooBroad,
            "The search on 'title' matches more than 2 indexed words; make its words longer or more specific.", new TextSpan(31, 2, 1, 32),
            Options: new BdqOptions { MaxMatchedWords = 2 }, Parameters: new Dictionary<string, object?> { ["t"] = "a" }),

        // BDQ0008: number literals are held exactly or refused.
        new("InvalidNumber_TooLarge", "statistics where value = 99999999999999999999999999999", BdqDiagnostics.InvalidNumber,
            "'99999999999999999999999999999' is too large: numbers lie within ±79228162514264337593543950335.", new TextSpan(25, 29, 1, 26)),
        new("InvalidNumber_TooLargeInList", "statistics where value in (1, -99999999999999999999999999999.5)", BdqDiagnostics.InvalidNumber,
            "'-99999999999999999999999999999.5' is too large: numbers lie within ±79228162514264337593543950335.", new TextSpan(30, 32, 1, 31)),
        new("InvalidNumber_ThirtyDecimals", "statistics where value = 0.000000000000000000000000000001", BdqDiagnostics.InvalidNumber,
            $"'0.000000000000000000000000000001' {TooSmall}", new TextSpan(25, 32, 1, 26)),
        new("InvalidNumber_TooPrecise", "statistics where value = 1.0000000000000000000000000000001", BdqDiagnostics.InvalidNumber,
            "'1.0000000000000000000000000000001' has more digits than a number holds exactly (28 to 29 significant digits).", new TextSpan(25, 33, 1, 26)),

        // BDQ0009, F9: past 100 diagnostics the rest are counted in one more.
        new("TooManyErrors_OneHundredAndFiveUnknownFields", "accords where " + string.Join(" or ", Enumerable.Range(0, 105).Select(i => $"f{i}")), BdqDiagnostics.TooManyErrors,
            "… and 5 more errors (only the first 100 are listed).", new TextSpan(704, 4, 1, 705), Last: true),

        // BDQ0010: string escapes are \" \\ \n \t \uXXXX; anything else is an error, not a silently dropped backslash.
        new("InvalidEscape_UnknownLetter", "accords where title contains \"a\\qb\"", BdqDiagnostics.InvalidEscape,
            "'\\q' is not an escape; inside a string write \\\" for a quote, \\\\ for a backslash, \\n, \\t or \\uXXXX.", new TextSpan(31, 2, 1, 32)),
        new("InvalidEscape_ShortUnicode", "accords where title contains \"\\u00\"", BdqDiagnostics.InvalidEscape,
            "'\\u00' is not an escape; inside a string write \\\" for a quote, \\\\ for a backslash, \\n, \\t or \\uXXXX.", new TextSpan(30, 4, 1, 31)),

        // F20: messages that say what to do.
        new("InvalidDate_YearZero", "accords where signed = 0000", BdqDiagnostics.InvalidDate,
            $"'0000' {DateProblem}", new TextSpan(23, 4, 1, 24)),
        new("Syntax_NulCharacter", "accords where \0", BdqDiagnostics.SyntaxError,
            "Unexpected character U+0000; expected not, ( or name.", new TextSpan(14, 1, 1, 15)),
        new("Syntax_EqualsNull", "accords where place = null", BdqDiagnostics.SyntaxError,
            "Unexpected 'null'; expected value. '= null' compares with nothing; write 'is null' or 'is not null'.", new TextSpan(22, 4, 1, 23)),
        new("Syntax_ParameterWithoutName", "accords where signed = @0", BdqDiagnostics.SyntaxError,
            "Unexpected '0'; expected parameter name (a letter or _ after '@').", new TextSpan(24, 1, 1, 25)),
        new("Syntax_OrOr", "accords where signed >= 2010 or or signed < 2000", BdqDiagnostics.SyntaxError,
            "Unexpected 'or'; expected not, ( or name.", new TextSpan(32, 2, 1, 33)),

        // Sub-queries (issue 16)
        new("NotSupportedHere_SubquerySeveralFields", "agencies where id in (events select agencies, nations)", BdqDiagnostics.NotSupportedHere,
            "A sub-query selects exactly one field whose values are tested, not 2; e.g. '(events where … select agencies)'.", new TextSpan(36, 17, 1, 37)),
        new("NotSupportedHere_SubqueryNoField", "agencies where id in (events where date is null)", BdqDiagnostics.NotSupportedHere,
            "A sub-query selects exactly one field whose values are tested, not 0; e.g. '(events where … select agencies)'.", new TextSpan(21, 27, 1, 22)),
        new("TypeMismatch_Subquery", "agencies where id in (events select kind)", BdqDiagnostics.TypeMismatch,
            "'id' (text) cannot be tested against the sub-query's 'kind' (EventKind); select a field holding the same kind of value.", new TextSpan(36, 4, 1, 37)),
        new("NotSupportedHere_SubqueryGroupBy", "agencies where id in (events group by agencies count)", BdqDiagnostics.NotSupportedHere,
            "'group by' is not supported in a sub-query; it yields the values of one selected field.", new TextSpan(21, 32, 1, 22)),
        new("NotSupportedHere_SubqueryCount", "agencies where id in (events select agencies count)", BdqDiagnostics.NotSupportedHere,
            "'count' is not supported in a sub-query; it yields the values of one selected field.", new TextSpan(21, 30, 1, 22)),
        new("NotSupportedHere_SubqueryNested", "events where kind in (events where id in (events select id) select kind)", BdqDiagnostics.NotSupportedHere,
            "A sub-query inside a sub-query is not supported; write the inner one as its own query first.", new TextSpan(41, 18, 1, 42)),
        new("OperatorNotApplicable_Subquery", "accords where topics has any (accords select topics)", BdqDiagnostics.OperatorNotApplicable,
            "A sub-query is the operand of 'in' or 'not in' only, not of 'has any'.", new TextSpan(29, 23, 1, 30)),
        new("NotSupportedHere_SubqueryThroughReference", "nations where region in (agencies select nation.region)", BdqDiagnostics.NotSupportedHere,
            "A sub-query selects a field of its own set ('agencies'), not a path through a reference ('nation.region').", new TextSpan(41, 13, 1, 42)),
    ];

    public static TheoryData<string> CaseNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var row in Cases)
            {
                data.Add(row.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TryExecute_InvalidQuery_ReportsExactDiagnostic(string name)
    {
        var row = Cases.Single(c => c.Name == name);

        bool ok;
        object? result;
        IReadOnlyList<BdqDiagnostic> diagnostics;
        if (row.Hooks is not null)
        {
            var sets = new BdqSets(row.Hooks).Add(BorderStore.Default.Nations.AsQueryable()).Add(BorderStore.Default.Agencies.AsQueryable());
            ok = BdqQueryable.TryTranslate(BorderStore.Default.Accords.AsQueryable(), row.Query, out var translation, out diagnostics, row.Parameters, sets, row.Options);
            result = translation;
        }
        else if (row.ViaQueryable)
        {
            ok = BdqQueryable.TryApply(BorderStore.Default.Accords.AsQueryable(), row.Query, out var rows, out diagnostics, row.Parameters, options: row.Options);
            result = rows;
        }
        else
        {
            ok = Bdq.TryExecute(BorderStore.Default, row.Query, out var executed, out diagnostics, row.Parameters, row.Options);
            result = executed;
        }

        Assert.False(ok);
        Assert.Null(result);

        // A row marked Last checks the diagnostic that closes a capped list (BDQ0009), after exactly 100 others.
        if (row.Last)
        {
            Assert.Equal(BdqDiagnostics.MaxReported + 1, diagnostics.Count);
            Assert.All(diagnostics.Take(BdqDiagnostics.MaxReported), d => Assert.Equal(BdqDiagnostics.UnknownField, d.Code));
            diagnostics = [diagnostics[^1]];
        }

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(row.Code, diagnostic.Code);
        Assert.Equal(row.Message, diagnostic.Message);
        Assert.Equal(Parts(row.Span), Parts(diagnostic.Span));
        Assert.Equal(row.Suggestion, diagnostic.Suggestion);
    }

    private static (int Start, int Length, int Line, int Column) Parts(TextSpan span) => (span.Start, span.Length, span.Line, span.Column);

    [Fact]
    public void Cases_EveryCodeInAll_HasAtLeastOneRow()
    {
        var covered = Cases.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        var uncovered = BdqDiagnostics.All.Keys.Where(code => !covered.Contains(code)).ToArray();
        Assert.True(uncovered.Length == 0, "No row for " + string.Join(", ", uncovered));
        Assert.All(Cases, c => Assert.True(BdqDiagnostics.All.ContainsKey(c.Code), $"{c.Name}: {c.Code} is not in BdqDiagnostics.All"));
    }

    [Fact]
    public void Cases_Names_AreUnique()
    {
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_EveryCodeConstant_IsListed()
    {
        var constants = typeof(BdqDiagnostics)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        Assert.NotEmpty(constants);
        Assert.Equal(constants.Order(StringComparer.Ordinal), BdqDiagnostics.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Format_SecondLineDiagnostic_ShowsLineCaretsAndCode()
    {
        const string query = "accords\nwhere parites has PER";
        Assert.False(Bdq.TryExecute(BorderStore.Default, query, out _, out var diagnostics));

        var text = Assert.Single(diagnostics).Format(query);

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "where parites has PER",
                "      ^^^^^^^",
                "BDQ0102 (2,7): Unknown field 'parites' on accords; did you mean 'parties'?"),
            text);
    }

    [Fact]
    public void Format_EmptySpanAtEnd_ShowsOneCaretPastTheText()
    {
        const string query = "accords where parties has";
        Assert.False(Bdq.TryExecute(BorderStore.Default, query, out _, out var diagnostics));

        var text = Assert.Single(diagnostics).Format(query);

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "accords where parties has",
                "                         ^",
                "BDQ0001 (1,26): Unexpected end of query; expected any, all or value."),
            text);
    }

    [Fact]
    public void ToString_Diagnostic_IsCodeLineColumnAndMessage()
    {
        Assert.False(Bdq.TryExecute(BorderStore.Default, "accords where kind = Traety", out _, out var diagnostics));

        Assert.Equal("BDQ0105 (1,22): 'Traety' is not a value of 'kind'; did you mean 'Treaty'?", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void SyntaxError_Expected_ListsTheAcceptableTokens()
    {
        Assert.False(Bdq.TryExecute(BorderStore.Default, "accords where parties has", out _, out var diagnostics));

        Assert.Equal(["any", "all", "value"], Assert.Single(diagnostics).Expected);
    }

    // Sibling 'not's at the same level do not nest: 'not a and not b and not c' has depth 1. The prescan counts
    // every 'not' in the query (including the one of 'not in') and never forgets those outside parentheses.
    [Theory]
    [InlineData("accords where not kind = Treaty and not kind = Pledge and not kind = Agreement")]
    [InlineData("accords where kind not in (Treaty) and kind not in (Pledge) and kind not in (Agreement)")]
    public void TryExecute_SiblingNotsWithinNestingLimit_Succeeds(string query)
    {
        var ok = Bdq.TryExecute(BorderStore.Default, query, out var result, out var diagnostics, options: new BdqOptions { MaxNestingDepth = 2 });

        Assert.True(ok, string.Join("; ", diagnostics));
        Assert.NotNull(result);
    }

    [Fact]
    public void TryExecute_SixtyFiveSiblingNotsWithDefaults_Succeeds()
    {
        var query = "accords where " + string.Join(" and ", Enumerable.Repeat("not kind = Treaty", 65));

        var ok = Bdq.TryExecute(BorderStore.Default, query, out _, out var diagnostics);

        Assert.True(ok, string.Join("; ", diagnostics));
    }

    [Fact]
    public void TryExecute_NotsWithinParenthesesAtLimit_Succeeds()
    {
        var ok = Bdq.TryExecute(BorderStore.Default, "accords where not (kind = Treaty)", out _, out var diagnostics, options: new BdqOptions { MaxNestingDepth = 2 });

        Assert.True(ok, string.Join("; ", diagnostics));
    }

    /// <summary>Hooks of a back end that keeps no folded text, no day numbers and no min/max of text: what BDQ0205 reports.</summary>
    private sealed class BareHooks : BdqTreeHooks
    {
        public override System.Linq.Expressions.Expression? FoldedText(System.Linq.Expressions.Expression record, BorderDomain.Schema.FieldSchema field) => null;

        public override System.Linq.Expressions.Expression? FirstDay(System.Linq.Expressions.Expression record, BorderDomain.Schema.FieldSchema field) => null;

        public override System.Linq.Expressions.Expression? Extreme(System.Linq.Expressions.Expression values, BorderDomain.Schema.FieldSchema field, bool greatest) => null;
    }
}
