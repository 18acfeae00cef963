using System.Collections.Generic;
using BorderDomain.Query;
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
    public override bool TryExecute(string query, IReadOnlyDictionary<string, object?> parameters, out BdqResult? result, out IReadOnlyList<BdqDiagnostic> diagnostics) =>
        Bdq.TryExecute(store, query, out result, out diagnostics, parameters) && result is not null;

    /// <inheritdoc />
    public override bool TryExplain(string query, out string? plan, out IReadOnlyList<BdqDiagnostic> diagnostics) =>
        Bdq.TryExplain(store, query, out plan, out diagnostics) && plan is not null;

    /// <inheritdoc />
    protected override (BorderStore Citations, IQueryStore Page) ContextFor(BdqResult result, bool page) => (store, store);
}
