using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Schema;
using BorderDomain.Rendering;
using BorderDomain.Storage;

namespace BorderDomain.Cli;

/// <summary>
/// Where <c>borderq</c> runs queries: the in-memory dataset (<see cref="MemoryQueryTarget"/>) or a database
/// (<see cref="DatabaseQueryTarget"/>). Both give a <see cref="BdqResult"/>, written by <see cref="Write(BdqResult, string, OutputFormat, TextWriter, TableShape)"/> the same way.
/// </summary>
internal abstract class QueryTarget : IDisposable
{
    /// <summary>
    /// Cancels the query running now (the console sets it for each statement; Ctrl-C cancels it): a database's command is
    /// stopped; the in-memory engine has no way to stop mid-query, so its answer is dropped when it comes.
    /// </summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Whether <see cref="TryExplain"/> can print a plan here.</summary>
    public abstract bool CanExplain { get; }

    /// <summary>Runs <paramref name="query"/>; false with the diagnostics when it is invalid (never throws for that).</summary>
    /// <exception cref="DatabaseException">The database failed; the message is the line to print.</exception>
    public abstract bool TryExecute(string query, IReadOnlyDictionary<string, object?> parameters, out BdqResult? result, out IReadOnlyList<BdqDiagnostic> diagnostics);

    /// <summary>The plan of <paramref name="query"/> (only where <see cref="CanExplain"/>).</summary>
    public virtual bool TryExplain(string query, out string? plan, out IReadOnlyList<BdqDiagnostic> diagnostics) =>
        throw new NotSupportedException(CliMessages.ExplainWithConnection);

    /// <summary>
    /// Writes the records of <paramref name="result"/> (a records result) and the records they reference as a data file
    /// (<c>--format data</c>); false where this target cannot (a database).
    /// </summary>
    public virtual bool TryWriteData(BdqResult result, TextWriter output) => false;

    /// <summary>The sets this target answers queries on, and their fields.</summary>
    public abstract QuerySchema Schema { get; }

    /// <summary>Writes <paramref name="result"/> of <paramref name="query"/> in <paramref name="format"/>, citations resolved from this target's sources.</summary>
    /// <exception cref="DatabaseException">Reading the citations from the database failed.</exception>
    public void Write(BdqResult result, string query, OutputFormat format, TextWriter output) =>
        Write(result, query, format, output, new TableShape(null, NoSources: false));

    /// <summary>
    /// Writes <paramref name="result"/> as <see cref="Write(BdqResult, string, OutputFormat, TextWriter)"/> does, shaped by
    /// <paramref name="shape"/>: the width to fit, whether to leave the citations out.
    /// </summary>
    /// <exception cref="DatabaseException">Reading the citations from the database failed.</exception>
    public void Write(BdqResult result, string query, OutputFormat format, TextWriter output, TableShape shape)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var html = format == OutputFormat.Html;
        var (citations, page) = ContextFor(result, html);
        if (html)
        {
            output.Write(HtmlRenderer.RenderShaped(result, page, query, table => Shaped(table, shape)));
        }
        else
        {
            ResultWriters.Write(TableOf(result, citations, shape), format, output, shape.Width);
        }
    }

    /// <summary>The table every format but HTML shows of <paramref name="result"/>, shaped by <paramref name="shape"/>.</summary>
    /// <exception cref="DatabaseException">Reading the citations from the database failed.</exception>
    public ResultTable Table(BdqResult result, TableShape shape)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TableOf(result, ContextFor(result, page: false).Citations, shape);
    }

    private static ResultTable TableOf(BdqResult result, BorderStore citations, TableShape shape) => Shaped(ResultTable.From(result, citations), shape);

    private static ResultTable Shaped(ResultTable table, TableShape shape)
    {
        return shape.NoSources ? table.WithoutColumn(table.CitationColumn) : table;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The records the writers look up beside <paramref name="result"/>: a store whose sources give the citations, and
    /// for an HTML page (<paramref name="page"/>) a store that also holds the statistics a disputed row disagrees with.
    /// </summary>
    protected abstract (BorderStore Citations, IQueryStore Page) ContextFor(BdqResult result, bool page);

    /// <summary>Releases the target's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>How a result's table is shaped for display.</summary>
/// <param name="Width">The terminal's width to fit tables to, or <see langword="null"/> to never wrap.</param>
/// <param name="NoSources">Leave out the <see cref="ResultTable.CitationColumnName"/> column (<c>--no-sources</c>).</param>
internal readonly record struct TableShape(int? Width, bool NoSources);
