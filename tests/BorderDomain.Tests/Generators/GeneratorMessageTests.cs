extern alias generator;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using Microsoft.CodeAnalysis;
using Xunit;
using GeneratorDiagnostics = generator::BorderDomain.Generators.GeneratorDiagnostics;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// The generator's message catalogue: relayed query codes carry the front end's text and description, the generator's
/// own descriptors have real message formats, and the AnalyzerReleases files list exactly the IDs the catalogue reports.
/// </summary>
public sealed partial class GeneratorMessageTests
{
    [Fact]
    public void EveryQueryDiagnosticCode_IsRelayedWithItsDescriptionAsTitle()
    {
        Assert.Equal(BdqDiagnostics.All.Keys.Order(StringComparer.Ordinal), GeneratorDiagnostics.Relayed.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, descriptor) in GeneratorDiagnostics.Relayed)
        {
            Assert.Equal(code, descriptor.Id);
            Assert.Equal(BdqDiagnostics.All[code], descriptor.Title.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("{0}", descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        }
    }

    [Fact]
    public void OwnDescriptors_HaveRealFormats_AndOneTitleAndSeverityPerId()
    {
        foreach (var descriptor in GeneratorDiagnostics.Own)
        {
            var format = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            Assert.StartsWith("BDQ1", descriptor.Id, StringComparison.Ordinal);
            Assert.NotEqual("{0}", format);
            Assert.True(Placeholder().Replace(format, string.Empty).Trim().Length > 10, $"{descriptor.Id}: '{format}' is mostly arguments");

            // Arguments are numbered from 0 without gaps, so each call site passes exactly the parts that vary.
            var used = Placeholder().Matches(format).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            Assert.Equal(Enumerable.Range(0, used.Count), used);
        }

        foreach (var id in GeneratorDiagnostics.Own.GroupBy(d => d.Id))
        {
            Assert.Single(id.Select(d => (d.Title.ToString(CultureInfo.InvariantCulture), d.DefaultSeverity, d.Category)).Distinct());
        }

        Assert.Equal(GeneratorDiagnostics.Own.Length, GeneratorDiagnostics.Own.Select(d => d.MessageFormat.ToString(CultureInfo.InvariantCulture)).Distinct().Count());
    }

    [Fact]
    public void AnalyzerReleases_ListEveryIdOnce_WithTheCataloguesTitleAndSeverity()
    {
        var rows = ReleaseRows().ToList();

        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        var expected = GeneratorDiagnostics.All
            .Select(d => (d.Id, d.Category, d.DefaultSeverity.ToString(), d.Title.ToString(CultureInfo.InvariantCulture)))
            .Distinct()
            .OrderBy(r => r.Id, StringComparer.Ordinal);
        Assert.Equal(expected, rows.OrderBy(r => r.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Info_FillsTheFormat_WithTheArgumentsGiven()
    {
        var info = GeneratorDiagnostics.Info(GeneratorDiagnostics.ParameterTypeDoesNotFit, null, "since", "string", "since", GeneratorDiagnostics.Alternatives(["global::BorderDomain.Model.PartialDate"]));

        Assert.Equal("BDQ1004", info.Id);
        Assert.Equal("Parameter 'since' is string, but @since needs global::BorderDomain.Model.PartialDate.", info.Message);
        Assert.Equal("BDQ1004: Parameter 'since' is string, but @since needs global::BorderDomain.Model.PartialDate.", GeneratorDiagnostics.FailureMessage(info));
    }

    // The rows of the "New Rules" tables in AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md.
    private static IEnumerable<(string Id, string Category, string Severity, string Notes)> ReleaseRows()
    {
        var folder = Path.Combine(RepositoryRoot(), "generators", "BorderDomain.Generators");
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(folder, file)).Where(l => l.StartsWith("BDQ", StringComparison.Ordinal)))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                yield return (cells[0], cells[1], cells[2], cells[3]);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "generators", "BorderDomain.Generators", "AnalyzerReleases.Unshipped.md")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
