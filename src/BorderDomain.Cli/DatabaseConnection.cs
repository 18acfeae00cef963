using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Net.Sockets;
using BorderDomain.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BorderDomain.Cli;

/// <summary>
/// A <c>--connection</c> string and the database it is for: which provider (from <c>--provider</c>, else from the
/// string's keys), and a <see cref="BorderDbContext"/> on it. The connection string is never printed: it may hold a password.
/// </summary>
internal sealed class DatabaseConnection
{
    // Keys only one of the two providers accepts (with their synonyms), compared case-insensitively.
    private static readonly string[] PostgresKeys =
        ["host", "server", "port", "username", "user name", "userid", "user id", "uid", "database", "db", "password", "psw", "pwd", "search path", "ssl mode", "sslmode"];

    private static readonly string[] SqliteKeys = ["data source", "datasource", "filename", "mode", "cache", "foreign keys", "recursive triggers"];

    private DatabaseConnection(string connectionString, DatabaseProvider provider)
    {
        ConnectionString = connectionString;
        Provider = provider;
    }

    /// <summary>The connection string as given.</summary>
    public string ConnectionString { get; }

    /// <summary>The database kind.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The provider's name for messages: <c>PostgreSQL</c> or <c>SQLite</c>.</summary>
    public string DisplayName => Name(Provider);

    /// <summary>The provider's name for messages.</summary>
    public static string Name(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";

    /// <summary>Reads a <c>--provider</c> value: <c>postgres</c> (or <c>postgresql</c>, <c>npgsql</c>) or <c>sqlite</c>, any case.</summary>
    public static bool TryParseProvider(string text, out DatabaseProvider provider)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "POSTGRES" or "POSTGRESQL" or "NPGSQL" or "PG":
                provider = DatabaseProvider.Postgres;
                return true;
            case "SQLITE":
                provider = DatabaseProvider.Sqlite;
                return true;
            default:
                provider = default;
                return false;
        }
    }

    /// <summary>
    /// The connection for <paramref name="connectionString"/>: on <paramref name="provider"/> when given, else on the
    /// database its keys name (PostgreSQL: <c>Host</c>, <c>Server</c>, <c>Port</c>, <c>Username</c>, <c>Database</c> …;
    /// SQLite: <c>Data Source</c>, <c>Filename</c>, <c>Mode</c> …). Never throws; <paramref name="error"/> says what is wrong.
    /// </summary>
    public static bool TryCreate(string connectionString, DatabaseProvider? provider, out DatabaseConnection? connection, out string? error)
    {
        connection = null;
        HashSet<string> keys;
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            keys = new HashSet<string>(builder.Keys.Cast<string>(), StringComparer.OrdinalIgnoreCase);
        }
        catch (ArgumentException malformed)
        {
            error = CliMessages.MalformedConnection(Reason(malformed));
            return false;
        }

        if (provider is null)
        {
            var postgres = keys.Overlaps(PostgresKeys);
            var sqlite = keys.Overlaps(SqliteKeys);
            if (postgres == sqlite)
            {
                error = postgres ? CliMessages.AmbiguousConnectionKind : CliMessages.UnknownConnectionKind;
                return false;
            }

            provider = postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        }

        // The provider's own builder checks every key and value now, so a typo is a usage error, not a failure later.
        try
        {
            _ = provider == DatabaseProvider.Postgres
                ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
                : (DbConnectionStringBuilder)new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception invalid) when (invalid is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            error = CliMessages.InvalidConnection(Name(provider.Value), Reason(invalid));
            return false;
        }

        connection = new DatabaseConnection(connectionString, provider.Value);
        error = null;
        return true;
    }

    /// <summary>A new context on the database (nothing is opened yet: EF connects on first use).</summary>
    public BorderDbContext OpenContext()
    {
        var builder = new DbContextOptionsBuilder<BorderDbContext>();
        _ = Provider == DatabaseProvider.Postgres ? builder.UseNpgsql(ConnectionString) : builder.UseSqlite(ConnectionString);
        return new BorderDbContext(builder.Options);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the database and turns a failure of the database (see <see cref="Describe"/>)
    /// into a <see cref="DatabaseException"/> holding the one line to print; anything else propagates (a bug).
    /// </summary>
    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch (Exception failure) when (failure is not DatabaseException && Describe(failure) is { } reason)
        {
            throw new DatabaseException(CliMessages.DatabaseError(DisplayName, reason), failure);
        }
    }

    /// <summary>
    /// One line saying why the database failed, when <paramref name="failure"/> is a database's failure: a
    /// <see cref="DbException"/> (or a socket or timeout error) anywhere in the chain of inner exceptions (EF wraps
    /// transient ones in an <see cref="InvalidOperationException"/>), its message followed by its inner ones'.
    /// <see langword="null"/> for anything else, which is a bug and must not pass for a database problem.
    /// </summary>
    public static string? Describe(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is DbException or SocketException or TimeoutException)
            {
                return Reason(e);
            }
        }

        return null;
    }

    // The first line of the exception's message, then of each inner exception's that says something new.
    private static string Reason(Exception e)
    {
        var reason = FirstLine(e.Message);
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            var more = FirstLine(inner.Message);
            if (more.Length > 0 && !reason.Contains(more, StringComparison.Ordinal))
            {
                reason = $"{reason.TrimEnd('.')}: {more}";
            }
        }

        return reason;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return line ?? string.Empty;
    }
}
