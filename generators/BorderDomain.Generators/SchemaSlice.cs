using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query.Semantics;
using BorderDomain.Schema;
using BorderDomain.Query.Syntax;

namespace BorderDomain.Generators;

/// <summary>
/// The part of the schema a query's binding reads: the set it names and every set a path of it reaches by following
/// references (<c>nation.region</c> reads <c>nations</c> too). The binder looks sets up only by those names, so binding
/// against the slice gives what binding against the whole schema gives, and an edit to a record type no path of the
/// query reaches leaves the slice equal: the generator does not bind that query again.
/// </summary>
/// <remarks>
/// A query that names no known set reads every set's name (its diagnostic lists them or suggests one), so its slice is
/// the whole schema; so is the slice of a query holding a kind of condition this walk does not know, rather than a
/// slice too small. A test binds every query of the corpus and of the diagnostic table both ways and compares.
/// </remarks>
internal static class SchemaSlice
{
    /// <summary>The sets of <paramref name="schema"/> that binding <paramref name="query"/> reads, in the schema's order.</summary>
    internal static QuerySchema For(QuerySyntax? query, QuerySchema schema)
    {
        if (query is null)
        {
            return new QuerySchema([]);
        }

        if (schema.Find(query.Set.Name) is not { } root || Paths(query) is not { } paths)
        {
            return schema;
        }

        var used = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { root.Name };
        foreach (var path in paths)
        {
            var set = root;
            for (var i = 0; i + 1 < path.Segments.Count; i++)
            {
                if (set.FindField(path.Segments[i].Name)?.References is not { } target || schema.Find(target) is not { } next)
                {
                    break;
                }

                used.Add(next.Name);
                set = next;
            }
        }

        return new QuerySchema(schema.Sets.Where(s => used.Contains(s.Name)).ToArray());
    }

    // Every path the query names, or null when it holds a condition of a kind not known here.
    private static List<PathSyntax>? Paths(QuerySyntax query)
    {
        var paths = new List<PathSyntax>();
        if (query.Where is { } where && !Collect(where, paths))
        {
            return null;
        }

        paths.AddRange(query.OrderBy.Select(o => o.Path));
        paths.AddRange(query.Select);
        if (query.GroupBy is { } group)
        {
            paths.AddRange(group.Keys);
            paths.AddRange(group.Aggregates.Where(a => a.Argument is not null).Select(a => a.Argument!));
        }

        return paths;
    }

    private static bool Collect(ExpressionSyntax expression, List<PathSyntax> paths)
    {
        // Iterative over and/or chains, so a long chain uses no stack.
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case AndSyntax and:
                    pending.Push(and.Right);
                    pending.Push(and.Left);
                    break;
                case OrSyntax or:
                    pending.Push(or.Right);
                    pending.Push(or.Left);
                    break;
                case NotSyntax not:
                    pending.Push(not.Operand);
                    break;
                case PredicateSyntax { Operands: [SubquerySyntax] }:
                    return false; // a sub-query reads another set: bind against the whole schema
                case PredicateSyntax predicate:
                    paths.Add(predicate.Path);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
