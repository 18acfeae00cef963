using System;
using System.ComponentModel;

namespace BorderDomain.Query;

/// <summary>
/// Written by the BorderDomain source generator on each query method it compiles: the query and the plan its body
/// runs, as <see cref="Bdq.Explain"/> prints plans. Read it with <see cref="Bdq.ExplainCompiled"/>; not meant to be
/// written by hand.
/// </summary>
/// <param name="query">The BDQ query the method compiles.</param>
/// <param name="plan">The plan its body runs, as text (planned at compile time, without statistics).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BdqCompiledPlanAttribute(string query, string plan) : Attribute
{
    /// <summary>The BDQ query the method compiles.</summary>
    public string Query { get; } = query;

    /// <summary>The plan the generated body runs, as text.</summary>
    public string Plan { get; } = plan;
}
