using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using BorderDomain.Query;
using BorderDomain.Rendering;
using BorderDomain.Storage;
using Xunit;

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
        Assert.Equal("pe-ec-2025-pledge", firstCells[0].Groups[1].Value);
        var sources = Regex.Match(rows[0].Groups[1].Value, "<td class=\"sources\">(.*?)</td>", RegexOptions.Singleline);
        Assert.True(sources.Success);
        Assert.Contains("Web Editor", sources.Groups[1].Value);
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
