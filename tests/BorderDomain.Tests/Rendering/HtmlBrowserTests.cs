using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BorderDomain.Query;
using BorderDomain.Rendering;
using BorderDomain.Storage;
using Xunit;
using Xunit.Abstractions;

namespace BorderDomain.Tests.Rendering;

/// <summary>
/// Loads the rendered page in Debian's headless chromium (installed for CI by .ci/install-browser.sh) and checks the
/// DOM the browser built, and that it paints a screenshot. The screenshot stays in a temporary folder. Under CI=true
/// a missing browser is a failure; elsewhere the tests return early without one.
/// </summary>
[Collection(ProcessTestCollection.Name)]
public sealed class HtmlBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string PeruEcuador = "accords where parties has PER and parties has ECU order by signed desc";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly string _work = Directory.CreateTempSubdirectory("borderdomain-browser-").FullName;
    private readonly ITestOutputHelper _output;

    public HtmlBrowserTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still be releasing its profile; the folder is temporary anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [Fact]
    public void The_browser_builds_the_table_with_six_rows_and_their_citations()
    {
        if (!BrowserAvailable())
        {
            return;
        }

        var page = WritePage(PeruEcuador);
        var dom = RunChromium("--dump-dom", new Uri(page).AbsoluteUri);

        var body = Regex.Match(dom, "<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        Assert.True(body.Success, "The rendered DOM has no tbody:\n" + dom);
        var rows = Regex.Matches(body.Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal(6, rows.Count);
        var firstCells = Regex.Matches(rows[0].Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline);
        Assert.Equal("pe-ec-2013-fuel", firstCells[0].Groups[1].Value);
        var sources = Regex.Match(rows[0].Groups[1].Value, "<td class=\"citation\">(.*?)</td>", RegexOptions.Singleline);
        Assert.True(sources.Success);
        Assert.Contains("Hólger Álava", WebUtility.HtmlDecode(sources.Groups[1].Value));
        Assert.Contains("<caption>", dom);
    }

    [Fact]
    public void The_browser_paints_a_screenshot_of_the_page_and_its_chart()
    {
        if (!BrowserAvailable())
        {
            return;
        }

        var page = WritePage("statistics where metric = BilateralTrade group by period sum(value)");
        var png = Path.Combine(_work, "page.png");
        RunChromium($"--screenshot={png}", "--window-size=1200,800", new Uri(page).AbsoluteUri);

        Assert.True(File.Exists(png), "chromium wrote no screenshot");
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 5_000, $"the screenshot is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    public static TheoryData<string> WidestOutputs() => ["accords", "one accord", "disputed statistics", "one disputed statistic"];

    /// <summary>
    /// Lays the fragment out at a 1000 px wide viewport and measures it from the DOM with a script appended to the test's
    /// own page (the fragment itself has none): each output container's scrollWidth against its clientWidth, and the
    /// right edge of every element inside it against the viewport. The screenshot stays in the test output folder.
    /// </summary>
    [Theory]
    [MemberData(nameof(WidestOutputs))]
    public void TryRenderFragment_WidestOutputsAt1000Px_DoNotOverflowTheOutputPane(string output)
    {
        if (!BrowserAvailable())
        {
            return;
        }

        var store = BorderStore.Default;
        object value = output switch
        {
            "accords" => Bdq.Execute(store, "accords"),
            "one accord" => store.Accords.Rows.MaxBy(a => a.Title.Length + (a.Note?.Length ?? 0) + a.Topics.Length * 20)!,
            "disputed statistics" => Bdq.Execute(store, "statistics where disputed"),
            _ => store.Statistics.Rows.First(s => s.Disputed),
        };
        Assert.True(HtmlRenderer.TryRenderFragment(value, out var fragment));
        const string measure = """
            <script>
            (() => {
              const viewport = document.documentElement.clientWidth;
              const containers = [...document.querySelectorAll('.bdq-result')].map(c => [c.scrollWidth, c.clientWidth]);
              const scrollers = [...document.querySelectorAll('.bdq-result .bdq-scroll')].map(c => [c.scrollWidth, c.clientWidth, c.getBoundingClientRect().right]);
              let right = 0, widest = '';
              for (const e of document.querySelectorAll('.bdq-result *')) {
                if (!e.classList.contains('bdq-scroll') && e.closest('.bdq-scroll')) continue; // clipped by its scroller
                const r = e.getBoundingClientRect();
                if (r.right > right) { right = r.right; widest = e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''); }
              }
              const pre = document.createElement('pre');
              pre.id = 'measure';
              pre.textContent = JSON.stringify({ viewport, containers, scrollers, page: document.documentElement.scrollWidth, right: Math.ceil(right), widest, height: document.documentElement.scrollHeight });
              document.body.appendChild(pre);
            })();
            </script>
            """;
        var page = Path.Combine(_work, "fragment.html");
        File.WriteAllText(page, HtmlRenderer.Page("overflow: " + output, fragment).Replace("</body>", measure + "</body>", StringComparison.Ordinal), new UTF8Encoding(false));

        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser-artifacts")).FullName;
        var png = Path.Combine(artifacts, output.Replace(' ', '-') + "-1000px.png");
        RunChromium($"--screenshot={png}", "--window-size=1000,1400", "--hide-scrollbars", new Uri(page).AbsoluteUri);
        var dom = RunChromium("--dump-dom", "--window-size=1000,1400", "--hide-scrollbars", new Uri(page).AbsoluteUri);

        var json = Regex.Match(dom, "<pre id=\"measure\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(json.Success, "The page wrote no measurement:\n" + dom);
        using var measured = System.Text.Json.JsonDocument.Parse(WebUtility.HtmlDecode(json.Groups[1].Value));
        File.WriteAllText(Path.ChangeExtension(png, ".json"), measured.RootElement.GetRawText());
        _output.WriteLine($"{output}: {measured.RootElement.GetRawText()}");
        var viewport = measured.RootElement.GetProperty("viewport").GetInt32();
        Assert.InRange(viewport, 980, 1000);
        Assert.True(File.Exists(png), "chromium wrote no screenshot");
        foreach (var container in measured.RootElement.GetProperty("containers").EnumerateArray())
        {
            Assert.True(container[0].GetInt32() <= container[1].GetInt32(), $"{output}: the output container scrolls ({container[0]} > {container[1]} px).");
        }

        // A table wider than the pane scrolls inside its own frame (.bdq-scroll), which itself stays within the pane.
        foreach (var scroller in measured.RootElement.GetProperty("scrollers").EnumerateArray())
        {
            Assert.True(scroller[2].GetDouble() <= viewport, $"{output}: a table's scroller reaches {scroller[2]} px in a {viewport} px viewport.");
        }

        Assert.True(measured.RootElement.GetProperty("page").GetInt32() <= viewport, $"{output}: the page scrolls sideways.");
        if (output == "accords")
        {
            // Every field of every accord (21 fields) cannot fit 1,000 px: this is the case the scroller is for.
            var list = measured.RootElement.GetProperty("scrollers")[0];
            Assert.True(list[0].GetInt32() > list[1].GetInt32(), "the accords list no longer needs its scroller; this test's example should be a wider output");
        }

        var right = measured.RootElement.GetProperty("right").GetInt32();
        Assert.True(right <= viewport, $"{output}: {measured.RootElement.GetProperty("widest")} reaches {right} px in a {viewport} px viewport.");
    }

    private static bool BrowserAvailable()
    {
        if (File.Exists(Chromium))
        {
            return true;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{Chromium} is missing but CI=true: run 'bash .ci/install-browser.sh' before the tests.");
        }

        return false;
    }

    private string WritePage(string query)
    {
        var store = BorderStore.Default;
        var path = Path.Combine(_work, "results.html");
        File.WriteAllText(path, HtmlRenderer.Render(Bdq.Execute(store, query), store, query), new UTF8Encoding(false));
        return path;
    }

    private string RunChromium(params string[] args)
    {
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _work,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(_work, "profile-" + Guid.NewGuid().ToString("N"))}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}:\n{stderr.Result}");
        return stdout.Result;
    }
}
