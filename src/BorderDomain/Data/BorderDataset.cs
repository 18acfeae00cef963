using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>
/// Loads data files (the bundled dataset's JSON schema) into a new <see cref="BorderStore"/> snapshot. A load is
/// all or nothing: any error rejects every file, and the error lists the problems (the first
/// <see cref="DefaultMaxErrors"/>, with a count of the rest) with their file, JSON path and line. The store you start
/// from is never changed. Bad paths, unreadable or oversized files, malformed JSON, values of the wrong type and
/// numbers a <see cref="decimal"/> cannot hold exactly are all errors of the load, never other exceptions.
/// </summary>
public static class BorderDataset
{
    /// <summary>The largest file a load accepts by default: 64 MiB.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The most errors a rejected load keeps by default: 100. Errors beyond it are counted, not kept.</summary>
    public const int DefaultMaxErrors = 100;

    private const string BundledResource = "BorderDomain.Data.borderdomain.json";

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    /// <summary>A new snapshot holding <paramref name="store"/>'s records plus those in the files.</summary>
    /// <exception cref="BorderDataException">A file is unreadable, malformed, or its records are invalid; nothing is loaded.</exception>
    public static BorderStore Load(BorderStore store, params string[] paths) => Load(store, (IEnumerable<string>)paths);

    /// <summary>A new snapshot holding <paramref name="store"/>'s records plus those in the files.</summary>
    /// <param name="store">The snapshot to start from; it is not changed.</param>
    /// <param name="paths">The data files. A path that is null, empty, contains a NUL character or names a directory is
    /// an <see cref="DataErrorKind.InvalidPath"/> error, not an exception.</param>
    /// <param name="maxFileBytes">The most bytes to accept from one file.</param>
    /// <param name="maxErrors">The most errors to keep (<see cref="DefaultMaxErrors"/> by default); the rest are counted
    /// in <see cref="BorderDataException.OmittedErrorCount"/>.</param>
    /// <exception cref="BorderDataException">A path is invalid, a file is unreadable, too large or malformed, or its
    /// records are invalid; nothing is loaded.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="paths"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxErrors"/> is negative.</exception>
    public static BorderStore Load(BorderStore store, IEnumerable<string> paths, long maxFileBytes = DefaultMaxFileBytes, int maxErrors = DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var inputs = new List<Input>();
        foreach (var path in paths)
        {
            inputs.Add(Input.ForPath(path));
        }

        return Load(store, inputs, maxFileBytes, maxErrors);
    }

    /// <summary>A new snapshot holding <paramref name="store"/>'s records plus those in the stream.</summary>
    /// <param name="store">The snapshot to start from; it is not changed.</param>
    /// <param name="stream">UTF-8 JSON; read to its end, not closed. A seekable stream with more than
    /// <paramref name="maxFileBytes"/> left is refused before any of it is read.</param>
    /// <param name="name">A name for the stream in error messages.</param>
    /// <param name="maxFileBytes">The most bytes to accept.</param>
    /// <param name="maxErrors">The most errors to keep (<see cref="DefaultMaxErrors"/> by default); the rest are counted
    /// in <see cref="BorderDataException.OmittedErrorCount"/>.</param>
    /// <exception cref="BorderDataException">The stream is unreadable (whatever it throws), too large, malformed, or its
    /// records are invalid; nothing is loaded.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxErrors"/> is negative.</exception>
    public static BorderStore Load(BorderStore store, Stream stream, string? name = null, long maxFileBytes = DefaultMaxFileBytes, int maxErrors = DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Load(store, [new Input(name ?? "(stream)", () => new NonClosingStream(stream), null)], maxFileBytes, maxErrors);
    }

    /// <summary>Like <see cref="Load(BorderStore, IEnumerable{string}, long, int)"/>, but returns the errors instead of throwing.</summary>
    /// <returns><see langword="true"/> and the new snapshot, or <see langword="false"/>, <paramref name="store"/> itself, and
    /// the first <see cref="DefaultMaxErrors"/> errors with a count of the rest. Bad paths and failing files are errors here
    /// too; only a null <paramref name="store"/> or <paramref name="paths"/> throws.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="paths"/> is null.</exception>
    public static bool TryLoad(BorderStore store, IEnumerable<string> paths, out BorderStore result, out DataErrorList errors) =>
        TryLoad(store, paths, DefaultMaxFileBytes, DefaultMaxErrors, out result, out errors);

    /// <summary>Like <see cref="Load(BorderStore, IEnumerable{string}, long, int)"/>, but returns the errors instead of throwing.</summary>
    /// <param name="store">The snapshot to start from; it is not changed.</param>
    /// <param name="paths">The data files.</param>
    /// <param name="maxFileBytes">The most bytes to accept from one file.</param>
    /// <param name="maxErrors">The most errors to keep; the rest are counted in <see cref="DataErrorList.OmittedCount"/>.</param>
    /// <param name="result">The new snapshot, or <paramref name="store"/> when the load is rejected.</param>
    /// <param name="errors">Empty, or the errors kept and a count of the rest.</param>
    /// <returns>Whether the files were loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="paths"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxErrors"/> is negative.</exception>
    public static bool TryLoad(BorderStore store, IEnumerable<string> paths, long maxFileBytes, int maxErrors, out BorderStore result, out DataErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            result = Load(store, paths, maxFileBytes, maxErrors);
            errors = DataErrorList.Empty;
            return true;
        }
        catch (BorderDataException exception)
        {
            result = store;
            errors = new DataErrorList(exception.Errors, exception.OmittedErrorCount);
            return false;
        }
    }

    /// <summary>
    /// The bundled dataset (the assembly's resource) loaded into a new snapshot: what <see cref="BorderStore.Default"/>
    /// holds, through <see cref="DataHooks.LoadBundled"/>.
    /// </summary>
    internal static BorderStore LoadBundled()
    {
        using var stream = typeof(BorderDataset).Assembly.GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException($"The bundled dataset resource '{BundledResource}' is missing from the assembly.");
        return Load(BorderStore.Empty, stream, "borderdomain.json");
    }

    private static BorderStore Load(BorderStore store, List<Input> inputs, long maxFileBytes, int maxErrors)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(maxErrors);
        var rented = new List<byte[]>();
        try
        {
            return Load(store, inputs, maxFileBytes, maxErrors, rented);
        }
        finally
        {
            // Nothing made by the load holds the files' bytes past it: records and errors hold strings of their own.
            foreach (var buffer in rented)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static BorderStore Load(BorderStore store, List<Input> inputs, long maxFileBytes, int maxErrors, List<byte[]> rented)
    {
        var builder = store.ToBuilder();
        var errors = new DataErrorSink(maxErrors);
        var origins = new RecordOrigins();
        foreach (var input in inputs)
        {
            if (input.Open is null)
            {
                errors.Add(new DataError { Kind = DataErrorKind.InvalidPath, Path = "$", File = input.Name, Message = input.PathProblem ?? DataMessages.PathNull });
                continue;
            }

            if (ReadBytes(input.Name, input.Open, maxFileBytes, errors, rented) is { } bytes)
            {
                Parse(input.Name, bytes, builder, errors, origins);
            }
        }

        // A file read without errors is most likely valid: its tables (all but the computed ones, which the checks
        // derive) are built on the other cores while it is checked, and dropped if the checks find errors.
        var tables = errors.Total == 0 ? builder.StartTables(Environment.ProcessorCount, computed: false, background: true) : null;

        // Consistency checks run even after reading errors, so one pass reports everything.
        try
        {
            DatasetValidator.Validate(builder, origins, errors);
        }
        catch
        {
            tables?.Cancel();
            throw;
        }

        if (errors.Total > 0)
        {
            tables?.Cancel();
            var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < inputs.Count; i++)
            {
                if (inputs[i].Name is { } name)
                {
                    fileOrder.TryAdd(name, i);
                }
            }

            throw new BorderDataException(
                errors.Kept
                    .OrderBy(error => error.File is { } file && fileOrder.TryGetValue(file, out var position) ? position : -1)
                    .ThenBy(error => error.Line ?? int.MaxValue)
                    .ToList(),
                errors.Omitted);
        }

        return BorderStoreBuilder.FromTables(tables!);
    }

    private static ReadOnlyMemory<byte>? ReadBytes(string? name, Func<Stream> open, long maxFileBytes, DataErrorSink errors, List<byte[]> rented)
    {
        try
        {
            using var stream = open();
            var capacity = 0;
            if (stream.CanSeek)
            {
                // The stream knows its length: refuse it by that, before reading a byte.
                var remaining = Math.Max(0, stream.Length - stream.Position);
                if (remaining > maxFileBytes)
                {
                    errors.Add(new DataError { Kind = DataErrorKind.TooLarge, Path = "$", File = name, Message = DataMessages.TooLarge(remaining, maxFileBytes) });
                    return null;
                }

                capacity = (int)Math.Min(remaining, Array.MaxLength);
                if (stream is NonClosingStream { Inner: MemoryStream memory } && memory.TryGetBuffer(out var held))
                {
                    // A caller's bytes in memory are read where they are, not copied (it is read to its end, as a copy would be).
                    var start = (int)Math.Min(memory.Position, memory.Length);
                    memory.Position = memory.Length;
                    return held.AsMemory(start, (int)remaining);
                }
            }

            // Into a buffer of the shared pool, given back when the load ends (Load): a large file costs no array of
            // its own per load. It grows to the limit at most; a stream still not at its end then is too large (one
            // byte past the limit is read to tell).
            var limit = (int)Math.Min(maxFileBytes, Array.MaxLength);
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(capacity + 1L, Math.Min(16 * 1024, limit), limit));
            rented.Add(buffer);
            var length = 0;
            while (true)
            {
                if (length >= limit)
                {
                    Span<byte> probe = stackalloc byte[1];
                    if (stream.Read(probe) == 0)
                    {
                        return buffer.AsMemory(0, length);
                    }

                    errors.Add(new DataError { Kind = DataErrorKind.TooLarge, Path = "$", File = name, Message = DataMessages.TooLarge(maxFileBytes) });
                    return null;
                }

                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    rented[^1] = bigger;
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = stream.Read(buffer, length, Math.Min(buffer.Length, limit) - length);
                if (read == 0)
                {
                    return buffer.AsMemory(0, length);
                }

                length += read;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever opening or reading throws (I/O, access denied, a caller's stream failing in its own way) is a data error.
            errors.Add(new DataError { Kind = DataErrorKind.Unreadable, Path = "$", File = name, Message = DataMessages.Unreadable(exception.Message) });
            return null;
        }
    }

    private static void Parse(string? name, ReadOnlyMemory<byte> bytes, BorderStoreBuilder builder, DataErrorSink errors, RecordOrigins origins)
    {
        var utf8 = bytes;
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || !Utf8.IsValid(utf8.Span))
        {
            errors.Add(new DataError { Kind = DataErrorKind.Unreadable, Path = "$", File = name, Line = 1, Message = DataMessages.NotUtf8 });
            return;
        }

        try
        {
            // One forward pass reads the text and converts each record as soon as it is read; the errors of values
            // (wrong types, bad codes) are held back and taken only once the whole text proved well-formed, after
            // those of the text itself, and their lines are found then, from the paths.
            var (document, wrongTypes) = DatasetBinder.Bind(utf8, ReaderOptions, name, errors, errors.Max);
            var lines = new FileLines(utf8, ReaderOptions);
            errors.AddFrom(wrongTypes, lines);
            if (document is null)
            {
                return;
            }

            var reader = new DatasetReader(name, new DataErrorSink(errors.Max));
            reader.Unknown(document, "$");
            errors.AddFrom(reader.Errors, lines);
            foreach (var set in document.Sets)
            {
                if (set is not null)
                {
                    errors.AddFrom(set.Errors, lines);
                    set.AddTo(builder, origins, name, lines);
                }
            }
        }
        catch (JsonException exception)
        {
            errors.Add(new DataError
            {
                Kind = DataErrorKind.MalformedJson,
                Path = exception.Path ?? "$",
                File = name,
                Line = exception.LineNumber is { } line ? (int)line + 1 : null,
                Message = FirstSentence(exception.Message),
            });
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }

    /// <summary>One file or stream to load, or the reason its path cannot name one.</summary>
    private readonly record struct Input(string? Name, Func<Stream>? Open, string? PathProblem)
    {
        public static Input ForPath(string? path) => path switch
        {
            null => new Input(null, null, DataMessages.PathNull),
            "" => new Input(path, null, DataMessages.PathEmpty),
            _ when path.Contains('\0', StringComparison.Ordinal) => new Input(path.Replace("\0", "\\0", StringComparison.Ordinal), null, DataMessages.PathHasNul),
            _ when Directory.Exists(path) => new Input(path, null, DataMessages.PathIsDirectory),
            _ => new Input(path, () => File.OpenRead(path), null),
        };
    }

    /// <summary>Lets a caller's stream be read inside a <c>using</c> without being closed; its length shows through.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public Stream Inner => inner;

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
