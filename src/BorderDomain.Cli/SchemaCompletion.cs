using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Cli;

/// <summary>
/// Tab completion for the console from the schema: set names and meta-commands first; then the fields of the
/// statement's set (and of the sets its references lead to, after a <c>.</c>), BDQ's keywords, the members of the
/// set's enums and the nation codes present in the data.
/// </summary>
internal sealed class SchemaCompletion(Session session)
{
    /// <summary>The words of the language offered after the set.</summary>
    public static readonly string[] Keywords =
    [
        "where", "and", "or", "not", "has", "in", "contains", "startswith", "select", "order", "by", "asc", "desc",
        "group", "count", "sum", "avg", "min", "max", "take", "skip", "true", "false", "null",
    ];

    /// <summary>The meta-commands, offered at the start of a statement.</summary>
    public static readonly string[] Commands = [".help", ".sets", ".fields", ".values", ".format", ".param", ".explain", ".timer", ".quit"];

    private IReadOnlyList<string>? _nations;

    /// <summary>
    /// The completions of <paramref name="word"/> given the statement's text before it (<paramref name="before"/>),
    /// each starting with <paramref name="word"/>, best first.
    /// </summary>
    public IEnumerable<string> Complete(string before, string word)
    {
        var schema = session.Target.Schema;
        var words = QueryLexer.Words(before).ToList();
        IEnumerable<string> candidates;
        if (words.Count == 0)
        {
            candidates = schema.Sets.Select(s => s.Name).Concat(Commands).Concat(["explain", "help", "quit"]);
        }
        else if (words[0] is ".fields" or ".schema" && words.Count == 1)
        {
            candidates = schema.Sets.Select(s => s.Name);
        }
        else if (words[0] == ".values" && words.Count == 1)
        {
            candidates = schema.Sets.SelectMany(s => s.Fields.Select(f => s.Name + "." + f.Name));
        }
        else if (words[0] == ".format" && words.Count == 1)
        {
            candidates = CliOptions.FormatNames;
        }
        else if (words[0] == ".timer" && words.Count == 1)
        {
            candidates = ["on", "off"];
        }
        else
        {
            var setWord = words[0].Equals("explain", StringComparison.OrdinalIgnoreCase) || words[0] == ".explain" ? words.ElementAtOrDefault(1) : words[0];
            if (setWord is null)
            {
                candidates = schema.Sets.Select(s => s.Name);
            }
            else if (schema.Find(setWord) is not { } set)
            {
                candidates = [];
            }
            else if (word.Contains('.', StringComparison.Ordinal))
            {
                candidates = PathCompletions(set, word);
            }
            else
            {
                candidates = set.Fields.Select(f => f.Name)
                    .Concat(Keywords)
                    .Concat(set.Fields.Where(f => f.Kind == FieldKind.Enum).SelectMany(f => f.EnumMembers))
                    .Concat(set.Fields.Any(f => f.Kind == FieldKind.Nation) || set.Fields.Any(f => f.References == "nations") ? Nations() : []);
            }
        }

        return candidates.Where(c => c.StartsWith(word, StringComparison.Ordinal) && c.Length > word.Length).Distinct(StringComparer.Ordinal).ToList();
    }

    // "parent.na" → the fields of the set parent references, as "parent.name"; any depth.
    private IEnumerable<string> PathCompletions(EntitySetSchema set, string word)
    {
        var parts = word.Split('.');
        var current = set;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current.FindField(parts[i]) is not { References: { } target } || session.Target.Schema.Find(target) is not { } next)
            {
                return [];
            }

            current = next;
        }

        var head = string.Join('.', parts[..^1]) + ".";
        return current.Fields.Select(f => head + f.Name);
    }

    private IReadOnlyList<string> Nations()
    {
        if (_nations is null)
        {
            var nations = session.Target.Schema.Find("nations");
            _nations = nations?.Key is { } key ? session.DistinctValues(nations.Name, key) : [];
        }

        return _nations;
    }
}
