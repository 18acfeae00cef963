using System;
using System.Collections.Generic;
using System.IO;
using BorderDomain.Query;
using BorderDomain.Storage;

namespace BorderDomain.Rendering;

/// <summary>
/// A query result with the store it came from, shown as HTML by Polyglot Notebooks when it is a cell's value
/// (<see cref="HtmlRenderer.Display"/>). <see cref="ToString"/> is a one-line summary for plain-text hosts.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class HtmlResult
{
    internal HtmlResult(BdqResult result, IQueryStore store, string? query)
    {
        Result = result;
        Store = store;
        Query = query;
    }

    /// <summary>The result.</summary>
    public BdqResult Result { get; }

    /// <summary>The store the result came from; its <c>sources</c> set, when it has one, gives the citations.</summary>
    public IQueryStore Store { get; }

    /// <summary>The query text, if given.</summary>
    public string? Query { get; }

    /// <summary>The HTML fragment (<see cref="HtmlRenderer.RenderFragment"/>).</summary>
    public string ToHtml() => HtmlRenderer.RenderFragment(Result, Store, Query);

    /// <summary>A complete HTML page (<see cref="HtmlRenderer.Render"/>).</summary>
    public string ToHtmlPage() => HtmlRenderer.Render(Result, Store, Query);

    /// <summary>The caption: the query, if any, and the row count.</summary>
    public override string ToString() => (Query is null ? string.Empty : Query + " — ") + ResultTable.From(Result, Store).Caption;
}

/// <summary>
/// The formatter .NET Interactive finds by convention on <see cref="HtmlResult"/>, so a notebook shows it as HTML even
/// without the package's extension script: the kernel looks for an attribute named <c>TypeFormatterSourceAttribute</c>
/// (matched by name, so it need not be the kernel's own type), creates its <c>FormatterSourceType</c>, calls
/// <c>CreateTypeFormatters()</c>, and uses each returned object's <c>MimeType</c>, <c>Type</c> and
/// <c>Format(object, TextWriter)</c> members. No reference to Microsoft.DotNet.Interactive is needed. The other types
/// <see cref="HtmlRenderer.TryRenderFragment(object?, out string)"/> shows (results, records, plans, query errors, the
/// store) carry no rendering attribute, so the lower layers do not depend on this namespace: the package's extension
/// script registers their formatters.
/// </summary>
public sealed class NotebookFormatterSource
{
    /// <summary>The formatters: <c>text/html</c> for each type carrying the convention attribute.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [new HtmlFormatter(typeof(HtmlResult))];

    /// <summary>Writes a value of <see cref="Type"/> as its HTML fragment (<see cref="HtmlRenderer.TryRenderFragment(object?, out string)"/>).</summary>
    public sealed class HtmlFormatter
    {
        internal HtmlFormatter(Type type) => Type = type;

        /// <summary>The MIME type this formatter writes.</summary>
        public string MimeType => "text/html";

        /// <summary>The type this formatter formats.</summary>
        public Type Type { get; }

        /// <summary>Writes <paramref name="instance"/> as HTML; <see langword="false"/> when it is not a type the renderer shows.</summary>
        /// <param name="instance">The value to format.</param>
        /// <param name="writer">Where to write the HTML.</param>
        public bool Format(object instance, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (!Type.IsInstanceOfType(instance) || !HtmlRenderer.TryRenderFragment(instance, out var html))
            {
                return false;
            }

            writer.Write(html);
            return true;
        }
    }
}

/// <summary>
/// Names a formatter source for a type, by the convention .NET Interactive honours without a reference to it
/// (the attribute is matched by its name, <c>TypeFormatterSourceAttribute</c>).
/// </summary>
/// <param name="formatterSourceType">A type with a parameterless constructor and a <c>CreateTypeFormatters()</c> method.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The formatter source type.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types the kernel should prefer for the type.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
