using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Query.Syntax;
using BorderDomain.Storage;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// Runs one query text through every run-time entry point (parser, executor, explainer, IQueryable path and the
/// diagnostic formatter), counting cases, timing each, and recording anything that is neither a result nor diagnostics.
/// </summary>
internal sealed class EntryPoints(BorderStore store)
{
    private readonly List<string> _failures = [];

    public int Cases { get; private set; }

    public int Accepted { get; private set; }

    public TimeSpan Worst { get; private set; }

    public string WorstInput { get; private set; } = string.Empty;

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Every diagnostic code seen, with how often.</summary>
    public Dictionary<string, int> Codes { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="query"/> everywhere; returns the executor's diagnostic codes.</summary>
    public IReadOnlyList<string> Run(string query, BdqOptions? options = null)
    {
        Cases++;
        var start = Stopwatch.GetTimestamp();
        IReadOnlyList<string> codes = [];
        try
        {
            var parsed = QueryParser.Parse(query, options);
            Require(parsed.Query is not null || parsed.Diagnostics.Count > 0, query, "Parse gave neither a query nor diagnostics");
            CheckSpans(query, parsed.Diagnostics, "Parse");

            var executed = Bdq.TryExecute(store, query, out var result, out var diagnostics, options: options);
            Require(executed == (result is not null) && executed == (diagnostics.Count == 0), query, "TryExecute's result, diagnostics and return value disagree");
            CheckSpans(query, diagnostics, "TryExecute");
            codes = diagnostics.Select(d => d.Code).ToList();
            foreach (var code in codes)
            {
                Codes[code] = Codes.GetValueOrDefault(code) + 1;
            }

            if (executed)
            {
                Accepted++;
                _ = result!.Kind == BdqResultKind.Count ? result.Count : result.Records.Count + result.Rows.Count;
            }

            var explained = Bdq.TryExplain(store, query, out var plan, out var explainDiagnostics, options);
            Require(explained == (plan is not null) && explained == (explainDiagnostics.Count == 0), query, "TryExplain's plan, diagnostics and return value disagree");
            CheckSpans(query, explainDiagnostics, "TryExplain");

            var applied = Apply(query, options, out var applyDiagnostics);
            Require(applied == (applyDiagnostics.Count == 0), query, "TryApply's diagnostics and return value disagree");
            CheckSpans(query, applyDiagnostics, "TryApply");
        }
#pragma warning disable CA1031 // Any exception at all is the finding.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failures.Add($"{Show(query)}: {exception.GetType().FullName}: {exception.Message}");
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed > Worst)
        {
            (Worst, WorstInput) = (elapsed, query);
        }

        return codes;
    }

    public string Summary(string what) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what}: {Cases} cases ({Accepted} accepted), worst {Worst.TotalMilliseconds:F2} ms per case on {Show(WorstInput)}; codes {string.Join(", ", Codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}×{c.Value}"))}");

    /// <summary>A query shortened and escaped for a message.</summary>
    public static string Show(string query)
    {
        var text = query.Length > 120 ? string.Concat(query.AsSpan(0, 100), $"…({query.Length} chars)") : query;
        var escaped = new System.Text.StringBuilder("\"");
        foreach (var c in text)
        {
            escaped.Append(c is < ' ' or (>= '\u007f' and <= '\u009f') || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return escaped.Append('"').ToString();
    }

    private bool Apply(string query, BdqOptions? options, out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        var call = new TryApplyCall(store, query, options);
        var ok = SetQueryables.Call(store, query, call, fallback: "accords");
        diagnostics = call.Diagnostics;
        return ok;
    }

    private sealed class TryApplyCall(BorderStore store, string query, BdqOptions? options) : IQueryableCall<bool>
    {
        public IReadOnlyList<BdqDiagnostic> Diagnostics { get; private set; } = [];

        public bool Call<T>(IQueryable<T> rows)
            where T : class
        {
            var ok = BdqQueryable.TryApply(rows, query, out var applied, out var diagnostics, store: store, options: options);
            Diagnostics = diagnostics;
            if (ok)
            {
                _ = applied!.Count();
            }

            return ok;
        }
    }

    private void CheckSpans(string query, IReadOnlyList<BdqDiagnostic> diagnostics, string where)
    {
        foreach (var diagnostic in diagnostics)
        {
            Require(diagnostic.Span.Start >= 0 && diagnostic.Span.Length >= 0 && diagnostic.Span.End <= query.Length, query, $"{where}: span {diagnostic.Span.Start}+{diagnostic.Span.Length} outside the text ({diagnostic.Code})");
            Require(BdqDiagnostics.All.ContainsKey(diagnostic.Code), query, $"{where}: unknown code {diagnostic.Code}");
            _ = diagnostic.Format(query);
        }
    }

    private void Require(bool condition, string query, string message)
    {
        if (!condition)
        {
            _failures.Add($"{Show(query)}: {message}");
        }
    }
}
