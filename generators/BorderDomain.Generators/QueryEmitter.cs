using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BorderDomain.Query;
using BorderDomain.Query.Planning;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using Microsoft.CodeAnalysis.CSharp;

namespace BorderDomain.Generators;

/// <summary>
/// Writes the C# body of a query method from its plan: index accesses through <c>IndexQueries</c> with constants
/// built once, the residual filter and sort keys read straight from the record's properties, and the result in the
/// method's return shape. Nothing is parsed, bound or reflected at run time.
/// </summary>
internal sealed class QueryEmitter
{
    private const string Runtime = "global::BorderDomain.CompilerServices.";
    private const string Model = "global::BorderDomain.Model.";
    private const string RowsType = "global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<object?>>";

    private readonly MethodSignature _method;
    private readonly BoundQuery _query;
    private readonly QueryPlan _plan;
    private readonly string _record;
    private readonly string _store;
    private readonly List<string> _statics = [];
    private readonly Dictionary<string, string> _fields = [];
    private readonly string _member;
    private int _variables;
    private readonly Dictionary<(string Set, string Field), string> _hops = [];

    // The store's typed tables a typed hop reads, by property, each a local set once at the top of the method.
    private readonly Dictionary<string, string> _typedHops = [];

    // What the names of the body's locals and the method's static fields start with: "__", lengthened until no
    // parameter's name starts with it, so no local hides a parameter and no parameter hides a field; a sub-query's
    // emitter takes the outer local holding its values plus "_", so its names stay apart from the outer query's.
    private readonly string _prefix;

    // Each sub-query's predicate and the local that holds its values, computed once per call.
    private readonly Dictionary<BoundPredicate, string> _subqueries = [];

    private QueryEmitter(MethodSignature method, QueryPlan plan, string? prefix = null)
    {
        _method = method;
        _plan = plan;
        _query = plan.Query;
        _record = "global::" + _query.Set.RecordTypeName;
        _store = method.Parameters[0].Name;
        _member = MemberSuffix(method);
        _prefix = prefix ?? LocalsPrefix(method);
    }

    // "__", lengthened until no parameter's name starts with it.
    private static string LocalsPrefix(MethodSignature method)
    {
        var prefix = "__";
        while (method.Parameters.Any(p => p.Name.StartsWith(prefix, System.StringComparison.Ordinal)))
        {
            prefix += "_";
        }

        return prefix;
    }

    // What the names of a method's static fields end with: its name and parameter types as identifier characters,
    // so overloads of one name in one type get fields of their own.
    private static string MemberSuffix(MethodSignature method)
    {
        var suffix = new StringBuilder(method.Name);
        foreach (var parameter in method.Parameters)
        {
            suffix.Append('_');
            foreach (var c in parameter.TypeName.Replace("global::", string.Empty))
            {
                suffix.Append(char.IsLetterOrDigit(c) ? c : '_');
            }
        }

        return suffix.ToString();
    }

    /// <summary>The header line that stamps a generated file with the generated-code contract version it was written for.</summary>
    internal static readonly string ContractHeader =
        "// BorderDomain generated-code contract version " + BorderDomain.CompilerServices.GeneratedCodeContract.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The whole generated file for a method whose query bound without errors. The method carries the query and its
    /// plan as text (<c>BdqCompiledPlan</c>), which <c>Bdq.ExplainCompiled</c> reads.
    /// </summary>
    internal static string Emit(MethodSignature method, QueryPlan plan, string query)
    {
        var emitter = new QueryEmitter(method, plan);
        var body = emitter.BodyWithHops();
        return Wrap(method, body, emitter._statics, $"[global::BorderDomain.Query.BdqCompiledPlan({Literal(query)}, {Literal(PlanPrinter.Print(plan).Replace("\r\n", "\n"))})]");
    }

    // The body, preceded by each reference hop's table and field, resolved once per call rather than by name per row.
    private string BodyWithHops()
    {
        var body = Body();
        if (_hops.Count == 0 && _typedHops.Count == 0)
        {
            return body;
        }

        var hops = new StringBuilder();
        foreach (var hop in _typedHops)
        {
            var store = Identifier(_store);
            hops.AppendLine($"        var {hop.Value} = ({store} ?? throw new global::System.ArgumentNullException(nameof({store}))).{Identifier(hop.Key)};");
        }

        foreach (var hop in _hops)
        {
            hops.AppendLine($"        var {hop.Value} = {Runtime}GeneratedQuerySupport.Hop({Identifier(_store)}, {Literal(hop.Key.Set)}, {Literal(hop.Key.Field)});");
        }

        return hops + body;
    }

    /// <summary>The whole generated file for a method whose query has errors: the body throws with the first one.</summary>
    internal static string EmitFailure(MethodSignature method, string message) =>
        Wrap(method, $"        throw new global::System.InvalidOperationException({Literal(message)});\n", [], null);

    private static string Wrap(MethodSignature method, string body, List<string> statics, string? plan)
    {
        var text = new StringBuilder();
        text.AppendLine("// <auto-generated/>");
        text.AppendLine(ContractHeader);
        text.AppendLine("#nullable enable");
        text.AppendLine("#pragma warning disable CS1591");
        if (method.Namespace is { } ns)
        {
            text.Append("namespace ").Append(ns).AppendLine(";");
        }

        foreach (var type in method.ContainingTypes)
        {
            text.Append("partial ").Append(type.Keyword).Append(' ').AppendLine(type.Name).AppendLine("{");
        }

        foreach (var field in statics)
        {
            text.Append("    ").AppendLine(field);
        }

        var parameters = string.Join(", ", method.Parameters.Select(p => (p.IsThis ? "this " : string.Empty) + p.TypeName + " " + Identifier(p.Name)));
        if (plan is not null)
        {
            text.Append("    ").AppendLine(plan);
        }

        text.AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"BorderDomain.Generators\", \"1.0\")]");
        if (!method.DeclaresMethodImpl && method.Shape is not (ReturnShape.Int32 or ReturnShape.Int64))
        {
            // A query method returning records or rows is a root for the JIT: inlined into a small caller, it would
            // spend that caller's small inlining budget on itself and leave the index code it calls (the key map's
            // hashing and comparing, a walk's loop) as calls. Compiled on its own, that code is inlined into it as into
            // hand-written code. A count is left to the JIT: a posting list's length is one call it inlines whole
            // into the caller, and measured slower behind a call of its own.
            text.AppendLine("    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        }

        text.Append("    ").Append(method.Modifiers).Append(' ').Append(method.ReturnType).Append(' ').Append(method.Name).Append('(').Append(parameters).AppendLine(")");
        text.AppendLine("    {");
        text.Append(body);
        text.AppendLine("    }");
        foreach (var unused in method.ContainingTypes)
        {
            text.AppendLine("}");
        }

        return text.ToString();
    }

    private string Body()
    {
        var text = new StringBuilder();
        text.AppendLine($"        var {_prefix}table = {TableExpression()};");
        text.Append(Subqueries());
        if (CountFromIndex() is { } count)
        {
            return text.AppendLine($"        return {count};").ToString();
        }

        if (_plan.Grouping == GroupStrategy.PostingListLengths)
        {
            var groupKey = _query.GroupBy!.Keys[0];
            // Counts per value of one exactly-compared field over the whole table: the posting lists' lengths.
            return text.AppendLine($"        return {Runtime}Grouping.CountByIndex({_prefix}table, {Field(groupKey.Field.Name)}, global::BorderDomain.Schema.FieldKind.{groupKey.Field.Kind}, "
                + $"{Bool(_query.OrderBy.FirstOrDefault(o => o.Path.Text == groupKey.Text)?.Descending ?? false)}, {_query.GroupBy!.Aggregates.Count}, {Number(_query.Skip)}, {Number(_query.Take)});").ToString();
        }

        if (_plan.Order == OrderStrategy.FilteredWalk)
        {
            return text.Append(FilteredWalk()).Append(Shape($"{_prefix}ordered.Length", rowsKeepable: false)).ToString();
        }

        if (KeyLookup() is { } lookup)
        {
            return text.Append(lookup).ToString();
        }

        if (_plan.CountsRowSet && _method.Shape is (ReturnShape.Int32 or ReturnShape.Int64))
        {
            // Rows found as a set (a union of dense posting lists, a date range), counted as the run time counts them:
            // from the set's words, no row read out (IndexQueries.FoundCount).
            text.AppendLine($"        var {_prefix}found = {Runtime}IndexQueries.FoundCount({_prefix}table, {Accesses()});");
            return text.Append(Shape($"{_prefix}found")).ToString();
        }

        if (OrdersWholeAnswerByIndex() is { } key && _plan.Residual is null && _query.GroupBy is null)
        {
            // Every match in one sorted index's order: the accesses intersected into a row set (a bitmap when dense),
            // walked or sorted from it as their number says (IndexQueries.FoundInOrder); no array of the matches is made.
            text.AppendLine($"        var {_prefix}ordered = {Runtime}IndexQueries.FoundInOrder({_prefix}table, {Accesses()}, {Field(key.Path.Field.Name)}, {Bool(key.Descending)});");
            return text.Append(Shape($"{_prefix}ordered.Length")).ToString();
        }

        var lists = new List<string>();
        var asLists = _plan.IntersectsLists;
        if (!asLists && _plan.Accesses.Count > 0)
        {
            // A union of several posting lists, a date range, or more than three accesses: stepped through as the run
            // time steps (IndexQueries.Found: dense sets kept as bitmaps and ANDed, the rows read out once).
            text.AppendLine($"        var {_prefix}candidates = {Runtime}IndexQueries.Found({_prefix}table, {Accesses()});");
        }

        foreach (var access in asLists ? _plan.Accesses : [])
        {
            var predicate = access.Predicate;
            var list = $"{_prefix}index{lists.Count}";
            lists.Add(list);
            text.AppendLine($"        var {list} = {Runtime}IndexQueries.Rows({_prefix}table, {Field(predicate.Path.Field.Name)}, "
                + $"global::BorderDomain.CompilerServices.IndexAccessKind.{access.Kind}, global::BorderDomain.CompilerServices.PredicateOperator.{predicate.Operator}, "
                + $"global::BorderDomain.Schema.FieldKind.{predicate.Path.Field.Kind}, {Constants(predicate)});");
        }

        if (asLists || _plan.Accesses.Count == 0)
        {
            text.AppendLine(lists.Count == 0
                ? $"        var {_prefix}candidates = global::BorderDomain.Storage.PostingList.All({_prefix}table.Count);"
                : lists.Count == 1
                    ? $"        var {_prefix}candidates = {lists[0]};"
                    : $"        var {_prefix}candidates = {Intersection(lists)};");
        }

        if (_plan.Residual is { } residual)
        {
            text.AppendLine($"        var {_prefix}matches = new global::System.Collections.Generic.List<int>({_prefix}candidates.Length);");
            text.AppendLine($"        foreach (var {_prefix}row in {_prefix}candidates)");
            text.AppendLine("        {");
            text.AppendLine($"            var {_prefix}r = {_prefix}table[{_prefix}row];");
            text.AppendLine($"            if ({Condition(residual)})");
            text.AppendLine("            {");
            text.AppendLine($"                {_prefix}matches.Add({_prefix}row);");
            text.AppendLine("            }");
            text.AppendLine("        }");
        }
        else
        {
            // The index accesses' rows as they are (a shared posting list is read, never written): no copy.
            text.AppendLine($"        var {_prefix}matches = {_prefix}candidates;");
        }

        if (_query.GroupBy is { } group)
        {
            return text.Append(Group(group)).ToString();
        }

        var (order, length) = Order(matchesLength: _plan.Residual is null ? "Length" : "Count");
        text.Append(order);
        text.Append(Shape($"{_prefix}ordered.{length}"));
        return text.ToString();
    }

    // The table the query reads: the store's typed property when it has one (no look-up by name), else by set name.
    private string TableExpression()
    {
        var store = Identifier(_store);
        return _method.TypedTables.FirstOrDefault(t => t.RecordType == _query.Set.RecordTypeName) is { } typed
            ? $"({store} ?? throw new global::System.ArgumentNullException(nameof({store}))).{Identifier(typed.Property)}"
            : $"{Runtime}GeneratedQuerySupport.Table<{_record}>({store}, {Literal(_query.Set.Name)})";
    }

    // Whether the method's list return type is one an array satisfies (read-only lists and sequences); the others
    // (List<T>, IList<T>, ICollection<T>) get a List<T>.
    private bool ReturnsArray => _method.Shape == ReturnShape.Array || _method.Shape == ReturnShape.List
        && (_method.ReturnType.StartsWith("global::System.Collections.Generic.IReadOnlyList<", System.StringComparison.Ordinal)
            || _method.ReturnType.StartsWith("global::System.Collections.Generic.IEnumerable<", System.StringComparison.Ordinal)
            || _method.ReturnType.StartsWith("global::System.Collections.Generic.IReadOnlyCollection<", System.StringComparison.Ordinal));

    private const string RowType = "global::System.Collections.Generic.IReadOnlyList<object?>";

    // The method's answer when no row matches.
    private string EmptyResult() => _method.Shape switch
    {
        ReturnShape.Int32 => "0",
        ReturnShape.Int64 => "0L",
        ReturnShape.First => "null",
        ReturnShape.Rows => $"global::System.Array.Empty<{RowType}>()",
        _ when ReturnsArray => $"global::System.Array.Empty<{_method.ElementType}>()",
        _ => $"new global::System.Collections.Generic.List<{_method.ElementType}>()",
    };

    // A key lookup of one value (id = "…" or id = @key): at most one row, so no row list, order or paging is built;
    // the residual filter is tested on that row and the answer made directly. Null when the plan is another.
    private string? KeyLookup()
    {
        if (_query.GroupBy is not null || _plan.Accesses.Count != 1 || _plan.Accesses[0] is not { Kind: IndexAccessKind.Key } access
            || access.Predicate.Values.Count != 1)
        {
            return null;
        }

        var key = access.Predicate.Values[0] switch
        {
            BoundConstant { Kind: FieldKind.String, Value: string constant } => Literal(constant),
            BoundParameter { Kind: FieldKind.String } parameter
                when _method.Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase)) is { TypeName: "string" or "string?" } p
                => $"({Identifier(p.Name)} ?? string.Empty)",
            _ => null,
        };
        if (key is null)
        {
            return null;
        }

        var empty = EmptyResult();
        var text = new StringBuilder();
        text.AppendLine($"        if (!{_prefix}table.TryGetRow({key}, out var {_prefix}row))");
        text.AppendLine("        {");
        text.AppendLine($"            return {empty};");
        text.AppendLine("        }");
        if ((_query.Skip ?? 0) > 0 || _query.Take == 0)
        {
            return text.AppendLine($"        return {empty};").ToString();
        }

        text.AppendLine($"        var {_prefix}r = {_prefix}table[{_prefix}row];");
        if (_plan.Residual is { } residual)
        {
            text.AppendLine($"        if (!{Condition(residual)})");
            text.AppendLine("        {");
            text.AppendLine($"            return {empty};");
            text.AppendLine("        }");
        }

        var one = _method.Shape switch
        {
            ReturnShape.Int32 => "1",
            ReturnShape.Int64 => "1L",
            ReturnShape.First => $"{_prefix}r",
            ReturnShape.Rows => $"new {RowType}[] {{ {RowValues($"{_prefix}r")} }}",
            // A read-only list or a sequence: the record in a one-element list (no array length beside it).
            ReturnShape.List when ReturnsArray => $"new {Runtime}SingleRecordList<{_method.ElementType}>({_prefix}r)",
            _ when ReturnsArray => $"new {_method.ElementType}[] {{ {_prefix}r }}",
            _ => $"new global::System.Collections.Generic.List<{_method.ElementType}>(1) {{ {_prefix}r }}",
        };
        return text.AppendLine($"        return {one};").ToString();
    }

    // A select row of the record 'record': its values in a new object?[].
    private string RowValues(string record) => $"new object?[] {{ {string.Join(", ", _query.Select.Select(path => Value(path, record)))} }}";

    // Walk the sorted index from the wanted end, testing the filter on each row read, into a buffer of skip + take
    // rows (on the stack when small); no index access. Ties come in row order (the index holds each tie group's rows
    // ascending) and rows without a value last, in row order, read only when the index runs out first: the order of
    // IndexQueries.WalkWhere, written out so the filter is a typed test and nothing but the answer is allocated.
    private string FilteredWalk()
    {
        var ordering = _query.OrderBy[0];
        var wanted = System.Math.Min((long)(_query.Skip ?? 0) + _query.Take!.Value, int.MaxValue);
        var field = Field(ordering.Path.Field.Name);
        var index = ordering.Path.Field.Kind == FieldKind.Number
            ? $"{_prefix}table.GetNumberIndex({field})!"
            : $"{_prefix}table.GetDateIndex({field})!.ByStart";
        var p = _prefix;
        var keep = _plan.Residual is { } filter
            ? $"if ({p}table[{p}row] is var {p}r && {Condition(filter)}) {{ {p}found[{p}n++] = {p}row; }}"
            : $"{{ {p}found[{p}n++] = {p}row; }}";
        var text = new StringBuilder();
        text.AppendLine($"        var {p}walk = {index};");
        text.AppendLine($"        var {p}rows = {p}walk.RowsInKeyOrder;");
        text.AppendLine(wanted <= 256
            ? $"        global::System.Span<int> {p}found = stackalloc int[{wanted.ToString(CultureInfo.InvariantCulture)}];"
            : $"        global::System.Span<int> {p}found = new int[global::System.Math.Min({wanted.ToString(CultureInfo.InvariantCulture)}, {p}table.Count)];");
        text.AppendLine($"        var {p}n = 0;");
        if (ordering.Descending)
        {
            text.AppendLine($"        var {p}keys = {p}walk.Keys;");
            text.AppendLine($"        var {p}last = {p}rows.Length;");
            text.AppendLine($"        while ({p}last > 0 && {p}n < {p}found.Length)");
            text.AppendLine("        {");
            text.AppendLine($"            var {p}first = {p}last - 1;");
            text.AppendLine($"            while ({p}first > 0 && {p}keys[{p}first - 1] == {p}keys[{p}last - 1])");
            text.AppendLine("            {");
            text.AppendLine($"                {p}first--;");
            text.AppendLine("            }");
            text.AppendLine($"            for (var {p}i = {p}first; {p}i < {p}last && {p}n < {p}found.Length; {p}i++)");
            text.AppendLine("            {");
            text.AppendLine($"                var {p}row = {p}rows[{p}i];");
            text.AppendLine($"                {keep}");
            text.AppendLine("            }");
            text.AppendLine($"            {p}last = {p}first;");
            text.AppendLine("        }");
        }
        else
        {
            text.AppendLine($"        for (var {p}i = 0; {p}i < {p}rows.Length && {p}n < {p}found.Length; {p}i++)");
            text.AppendLine("        {");
            text.AppendLine($"            var {p}row = {p}rows[{p}i];");
            text.AppendLine($"            {keep}");
            text.AppendLine("        }");
        }

        text.AppendLine($"        if ({p}n < {p}found.Length && {p}rows.Length < {p}table.Count)");
        text.AppendLine("        {");
        text.AppendLine($"            var {p}indexed = new bool[{p}table.Count];");
        text.AppendLine($"            foreach (var {p}x in {p}rows)");
        text.AppendLine("            {");
        text.AppendLine($"                {p}indexed[{p}x] = true;");
        text.AppendLine("            }");
        text.AppendLine($"            for (var {p}row = 0; {p}row < {p}table.Count && {p}n < {p}found.Length; {p}row++)");
        text.AppendLine("            {");
        text.AppendLine($"                if (!{p}indexed[{p}row]) {keep}");
        text.AppendLine("            }");
        text.AppendLine("        }");
        text.AppendLine($"        global::System.ReadOnlySpan<int> {p}ordered = {p}found.Slice(0, {p}n);");
        return text.ToString();
    }

    // Each sub-query runs once, before the outer query: its plan emitted as a local function returning rows, its
    // selected column held as the run-time executor holds a sub-query's values (GeneratedQuerySupport.SubqueryValues).
    private string Subqueries()
    {
        var text = new StringBuilder();
        foreach (var predicate in BoundExpression.Predicates(_query.Filter))
        {
            if (predicate.Subquery is not { } subquery)
            {
                continue;
            }

            var name = $"{_prefix}s{_subqueries.Count}";
            var inner = new QueryEmitter(_method with { Shape = ReturnShape.Rows, ReturnType = RowsType }, QueryPlanner.Plan(subquery.Query), name + "_");
            var body = inner.BodyWithHops().Replace("\n        ", "\n            ");
            _statics.AddRange(inner._statics);
            text.AppendLine($"        {RowsType} {name}Rows()");
            text.AppendLine("        {");
            text.Append("    ").Append(body);
            text.AppendLine("        }");
            text.AppendLine($"        var {name} = {Runtime}GeneratedQuerySupport.SubqueryValues({name}Rows(), global::BorderDomain.Schema.FieldKind.{subquery.Selected.Field.Kind});");
            _subqueries[predicate] = name;
        }

        return text.ToString();
    }

    // The plan's accesses as IndexQueries.Found takes them: an array kept in a static field when every value is a
    // constant (nothing made per call), made per call otherwise.
    private string Accesses()
    {
        var items = string.Join(", ", _plan.Accesses.Select(access =>
            $"new {Runtime}IndexAccessArguments({Field(access.Predicate.Path.Field.Name)}, "
            + $"global::BorderDomain.CompilerServices.IndexAccessKind.{access.Kind}, global::BorderDomain.CompilerServices.PredicateOperator.{access.Predicate.Operator}, "
            + $"global::BorderDomain.Schema.FieldKind.{access.Predicate.Path.Field.Kind}, {Constants(access.Predicate)})"));
        var array = $"new {Runtime}IndexAccessArguments[] {{ {items} }}";
        if (_plan.Accesses.Any(access => _subqueries.ContainsKey(access.Predicate) || access.Predicate.Values.Any(v => v is BoundParameter)))
        {
            return array;
        }

        var name = $"{_prefix}a{_statics.Count}_{_member}";
        _statics.Add($"private static readonly {Runtime}IndexAccessArguments[] {name} = {array};");
        return name;
    }

    // The plan's intersection, in its order: ((l0 ∩ l1) ∩ l2) ….
    // Two or three lists are intersected at once, allocating only the answer (IndexQueries.Intersect); more, three at a
    // time and then with each intersection so far.
    private static string Intersection(List<string> lists)
    {
        var rows = $"{Runtime}IndexQueries.Intersect({string.Join(", ", lists.Take(3))})";
        return lists.Skip(3).Aggregate(rows, (sofar, next) => $"{Runtime}IndexQueries.Intersect({sofar}, {next})");
    }

    // A count the plan reads from index sizes (one posting list, or the table itself): read its length, allocating nothing.
    private string? CountFromIndex()
    {
        if (_plan.Counting is not (CountStrategy.TableSize or CountStrategy.IndexSize))
        {
            return null;
        }

        var cast = _method.Shape == ReturnShape.Int64 ? "(long)" : string.Empty;
        if (_plan.Counting == CountStrategy.TableSize)
        {
            return cast + $"{_prefix}table.Count";
        }

        var access = _plan.Accesses[0];
        var field = access.Predicate.Path.Field;
        if (access.Kind is IndexAccessKind.PostingUnion or IndexAccessKind.PostingIntersection && access.Predicate.Values.All(v => v is BoundConstant))
        {
            // One constant key, typed as the posting index stores it and built once: its list's length.
            var key = access.Predicate.Operator == PredicateOperator.IsTrue ? "true" : TypedKey(field, (BoundConstant)access.Predicate.Values[0]);
            var name = $"{_prefix}k{_statics.Count}_{_member}";
            _statics.Add($"private static readonly object {name} = {key};");
            return $"{cast}{_prefix}table.GetPostingIndex({Field(field.Name)})!.Count({name})";
        }

        return $"{cast}{Runtime}IndexQueries.ExactCount({_prefix}table, {Field(field.Name)}, "
            + $"global::BorderDomain.CompilerServices.IndexAccessKind.{access.Kind}, global::BorderDomain.CompilerServices.PredicateOperator.{access.Predicate.Operator}, "
            + $"global::BorderDomain.Schema.FieldKind.{field.Kind}, {Constants(access.Predicate)})";
    }

    // The key as the posting index stores it: the CLR value (an enum member, not its name).
    private static string TypedKey(FieldSchema field, BoundConstant constant) => constant.Kind == FieldKind.Enum
        ? $"global::{field.TypeName}.{(string)constant.Value}"
        : Constant(constant, isText: false);

    // The ordered rows as a local '…ordered', and the member that gives their number ("Length" or "Count").
    private (string Code, string Length) Order(string matchesLength)
    {
        if (_query.OrderBy.Count == 0)
        {
            return ($"        var {_prefix}ordered = {_prefix}matches;\n", matchesLength);
        }

        if (_plan.Order == OrderStrategy.IndexWalk)
        {
            var ordering = _query.OrderBy[0];
            var rows = _plan.Residual is null ? $"{_prefix}matches" : $"{_prefix}matches.ToArray()";
            return ($"        var {_prefix}ordered = {Runtime}IndexQueries.Walk({_prefix}table, {Field(ordering.Path.Field.Name)}, "
                + $"{Bool(ordering.Descending)}, {rows}, {(_query.Take is { } take ? (_query.Skip ?? 0) + take : int.MaxValue)});\n", "Count");
        }

        string sort;
        if (_query.OrderBy.Count == 1 && _query.OrderBy[0] is { Path: { IsHop: false } path } single && !path.Field.IsCollection
            && path.Field.TypeName is "BorderDomain.Model.PartialDate" or "BorderDomain.Model.Period")
        {
            // One date key: read each record's sort day typed, no boxing, and sort packed integers.
            sort = $"{Runtime}RowSort.SortByDay({_prefix}matches, "
                + $"{_prefix}row => {Runtime}RowSort.Day({_prefix}table[{_prefix}row].{Identifier(path.Field.PropertyName)}), {Bool(single.Descending)})";
        }
        else
        {
            var keys = string.Join(", ", _query.OrderBy.Select(ordering =>
                $"new {Runtime}SortKey({_prefix}row => {Value(ordering.Path, $"{_prefix}table[{_prefix}row]")}, global::BorderDomain.Schema.FieldKind.{ordering.Path.Field.Kind}, {Bool(ordering.Descending)})"));
            sort = $"{Runtime}RowSort.Sort({_prefix}matches, new {Runtime}SortKey[] {{ {keys} }})";
        }

        if (OrdersWholeAnswerByIndex() is { } only)
        {
            var key = only.Path;
            // Without statistics the plan guessed a small answer and sorts; the matches are counted now, so the
            // planner's own rule (OrderCosts) picks the walk of the whole sorted index when the run time would.
            var rows = _plan.Residual is null ? $"{_prefix}matches" : $"{_prefix}matches.ToArray()";
            return ($"        global::System.Collections.Generic.IReadOnlyList<int> {_prefix}ordered = {Runtime}OrderCosts.WalkAllIsCheaper({_prefix}matches.{matchesLength}, {_prefix}table.Count)\n"
                + $"            ? {Runtime}IndexQueries.Walk({_prefix}table, {Field(key.Field.Name)}, {Bool(only.Descending)}, {rows}, int.MaxValue)\n"
                + $"            : {sort};\n", "Count");
        }

        return ($"        var {_prefix}ordered = {sort};\n", "Length");
    }

    // The one key of an order without a take that a sorted index can give (a date, period or number of the record's
    // own), so the whole answer may be walked from that index instead of sorted; null otherwise.
    private BoundOrdering? OrdersWholeAnswerByIndex() =>
        _query.Take is null && _query.OrderBy.Count == 1 && _query.OrderBy[0] is { Path: { IsHop: false } key } only
        && key.Field.Index == IndexKind.Sorted && key.Field.Kind is FieldKind.Date or FieldKind.Period or FieldKind.Number
            ? only
            : null;

    // Pages '…ordered' (whose number of rows is the expression 'count', or, for a count made without '…ordered', the
    // number itself) by skip and take, then makes the answer: a count, the first record, or the records (or select
    // rows) built straight into an array of the answer's size.
    // rowsKeepable: '…ordered' is a list of rows that may be kept by the answer (not a span over scratch).
    private string Shape(string count, bool rowsKeepable = true)
    {
        var p = _prefix;
        var text = new StringBuilder();
        var start = _query.Skip is { } skip ? $"global::System.Math.Min({Number(skip)}, {count})" : "0";
        text.AppendLine($"        var {p}start = {start};");
        text.AppendLine(_query.Take is { } take
            ? $"        var {p}end = (int)global::System.Math.Min((long){p}start + {Number(take)}, {count});"
            : $"        var {p}end = {count};");
        var record = $"{p}table[{p}ordered[{p}start + {p}i]]";
        void Fill(string array, string item)
        {
            text.AppendLine($"        for (var {p}i = 0; {p}i < {array}.Length; {p}i++)");
            text.AppendLine("        {");
            text.AppendLine($"            {array}[{p}i] = {item};");
            text.AppendLine("        }");
        }

        switch (_method.Shape)
        {
            case ReturnShape.Int32:
                text.AppendLine($"        return {p}end - {p}start;");
                break;
            case ReturnShape.Int64:
                text.AppendLine($"        return (long)({p}end - {p}start);");
                break;
            case ReturnShape.First:
                text.AppendLine($"        return {p}start < {p}end ? {p}table[{p}ordered[{p}start]] : null;");
                break;
            case ReturnShape.Rows:
                text.AppendLine($"        var {p}result = new {RowType}[{p}end - {p}start];");
                Fill($"{p}result", RowValues(record));
                text.AppendLine($"        return {p}result;");
                break;
            case ReturnShape.List when ReturnsArray && rowsKeepable:
                // A read-only list or sequence: the rows found, read from the table when asked (no second array).
                text.AppendLine($"        return new {Runtime}RecordList<{_method.ElementType}>({p}table, {p}ordered, {p}start, {p}end);");
                break;
            case var _ when ReturnsArray:
                text.AppendLine($"        var {p}result = new {_method.ElementType}[{p}end - {p}start];");
                Fill($"{p}result", record);
                text.AppendLine($"        return {p}result;");
                break;
            default:
                text.AppendLine($"        var {p}result = new global::System.Collections.Generic.List<{_method.ElementType}>({p}end - {p}start);");
                text.AppendLine($"        for (var {p}i = {p}start; {p}i < {p}end; {p}i++)");
                text.AppendLine("        {");
                text.AppendLine($"            {p}result.Add({p}table[{p}ordered[{p}i]]);");
                text.AppendLine("        }");
                text.AppendLine($"        return {p}result;");
                break;
        }

        return text.ToString();
    }

    private string Group(BoundGroupBy group)
    {
        var keys = string.Join(", ", group.Keys.Select(key =>
            $"new {Runtime}GroupKey<int>({_prefix}row => {Value(key, $"{_prefix}table[{_prefix}row]")}, global::BorderDomain.Schema.FieldKind.{key.Field.Kind}, "
            + $"{Bool(_query.OrderBy.FirstOrDefault(o => o.Path.Text == key.Text)?.Descending ?? false)})"
            + (key.Field.IsCollection ? " { EachElement = true }" : string.Empty)));
        var aggregates = string.Join(", ", group.Aggregates.Select(aggregate =>
            $"new {Runtime}GroupAggregate<int>(global::BorderDomain.CompilerServices.AggregateFunction.{aggregate.Function}, "
            + (aggregate.Argument is { } argument ? $"{_prefix}row => {Value(argument, $"{_prefix}table[{_prefix}row]")}" : "null")
            + $", global::BorderDomain.Schema.FieldKind.{aggregate.Argument?.Field.Kind ?? FieldKind.Number})"));
        var order = group.Order.Count == 0
            ? string.Empty
            : $", new (int, bool)[] {{ {string.Join(", ", group.Order.Select(o => $"({o.Aggregate.ToString(CultureInfo.InvariantCulture)}, {Bool(o.Descending)})"))} }}";
        return $"        return {Runtime}Grouping.Group({_prefix}matches, new {Runtime}GroupKey<int>[] {{ {keys} }}, new {Runtime}GroupAggregate<int>[] {{ {aggregates} }}, {Number(_query.Skip)}, {Number(_query.Take)}{order});\n";
    }

    private string Condition(BoundExpression expression) => expression switch
    {
        BoundAnd and => $"({Condition(and.Left)} && {Condition(and.Right)})",
        BoundOr or => $"({Condition(or.Left)} || {Condition(or.Right)})",
        BoundNot not => $"!{Condition(not.Operand)}",
        BoundPredicate { Length: true } predicate => $"{Runtime}ValueSemantics.Test(global::BorderDomain.Schema.FieldKind.{OperatorTable.Length.Result}, "
            + $"global::BorderDomain.CompilerServices.PredicateOperator.{predicate.Operator}, {Runtime}ValueSemantics.Length({Value(predicate.Path, _prefix + "r")}), {Constants(predicate)}, false)",
        BoundPredicate predicate when Typed(predicate) is { } typed => typed,
        BoundPredicate predicate => $"{Runtime}ValueSemantics.Test(global::BorderDomain.Schema.FieldKind.{predicate.Path.Field.Kind}, "
            + $"global::BorderDomain.CompilerServices.PredicateOperator.{predicate.Operator}, {Value(predicate.Path, _prefix + "r")}, {Constants(predicate)}, {Bool(predicate.Path.Field.IsCollection)})",
        _ => "false",
    };

    // The CLR types whose values the typed path compares, by kind; other types (Guid text, DateOnly/DateTime dates,
    // double numbers) keep the boxed path, whose conversions they need.
    private static bool IsTypedScalar(FieldSchema field) => !field.IsCollection && field.Kind switch
    {
        FieldKind.String => field.TypeName == "System.String",
        FieldKind.Number => field.TypeName is "System.Int32" or "System.Int64" or "System.Decimal" or "System.Int16" or "System.Byte",
        FieldKind.Date => field.TypeName == "BorderDomain.Model.PartialDate",
        FieldKind.Period => field.TypeName is "BorderDomain.Model.Period" or "BorderDomain.Model.PartialDate",
        FieldKind.Boolean => field.TypeName == "System.Boolean",
        FieldKind.Enum => true,
        FieldKind.Nation => field.TypeName == "BorderDomain.Model.NationCode",
        FieldKind.Unit => field.TypeName == "BorderDomain.Model.Unit",
        _ => false,
    };

    // A predicate on a record's own scalar field as typed C#: the property read as its CLR type, compared with typed
    // constants (literals or static readonly fields). Null when the predicate needs the boxed path.
    private string? Typed(BoundPredicate predicate)
    {
        var path = predicate.Path;
        var field = path.Fields[0];
        string own;
        bool nullable;
        if (predicate.Length || path.IsListHop)
        {
            return null;
        }

        if (path.IsHop)
        {
            // One hop through the store's typed table: the referenced record's property, read typed (null when the
            // reference is missing or dangles, as GeneratedQuerySupport.Follow gives it).
            if (path.Fields.Count != 2 || TypedHop(path) is not { } hop || !IsTypedScalar(path.Fields[1]))
            {
                return null;
            }

            own = hop;
            field = path.Fields[1];
            nullable = true;
        }
        else if (!IsTypedScalar(field))
        {
            return null;
        }
        else
        {
            own = $"{_prefix}r.{Identifier(field.PropertyName)}";
            nullable = field.IsNullable || field.TypeName == "System.String";
        }

        var op = predicate.Operator;
        switch (op)
        {
            case PredicateOperator.IsNull:
                return nullable ? $"({own} is null)" : "false";
            case PredicateOperator.IsNotNull:
                return nullable ? $"({own} is not null)" : "true";
            case PredicateOperator.IsTrue when field.Kind == FieldKind.Boolean:
                return $"({own} is true)";
        }

        var operands = new List<string>();
        foreach (var value in predicate.Values)
        {
            if (TypedOperand(field, value, PredicateConstants.FoldsText(op)) is not { } operand)
            {
                return null;
            }

            operands.Add(operand);
        }

        var v = $"{_prefix}v{_variables++}";
        string? Test(PredicateOperator test, string operand) => (field.Kind, test) switch
        {
            (FieldKind.String, PredicateOperator.Equal) => $"{Runtime}TypedSemantics.TextEqual({v}, {operand})",
            (FieldKind.String, PredicateOperator.Less or PredicateOperator.LessOrEqual or PredicateOperator.Greater or PredicateOperator.GreaterOrEqual)
                => $"{Runtime}TypedSemantics.TextCompare({v}, {operand}, {Runtime}PredicateOperator.{test})",
            (FieldKind.String, PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith)
                => $"{Runtime}TypedSemantics.TextMatch({v}, {operand}, {Runtime}PredicateOperator.{test})",
            (FieldKind.Date or FieldKind.Period, PredicateOperator.Equal or PredicateOperator.Less or PredicateOperator.LessOrEqual or PredicateOperator.Greater or PredicateOperator.GreaterOrEqual)
                => $"{Runtime}TypedSemantics.DateTest({v}, {Runtime}PredicateOperator.{test}, {operand})",
            (FieldKind.Number, PredicateOperator.Equal) => $"((decimal){v} == {operand})",
            (FieldKind.Number, PredicateOperator.Less) => $"((decimal){v} < {operand})",
            (FieldKind.Number, PredicateOperator.LessOrEqual) => $"((decimal){v} <= {operand})",
            (FieldKind.Number, PredicateOperator.Greater) => $"((decimal){v} > {operand})",
            (FieldKind.Number, PredicateOperator.GreaterOrEqual) => $"((decimal){v} >= {operand})",
            (FieldKind.Enum or FieldKind.Boolean, PredicateOperator.Equal) => $"({v} == {operand})",
            (FieldKind.Nation or FieldKind.Unit, PredicateOperator.Equal) => $"{v}.Equals({operand})",
            _ => null,
        };

        string? body = op switch
        {
            PredicateOperator.Equal or PredicateOperator.Less or PredicateOperator.LessOrEqual or PredicateOperator.Greater or PredicateOperator.GreaterOrEqual
                or PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith => Test(op, operands[0]),
            PredicateOperator.NotEqual => Test(PredicateOperator.Equal, operands[0]) is { } equal ? $"!{equal}" : null,
            PredicateOperator.Between => Test(PredicateOperator.GreaterOrEqual, operands[0]) is { } low && Test(PredicateOperator.LessOrEqual, operands[1]) is { } high
                ? $"({low} && {high})"
                : null,
            PredicateOperator.In or PredicateOperator.NotIn => operands.Select(o => Test(PredicateOperator.Equal, o)).ToList() is var tests && tests.All(t => t is not null)
                ? (op == PredicateOperator.NotIn ? "!" : string.Empty) + $"({string.Join(" || ", tests)})"
                : null,
            _ => null,
        };

        // The pattern reads the property once, as its non-nullable type; a missing value satisfies no comparison.
        return body is null ? null : $"({own} is {{ }} {v} && {body})";
    }

    // A predicate's value typed as the field's CLR type compares it: a literal, a static readonly field, or the parameter.
    private string? TypedOperand(FieldSchema field, BoundValue value, bool folds)
    {
        if (value is BoundParameter parameter)
        {
            var name = Identifier(parameter.Name);
            return field.Kind switch
            {
                FieldKind.String when folds => $"global::BorderDomain.Storage.TextNormalizer.Normalize({name})",
                FieldKind.String => name,
                FieldKind.Number => $"(decimal){name}",
                _ => name, // dates, codes, bools and enums: the parameter has the field's own type
            };
        }

        if (value is not BoundConstant constant)
        {
            return null;
        }

        switch (field.Kind)
        {
            case FieldKind.String:
            case FieldKind.Number:
            case FieldKind.Boolean:
                return Constant(constant, folds);
            case FieldKind.Enum:
                return $"global::{field.TypeName}.{Identifier((string)constant.Value)}";
            case FieldKind.Date or FieldKind.Period:
            case FieldKind.Nation or FieldKind.Unit:
                var type = field.Kind is FieldKind.Nation ? "NationCode" : field.Kind is FieldKind.Unit ? "Unit" : "PartialDate";
                var name = $"{_prefix}t{_statics.Count}_{_member}";
                _statics.Add($"private static readonly {Model}{type} {name} = {Constant(constant, folds)};");
                return name;
            default:
                return null;
        }
    }

    // (object?)record.Property, or the referenced record's field for a one-hop path.
    private string Value(BoundPath path, string record)
    {
        var own = $"(object?){record}.{Identifier(path.Fields[0].PropertyName)}";
        return path.IsListHop
            ? $"{Runtime}GeneratedQuerySupport.FollowEach({Hop(path)}, {own})"
            : path.IsHop
            ? $"{Runtime}GeneratedQuerySupport.Follow({Hop(path)}, {own})"
            : own;
    }

    // A one-hop path's value read through the store's typed table of the referenced set: the key's text (a text
    // reference as it is, a nation code by its alpha-3, as RecordKey gives them), its row, that record's property.
    // Null when the store has no typed table for the set or the reference is neither kind.
    private string? TypedHop(BoundPath path)
    {
        var reference = path.Fields[0];
        var target = path.Fields[1];
        if (reference.IsCollection || _method.TypedTables.FirstOrDefault(t => string.Equals(t.SetName, reference.References, System.StringComparison.OrdinalIgnoreCase)) is not { } table)
        {
            return null;
        }

        var v = _variables++;
        var own = $"{_prefix}r.{Identifier(reference.PropertyName)}";
        var key = (reference.Kind, reference.TypeName) switch
        {
            (FieldKind.String, "System.String") => own,
            (FieldKind.Nation, "BorderDomain.Model.NationCode") => $"({own} is {{ IsDefault: false }} {_prefix}code{v} ? {_prefix}code{v}.Alpha3 : null)",
            _ => null,
        };
        if (key is null)
        {
            return null;
        }

        if (!_typedHops.TryGetValue(table.Property, out var local))
        {
            local = $"{_prefix}to{_typedHops.Count}";
            _typedHops[table.Property] = local;
        }

        return $"({key} is {{ }} {_prefix}key{v} && {local}.TryGetRow({_prefix}key{v}, out var {_prefix}at{v}) ? {local}[{_prefix}at{v}].{Identifier(target.PropertyName)} : (global::{target.TypeName}?)null)";
    }

    // The local holding a hop's target table and field, resolved once at the top of the method.
    private string Hop(BoundPath path)
    {
        var key = (path.Fields[0].References!, path.Fields[1].Name);
        if (!_hops.TryGetValue(key, out var local))
        {
            local = $"{_prefix}hop{_hops.Count}";
            _hops[key] = local;
        }

        return local;
    }

    // The predicate's values as the runtime compares them; a static array when all are constants.
    private string Constants(BoundPredicate predicate)
    {
        if (_subqueries.TryGetValue(predicate, out var values))
        {
            return values;
        }

        var isText = PredicateConstants.FoldsText(predicate.Operator);
        var items = predicate.Values.Select(value => value switch
        {
            BoundConstant constant => Constant(constant, isText),
            BoundParameter parameter => Parameter(parameter, isText),
            _ => "null!",
        }).ToArray();
        var array = $"new object[] {{ {string.Join(", ", items)} }}";
        if (predicate.Values.Any(v => v is BoundParameter))
        {
            return array;
        }

        var name = $"{_prefix}c{_statics.Count}_{_member}";
        _statics.Add($"private static readonly object[] {name} = {array};");
        return name;
    }

    private static string Constant(BoundConstant constant, bool isText) => constant.Kind switch
    {
        FieldKind.String => Literal(isText ? PredicateConstants.Fold((string)constant.Value) : (string)constant.Value),
        FieldKind.Number => ((decimal)constant.Value).ToString(CultureInfo.InvariantCulture) + "m",
        FieldKind.Boolean => Bool((bool)constant.Value),
        FieldKind.Nation => $"{Model}NationCode.Parse({Literal((string)constant.Value)})",
        FieldKind.Unit => $"{Model}Unit.Parse({Literal((string)constant.Value)})",
        FieldKind.Date or FieldKind.Period => $"{Model}PartialDate.Parse({Literal(constant.Value.ToString()!)})",
        _ => Literal((string)constant.Value), // enum members compare by name
    };

    private static string Parameter(BoundParameter parameter, bool isText)
    {
        var name = Identifier(parameter.Name);
        return parameter.Kind switch
        {
            FieldKind.String when isText => $"global::BorderDomain.Storage.TextNormalizer.Normalize({name})",
            FieldKind.Number => $"(decimal){name}",
            FieldKind.Enum => $"{name}.ToString()",
            _ => name,
        };
    }

    private string Field(string name)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            field = $"{_prefix}f{_fields.Count}_{_member}";
            _fields[name] = field;
            _statics.Add($"private static readonly int {field} = {Runtime}GeneratedQuerySupport.Field<{_record}>({Literal(name)});");
        }

        return field;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    internal static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
