using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace BorderDomain.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free loopback port
/// (listening on 127.0.0.1 only, its unix socket in that folder), stopped and deleted on <see cref="Dispose"/>. initdb
/// refuses to run as root, so as root (CI) the binaries run as the <c>postgres</c> system user through <c>runuser</c>.
/// Missing binaries are a failure that says how to install them, never a skip.
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private const string User = "bdq";
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgres;
    private bool _started;

    private PostgresCluster(string bin, string root, bool asPostgres, int port)
    {
        _bin = bin;
        _root = root;
        _asPostgres = asPostgres;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    internal int Port { get; }

    /// <summary>Starts a new cluster.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing or the server did not start; the message says why.</exception>
    internal static PostgresCluster Start()
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "bdq-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var asPostgres = OperatingSystem.IsLinux() && geteuid() == 0;
        if (asPostgres)
        {
            Run("chown", $"postgres \"{root}\"", asPostgres: false);
        }

        var cluster = new PostgresCluster(bin, root, asPostgres, FreePort());
        try
        {
            cluster.Exec("initdb", $"-D \"{cluster.Data}\" -U {User} --auth=trust --encoding=UTF8 --locale=C -N");
            var options = $"-p {cluster.Port} -c listen_addresses=127.0.0.1 -k '{root}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40";
            cluster.Exec("pg_ctl", $"-D \"{cluster.Data}\" -l \"{Path.Combine(root, "server.log")}\" -w -t 60 -o \"{options}\" start");
            cluster._started = true;
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this cluster (TCP on 127.0.0.1).</summary>
    internal string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true;Include Error Detail=true";

    private string Data => Path.Combine(_root, "data");

    /// <summary>Stops the server and deletes its folder.</summary>
    public void Dispose()
    {
        if (_started)
        {
            _started = false;
            try
            {
                Exec("pg_ctl", $"-D \"{Data}\" -m immediate -w stop");
            }
            catch (InvalidOperationException)
            {
                // Deleting the folder below is what matters; a failed stop leaves its message in the log.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Exec(string tool, string arguments)
    {
        var path = Path.Combine(_bin, tool);
        Run(path, arguments, _asPostgres);
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- \"{file}\" {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} {arguments} did not finish in 120 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static string FindBinaries()
    {
        const string Debian = "/usr/lib/postgresql/15/bin";
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("BORDERDOMAIN_PG_BIN"), Debian, PgConfigBinDir() })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL 15 server binaries (initdb, pg_ctl) were not found in {Debian} nor by pg_config --bindir. "
            + "Install them with: apt-get install postgresql (Debian's postgresql-15), or set BORDERDOMAIN_PG_BIN to their folder.");
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            var start = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            var text = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit(10_000);
            return process?.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint geteuid();
}
