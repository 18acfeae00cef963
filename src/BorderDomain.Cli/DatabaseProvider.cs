namespace BorderDomain.Cli;

/// <summary>The databases <c>borderq --connection</c> runs on.</summary>
internal enum DatabaseProvider
{
    /// <summary>PostgreSQL, through Npgsql's EF Core provider.</summary>
    Postgres,

    /// <summary>SQLite, through Microsoft.EntityFrameworkCore.Sqlite.</summary>
    Sqlite,
}
