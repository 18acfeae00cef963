using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;

namespace BorderDomain.Fuzz;

/// <summary>
/// What one fuzz input does, shared by the coverage-guided fuzzer (<c>Program.cs</c>) and the corpus tests
/// (<c>tests/BorderDomain.Tests/Stress/FuzzCorpusTests.cs</c>, which compile this file in). A bad input ends in
/// diagnostics or data errors; anything else that escapes, or a broken contract (a result and diagnostics at once, a
/// span outside the text), is a finding and throws, which the fuzzer records as a crash.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The target names, as the fuzzer's first argument and the corpus folder names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["query", "load"];

    private static BorderStore Store => Bundled.Store;

    /// <summary>Runs the target called <paramref name="name"/> on <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static void Run(string name, byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        switch (name)
        {
            case "query":
                Query(input);
                break;
            case "load":
                using (var stream = new MemoryStream(input, writable: false))
                {
                    _ = Load(stream);
                }

                break;
            default:
                throw new ArgumentException($"No fuzz target '{name}'; the targets are {string.Join(", ", Names)}.", nameof(name));
        }
    }

    /// <summary>The bytes as UTF-8 text (invalid sequences become U+FFFD), run as a query.</summary>
    public static void Query(ReadOnlySpan<byte> input) => Query(Encoding.UTF8.GetString(input));

    /// <summary>
    /// Runs <paramref name="query"/> through <see cref="Bdq.TryExecute"/> on the bundled store, <see cref="Bdq.TryExplain"/>,
    /// <see cref="Bdq.TryCompile"/> and <see cref="BdqQueryable.TryApply"/> over the bundled records as lists, all under the
    /// default options, and checks each answer is a result or diagnostics, never both or neither.
    /// </summary>
    /// <exception cref="FuzzFindingException">An entry point broke its contract.</exception>
    public static void Query(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var executed = Bdq.TryExecute(Store, query, out var result, out var diagnostics);
        Require(executed == (result is not null) && executed == (diagnostics.Count == 0), query, "TryExecute's return value, result and diagnostics disagree");
        CheckDiagnostics(query, diagnostics, "TryExecute");
        if (result is not null)
        {
            _ = result.Kind == BdqResultKind.Count ? result.Count : result.Records.Count + result.Rows.Count;
        }

        var explained = Bdq.TryExplain(Store, query, out var plan, out diagnostics);
        Require(explained == (plan is not null) && explained == (diagnostics.Count == 0), query, "TryExplain's return value, plan and diagnostics disagree");
        CheckDiagnostics(query, diagnostics, "TryExplain");

        var compiled = Bdq.TryCompile(query, Store.Schema, null, out var bound, out diagnostics);
        Require(compiled == (bound is not null) && compiled == (diagnostics.Count == 0), query, "TryCompile's return value, query and diagnostics disagree");
        CheckDiagnostics(query, diagnostics, "TryCompile");

        var set = query.TrimStart().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant();
        var applied = set switch
        {
            "agencies" => Apply(Bundled.Agencies, query),
            "statistics" => Apply(Bundled.Statistics, query),
            "people" => Apply(Bundled.People, query),
            "events" => Apply(Bundled.Events, query),
            "sources" => Apply(Bundled.Sources, query),
            "nations" => Apply(Bundled.Nations, query),
            "organizations" => Apply(Bundled.Organizations, query),
            "places" => Apply(Bundled.Places, query),
            "statements" => Apply(Bundled.Statements, query),
            "participants" => Apply(Bundled.Participants, query),
            "affiliations" => Apply(Bundled.Affiliations, query),
            _ => Apply(Bundled.Accords, query),
        };
        Require(!applied || compiled, query, "TryApply accepted a query TryCompile refused");
    }

    /// <summary>
    /// Loads <paramref name="stream"/> on top of the bundled store with <see cref="BorderDataset.Load(BorderStore, Stream, string?, long, int)"/>;
    /// a rejected file (<see cref="BorderDataException"/>) is an answer, and a loaded one is counted and queried.
    /// </summary>
    /// <returns><see langword="true"/> when the data loaded, <see langword="false"/> when it was rejected.</returns>
    /// <exception cref="FuzzFindingException">The loader broke its contract.</exception>
    public static bool Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        BorderStore loaded;
        try
        {
            loaded = BorderDataset.Load(Store, stream, "fuzz.json");
        }
        catch (BorderDataException rejected)
        {
            foreach (var error in rejected.Errors)
            {
                _ = error.ToString();
            }

            return false;
        }

        Require(loaded.Accords.Count >= Store.Accords.Count && loaded.Statistics.Count >= Store.Statistics.Count, "(load)", "a load lost bundled records");
        foreach (var query in (string[])["accords count", "accords where parties has PER order by signed desc", "statistics group by metric count", "agencies where nation.region = \"South America\""])
        {
            var executed = Bdq.TryExecute(loaded, query, out var result, out var diagnostics);
            Require(executed && result is not null && diagnostics.Count == 0, query, "a query that runs on the bundled store fails on a loaded one");
        }

        return true;
    }

    private static bool Apply<T>(IQueryable<T> source, string query)
        where T : class
    {
        var applied = BdqQueryable.TryApply(source, query, out var rows, out var diagnostics, store: Store);
        Require(applied == (rows is not null) && applied == (diagnostics.Count == 0), query, "TryApply's return value, rows and diagnostics disagree");
        CheckDiagnostics(query, diagnostics, "TryApply");
        if (rows is not null)
        {
            _ = rows.Count();
        }

        return applied;
    }

    private static void CheckDiagnostics(string query, IReadOnlyList<BdqDiagnostic> diagnostics, string where)
    {
        foreach (var diagnostic in diagnostics)
        {
            Require(diagnostic.Span.Start >= 0 && diagnostic.Span.Length >= 0 && diagnostic.Span.End <= query.Length, query, $"{where}: span {diagnostic.Span.Start}+{diagnostic.Span.Length} outside the text ({diagnostic.Code})");
            Require(BdqDiagnostics.All.ContainsKey(diagnostic.Code), query, $"{where}: unknown code {diagnostic.Code}");
            _ = diagnostic.Format(query);
        }
    }

    private static void Require(bool condition, string input, string message)
    {
        if (!condition)
        {
            throw new FuzzFindingException($"{message}: {Show(input)}");
        }
    }

    private static string Show(string text)
    {
        var shown = text.Length > 200 ? string.Concat(text.AsSpan(0, 180), $"…({text.Length} chars)") : text;
        var escaped = new StringBuilder("\"");
        foreach (var c in shown)
        {
            escaped.Append(c is < ' ' or (>= '\u007f' and <= '\u009f') || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return escaped.Append('"').ToString();
    }

    /// <summary>
    /// The bundled store and its records as plain lists (so TryApply runs over LINQ to Objects, not the store's tables).
    /// A class of its own so that nothing touches the instrumented library before the fuzzer has set up its shared
    /// coverage memory: SharpFuzz's instrumented code writes there from the first method it runs.
    /// </summary>
    private static class Bundled
    {
        public static readonly BorderStore Store = BorderStore.Default;
        public static readonly IQueryable<Accord> Accords = Store.Accords.ToList().AsQueryable();
        public static readonly IQueryable<Agency> Agencies = Store.Agencies.ToList().AsQueryable();
        public static readonly IQueryable<Statistic> Statistics = Store.Statistics.ToList().AsQueryable();
        public static readonly IQueryable<Person> People = Store.People.ToList().AsQueryable();
        public static readonly IQueryable<Event> Events = Store.Events.ToList().AsQueryable();
        public static readonly IQueryable<Source> Sources = Store.Sources.ToList().AsQueryable();
        public static readonly IQueryable<Nation> Nations = Store.Nations.ToList().AsQueryable();
        public static readonly IQueryable<Organization> Organizations = Store.Organizations.ToList().AsQueryable();
        public static readonly IQueryable<Place> Places = Store.Places.ToList().AsQueryable();
        public static readonly IQueryable<Statement> Statements = Store.Statements.ToList().AsQueryable();
        public static readonly IQueryable<Participation> Participants = Store.Participants.ToList().AsQueryable();
        public static readonly IQueryable<Affiliation> Affiliations = Store.Affiliations.ToList().AsQueryable();
    }
}
