using System;
using System.Collections.Immutable;
using System.Linq;

namespace BorderDomain.Query;

/// <summary>
/// The plan a query would run with (<see cref="Bdq.ExplainPlan"/>): the query and the plan as indented text, one step a
/// line. A value of its own so that hosts such as notebooks can show it (the HTML renderer shows it as a titled block).
/// </summary>
/// <param name="Query">The query text.</param>
/// <param name="Text">The plan, as <see cref="Bdq.Explain"/> gives it.</param>
public sealed record BdqPlan(string Query, string Text)
{
    /// <summary>The plan's lines (steps), without their line ends; indented steps keep their indentation.</summary>
    public ImmutableArray<string> Steps => [.. Text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0)];

    /// <summary>The plan text.</summary>
    public override string ToString() => Text;
}
