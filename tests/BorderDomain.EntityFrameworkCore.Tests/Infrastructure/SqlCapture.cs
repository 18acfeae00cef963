using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BorderDomain.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Records the text of every command EF executes, per async flow, so a test can count one query's commands.</summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly AsyncLocal<List<string>?> _current = new();

    /// <summary>Starts recording for the current flow; returns the list that fills up.</summary>
    public List<string> Begin() => _current.Value = [];

    /// <summary>Stops recording for the current flow.</summary>
    public void End() => _current.Value = null;

    /// <summary>Runs <paramref name="run"/> while recording, and returns its result with the commands it executed.</summary>
    public async Task<(T Result, List<string> Commands)> RecordAsync<T>(Func<Task<T>> run)
    {
        var commands = Begin();
        try
        {
            return (await run(), commands);
        }
        finally
        {
            End();
        }
    }

    /// <inheritdoc />
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _current.Value?.Add(command.CommandText);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _current.Value?.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        _current.Value?.Add(command.CommandText);
        return result;
    }

    /// <inheritdoc />
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _current.Value?.Add(command.CommandText);
        return result;
    }
}
