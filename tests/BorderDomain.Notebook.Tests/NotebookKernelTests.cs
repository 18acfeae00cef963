using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BorderDomain.Notebook.Tests;

/// <summary>
/// samples/BorderDomain.ipynb in the real kernel (see <see cref="NotebookKernelFixture"/>): every cell succeeds with no
/// error or warning from it or any command it caused, except the BDQ typo cell, which exists to fail; and each cell shows
/// what it is there to show.
/// </summary>
public sealed class NotebookKernelTests(NotebookKernelFixture notebook, ITestOutputHelper output) : IClassFixture<NotebookKernelFixture>
{
    private const string TypoCell = "accords where parites has PER";

    [Fact]
    public void Every_cell_but_the_bdq_typo_runs_without_an_error_or_warning_from_it_or_its_children()
    {
        Assert.True(notebook.Runs.Count >= 12, $"only {notebook.Runs.Count} code cells ran");
        foreach (var (cell, run) in notebook.Runs.Where(r => r.Cell.Source.Trim() != TypoCell))
        {
            AssertSucceeded(cell, run);
        }

        output.WriteLine($"pack {notebook.PackTime.TotalSeconds:F0} s, notebook in the kernel {notebook.NotebookTime.TotalSeconds:F0} s");
    }

    [Fact]
    public void Package_cell_references_the_newest_package_in_the_artifacts_folder_above_the_notebook_by_absolute_path_and_exact_version()
    {
        var run = Run("borderDomainReference");
        Assert.Equal($"#i \"nuget: {notebook.Feed}\"\n#r \"nuget: BorderDomain, {notebook.Version}\"", run.ReturnedText);
        Assert.Contains(run.Outputs("text/plain"), text => text.Contains($"borderdomain/{notebook.Version}/interactive-extensions/dotnet/extension.dib", StringComparison.Ordinal));
    }

    [Fact]
    public void Dataset_cell_counts_the_bundled_sets()
    {
        Assert.Matches(new Regex(@"^\d+ accords, \d+ statistics, \d+ sources$"), Run("var store = BorderStore.Default;").ReturnedText);
    }

    [Fact]
    public void Table_cell_shows_the_html_table_with_citations()
    {
        var html = Assert.Single(Run("HtmlRenderer.Display(accords, store, peruEcuador)").Outputs("text/html"));
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("pe-ec-2025-pledge", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"citation\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_cell_lists_the_records_as_text()
    {
        var text = Run("signed >= @since").ReturnedText;
        Assert.NotNull(text);
        Assert.All(text.Split('\n'), line => Assert.Matches(new Regex(@"^\d{4}(-\d{2}){0,2}  \S"), line));
    }

    [Fact]
    public void Explain_cell_shows_the_plan()
    {
        var plan = Run("Bdq.Explain(store,").ReturnedText;
        Assert.NotNull(plan);
        Assert.StartsWith("accords (", plan, StringComparison.Ordinal);
        Assert.Contains("posting list of parties: parties has ", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Typo_cell_shows_the_caret_diagnostic()
    {
        var text = Run("var typo =").ReturnedText;
        Assert.NotNull(text);
        Assert.Contains("did you mean 'parties'", text, StringComparison.Ordinal);
        Assert.Contains("^^^^^^^", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistic_cells_show_the_svg_chart()
    {
        Assert.Contains("<svg", Assert.Single(Run("var trade =").Outputs("text/html")), StringComparison.Ordinal);
        Assert.Contains("<table", Assert.Single(Run("var borders =").Outputs("text/html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Bdq_cell_shows_the_result_as_the_html_table()
    {
        var run = Run("--name pledges");
        var html = Assert.Single(run.Outputs("text/html"));
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("pe-ec-2025-pledge", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"citation\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bdq_explain_cell_shows_the_same_plan_as_Bdq_Explain()
    {
        var plan = Run("Bdq.Explain(store,").ReturnedText;
        Assert.Equal(plan, Assert.Single(Run("--explain").Outputs("text/plain")));
    }

    [Fact]
    public void Bdq_magic_line_in_a_csharp_cell_runs_the_rest_of_the_cell_as_bdq()
    {
        var run = notebook.MagicLine;
        Assert.False(run.Failed, run.ToString());
        var html = Assert.Single(run.Outputs("text/html"));
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains(">count<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bdq_result_is_shared_to_csharp()
    {
        Assert.Matches(new Regex(@"^\d+ accords, the first pe-ec-2013-fuel$"), Run("#!share --from bdq pledges").ReturnedText);
    }

    [Fact]
    public void Bdq_typo_cell_shows_the_caret_display_and_fails_with_the_message()
    {
        var run = Assert.Single(notebook.Runs, r => r.Cell.Kernel == "bdq" && r.Cell.Source.Trim() == TypoCell).Run;
        Assert.True(run.Failed, run.ToString());
        Assert.StartsWith("BDQ0102 ", run.FailureMessage, StringComparison.Ordinal);
        var html = Assert.Single(run.Outputs("text/html"));
        Assert.StartsWith("<pre class=\"bdq-diagnostic\">", html, StringComparison.Ordinal);
        Assert.Contains("did you mean &#39;parties&#39;", html, StringComparison.Ordinal);
        Assert.Contains("^^^^^^^", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bdq_completions_offer_the_sets_first_and_the_sets_fields_after()
    {
        Assert.Empty(notebook.SetCompletions.Failures);
        Assert.Contains("accords", notebook.SetCompletions.Completions);
        Assert.Contains("statistics", notebook.SetCompletions.Completions);
        Assert.DoesNotContain("parties", notebook.SetCompletions.Completions);

        Assert.Empty(notebook.FieldCompletions.Failures);
        Assert.Contains("parties", notebook.FieldCompletions.Completions);
        Assert.Contains("signed", notebook.FieldCompletions.Completions);
        Assert.DoesNotContain("accords", notebook.FieldCompletions.Completions);
    }

    [Fact]
    public void Negative_control_a_package_whose_extension_dib_has_a_typo_is_reported_as_a_failure()
    {
        var run = notebook.BrokenPackageCell;
        Assert.Contains(run.Outputs("text/plain"), text => text.Contains($"borderdomain/{notebook.BrokenVersion}/interactive-extensions/dotnet/extension.dib", StringComparison.Ordinal));
        Assert.Contains(run.Failures, failure => failure.Contains("Registr", StringComparison.Ordinal));
        // The check every good cell passes rejects this one.
        var rejected = Assert.ThrowsAny<XunitException>(() => AssertSucceeded(notebook.Cells.First(c => c.IsCode), run));
        // In 1.0.712001 the package cell itself still succeeds: only the extension script's child command reports the error.
        Assert.False(run.Failed, run.ToString());
        Assert.Contains(run.Failures, failure => failure.Contains("error CS0117: 'Formatter' does not contain a definition for 'Registr'", StringComparison.Ordinal));
        output.WriteLine(rejected.Message);
    }

    [Fact]
    public void Bdq_kernel_lists_its_values_for_sharing()
    {
        Assert.Empty(notebook.ValueInfos.Failures);
        var infos = notebook.ValueInfos.Events.Single(e => e.Type == "ValueInfosProduced").Body["valueInfos"]!.AsArray();
        Assert.Equal(["pledges"], infos.Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal("BorderDomain.Query.BdqResult", infos[0]!["typeName"]!.GetValue<string>());
    }

    private static void AssertSucceeded(NotebookCell cell, CommandRun run) =>
        Assert.True(run.Failures.Count == 0, $"{cell}\nfailed:\n{string.Join('\n', run.Failures)}\n{run}");

    private CommandRun Run(string marker)
    {
        var matches = notebook.Runs.Where(r => r.Cell.Source.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count >= 1, $"no cell contains '{marker}'");
        return matches[0].Run;
    }
}
