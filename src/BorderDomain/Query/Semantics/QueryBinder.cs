using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query.Semantics;

/// <summary>
/// Checks a parsed query against a <see cref="QuerySchema"/>: every set, path, operator, literal and parameter.
/// Returns a <see cref="BoundQuery"/> or diagnostics; never throws for bad queries.
/// </summary>
internal sealed class QueryBinder
{
    private readonly QuerySchema _schema;
    private readonly BdqOptions _options;
    private readonly DiagnosticBag _diagnostics = new();
    private readonly Dictionary<string, BoundParameter> _parameters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<BoundParameter> _parameterOrder = [];
    private readonly List<SearchSpan> _searchSpans = [];
    private readonly List<PartSpan> _partSpans = [];
    private EntitySetSchema _set = null!;
    private bool _inSubquery;

    private QueryBinder(QuerySchema schema, BdqOptions options)
    {
        _schema = schema;
        _options = options;
    }

    // A binder for a sub-query: its own set and spans, the outer query's diagnostics and parameters.
    private QueryBinder(QueryBinder outer)
    {
        _schema = outer._schema;
        _options = outer._options;
        _diagnostics = outer._diagnostics;
        _parameters = outer._parameters;
        _parameterOrder = outer._parameterOrder;
        _inSubquery = true;
    }

    /// <summary>Binds <paramref name="query"/>; on failure the result has no query and at least one diagnostic.</summary>
    public static BindResult Bind(QuerySyntax query, QuerySchema schema, BdqOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(schema);
        var binder = new QueryBinder(schema, options ?? BdqOptions.Default);
        var bound = binder.BindQuery(query);
        return !binder._diagnostics.HasErrors && bound is not null
            ? new BindResult(bound, [])
            : new BindResult(null, binder._diagnostics.ToList());
    }

    private BoundQuery? BindQuery(QuerySyntax query)
    {
        if (_schema.Find(query.Set.Name) is not { } set)
        {
            var names = _schema.Sets.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var suggestion = NameSuggester.Suggest(query.Set.Name, names);
            Report(BdqDiagnostics.UnknownSet, BdqDiagnostics.UnknownSetMessage(query.Set.Name, suggestion, names), query.Set.Span, suggestion);
            return null;
        }

        _set = set;
        var filter = query.Where is null ? null : BindExpression(query.Where);
        // 'select distinct a, b' is 'group by a, b' with no aggregate: each combination once, in key order.
        var groupBy = query.GroupBy is not null ? BindGroupBy(query.GroupBy)
            : query.Distinct && query.Select.Count > 0 ? BindGroupBy(new GroupBySyntax(query.Select.Items, ImmutableArray<AggregateSyntax>.Empty) { Span = query.Select[0].Span }, implyCount: false)
            : null;
        if (query.Distinct && query.GroupBy is not null)
        {
            Report(BdqDiagnostics.ClauseConflict, BdqDiagnostics.ClauseConflictMessage("select distinct", "group by"), query.Select[0].Span);
        }

        var orderBy = query.OrderBy.Where(o => o.Aggregate is null).Select(ordering => BindOrdering(ordering, query.GroupBy)).ToList();
        if (groupBy is not null)
        {
            groupBy = groupBy with { Order = BindAggregateOrder(query, groupBy).ToImmutableArray() };
        }
        else
        {
            foreach (var ordering in query.OrderBy.Where(o => o.Aggregate is not null))
            {
                Report(BdqDiagnostics.InvalidAggregate, BdqDiagnostics.AggregateOrderWithoutGroupMessage(QueryPrinter.Print(ordering.Aggregate!)), ordering.Span);
            }
        }

        var select = query.Distinct ? [] : query.Select.Select(path => BindPath(path, throughList: true)).ToList();
        var skip = Limit("skip", query.Skip);
        var take = Limit("take", query.Take);
        if (query.GroupBy is not null && query.Select.Count > 0 && !query.Distinct)
        {
            Report(BdqDiagnostics.ClauseConflict, BdqDiagnostics.ClauseConflictMessage("select", "group by"), query.Select[0].Span);
        }

        if (query.Count && query.Select.Count > 0)
        {
            Report(BdqDiagnostics.ClauseConflict, BdqDiagnostics.ClauseConflictMessage(query.Distinct ? "select distinct" : "select", "count"), query.Select[0].Span);
        }

        if (groupBy is not null)
        {
            for (var i = 0; i < orderBy.Count; i++)
            {
                if (orderBy[i] is { } ordering && !groupBy.Keys.Any(key => key.Text == ordering.Path.Text))
                {
                    Report(BdqDiagnostics.ClauseConflict, BdqDiagnostics.ClauseConflictMessage("order by " + ordering.Path.Text, BdqDiagnostics.GroupByWithoutKey), query.OrderBy.Where(o => o.Aggregate is null).ElementAt(i).Span);
                }
            }
        }

        if (_diagnostics.HasErrors || orderBy.Any(o => o is null) || select.Any(p => p is null))
        {
            return null;
        }

        return new BoundQuery(
            set,
            filter,
            groupBy,
            orderBy.Select(o => o!).ToImmutableArray(),
            skip,
            take,
            select.Select(p => p!).ToImmutableArray(),
            query.Count,
            _parameterOrder.ToImmutableArray())
        {
            SearchSpans = _searchSpans.ToImmutableArray(),
            PartSpans = _partSpans.ToImmutableArray(),
        };
    }

    private int? Limit(string clause, NumberLiteralSyntax? literal)
    {
        if (literal is null)
        {
            return null;
        }

        if (literal.Value > _options.MaxTake)
        {
            Report(BdqDiagnostics.TakeTooLarge, BdqDiagnostics.TakeTooLargeMessage(clause, literal.Value, _options.MaxTake), literal.Span);
            return null;
        }

        return (int)literal.Value;
    }

    private BoundExpression? BindExpression(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case AndSyntax or OrSyntax:
                return BindChain(expression);
            case NotSyntax not:
                return BindExpression(not.Operand) is { } operand ? new BoundNot(operand) : null;
            case PredicateSyntax predicate:
                return BindPredicate(predicate);
            default:
                return null;
        }
    }

    // The parser folds "a or b or c …" to the left, so a chain of n terms is n deep. Walk its left spine in a loop,
    // bind the terms in text order (diagnostics come out in order), and build a balanced bound tree: no stage after
    // this one recurses deeper than log2(n) however long the chain.
    private BoundExpression? BindChain(ExpressionSyntax chain)
    {
        var isAnd = chain is AndSyntax;
        var rights = new Stack<ExpressionSyntax>();
        var node = chain;
        while (true)
        {
            if (isAnd && node is AndSyntax and)
            {
                rights.Push(and.Right);
                node = and.Left;
            }
            else if (!isAnd && node is OrSyntax or)
            {
                rights.Push(or.Right);
                node = or.Left;
            }
            else
            {
                break;
            }
        }

        var terms = new List<BoundExpression>(rights.Count + 1);
        var failed = false;
        foreach (var term in rights.Prepend(node))
        {
            if (BindExpression(term) is { } bound)
            {
                terms.Add(bound);
            }
            else
            {
                failed = true;
            }
        }

        return failed ? null : isAnd ? BoundExpression.AllOf(terms) : BoundExpression.AnyOf(terms);
    }

    private BoundPredicate? BindPredicate(PredicateSyntax predicate)
    {
        if (BindPath(predicate.Path) is not { } path)
        {
            return null;
        }

        if (predicate.Length)
        {
            return BindLength(predicate, path);
        }

        var field = path.Field;
        var op = predicate.Operator;
        var info = OperatorTable.Of(op);
        var opText = info.MessageText;
        var kindText = BdqDiagnostics.FieldKindText(field);
        var isCollection = path.Fields.Any(f => f.IsCollection);
        switch (info.Target)
        {
            case OperatorTarget.Boolean when !info.Kinds.Contains(field.Kind) || isCollection:
                Report(BdqDiagnostics.NotABoolean, BdqDiagnostics.NotABooleanMessage(path.Text, kindText, isCollection), predicate.Path.Span);
                return null;
            case OperatorTarget.Collection when !isCollection:
                Report(BdqDiagnostics.OperatorNotApplicable, BdqDiagnostics.OperatorNotApplicableMessage(opText, path.Text, kindText + BdqDiagnostics.HasIsForCollections), predicate.Path.Span);
                return null;
            case OperatorTarget.Text when !info.Kinds.Contains(field.Kind) || isCollection:
                Report(BdqDiagnostics.OperatorNotApplicable, BdqDiagnostics.OperatorNotApplicableMessage(opText, path.Text, kindText), predicate.Path.Span);
                return null;
            case OperatorTarget.OrderedValue when !info.Kinds.Contains(field.Kind):
                Report(BdqDiagnostics.OperatorNotApplicable, BdqDiagnostics.OperatorNotApplicableMessage(opText, path.Text, kindText), predicate.Path.Span);
                return null;
            case OperatorTarget.Value or OperatorTarget.OrderedValue when isCollection:
                Report(BdqDiagnostics.CollectionNotAllowed, BdqDiagnostics.CollectionNotAllowedMessage(path.Text, BdqDiagnostics.UseHasInstead(opText)), predicate.Path.Span);
                return null;
            case OperatorTarget.Boolean or OperatorTarget.Collection or OperatorTarget.Text or OperatorTarget.OrderedValue or OperatorTarget.Value or OperatorTarget.Anything:
                break;
            default:
                throw OperatorTable.Unhandled(info.Target);
        }

        if (predicate.Operands is [SubquerySyntax subquery])
        {
            return BindSubquery(predicate, path, subquery) is { } inner ? Part(new BoundPredicate(path, op, ImmutableArray.Create<BoundValue>(inner)), predicate) : null;
        }

        var values = new List<BoundValue>();
        foreach (var operand in predicate.Operands)
        {
            if (BindValue(operand, path) is { } value)
            {
                values.Add(value);
            }
        }

        if (info.Family == OperatorFamily.Text
            && predicate.Operands is [StringLiteralSyntax search] && SearchWords(search.Value) is var words && words > _options.MaxSearchWords)
        {
            Report(BdqDiagnostics.SearchTooBroad, BdqDiagnostics.TooManySearchWordsMessage(words, _options.MaxSearchWords), search.Span);
            return null;
        }

        if (values.Count != predicate.Operands.Count)
        {
            return null;
        }

        var bound = Part(new BoundPredicate(path, op, values.ToImmutableArray()), predicate);
        if (info.Family == OperatorFamily.Text && predicate.Operands is [StringLiteralSyntax literal])
        {
            _searchSpans.Add(new SearchSpan(bound, literal.Span));
        }

        return bound;
    }

    // count(parties) = 1: a list field of the record itself, tested with the number operators (OperatorTable.Length);
    // its values bind as numbers compared with the list's length.
    private BoundPredicate? BindLength(PredicateSyntax predicate, BoundPath path)
    {
        var measure = OperatorTable.Length;
        var subject = QueryPrinter.Subject(path.Text, length: true);
        var info = OperatorTable.Of(predicate.Operator);
        if (path.IsHop || !path.Field.IsCollection)
        {
            Report(BdqDiagnostics.OperatorNotApplicable, BdqDiagnostics.LengthNotApplicableMessage(measure.Spelling, path.Text, path.IsHop ? "a path through a reference" : BdqDiagnostics.FieldKindText(path.Field)), predicate.Path.Span);
            return null;
        }

        var length = new FieldSchema { Name = subject, PropertyName = path.Field.PropertyName, Kind = measure.Result, TypeName = "System.Int32" };
        if (info.Family == OperatorFamily.Truth)
        {
            Report(BdqDiagnostics.NotABoolean, BdqDiagnostics.NotABooleanMessage(subject, BdqDiagnostics.FieldKindText(length), isCollection: false), predicate.Span);
            return null;
        }

        if (!measure.Operators.Contains(info.Family))
        {
            Report(BdqDiagnostics.OperatorNotApplicable, BdqDiagnostics.OperatorNotApplicableMessage(info.MessageText, subject, BdqDiagnostics.FieldKindText(length)), predicate.Span);
            return null;
        }

        var measured = new BoundPath(subject, ImmutableArray.Create(length), path.Sets);
        var values = new List<BoundValue>();
        foreach (var operand in predicate.Operands)
        {
            if (BindValue(operand, measured) is { } value)
            {
                values.Add(value);
            }
        }

        if (values.Count != predicate.Operands.Count)
        {
            return null;
        }

        return Part(new BoundPredicate(path, predicate.Operator, values.ToImmutableArray()) { Length = true }, predicate);
    }

    private BoundPredicate Part(BoundPredicate bound, PredicateSyntax predicate)
    {
        _partSpans.Add(new PartSpan(bound, predicate.Span));
        return bound;
    }

    // 'path in (inner query)': the inner query selects one field of path's kind (a list field gives its elements), with
    // no grouping, count or distinct, and no sub-query of its own.
    private BoundSubquery? BindSubquery(PredicateSyntax predicate, BoundPath path, SubquerySyntax subquery)
    {
        var inner = subquery.Query;
        if (predicate.Operator is not (PredicateOperator.In or PredicateOperator.NotIn))
        {
            Report(BdqDiagnostics.OperatorNotApplicable, BdqDiagnostics.SubqueryOperatorMessage(OperatorTable.Of(predicate.Operator).MessageText), subquery.Span);
            return null;
        }

        if (_inSubquery)
        {
            Report(BdqDiagnostics.NotSupportedHere, BdqDiagnostics.SubqueryNested + ".", subquery.Span);
            return null;
        }

        var clause = inner.GroupBy is { Keys.Count: 0 } ? "aggregates" : inner.GroupBy is not null ? "group by" : inner.Distinct ? "select distinct" : inner.Count ? "count" : null;
        if (clause is not null)
        {
            Report(BdqDiagnostics.NotSupportedHere, BdqDiagnostics.SubqueryClauseMessage(clause), inner.GroupBy?.Span is { Length: > 0 } span && clause is "group by" or "aggregates" ? span : subquery.Span);
            return null;
        }

        if (inner.Select.Count != 1)
        {
            Report(BdqDiagnostics.NotSupportedHere, BdqDiagnostics.SubqueryFieldCountMessage(inner.Select.Count),
                inner.Select.Count == 0 ? subquery.Span : inner.Select[0].Span with { Length = inner.Select[^1].Span.End - inner.Select[0].Span.Start });
            return null;
        }

        var binder = new QueryBinder(this);
        if (binder.BindQuery(inner) is not { } bound)
        {
            return null;
        }

        var selected = bound.Select[0];
        if (selected.IsHop)
        {
            Report(BdqDiagnostics.NotSupportedHere, BdqDiagnostics.SubqueryHopMessage(bound.Set.Name, selected.Text), inner.Select[0].Span);
            return null;
        }

        var field = path.Field;
        var kindMatches = selected.Field.Kind == field.Kind && selected.Field.TypeName == field.TypeName
            && field.Kind is not (FieldKind.Date or FieldKind.Period);
        if (!kindMatches)
        {
            Report(BdqDiagnostics.TypeMismatch, BdqDiagnostics.SubqueryTypeMessage(path.Text, BdqDiagnostics.FieldKindText(field), selected.Text, BdqDiagnostics.FieldKindText(selected.Field)), inner.Select[0].Span);
            return null;
        }

        return new BoundSubquery(bound) { Span = subquery.Span };
    }

    private BoundValue? BindValue(LiteralSyntax literal, BoundPath path)
    {
        var field = path.Field;
        switch (literal)
        {
            case InvalidNumberLiteralSyntax invalid:
                Report(BdqDiagnostics.InvalidNumber, LiteralDescriptions.InvalidNumberMessage(invalid.Text, NumberText.TryParse(invalid.Text, out _)), literal.Span);
                return null;
            case ParameterSyntax parameter:
                var bound = new BoundParameter(parameter.Name, field.Kind, field.TypeName, parameter.Span, field.EnumMembers);
                if (_parameters.TryGetValue(parameter.Name, out var existing))
                {
                    if (existing.Kind != bound.Kind || existing.TypeName != bound.TypeName)
                    {
                        Report(BdqDiagnostics.ParameterTypeConflict, BdqDiagnostics.ParameterTypeConflictMessage(parameter.Name, BdqDiagnostics.ShortType(existing.TypeName), BdqDiagnostics.ShortType(bound.TypeName)), parameter.Span);
                        return null;
                    }

                    return existing;
                }

                _parameters[parameter.Name] = bound;
                _parameterOrder.Add(bound);
                return bound;
        }

        switch (field.Kind)
        {
            case FieldKind.String when literal is StringLiteralSyntax text:
                return new BoundConstant(FieldKind.String, text.Value);
            case FieldKind.Number when literal is NumberLiteralSyntax number:
                return new BoundConstant(FieldKind.Number, number.Value);
            case FieldKind.Boolean when literal is NameLiteralSyntax name && bool.TryParse(name.Name, out var flag):
                return new BoundConstant(FieldKind.Boolean, flag);
            case FieldKind.Enum when NameOf(literal) is { } member:
                var match = field.EnumMembers.FirstOrDefault(m => string.Equals(m, member, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    if (Counted(literal.Span))
                    {
                        return null;
                    }

                    var suggestion = NameSuggester.Suggest(member, field.EnumMembers);
                    Report(BdqDiagnostics.UnknownEnumMember, BdqDiagnostics.UnknownEnumMemberMessage(member, path.Text, suggestion), literal.Span, suggestion);
                    return null;
                }

                return new BoundConstant(FieldKind.Enum, match);
            case FieldKind.Nation when NameOf(literal) is { } code:
                if (!NationCode.TryParse(code, out var nation))
                {
                    if (Counted(literal.Span))
                    {
                        return null;
                    }

                    var suggestion = NameSuggester.Suggest(code, NationCode.All.Select(n => n.Alpha3));
                    Report(BdqDiagnostics.UnknownNationCode, BdqDiagnostics.UnknownNationCodeMessage(code, suggestion), literal.Span, suggestion);
                    return null;
                }

                return new BoundConstant(FieldKind.Nation, nation.Alpha3);
            case FieldKind.Unit when NameOf(literal) is { } unitCode:
                if (!Unit.TryParse(unitCode, out var unit))
                {
                    Report(BdqDiagnostics.TypeMismatch, BdqDiagnostics.TypeMismatchMessage(path.Text, BdqDiagnostics.UnitOrCurrency, $"'{unitCode}'"), literal.Span);
                    return null;
                }

                return new BoundConstant(FieldKind.Unit, unit.Code);
            case FieldKind.Date or FieldKind.Period:
                return BindDate(literal, path);
        }

        Report(BdqDiagnostics.TypeMismatch, BdqDiagnostics.TypeMismatchMessage(path.Text, BdqDiagnostics.FieldExpectation(field), LiteralDescriptions.LiteralText(literal)), literal.Span);
        return null;
    }

    private BoundConstant? BindDate(LiteralSyntax literal, BoundPath path)
    {
        var text = literal switch
        {
            NumberLiteralSyntax number when number.Value == decimal.Truncate(number.Value) && number.Value is >= 0 and <= 9999 => ((int)number.Value).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            DateLiteralSyntax date => date.Text,
            StringLiteralSyntax str => str.Value,
            _ => null,
        };
        if (text is null)
        {
            Report(BdqDiagnostics.TypeMismatch, BdqDiagnostics.TypeMismatchMessage(path.Text, BdqDiagnostics.FieldExpectation(path.Field), LiteralDescriptions.LiteralText(literal)), literal.Span);
            return null;
        }

        if (!PartialDate.TryParse(text, out var value))
        {
            Report(BdqDiagnostics.InvalidDate, BdqDiagnostics.InvalidDateMessage(text), literal.Span);
            return null;
        }

        return new BoundConstant(path.Field.Kind, value);
    }

    private BoundGroupBy? BindGroupBy(GroupBySyntax group, bool implyCount = true)
    {
        var keys = new List<BoundPath>();
        foreach (var key in group.Keys)
        {
            if (BindPath(key) is { } path)
            {
                // A list key groups by each element (KQL's mv-expand, then summarize): one list per grouping, the
                // record's own field, of a kind whose elements compare exactly or as folded text.
                var expanded = keys.FirstOrDefault(k => k.Field.IsCollection);
                if (path.Fields.Take(path.Fields.Count - 1).Any(f => f.IsCollection))
                {
                    Report(BdqDiagnostics.CollectionNotAllowed, BdqDiagnostics.CollectionNotAllowedMessage(path.Text, "group by"), key.Span);
                }
                else if (path.Field.IsCollection && path.IsHop)
                {
                    Report(BdqDiagnostics.CollectionNotAllowed, BdqDiagnostics.CollectionNotAllowedMessage(path.Text, BdqDiagnostics.GroupByListThroughReference), key.Span);
                }
                else if (path.Field.IsCollection && path.Field.Kind is not (FieldKind.String or FieldKind.Enum or FieldKind.Nation or FieldKind.Number or FieldKind.Unit))
                {
                    Report(BdqDiagnostics.CollectionNotAllowed, BdqDiagnostics.GroupByElementKindMessage(path.Text, BdqDiagnostics.FieldKindText(path.Field)), key.Span);
                }
                else if (path.Field.IsCollection && expanded is not null)
                {
                    Report(BdqDiagnostics.CollectionNotAllowed, BdqDiagnostics.CollectionNotAllowedMessage(path.Text, BdqDiagnostics.GroupBySecondList(expanded.Text)), key.Span);
                }
                else
                {
                    keys.Add(path);
                }
            }
        }

        var aggregates = new List<BoundAggregate>();
        foreach (var aggregate in group.Aggregates.Count == 0 && implyCount ? [new AggregateSyntax(AggregateFunction.Count, null) { Span = group.Span }] : group.Aggregates.Items)
        {
            var table = OperatorTable.Of(aggregate.Function);
            var name = table.Spelling;
            if (!table.NeedsArgument)
            {
                aggregates.Add(new BoundAggregate(aggregate.Function, null, name));
                continue;
            }

            if (aggregate.Argument is null)
            {
                Report(BdqDiagnostics.InvalidAggregate, BdqDiagnostics.AggregateNeedsFieldMessage(name), aggregate.Span);
                continue;
            }

            if (BindPath(aggregate.Argument) is not { } argument)
            {
                continue;
            }

            var kind = argument.Field.Kind;
            var valid = !argument.Fields.Any(f => f.IsCollection) && table.ArgumentKinds.Contains(kind);
            if (!valid)
            {
                Report(BdqDiagnostics.InvalidAggregate, BdqDiagnostics.InvalidAggregateMessage(name, argument.Text, BdqDiagnostics.FieldKindText(argument.Field)), aggregate.Argument.Span);
                continue;
            }

            var boundAggregate = new BoundAggregate(aggregate.Function, argument, $"{name}({argument.Text})");
            _partSpans.Add(new PartSpan(boundAggregate, aggregate.Span));
            aggregates.Add(boundAggregate);
        }

        if (keys.Count != group.Keys.Count || aggregates.Count != Math.Max(implyCount ? 1 : 0, group.Aggregates.Count))
        {
            return null;
        }

        if (UnitKey(keys, aggregates) is { } unit)
        {
            keys.Add(unit);
        }

        return new BoundGroupBy(keys.ToImmutableArray(), aggregates.ToImmutableArray());
    }

    // Amounts in different units never combine: in a set with a unit field, sum, avg, min and max of its numbers are
    // taken per unit, the unit joining the group keys (after those written) unless it is one already.
    private BoundPath? UnitKey(List<BoundPath> keys, List<BoundAggregate> aggregates)
    {
        var measured = aggregates.Any(a => a.Function != AggregateFunction.Count && a.Argument is { IsHop: false } argument && argument.Field.Kind == FieldKind.Number);
        if (!measured || _set.Fields.FirstOrDefault(f => f.Kind == FieldKind.Unit && !f.IsCollection) is not { } unit
            || keys.Any(key => !key.IsHop && key.Field.Name == unit.Name))
        {
            return null;
        }

        return new BoundPath(unit.Name, ImmutableArray.Create(unit), ImmutableArray.Create(_set.Name));
    }

    // 'order by count desc' in a grouped query: which of the group's aggregates, in the order written. An aggregate
    // ordering must name one of the query's aggregates, have a number result, and come before any key ordering.
    private IEnumerable<BoundAggregateOrder> BindAggregateOrder(QuerySyntax query, BoundGroupBy group)
    {
        var seenKey = false;
        var computed = string.Join(", ", group.Aggregates.Select(a => a.Name));
        foreach (var ordering in query.OrderBy)
        {
            if (ordering.Aggregate is not { } aggregate)
            {
                seenKey = true;
                continue;
            }

            var argument = aggregate.Argument is { } path ? QueryPrinter.Print(path) : null;
            var name = QueryPrinter.Print(aggregate);
            var index = -1;
            for (var i = 0; i < group.Aggregates.Count; i++)
            {
                var candidate = group.Aggregates[i];
                if (candidate.Function == aggregate.Function && string.Equals(candidate.Argument?.Text, argument, StringComparison.OrdinalIgnoreCase))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                Report(BdqDiagnostics.InvalidAggregate, BdqDiagnostics.AggregateOrderUnknownMessage(name, computed), ordering.Span);
                continue;
            }

            var found = group.Aggregates[index];
            if (found.Argument is { } field && found.Function is AggregateFunction.Min or AggregateFunction.Max && field.Field.Kind != FieldKind.Number)
            {
                Report(BdqDiagnostics.InvalidAggregate, BdqDiagnostics.AggregateOrderKindMessage(found.Name, BdqDiagnostics.FieldKindText(field.Field)), ordering.Span);
                continue;
            }

            if (seenKey)
            {
                Report(BdqDiagnostics.ClauseConflict, BdqDiagnostics.AggregateOrderAfterKeyMessage(found.Name), ordering.Span);
                continue;
            }

            yield return new BoundAggregateOrder(index, ordering.Descending);
        }
    }

    private BoundOrdering? BindOrdering(OrderingSyntax ordering, GroupBySyntax? group)
    {
        if (BindPath(ordering.Path) is not { } path)
        {
            return null;
        }

        // Groups by a list's elements order by that key like any other.
        var groupKey = group is not null && group.Keys.Any(key => string.Equals(key.ToString(), ordering.Path.ToString(), StringComparison.OrdinalIgnoreCase));
        if (path.Fields.Any(f => f.IsCollection) && !(groupKey && !path.IsHop))
        {
            Report(BdqDiagnostics.CollectionNotAllowed, BdqDiagnostics.CollectionNotAllowedMessage(path.Text, "order by"), ordering.Path.Span);
            return null;
        }

        return new BoundOrdering(path, ordering.Descending);
    }

    // throughList: the path may follow a list of references (select only), yielding a list of the referenced values.
    private BoundPath? BindPath(PathSyntax path, bool throughList = false)
    {
        var fields = ImmutableArray.CreateBuilder<FieldSchema>();
        var sets = ImmutableArray.CreateBuilder<string>();
        var set = _set;
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var segment = path.Segments[i];
            if (i == 2)
            {
                Report(BdqDiagnostics.InvalidPath, BdqDiagnostics.PathTooLongMessage(), segment.Span);
                return null;
            }

            if (set.FindField(segment.Name) is not { } field)
            {
                if (Counted(segment.Span))
                {
                    return null;
                }

                if (set.FindSkipped(segment.Name) is { } skipped)
                {
                    Report(BdqDiagnostics.UnknownField, BdqDiagnostics.UnsupportedFieldMessage(segment.Name, set.Name, skipped.PropertyName, skipped.TypeName), segment.Span);
                    return null;
                }

                var suggestion = NameSuggester.Suggest(segment.Name, set.Fields.Select(f => f.Name));
                Report(BdqDiagnostics.UnknownField, BdqDiagnostics.UnknownFieldMessage(segment.Name, set.Name, suggestion), segment.Span, suggestion);
                return null;
            }

            fields.Add(field);
            sets.Add(set.Name);
            if (i + 1 < path.Segments.Count)
            {
                if (field.References is null || _schema.Find(field.References) is not { } next || (field.IsCollection && !throughList))
                {
                    Report(BdqDiagnostics.InvalidPath, field.IsCollection && field.References is not null
                        ? BdqDiagnostics.CollectionNotAllowedMessage(field.Name, "a path")
                        : BdqDiagnostics.NotAReferenceMessage(field.Name, set.Name), path.Segments[i + 1].Span);
                    return null;
                }

                set = next;
            }
        }

        if (fields.Count > 1 && fields[0].IsCollection && fields[^1].IsCollection)
        {
            Report(BdqDiagnostics.InvalidPath, BdqDiagnostics.ListOfListsMessage(path.ToString(), fields[0].Name), path.Segments[^1].Span);
            return null;
        }

        var bound = new BoundPath(string.Join(".", fields.Select(f => f.Name)), fields.ToImmutable(), sets.ToImmutable());
        _partSpans.Add(new PartSpan(bound, path.Span));
        return bound;
    }

    /// <summary>How many words a text search looks up: the words of its folded text.</summary>
    internal static int SearchWords(string text) => TextNormalizer.Words(TextNormalizer.Normalize(text)).Count();

    private static string? NameOf(LiteralSyntax literal) => literal switch
    {
        NameLiteralSyntax name => name.Name,
        StringLiteralSyntax text => text.Value,
        _ => null,
    };



    private void Report(string code, string message, TextSpan span, string? suggestion = null) =>
        _diagnostics.Add(new BdqDiagnostic { Code = code, Message = message, Span = span, Suggestion = suggestion });

    // Past the cap a problem is only counted: true means "counted, do not build its message or suggestion".
    private bool Counted(TextSpan span)
    {
        if (!_diagnostics.IsFull)
        {
            return false;
        }

        _diagnostics.Omit(span);
        return true;
    }
}

/// <summary>The outcome of <see cref="QueryBinder.Bind"/>: a bound query, or diagnostics.</summary>
/// <param name="Query">The bound query, or <see langword="null"/> when binding failed.</param>
/// <param name="Diagnostics">The errors; empty on success.</param>
internal sealed record BindResult(BoundQuery? Query, IReadOnlyList<BdqDiagnostic> Diagnostics);
