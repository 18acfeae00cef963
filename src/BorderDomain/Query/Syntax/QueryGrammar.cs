using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Sprache;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// The BDQ grammar: Sprache parsers from characters up to a whole query. Every token parser skips leading
/// whitespace and <c>--</c> comments, never trailing ones, so node spans cover exactly their text. Keywords and
/// names are case-insensitive. Nesting is bounded before parsing (see <see cref="QueryParser"/>), so the recursion
/// here never runs deep.
/// </summary>
internal static partial class QueryGrammar
{
    // The token parsers below are written against IInput directly (QueryGrammar.Tokens.cs): they read characters where they
    // stand, allocate only the token they return, and fail with shared messages and expectation lists.

    // Whitespace and "--" comments (to the end of the line, its '\n' excluded): one run of them, or a failure.
    private static readonly Parser<string> Trivia = input =>
        SkipTrivia(input) is var rest && rest.Position > input.Position
            ? Result.Success(string.Empty, rest)
            : Result.Failure<string>(input, NoTrivia, []);

    // A letter or '_', then letters, digits and '_' (char.IsLetter, char.IsLetterOrDigit, as Sprache's Letter does).
    private static readonly Parser<string> Word = input =>
        WordLength(input) is var length and > 0
            ? Result.Success(input.Source.Substring(input.Position, length), Skip(input, length))
            : Result.Failure<string>(input, NoWord, TokenCache.Word);

    /// <summary>Words that start a clause or spell an operator, connective or aggregate (<see cref="OperatorTable"/>); they cannot be set or field names.</summary>
    internal static readonly ImmutableHashSet<string> Reserved = ImmutableHashSet.CreateRange(
        StringComparer.OrdinalIgnoreCase,
        new[] { "where", "order", "by", "asc", "desc", "skip", "take", "select", "distinct", "count", "group" }.Concat(OperatorTable.Words));

    // Node(UnreservedWord.Select(word => new IdentifierSyntax(word))).Named("name"), in one result.
    private static readonly Parser<IdentifierSyntax> Identifier = UnreservedNode(static word => new IdentifierSyntax(word), "name");

    /// <summary>
    /// A name, then <c>.</c> and a name as long as both are there (a <c>.</c> without a name after it is left unread):
    /// <c>Node(from first in Identifier from rest in (from dot in Char('.') from next in Identifier select next).Many() select …)</c>,
    /// read in a loop with one result, for the path; a missing first name is <see cref="Identifier"/>'s failure.
    /// </summary>
    internal static readonly Parser<PathSyntax> Path = input =>
    {
        var first = UnreservedIdentifierAt(input);
        if (first is null)
        {
            return Failed<PathSyntax, IdentifierSyntax>(Identifier(input));
        }

        var end = input.Position + first.Span.Length;
        ImmutableArray<IdentifierSyntax>.Builder? segments = null;
        while (CharAt(input.Source, end, '.') && UnreservedIdentifierAt(Skip(input, end + 1 - input.Position)) is { } next)
        {
            if (segments is null)
            {
                segments = ImmutableArray.CreateBuilder<IdentifierSyntax>();
                segments.Add(first);
            }

            segments.Add(next);
            end = next.Span.End;
        }

        var path = new PathSyntax(segments is null ? ImmutableArray.Create(first) : segments.ToImmutable());
        path.SetSpan(SpanOf(input, end - input.Position));
        return Result.Success(path, Skip(input, end - input.Position));
    };

    // The identifier Identifier reads at 'input' (its span set), or null where it fails.
    private static IdentifierSyntax? UnreservedIdentifierAt(IInput input)
    {
        var length = WordLength(input);
        if (length == 0)
        {
            return null;
        }

        var word = input.Source.Substring(input.Position, length);
        return Reserved.Contains(word) ? null : new IdentifierSyntax(word) { Span = SpanOf(input, length) };
    }

    private static readonly Parser<PathSyntax> TokenPath = Token(Path);

    private static readonly Parser<StringLiteralSyntax> String = ((Parser<StringLiteralSyntax>)QuotedText).Named("string");

    // ASCII digits only ([0-9], not char.IsDigit, which also takes other scripts' digits). Dates and numbers are read
    // by counting characters in the source text (Scanned) rather than with Parse.Regex, which copies the rest of the
    // input on every try and made parsing quadratic in the query's length.
    private static readonly Parser<DateLiteralSyntax> Date = Scanned(DateLength, static text => new DateLiteralSyntax(text)).Named("date");

    // A number a decimal cannot hold exactly still parses, as an invalid literal the binder reports (BDQ0008), so
    // the message says what is wrong with it instead of "unexpected".
    private static readonly Parser<LiteralSyntax> Number =
        Scanned(NumberLength, static text => NumberText.TryParse(text, out var value) == NumberProblem.None
            ? (LiteralSyntax)new NumberLiteralSyntax(value)
            : new InvalidNumberLiteralSyntax(text)).Named("number");

    // Only numbers a decimal holds: anything else fails here as a syntax error instead of throwing.
    private static readonly Parser<NumberLiteralSyntax> Count = Node(
        Scanned(DigitsLength)
            .Where(text => decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(text => new NumberLiteralSyntax(decimal.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)))).Named("whole number");

    private static readonly Parser<string> ParameterName = Word.Named("parameter name (a letter or _ after '@')");

    private static readonly Parser<ParameterSyntax> Parameter = Node(
        from at in Character('@')
        from name in ParameterName
        select new ParameterSyntax(name)).Named("parameter");

    private static readonly Parser<NameLiteralSyntax> Name = UnreservedNode(static word => new NameLiteralSyntax(word), "name");

    // A value missing altogether fails where its leading whitespace starts, so the error says "expected value"
    // whether or not a space comes before it; a value that is there but malformed ("@0") keeps its own error.
    internal static readonly Parser<LiteralSyntax> Literal = AtomicBeforeToken(FirstThatFits<LiteralSyntax>(
        (static start => CharAt(start.Source, start.Position, '"'), Token(String)),
        (static start => DateLength(start.Source, start.Position) > 0, Token(Date)),
        (static start => NumberLength(start.Source, start.Position) > 0, Token(Number)),
        (static start => CharAt(start.Source, start.Position, '@'), Token(Parameter)),
        (static start => WordLength(start) > 0, Token(Name)))).Named("value");

    // The text searched for: a string, or a parameter holding one.
    private static readonly Parser<LiteralSyntax> SearchText = Token(String).Or<LiteralSyntax>(Token(Parameter));

    private static readonly Parser<IEnumerable<LiteralSyntax>> LiteralItems = Literal.XDelimitedBy(Symbol(","));

    private static readonly Parser<IEnumerable<LiteralSyntax>> LiteralList = InParentheses(LiteralItems);

    // A parenthesised sub-query: '(' a set name, then a clause keyword, then the rest of a query and ')'. Tried after
    // the list of values fails; until the clause keyword is read, the list's error stands.
    private static readonly Parser<QuerySyntax> SubqueryBody = Ref(() => QueryBody!);

    private static readonly Parser<SubquerySyntax> Subquery = Token(Node(
        from open in Symbol("(")
        from query in SubqueryBody
        from close in CloseParenthesis
        select new SubquerySyntax(query)));

    private static readonly Parser<IEnumerable<LiteralSyntax>> ListOrSubquery = input =>
    {
        var list = LiteralList(input);
        if (list.WasSuccessful || !StartsSubquery(input))
        {
            return list;
        }

        var subquery = Subquery(input);
        return subquery.WasSuccessful ? Result.Success(Single(subquery.Value), subquery.Remainder) : Result.Failure<IEnumerable<LiteralSyntax>>(subquery.Remainder, subquery.Message, subquery.Expectations);
    };

    // '(' name clause-keyword: the start of a sub-query rather than a list of values.
    private static bool StartsSubquery(IInput input)
    {
        var open = Symbol("(")(input);
        var set = open.WasSuccessful ? Token(Word)(open.Remainder) : null;
        var keyword = set is { WasSuccessful: true } ? Token(Word)(set.Remainder) : null;
        return keyword is { WasSuccessful: true } && SubqueryClauses.Contains(keyword.Value);
    }

    private static readonly ImmutableHashSet<string> SubqueryClauses = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "where", "group", "order", "skip", "take", "select", "count");

    // The operators' tests, built from the operator table: one alternative per leading word or symbol, in the
    // table's order, each followed by the tails of the operators it starts (their remaining words, then operands).
    // Tried as the chain of Or the table gives, but only the leads whose word or symbol stands at the input run: a lead
    // that is not there fails where the input starts, expecting itself, and loses to any lead that is there (which reads
    // its word or symbol before it can fail); with none there, the failure expects every lead, in the table's order.
    private static readonly Parser<(PredicateOperator Operator, ImmutableArray<LiteralSyntax> Operands)> Test =
        Leads(OperatorTable.Operators.Where(o => o.Spelling.Length > 0)
            .GroupBy(o => o.Words[0], StringComparer.OrdinalIgnoreCase)
            .Select(lead => (lead.Key, lead.First().IsSymbol, lead.Select(Tail).Aggregate((left, right) => left.Or(right))))
            .ToArray());

    // Each lead is 'from word in Symbol(lead) or Keyword(lead) from tail in tails select tail': a lead that stands at the
    // input reads its word or symbol whole, so its tails run where it ends and their result is the lead's (a failure
    // of the tails keeps its place, message and expectations, as the sequence passes it on).
    private static Parser<T> Leads<T>((string Lead, bool IsSymbol, Parser<T> Tails)[] leads)
    {
        var all = leads.Select(lead => lead.Lead).Distinct(StringComparer.Ordinal).ToArray();
        return input =>
        {
            var start = SkipTrivia(input);
            IResult<T>? result = null;
            foreach (var (lead, isSymbol, tails) in leads)
            {
                if (!(isSymbol ? SymbolAt(start, lead) : KeywordAt(start, lead)))
                {
                    continue;
                }

                var tried = tails(Skip(start, lead.Length));
                if (tried.WasSuccessful)
                {
                    return tried;
                }

                result = result is null ? tried : QueryCombinators.BestError(result, tried);
            }

            return result ?? Result.Failure<T>(input, NoToken, all);
        };
    }

    // What follows an operator's first word: its other words (each 'Keyword(word)': read after trivia, or a failure
    // where the trivia starts expecting the word), then its operands, the operator paired with them in one result.
    private static Parser<(PredicateOperator Operator, ImmutableArray<LiteralSyntax> Operands)> Tail(OperatorInfo info)
    {
        var operands = Operands(info.Operator, info.Operands);
        var words = info.Words.Skip(1).ToArray();
        if (words.Length == 0)
        {
            return operands;
        }

        var expectations = words.Select(word => new[] { word }).ToArray();
        return input =>
        {
            var rest = input;
            for (var i = 0; i < words.Length; i++)
            {
                var start = SkipTrivia(rest);
                if (!KeywordAt(start, words[i]))
                {
                    return Result.Failure<(PredicateOperator, ImmutableArray<LiteralSyntax>)>(rest, NoToken, expectations[i]);
                }

                rest = Skip(start, words[i].Length);
            }

            return operands(rest);
        };
    }

    private static readonly string[] AndExpected = ["and"];

    // The operands of 'op', paired with it: none; one value; a list of values or a sub-query; 'low and high'; the
    // text searched for. A failure is the operands' own (its place, message and expectations).
    private static Parser<(PredicateOperator Operator, ImmutableArray<LiteralSyntax> Operands)> Operands(PredicateOperator op, OperandShape shape) => shape switch
    {
        OperandShape.None => input => Result.Success((op, ImmutableArray<LiteralSyntax>.Empty), input),
        OperandShape.One => input => Literal(input) is var value && value.WasSuccessful
            ? Result.Success((op, ImmutableArray.Create(value.Value)), value.Remainder)
            : Failed<(PredicateOperator, ImmutableArray<LiteralSyntax>), LiteralSyntax>(value),
        OperandShape.List => input => ListOrSubquery(input) is var values && values.WasSuccessful
            ? Result.Success((op, values.Value.ToImmutableArray()), values.Remainder)
            : Failed<(PredicateOperator, ImmutableArray<LiteralSyntax>), IEnumerable<LiteralSyntax>>(values),
        OperandShape.Range => input =>
        {
            var low = Literal(input);
            if (!low.WasSuccessful)
            {
                return Failed<(PredicateOperator, ImmutableArray<LiteralSyntax>), LiteralSyntax>(low);
            }

            var start = SkipTrivia(low.Remainder);
            if (!KeywordAt(start, "and"))
            {
                return Result.Failure<(PredicateOperator, ImmutableArray<LiteralSyntax>)>(low.Remainder, NoToken, AndExpected);
            }

            var high = Literal(Skip(start, 3));
            return high.WasSuccessful
                ? Result.Success((op, ImmutableArray.Create(low.Value, high.Value)), high.Remainder)
                : Failed<(PredicateOperator, ImmutableArray<LiteralSyntax>), LiteralSyntax>(high);
        },
        OperandShape.SearchText => input => SearchText(input) is var text && text.WasSuccessful
            ? Result.Success((op, ImmutableArray.Create(text.Value)), text.Remainder)
            : Failed<(PredicateOperator, ImmutableArray<LiteralSyntax>), LiteralSyntax>(text),
        _ => throw OperatorTable.Unhandled(shape),
    };

    // The predicate's span runs from its path to the end of its test, closing parenthesis or 'null' included.
    // A missing condition fails where 'not' and '(' fail too, so the error lists all three.
    // What a predicate tests: a field, or a list's length, 'count(parties)' (OperatorTable.Length), spanning its closing ')'.
    // A condition that starts with no 'count' word says only what it expected before (not, '(' or name).
    private static readonly Parser<(PathSyntax Path, bool Length, TextSpan Span)> Subject = FirstThatFits(
        (static start => KeywordAt(start, OperatorTable.Length.Spelling), Token(Quiet(Node(
            from measure in WordIs(OperatorTable.Length.Spelling)
            from open in Symbol("(")
            from path in TokenPath
            from close in CloseParenthesis
            select new PredicateSyntax(path, PredicateOperator.IsTrue, []) { Length = true })))
            .Select(measured => (measured.Path, true, measured.Span))),
        (static start => WordLength(start) > 0, TokenPath.Select(path => (path, false, path.Span))));

    private static readonly Parser<(PathSyntax Path, bool Length, TextSpan Span)> AtomicSubject = AtomicBeforeToken(Subject);

    /// <summary>
    /// <c>from subject in AtomicBeforeToken(Subject) from test in Test.XOptional() select new PredicateSyntax(…)</c>,
    /// written out: a subject that is a plain path is read as <see cref="TokenPath"/> (what <see cref="Subject"/> gives
    /// when no <c>count</c> stands there and the path reads); the test is absent when it fails without reading anything,
    /// and its failure is the predicate's when it read something.
    /// </summary>
    private static readonly Parser<ExpressionSyntax> Predicate = input =>
    {
        PathSyntax path;
        bool length;
        TextSpan span;
        IInput rest;
        if (!KeywordAt(SkipTrivia(input), OperatorTable.Length.Spelling) && TokenPath(input) is { WasSuccessful: true } plain)
        {
            (path, length, span, rest) = (plain.Value, false, plain.Value.Span, plain.Remainder);
        }
        else
        {
            var subject = AtomicSubject(input);
            if (!subject.WasSuccessful)
            {
                return Failed<ExpressionSyntax, (PathSyntax, bool, TextSpan)>(subject);
            }

            (path, length, span, rest) = (subject.Value.Path, subject.Value.Length, subject.Value.Span, subject.Remainder);
        }

        var test = Test(rest);
        if (!test.WasSuccessful && !test.Remainder.Equals(rest))
        {
            return Failed<ExpressionSyntax, (PredicateOperator, ImmutableArray<LiteralSyntax>)>(test);
        }

        var tested = test.WasSuccessful;
        var end = tested ? test.Remainder : rest;
        var predicate = new PredicateSyntax(path, tested ? test.Value.Operator : PredicateOperator.IsTrue, tested ? test.Value.Operands : [])
        {
            Length = length,
            Span = span with { Length = (tested ? end.Position : span.End) - span.Start },
        };
        return Result.Success<ExpressionSyntax>(predicate, end);
    };

    private static readonly Parser<ExpressionSyntax> ParenthesizedExpression = Ref(() => Expression!);

    private static readonly Parser<ExpressionSyntax> Parenthesized = InParentheses(ParenthesizedExpression);

    private static readonly Parser<ExpressionSyntax> NotOperand = Ref(() => Unary!);

    private static readonly string[] NotExpected = ["not"];

    /// <summary>
    /// <c>from not in Atomic(Token(Node(WordIs("not")))).Named("not") from operand in NotOperand select new NotSyntax(operand)</c>,
    /// written out: without <c>not</c> there, a failure where the input stands expecting it (with WordIs's message:
    /// no word, or another word); the operand's failure is passed on.
    /// </summary>
    private static readonly Parser<ExpressionSyntax> Not = input =>
    {
        var start = SkipTrivia(input);
        if (!KeywordAt(start, "not"))
        {
            return Result.Failure<ExpressionSyntax>(input, WordLength(start) == 0 ? NoWord : NoToken, NotExpected);
        }

        var operand = NotOperand(Skip(start, 3));
        if (!operand.WasSuccessful)
        {
            return operand;
        }

        var not = new NotSyntax(operand.Value);
        not.SetSpan(Cover(SpanOf(start, 3), operand.Value.Span));
        return Result.Success<ExpressionSyntax>(not, operand.Remainder);
    };

    private static readonly Parser<ExpressionSyntax> Unary = FirstThatFits(
        (static start => KeywordAt(start, "not"),
         Not),
        (static start => SymbolAt(start, "("), Parenthesized),
        (static start => WordLength(start) > 0, Predicate));

    // "a and b and c" is read as a loop (XMany), not by recursion, so a long chain cannot exhaust the stack; the
    // terms fold to the left. A keyword followed by a bad term is an error there (XMany), not a silent stop.
    private static readonly Parser<ExpressionSyntax> Conjunction = Chain("and", Unary, (left, right) => new AndSyntax(left, right));

    internal static readonly Parser<ExpressionSyntax> Expression = Chain("or", Conjunction, (left, right) => new OrSyntax(left, right));

    private static readonly Parser<string> AggregateName = WordIn([.. OperatorTable.Aggregates.Select(a => a.Spelling)]);

    private static readonly Parser<IOption<PathSyntax>> AggregateArgument =
        (from open in Symbol("(") from path in TokenPath from close in CloseParenthesis select path).Optional();

    private static readonly Parser<AggregateSyntax> Aggregate =
        Token(Node(
            from function in AggregateName.Select(ParseAggregate)
            from argument in AggregateArgument
            select new AggregateSyntax(function, argument.GetOrDefault()))).Named("aggregate");

    private static readonly Parser<IOption<bool>> Direction = Keyword("asc").Return(false).Or(Keyword("desc").Return(true)).Optional();

    private static readonly Parser<OrderingSyntax> Ordering =
        from key in TokenPath.Select(path => (Path: path, Aggregate: (AggregateSyntax?)null))
            .Or(Aggregate.Select(aggregate => (Path: aggregate.Argument ?? new PathSyntax([]) { Span = aggregate.Span }, Aggregate: (AggregateSyntax?)aggregate)))
        from direction in Direction
        select new OrderingSyntax(key.Path, direction.GetOrElse(false)) { Span = key.Aggregate?.Span ?? key.Path.Span, Aggregate = key.Aggregate };

    // The aggregates of the whole answer: 'statistics sum(value), count'. The first takes a field, so a query's
    // closing 'count' keeps its meaning.
    private static readonly Parser<IEnumerable<AggregateSyntax>> MoreAggregates = (from comma in Symbol(",") from next in Aggregate select next).Many();

    private static readonly Parser<GroupBySyntax> WholeAnswer =
        from first in AtomicBeforeToken(Aggregate.Where(a => a.Argument is not null))
        from rest in MoreAggregates
        select new GroupBySyntax(ImmutableArray<PathSyntax>.Empty, ImmutableArray.Create(first).AddRange(rest)) { Span = first.Span };

    private static readonly Parser<IEnumerable<PathSyntax>> PathList = TokenPath.XDelimitedBy(Symbol(","));

    private static readonly Parser<IOption<IEnumerable<AggregateSyntax>>> GroupAggregates = Aggregate.DelimitedBy(Symbol(",")).Optional();

    private static readonly Parser<GroupBySyntax> GroupBy =
        from groupKeyword in Keyword("group")
        from byKeyword in Keyword("by")
        from keys in PathList
        from aggregates in GroupAggregates
        select new GroupBySyntax(keys.ToImmutableArray(), aggregates.GetOrElse([]).ToImmutableArray());

    private static readonly Parser<IdentifierSyntax> EntitySet = Token(Identifier).Named("entity set");

    private static readonly Parser<IOption<ExpressionSyntax>> WhereClause =
        OptionalClause(static start => KeywordAt(start, "where"), from kw in Keyword("where") from condition in Expression select condition);

    // 'group by', or the whole answer's aggregates (an aggregate's name first).
    private static readonly Parser<IOption<GroupBySyntax>> GroupClause =
        OptionalClause(static start => KeywordAt(start, "group") || AggregateAt(start), GroupBy.Or(WholeAnswer));

    private static readonly string[] AggregateSpellings = [.. OperatorTable.Aggregates.Select(a => a.Spelling)];

    private static bool AggregateAt(IInput start)
    {
        foreach (var spelling in AggregateSpellings)
        {
            if (KeywordAt(start, spelling))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Parser<IEnumerable<OrderingSyntax>> OrderingList = Ordering.XDelimitedBy(Symbol(","));

    private static readonly Parser<IOption<IEnumerable<OrderingSyntax>>> OrderClause =
        OptionalClause(static start => KeywordAt(start, "order"), from kw in Keyword("order") from byKeyword in Keyword("by") from keys in OrderingList select keys);

    private static readonly Parser<NumberLiteralSyntax> TokenCount = Token(Count);

    private static readonly Parser<IOption<NumberLiteralSyntax>> SkipClause =
        OptionalClause(static start => KeywordAt(start, "skip"), from kw in Keyword("skip") from n in TokenCount select n);

    private static readonly Parser<IOption<NumberLiteralSyntax>> TakeClause =
        OptionalClause(static start => KeywordAt(start, "take"), from kw in Keyword("take") from n in TokenCount select n);

    private static readonly Parser<IOption<string>> DistinctKeyword = Keyword("distinct").Optional();

    private static readonly Parser<IOption<(bool Distinct, IEnumerable<PathSyntax> Paths)>> SelectClause =
        OptionalClause(
            static start => KeywordAt(start, "select"),
            from kw in Keyword("select") from distinct in DistinctKeyword from paths in PathList select (Distinct: distinct.IsDefined, Paths: paths));

    private static readonly Parser<IOption<string>> CountClause = OptionalClause(static start => KeywordAt(start, "count"), Keyword("count"));

    // XOptional of a clause, tried only where its first word stands ('starts' is false only where the clause fails at
    // once, before reading anything): elsewhere it is absent and reads nothing, as XOptional gives it then.
    private static Parser<IOption<T>> OptionalClause<T>(Func<IInput, bool> starts, Parser<T> clause)
    {
        var optional = clause.XOptional();
        return input => starts(SkipTrivia(input)) ? optional(input) : Result.Success(QueryCombinators.Nothing<T>(), input);
    }

    private static readonly Parser<IEnumerable<string>> TrailingTrivia = Trivia.Many();

    private static readonly Parser<int> EndOfQuery = Parse.End(Parse.Return(0)).Named("end of query");

    /// <summary>A query up to its last clause: the whole text's query, or a sub-query's inside its parentheses.</summary>
    /// <remarks>
    /// The clauses in order, each run on the previous one's remainder: what a chain of <c>from … in</c> clauses means
    /// in Sprache, written out so that a compile does not build a new parser and closure per clause on every parse.
    /// A failure passes through unchanged (its position, message and expectations).
    /// </remarks>
    private static readonly Parser<QuerySyntax> QueryBody = input =>
    {
        var set = EntitySet(input);
        if (!set.WasSuccessful)
        {
            return Failed<QuerySyntax, IdentifierSyntax>(set);
        }

        var filter = WhereClause(set.Remainder);
        if (!filter.WasSuccessful)
        {
            return Failed<QuerySyntax, IOption<ExpressionSyntax>>(filter);
        }

        var groupBy = GroupClause(filter.Remainder);
        if (!groupBy.WasSuccessful)
        {
            return Failed<QuerySyntax, IOption<GroupBySyntax>>(groupBy);
        }

        var orderBy = OrderClause(groupBy.Remainder);
        if (!orderBy.WasSuccessful)
        {
            return Failed<QuerySyntax, IOption<IEnumerable<OrderingSyntax>>>(orderBy);
        }

        var skip = SkipClause(orderBy.Remainder);
        if (!skip.WasSuccessful)
        {
            return Failed<QuerySyntax, IOption<NumberLiteralSyntax>>(skip);
        }

        var take = TakeClause(skip.Remainder);
        if (!take.WasSuccessful)
        {
            return Failed<QuerySyntax, IOption<NumberLiteralSyntax>>(take);
        }

        var projection = SelectClause(take.Remainder);
        if (!projection.WasSuccessful)
        {
            return Failed<QuerySyntax, IOption<(bool Distinct, IEnumerable<PathSyntax> Paths)>>(projection);
        }

        var count = CountClause(projection.Remainder);
        if (!count.WasSuccessful)
        {
            return Failed<QuerySyntax, IOption<string>>(count);
        }

        var shown = projection.Value;
        var query = new QuerySyntax(
            set.Value,
            filter.Value.GetOrDefault(),
            groupBy.Value.GetOrDefault(),
            orderBy.Value.GetOrElse([]).ToImmutableArray(),
            skip.Value.GetOrDefault(),
            take.Value.GetOrDefault(),
            shown.IsDefined ? shown.Get().Paths.ToImmutableArray() : [],
            count.Value.IsDefined)
        {
            Span = set.Value.Span,
            Distinct = shown.IsDefined && shown.Get().Distinct,
        };
        return Result.Success(query, count.Remainder);
    };

    // A failure of one step as the failure of the whole sequence, as Sprache's Then passes it on.
    private static IResult<TOut> Failed<TOut, TIn>(IResult<TIn> failure) =>
        Result.Failure<TOut>(failure.Remainder, failure.Message, failure.Expectations);

    /// <summary>A whole query followed by the end of the text.</summary>
    internal static readonly Parser<QuerySyntax> Query = input =>
    {
        var body = QueryBody(input);
        if (!body.WasSuccessful)
        {
            return body;
        }

        var trailing = TrailingTrivia(body.Remainder);
        if (!trailing.WasSuccessful)
        {
            return Failed<QuerySyntax, IEnumerable<string>>(trailing);
        }

        var end = EndOfQuery(trailing.Remainder);
        return end.WasSuccessful ? Result.Success(body.Value, end.Remainder) : Failed<QuerySyntax, int>(end);
    };

    /// <summary>The clause keywords that may follow what has been read, for "expected" lists.</summary>
    internal static readonly ImmutableArray<string> ClauseKeywords = ["where", "group by", "order by", "skip", "take", "select", "count"];

    // As 'term, then (keyword term) XMany, folded to the left', read in a loop: after each term, the keyword either
    // stands there (it is read, and the next term must follow: its failure is the chain's) or the chain ends.
    private static Parser<ExpressionSyntax> Chain(string keyword, Parser<ExpressionSyntax> term, Func<ExpressionSyntax, ExpressionSyntax, ExpressionSyntax> combine) => input =>
    {
        var first = term(input);
        if (!first.WasSuccessful)
        {
            return first;
        }

        var expression = first.Value;
        var rest = first.Remainder;
        while (SkipTrivia(rest) is var start && KeywordAt(start, keyword))
        {
            var next = term(Skip(start, keyword.Length));
            if (!next.WasSuccessful)
            {
                return next;
            }

            var combined = combine(expression, next.Value);
            combined.SetSpan(Cover(expression.Span, next.Value.Span));
            expression = combined;
            rest = next.Remainder;
        }

        // A single term is the term's own result (the same value and remainder), not a copy of it.
        return ReferenceEquals(expression, first.Value) ? first : Result.Success(expression, rest);
    };

    // The alternatives of an Or chain, in its order, each with a test of the token's start that is false only where
    // the alternative fails at once: those that fit are tried first, and the first that succeeds (each reads
    // something when it does) is what the chain returns. When none does, every alternative's failure (the ones tried
    // are kept, the others fail at once) is folded as the chain folds them, for its exact failure.
    private static Parser<T> FirstThatFits<T>(params (Func<IInput, bool> Fits, Parser<T> Parser)[] alternatives) => input =>
    {
        var start = SkipTrivia(input);
        IResult<T>?[]? tried = null;
        for (var i = 0; i < alternatives.Length; i++)
        {
            if (alternatives[i].Fits(start))
            {
                var result = alternatives[i].Parser(input);
                if (result.WasSuccessful)
                {
                    return result;
                }

                // Two statements, not '(tried ??= …)[i] = …': the trim analyzer (net8.0 target) throws AD0001 on an
                // element write through a '??=' expression.
                tried ??= new IResult<T>?[alternatives.Length];
                tried[i] = result;
            }
        }

        IResult<T>? chain = null;
        for (var i = 0; i < alternatives.Length; i++)
        {
            var result = tried?[i] ?? alternatives[i].Parser(input);
            if (chain is null)
            {
                chain = result;
            }
            else if (!chain.WasSuccessful)
            {
                chain = result.WasSuccessful ? result : QueryCombinators.BestError(chain, result);
            }
            else if (chain.Remainder.Equals(input) && result.WasSuccessful)
            {
                chain = result;
            }
            else if (!chain.Remainder.Equals(input))
            {
                break;
            }
        }

        return chain!;
    };

    private static Parser<T> Ref<T>(Func<Parser<T>> reference) => QueryCombinators.Ref(reference);

    private static Parser<T> Token<T>(Parser<T> parser) => input => parser(SkipTrivia(input));

    // A mismatch fails where the token's leading trivia starts and counts as "consumed nothing" for XOptional
    // clauses. One parser per keyword, made once: rules that name a keyword after their first token ask for it on
    // every try.
    private static Parser<string> Keyword(string keyword) => TokenCache.Keyword(keyword);

    private static Parser<string> Symbol(string symbol) => TokenCache.Symbol(symbol);

    private static Parser<string> CloseParenthesis => TokenCache.CloseParenthesis;

    private static readonly string[] OpenExpected = ["("];
    private static readonly string[] CloseExpected = [")"];

    // from open in Symbol("(") from inner in parser from close in CloseParenthesis select inner, in one result: the
    // failures are the symbols' (where their trivia starts, expecting the symbol) and the inner parser's.
    private static Parser<T> InParentheses<T>(Parser<T> parser) => input =>
    {
        var open = SkipTrivia(input);
        if (!SymbolAt(open, "("))
        {
            return Result.Failure<T>(input, NoToken, OpenExpected);
        }

        var inner = parser(Skip(open, 1));
        if (!inner.WasSuccessful)
        {
            return inner;
        }

        var close = SkipTrivia(inner.Remainder);
        return SymbolAt(close, ")")
            ? Result.Success(inner.Value, Skip(close, 1))
            : Result.Failure<T>(inner.Remainder, NoToken, CloseExpected);
    };

    // Fails where it started when the failure is at the token's first character (nothing of the token was read), so
    // alternatives that failed there too merge their expectations; a failure further in is kept as it is.
    private static Parser<T> AtomicBeforeToken<T>(Parser<T> parser) => input =>
    {
        var result = parser(input);
        if (result.WasSuccessful)
        {
            return result;
        }

        var tokenStart = SkipTrivia(input);
        return result.Remainder.Position <= tokenStart.Position ? Result.Failure<T>(input, result.Message, result.Expectations) : result;
    };

    // The token of the length 'measure' finds at the input's position (0: none there), read without copying the rest
    // of the input. Like Parse.Regex, it fails where it started, with no expectations of its own (Named gives them).
    private static Parser<string> Scanned(Func<string, int, int> measure) => input =>
    {
        var length = input.AtEnd ? 0 : measure(input.Source, input.Position);
        return length == 0
            ? Result.Failure<string>(input, NoToken, [])
            : Result.Success(input.Source.Substring(input.Position, length), Skip(input, length));
    };

    // Node(Scanned(measure).Select(make)) in one result: the node made from the token's text, with its span.
    private static Parser<T> Scanned<T>(Func<string, int, int> measure, Func<string, T> make)
        where T : SyntaxNode => input =>
    {
        var length = input.AtEnd ? 0 : measure(input.Source, input.Position);
        if (length == 0)
        {
            return Result.Failure<T>(input, NoToken, []);
        }

        var node = make(input.Source.Substring(input.Position, length));
        node.SetSpan(SpanOf(input, length));
        return Result.Success(node, Skip(input, length));
    };

    // [0-9]{4}-[0-9]{2}(-[0-9]{2})?
    private static int DateLength(string text, int start)
    {
        if (DigitsAt(text, start, 4) && CharAt(text, start + 4, '-') && DigitsAt(text, start + 5, 2))
        {
            return CharAt(text, start + 7, '-') && DigitsAt(text, start + 8, 2) ? 10 : 7;
        }

        return 0;
    }

    // -?[0-9]+([.][0-9]+)?
    private static int NumberLength(string text, int start)
    {
        var at = CharAt(text, start, '-') ? start + 1 : start;
        var whole = DigitsLength(text, at);
        if (whole == 0)
        {
            return 0;
        }

        at += whole;
        var fraction = CharAt(text, at, '.') ? DigitsLength(text, at + 1) : 0;
        return at + (fraction == 0 ? 0 : 1 + fraction) - start;
    }

    // [0-9]+
    private static int DigitsLength(string text, int start)
    {
        var at = start;
        while (at < text.Length && text[at] is >= '0' and <= '9')
        {
            at++;
        }

        return at - start;
    }

    private static bool DigitsAt(string text, int start, int count) =>
        start + count <= text.Length && DigitsLength(text, start) >= count;

    private static bool CharAt(string text, int at, char expected) => at < text.Length && text[at] == expected;

    private static Parser<T> Node<T>(Parser<T> parser)
        where T : SyntaxNode => input =>
    {
        var result = parser(input);
        if (result.WasSuccessful)
        {
            // The inner rule made the node on this try (every rule under Node ends in a 'select new …'), so its span is
            // set where it stands and the result is passed on as it is.
            result.Value.SetSpan(new TextSpan(input.Position, result.Remainder.Position - input.Position, input.Line, input.Column));
        }

        return result;
    };

    // A failure where the parser started carries no expectations, so an alternative tried first adds none to the message.
    private static Parser<T> Quiet<T>(Parser<T> parser) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful || result.Remainder.Position != input.Position ? result : Result.Failure<T>(input, result.Message, []);
    };

    private static TextSpan Cover(TextSpan first, TextSpan last) =>
        first with { Length = Math.Max(first.Length, last.End - first.Start) };

    private static IEnumerable<LiteralSyntax> Single<T>(T value)
        where T : LiteralSyntax => [value];

    private static AggregateFunction ParseAggregate(string word) => OperatorTable.Aggregate(word)!.Function;
}
