using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Cli;
using BorderDomain.Model;
using BorderDomain.Storage;

namespace BorderDomain.Tests.Cli;

/// <summary>What one run of <c>borderq</c> printed and returned.</summary>
internal sealed record CliOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout split into lines, without the line ends.</summary>
    public string[] StdoutLines => Stdout.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();

    /// <summary>Stderr split into lines, without the line ends.</summary>
    public string[] StderrLines => Stderr.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
}

/// <summary>Runs the app in-process with string readers and writers, and parses what it prints.</summary>
internal static class CliTestSupport
{
    public static CliOutput Run(params string[] args) => RunWithInput(string.Empty, args);

    public static CliOutput RunWithInput(string stdin, params string[] args) => RunOn(null, stdin, args);

    /// <summary>Runs the app on <paramref name="store"/> (the bundled dataset when null) through <see cref="BorderqApp.RunGuarded"/>, as <c>Program.cs</c> does.</summary>
    public static CliOutput RunOn(BorderStore? store, string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = new BorderqApp(store).RunGuarded(args, input, stdout, stderr);
        return new CliOutput(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A store holding only <paramref name="accords"/> and <paramref name="statistics"/>, plus the source <c>s1</c> the statistics cite.</summary>
    public static BorderStore StoreWith(Accord[] accords, params Statistic[] statistics)
    {
        var builder = new BorderStoreBuilder();
        builder.Sources.Add(new Source { Id = "s1", Kind = default });
        builder.Accords.AddRange(accords);
        builder.Statistics.AddRange(statistics);
        return builder.Build();
    }

    /// <summary>An accord with only an id and a title.</summary>
    public static Accord AccordTitled(string id, string title) => new() { Id = id, Title = title, Kind = AccordKind.Pledge };

    /// <summary>The cells of a table's body rows: the lines between the separator line and the footer.</summary>
    public static string[] TableBody(string[] lines)
    {
        var separator = Array.FindIndex(lines, line => line.Length > 0 && line.All(c => c is '-' or ' '));
        if (separator < 0)
        {
            throw new InvalidOperationException("The output has no separator line.");
        }

        var footer = Array.FindLastIndex(lines, line => line.Length > 0);
        return lines[(separator + 1)..footer];
    }

    /// <summary>The first cell of each line (the table's first column holds ids, which have no spaces).</summary>
    public static string[] FirstCells(IEnumerable<string> lines) =>
        lines.Select(line => line.Split(' ', 2)[0]).ToArray();

    /// <summary>A small RFC 4180 reader: records end at CRLF (or LF) outside quotes; "" inside quotes is a quote.</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }

    /// <summary>Writes <paramref name="json"/> to a new temporary file and returns its path.</summary>
    public static string TempJson(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"borderq-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
