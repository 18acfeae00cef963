using System;
using System.IO;
using System.Text;
using BorderDomain.Query;
using BorderDomain.Query.Language;

namespace BorderDomain.Cli;

/// <summary>
/// A writer that passes everything to another one through <see cref="VisibleText.Escape"/>, keeping line breaks:
/// <c>borderq</c> writes its standard output and error through one each, so no text from a query or from data can
/// reach the terminal as a control character. A carriage return that ends a write is held back until the next one
/// shows whether a line feed follows. Disposing it flushes, and leaves the inner writer open.
/// </summary>
internal sealed class TerminalTextWriter : TextWriter
{
    private readonly TextWriter _inner;
    private bool _pendingReturn;

    /// <summary>A writer escaping into <paramref name="inner"/>, with its line end and format provider.</summary>
    public TerminalTextWriter(TextWriter inner)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        NewLine = inner.NewLine;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc/>
    public override void Write(char value) => Write([value]);

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        var text = new StringBuilder(buffer.Length + 1);
        if (_pendingReturn)
        {
            text.Append('\r');
            _pendingReturn = false;
        }

        text.Append(buffer);
        if (text[^1] == '\r')
        {
            _pendingReturn = true;
            text.Length--;
        }

        _inner.Write(VisibleText.Escape(text.ToString(), keepLineBreaks: true));
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Write(string.Concat(value, NewLine));

    /// <inheritdoc/>
    public override void WriteLine() => Write(NewLine);

    /// <inheritdoc/>
    public override void Flush() => _inner.Flush();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_pendingReturn)
            {
                _pendingReturn = false;
                _inner.Write(VisibleText.Visible('\r'));
            }

            _inner.Flush();
        }

        base.Dispose(disposing);
    }
}
