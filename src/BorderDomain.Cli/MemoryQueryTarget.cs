using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Cli;

/// <summary>Queries answered by the in-memory engine over a <see cref="BorderStore"/> (the bundled dataset, plus <c>--data</c> files).</summary>
internal sealed class MemoryQueryTarget(BorderStore store) : QueryTarget
{
    /// <inheritdoc />
    public override bool CanExplain => true;

    /// <inheritdoc />
    public override QuerySchema Schema => store.Schema;

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><see cref="QueryTarget.Cancellation"/> was cancelled before the query began.</exception>
    public override bool TryExecute(string query, IReadOnlyDictionary<string, object?> parameters, out BdqResult? result, out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        Cancellation.ThrowIfCancellationRequested();
        return Bdq.TryExecute(store, query, out result, out diagnostics, parameters) && result is not null;
    }

    /// <inheritdoc />
    public override bool TryExplain(string query, out string? plan, out IReadOnlyList<BdqDiagnostic> diagnostics) =>
        Bdq.TryExplain(store, query, out plan, out diagnostics) && plan is not null;

    /// <inheritdoc />
    /// <remarks>The file holds the answer's records plus every record they reference (<see cref="DatasetWriter.WithReferences"/>), so it loads on its own (<c>--no-bundled</c>).</remarks>
    public override bool TryWriteData(BdqResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var bytes = DatasetWriter.Write(DatasetWriter.WithReferences(store, result.Set.Name, result.Records));
        output.WriteLine(Encoding.UTF8.GetString(bytes));
        return true;
    }

    /// <inheritdoc />
    protected override (BorderStore Citations, IQueryStore Page) ContextFor(BdqResult result, bool page) => (store, store);
}
