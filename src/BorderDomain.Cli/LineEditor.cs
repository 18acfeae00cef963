using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BorderDomain.Query;
using BorderDomain.Query.Language;

namespace BorderDomain.Cli;

/// <summary>How <see cref="LineEditor.ReadLine"/> ended.</summary>
internal enum LineEnd
{
    /// <summary>Enter: the line is returned.</summary>
    Submitted,

    /// <summary>Ctrl-C: the line was dropped.</summary>
    Cancelled,

    /// <summary>Ctrl-D on an empty line, or standard input ended.</summary>
    EndOfInput,
}

/// <summary>
/// The console's line editor, on the terminal through <see cref="Console.ReadKey(bool)"/> and ANSI cursor moves:
/// typing anywhere in the line, Left/Right, Home/End (Ctrl-A/Ctrl-E), Backspace/Delete, Ctrl-U/Ctrl-K/Ctrl-W,
/// Up/Down through the history, Tab completion (one candidate is inserted, several extend to their common prefix and
/// a second Tab lists them), Ctrl-C to drop the line, Ctrl-D on an empty line to end. RadLine, the editor built on
/// Spectre.Console, cannot be used with Spectre.Console 0.57: its one release (0.6.0) is compiled against an
/// unsigned Spectre.Console, and 0.57 is strong-named, so the compiler sees two different assemblies.
/// </summary>
internal sealed class LineEditor
{
    private readonly IReadOnlyList<string> _history;
    private readonly Func<string, string, IEnumerable<string>> _complete;
    private readonly StringBuilder _line = new();
    private string _prompt = string.Empty;
    private int _promptWidth;
    private int _cursor;
    private int _shownWidth;
    private bool _listedCompletions;

    /// <summary>An editor offering <paramref name="history"/> (oldest first) and <paramref name="complete"/>(text before the word, word).</summary>
    public LineEditor(IReadOnlyList<string> history, Func<string, string, IEnumerable<string>> complete)
    {
        _history = history;
        _complete = complete;
    }

    /// <summary>Reads one line after <paramref name="prompt"/> (plain text, already escaped); <paramref name="line"/> is it when submitted.</summary>
    public LineEnd ReadLine(string prompt, out string line)
    {
        _prompt = prompt;
        _promptWidth = prompt.Length;
        _line.Clear();
        _cursor = 0;
        _shownWidth = 0;
        var historyIndex = _history.Count;
        var draft = string.Empty;
        Console.Out.Write(prompt);
        Console.Out.Flush();
        while (true)
        {
            ConsoleKeyInfo key;
            try
            {
                key = Console.ReadKey(intercept: true);
            }
            catch (InvalidOperationException)
            {
                line = string.Empty;
                return LineEnd.EndOfInput;
            }

            var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
            var tab = key.Key == ConsoleKey.Tab;
            if (!tab)
            {
                _listedCompletions = false;
            }

            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    line = _line.ToString();
                    MoveCursorTo(_line.Length);
                    Console.Out.Write("\r\n");
                    Console.Out.Flush();
                    return LineEnd.Submitted;
                case ConsoleKey.C when control:
                    MoveCursorTo(_line.Length);
                    Console.Out.Write("^C\r\n");
                    Console.Out.Flush();
                    line = string.Empty;
                    return LineEnd.Cancelled;
                case ConsoleKey.D when control:
                    if (_line.Length == 0)
                    {
                        Console.Out.Write("\r\n");
                        Console.Out.Flush();
                        line = string.Empty;
                        return LineEnd.EndOfInput;
                    }

                    Delete();
                    break;
                case ConsoleKey.Tab:
                    Complete();
                    break;
                case ConsoleKey.Backspace:
                    if (_cursor > 0)
                    {
                        _line.Remove(--_cursor, 1);
                    }

                    break;
                case ConsoleKey.Delete:
                    Delete();
                    break;
                case ConsoleKey.LeftArrow:
                case ConsoleKey.B when control:
                    _cursor = Math.Max(0, _cursor - 1);
                    break;
                case ConsoleKey.RightArrow:
                case ConsoleKey.F when control:
                    _cursor = Math.Min(_line.Length, _cursor + 1);
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when control:
                    _cursor = 0;
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when control:
                    _cursor = _line.Length;
                    break;
                case ConsoleKey.U when control:
                    _line.Remove(0, _cursor);
                    _cursor = 0;
                    break;
                case ConsoleKey.K when control:
                    _line.Length = _cursor;
                    break;
                case ConsoleKey.W when control:
                    var start = WordStart(_cursor, spaceOnly: true);
                    _line.Remove(start, _cursor - start);
                    _cursor = start;
                    break;
                case ConsoleKey.UpArrow:
                case ConsoleKey.P when control:
                    if (historyIndex > 0)
                    {
                        if (historyIndex == _history.Count)
                        {
                            draft = _line.ToString();
                        }

                        Replace(_history[--historyIndex]);
                    }

                    break;
                case ConsoleKey.DownArrow:
                case ConsoleKey.N when control:
                    if (historyIndex < _history.Count)
                    {
                        historyIndex++;
                        Replace(historyIndex == _history.Count ? draft : _history[historyIndex]);
                    }

                    break;
                default:
                    if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                    {
                        _line.Insert(_cursor++, key.KeyChar);
                    }

                    break;
            }

            Redraw();
        }
    }

    private void Delete()
    {
        if (_cursor < _line.Length)
        {
            _line.Remove(_cursor, 1);
        }
    }

    private void Replace(string text)
    {
        _line.Clear().Append(text);
        _cursor = _line.Length;
    }

    private int WordStart(int end, bool spaceOnly = false)
    {
        var start = end;
        while (start > 0 && (spaceOnly ? !char.IsWhiteSpace(_line[start - 1]) : IsWordChar(_line[start - 1])))
        {
            start--;
        }

        return start;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '@' or '\\';

    private void Complete()
    {
        var start = WordStart(_cursor);
        var text = _line.ToString();
        var word = text[start.._cursor];
        var candidates = _complete(text[..start], word).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var common = candidates.Aggregate((a, b) => CommonPrefix(a, b));
        if (candidates.Count == 1)
        {
            common += " ";
        }

        if (common.Length > word.Length)
        {
            _line.Remove(start, word.Length).Insert(start, common);
            _cursor = start + common.Length;
            return;
        }

        if (_listedCompletions)
        {
            return;
        }

        // Several candidates and nothing to add: list them under the line, then show the line again.
        _listedCompletions = true;
        MoveCursorTo(_line.Length);
        Console.Out.Write("\r\n" + VisibleText.Escape(string.Join("  ", candidates.Take(60))) + (candidates.Count > 60 ? "  …" : string.Empty) + "\r\n");
        _shownWidth = 0;
        _cursor = Math.Min(_cursor, _line.Length);
        Console.Out.Write(_prompt);
        var saved = _cursor;
        _cursor = 0;
        Redraw();
        _cursor = saved;
    }

    private static string CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return a[..n];
    }

    // Puts the terminal's cursor at the start of the line's text, writes the text, clears what is left of the old
    // text, and moves the cursor back to its place. Lines wider than the terminal wrap; the moves count rows.
    private void Redraw()
    {
        var shown = VisibleText.Escape(_line.ToString());
        var output = new StringBuilder();
        MoveFromEndTo(output, _shownCursor, 0);
        output.Append(shown);
        var width = Columns(shown);
        if (width < _shownWidth)
        {
            output.Append(' ', _shownWidth - width);
            MoveFromEndTo(output, _shownWidth, width);
        }

        _shownWidth = width;
        var cursor = Columns(VisibleText.Escape(_line.ToString(0, _cursor)));
        MoveFromEndTo(output, width, cursor);
        _shownCursor = cursor;
        Console.Out.Write(output.ToString());
        Console.Out.Flush();
    }

    private int _shownCursor;

    private void MoveCursorTo(int index)
    {
        var output = new StringBuilder();
        var target = Columns(VisibleText.Escape(_line.ToString(0, index)));
        MoveFromEndTo(output, _shownCursor, target);
        _shownCursor = target;
        Console.Out.Write(output.ToString());
    }

    // Cursor moves from text column `from` to text column `to`, both counted from the end of the prompt.
    private void MoveFromEndTo(StringBuilder output, int from, int to)
    {
        var terminal = TerminalWidth();
        var fromRow = (_promptWidth + from) / terminal;
        var (toRow, toColumn) = Math.DivRem(_promptWidth + to, terminal);
        if (fromRow > toRow)
        {
            output.Append("\u001b[").Append(fromRow - toRow).Append('A');
        }
        else if (toRow > fromRow)
        {
            output.Append("\u001b[").Append(toRow - fromRow).Append('B');
        }

        output.Append('\r');
        if (toColumn > 0)
        {
            output.Append("\u001b[").Append(toColumn).Append('C');
        }

    }

    private static int TerminalWidth()
    {
        try
        {
            return Math.Max(10, Console.WindowWidth);
        }
        catch (System.IO.IOException)
        {
            return 80;
        }
    }

    private static int Columns(string text) => TextWidth.Of(text, 0, text.Length);
}
