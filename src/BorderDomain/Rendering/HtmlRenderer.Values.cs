using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text;
using BorderDomain.Model;
using BorderDomain.Query;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Rendering;

/// <summary>The one entry point for every library type a notebook shows, and the renderings of the types other than results.</summary>
public static partial class HtmlRenderer
{
    /// <summary>
    /// The HTML fragment for <paramref name="value"/>, citing <see cref="BorderStore.Default"/>'s sources: see
    /// <see cref="TryRenderFragment(object?, IQueryStore, out string)"/>.
    /// </summary>
    /// <param name="value">The value to show.</param>
    /// <param name="html">The fragment, or the empty string when the value is not one this renderer shows.</param>
    /// <returns>Whether <paramref name="value"/> is a type this renderer shows.</returns>
    public static bool TryRenderFragment(object? value, out string html) => TryRenderFragment(value, BorderStore.Default, out html);

    /// <summary>
    /// The HTML fragment for <paramref name="value"/>, for a notebook's formatter (Polyglot Notebooks' extension script
    /// calls this for every type it registers). Shown: a <see cref="BdqResult"/> and an <see cref="HtmlResult"/> (a
    /// table, citations, disputed claims, chart); one record (<see cref="Accord"/>, <see cref="Agency"/>,
    /// <see cref="Nation"/>, <see cref="Statistic"/>, <see cref="Source"/>, <see cref="Person"/>, <see cref="Event"/>,
    /// <see cref="Organization"/>, <see cref="Place"/>, <see cref="Statement"/>, <see cref="Participation"/>, <see cref="Affiliation"/>)
    /// as a field-by-value table, a disputed statistic with the claims it disagrees with side by side; a sequence of
    /// one of those record types as a table; a <see cref="BdqPlan"/>; a <see cref="BdqException"/> as its diagnostics
    /// with caret lines; an <see cref="IQueryStore"/> (a <see cref="BorderStore"/>) as its sets and counts.
    /// </summary>
    /// <param name="value">The value to show.</param>
    /// <param name="store">The store whose <c>sources</c> give the citations and whose statistics the disputed siblings.</param>
    /// <param name="html">The fragment, or the empty string when the value is not one this renderer shows.</param>
    /// <returns>Whether <paramref name="value"/> is a type this renderer shows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public static bool TryRenderFragment(object? value, IQueryStore store, out string html)
    {
        ArgumentNullException.ThrowIfNull(store);
        html = value switch
        {
            HtmlResult shown => shown.ToHtml(),
            BdqResult result => RenderFragment(result, store),
            BdqPlan plan => RenderPlan(plan),
            BdqException error => RenderDiagnostics(error.Query, error.Diagnostics, error.Message),
            IQueryStore shownStore => RenderStore(shownStore),
            Accord one => RenderRecord(one, store),
            Agency one => RenderRecord(one, store),
            Nation one => RenderRecord(one, store),
            Statistic one => RenderRecord(one, store),
            Source one => RenderRecord(one, store),
            Person one => RenderRecord(one, store),
            Event one => RenderRecord(one, store),
            Organization one => RenderRecord(one, store),
            Place one => RenderRecord(one, store),
            Statement one => RenderRecord(one, store),
            Participation one => RenderRecord(one, store),
            Affiliation one => RenderRecord(one, store),
            IEnumerable<Accord> many => RenderRecords(many, store),
            IEnumerable<Agency> many => RenderRecords(many, store),
            IEnumerable<Nation> many => RenderRecords(many, store),
            IEnumerable<Statistic> many => RenderRecords(many, store),
            IEnumerable<Source> many => RenderRecords(many, store),
            IEnumerable<Person> many => RenderRecords(many, store),
            IEnumerable<Event> many => RenderRecords(many, store),
            IEnumerable<Organization> many => RenderRecords(many, store),
            IEnumerable<Place> many => RenderRecords(many, store),
            IEnumerable<Statement> many => RenderRecords(many, store),
            IEnumerable<Participation> many => RenderRecords(many, store),
            IEnumerable<Affiliation> many => RenderRecords(many, store),
            _ => string.Empty,
        };
        return html.Length > 0;
    }

    /// <summary>Records of one type as the result a query for them would give.</summary>
    internal static BdqResult ResultOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(IEnumerable<T> records)
        where T : class
    {
        var metadata = QuerySets.For<T>();
        var list = records.ToArray();
        var rows = new IReadOnlyList<object?>[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            var values = new object?[metadata.Getters.Length];
            for (var f = 0; f < values.Length; f++)
            {
                values[f] = metadata.Getters[f](list[i]);
            }

            rows[i] = values;
        }

        var columns = metadata.Schema.Fields.Select(f => f.Name).ToArray();
        return new BdqResult(BdqResultKind.Records, metadata.Schema, columns, rows, list, null);
    }

    private static string RenderRecords<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(IEnumerable<T> records, IQueryStore store)
        where T : class => RenderFragment(ResultOf(records), store);

    private static string RenderRecord<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(T record, IQueryStore store)
        where T : class
    {
        var table = ResultTable.From(ResultOf([record]), store);
        var key = table.Rows[0].Length > 0 ? ValueText.Display(table.Rows[0][0]) : string.Empty;
        var html = Open("bdq-result");
        var footnotes = new Footnotes();
        AppendTransposed(html, table, ResultTable.Singular(table.Set ?? typeof(T).Name) + " " + key, null, footnotes);
        AppendDisputes(html, table, store, footnotes);
        footnotes.AppendList(html);
        if (Claims(table, store) is [var claims, ..] && SvgChart.ForResult(ResultOf(claims), store) is { } chart)
        {
            html.Append(chart).Append('\n');
        }

        return html.Append("</div>\n").ToString();
    }

    /// <summary>
    /// For each group of disputed statistics in <paramref name="table"/>, every claim of the group (its siblings in
    /// <paramref name="store"/>: the claim key the store marks disputes by) side by side, with their sources. The caption
    /// names the agency and the place.
    /// </summary>
    private static void AppendDisputes(StringBuilder html, ResultTable table, IQueryStore store, Footnotes footnotes)
    {
        foreach (var claims in Claims(table, store))
        {
            var first = claims[0];
            var about = string.Join(" · ", new[] { first.Metric.ToString(), ValueText.Display(first.Nations), NameOf<Agency>(store, "agencies", first.Agency, a => a.Name), NameOf<Place>(store, "places", first.Place, p => p.Name), first.Period?.ToString() }
                .Where(part => !string.IsNullOrEmpty(part)));
            var values = string.Join(" vs ", claims.Select(c => ValueText.Display(c.Quantity)));
            html.Append("<div class=\"bdq-disputed\">\n");
            AppendTransposed(
                html,
                ResultTable.From(ResultOf(claims), store),
                string.Create(CultureInfo.InvariantCulture, $"⚑ Disputed: {about} — {claims.Count} claims disagree ({values})"),
                claims.Select(c => c.Id).ToArray(),
                footnotes);
            html.Append("</div>\n");
        }
    }

    /// <summary>The groups of disagreeing claims the disputed statistics of <paramref name="table"/> belong to, each once.</summary>
    private static List<List<Statistic>> Claims(ResultTable table, IQueryStore store)
    {
        var groups = new List<List<Statistic>>();
        var id = table.IndexOf("id");
        if (table.Set is not "statistics" || id < 0 || store.GetTable("statistics") is not EntityTable<Statistic> statistics)
        {
            return groups;
        }

        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (row[id] is not string key || shown.Contains(key) || statistics.Find(key) is not { Disputed: true } claim)
            {
                continue;
            }

            var claimKey = BorderStoreBuilder.ClaimKey(claim);
            var group = statistics.Where(s => s.Disputed && BorderStoreBuilder.ClaimKey(s) == claimKey).ToList();
            if (group.Count < 2)
            {
                continue;
            }

            shown.UnionWith(group.Select(s => s.Id));
            groups.Add(group);
        }

        return groups;
    }

    // A referenced record's name for a caption, or its key when the store has no such record.
    private static string? NameOf<T>(IQueryStore store, string set, string? key, Func<T, string> name)
        where T : class =>
        key is null ? null : store.GetTable(set) is EntityTable<T> table && table.Find(key) is { } record ? name(record) : key;

    private static string RenderPlan(BdqPlan plan)
    {
        var html = Open("bdq-result bdq-plan");
        html.Append("<p class=\"bdq-caption\">");
        AppendCaption(html, plan.Query, "plan");
        html.Append("</p>\n<pre>").Append(Encode(plan.Text.TrimEnd())).Append("</pre>\n");
        return html.Append("</div>\n").ToString();
    }

    private static string RenderDiagnostics(string query, IReadOnlyList<BdqDiagnostic> diagnostics, string message)
    {
        var html = Open("bdq-result bdq-diagnostics");
        html.Append("<p class=\"bdq-caption\">");
        var count = diagnostics.Count;
        AppendCaption(html, query.Length == 0 ? null : query, string.Create(CultureInfo.InvariantCulture, $"{(count == 0 ? "invalid" : count == 1 ? "1 problem" : $"{count} problems")}"));
        html.Append("</p>\n");
        if (count == 0)
        {
            html.Append("<p>").Append(Encode(message)).Append("</p>\n");
        }

        foreach (var diagnostic in diagnostics)
        {
            html.Append("<pre class=\"bdq-diagnostic\" data-code=\"").Append(Encode(diagnostic.Code)).Append("\">")
                .Append(Encode(diagnostic.Format(query))).Append("</pre>\n");
            if (diagnostic.Expected.Count > 0)
            {
                html.Append("<p class=\"expected\">Expected: ").Append(string.Join(", ", diagnostic.Expected.Select(e => "<code>" + Encode(e) + "</code>"))).Append("</p>\n");
            }

            if (diagnostic.Suggestion is { } suggestion)
            {
                html.Append("<p class=\"suggestion\">Did you mean <code>").Append(Encode(suggestion)).Append("</code>?</p>\n");
            }
        }

        return html.Append("</div>\n").ToString();
    }

    private static string RenderStore(IQueryStore store)
    {
        var rows = new List<object?[]>();
        var total = 0;
        foreach (var set in store.Schema.Sets)
        {
            var count = store.GetTable(set.Name)?.Count ?? 0;
            total += count;
            rows.Add([set.Name, set.RecordTypeName, count, string.Join(", ", set.Fields.Select(f => f.Name))]);
        }

        var caption = string.Create(CultureInfo.InvariantCulture, $"{store.GetType().Name} — {rows.Count} sets, {total} records");
        var html = Open("bdq-result bdq-store");
        AppendTable(html, ResultTable.Of(caption, ["set", "record type", "records", "fields"], rows), null, new Footnotes());
        return html.Append("</div>\n").ToString();
    }
}
