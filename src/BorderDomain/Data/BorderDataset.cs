using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using BorderDomain.Data.Json;
using BorderDomain.Storage;

namespace BorderDomain.Data;

/// <summary>
/// Loads data files (the bundled dataset's JSON schema) into a new <see cref="BorderStore"/> snapshot. A load is
/// all or nothing: any error rejects every file, and the error lists every problem with its file, JSON path and
/// line. The store you start from is never changed.
/// </summary>
public static class BorderDataset
{
    /// <summary>The largest file a load accepts by default: 64 MiB.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    /// <summary>A new snapshot holding <paramref name="store"/>'s records plus those in the files.</summary>
    /// <exception cref="BorderDataException">A file is unreadable, malformed, or its records are invalid; nothing is loaded.</exception>
    public static BorderStore Load(BorderStore store, params string[] paths) => Load(store, (IEnumerable<string>)paths);

    /// <summary>A new snapshot holding <paramref name="store"/>'s records plus those in the files.</summary>
    /// <exception cref="BorderDataException">A file is unreadable, malformed, or its records are invalid; nothing is loaded.</exception>
    public static BorderStore Load(BorderStore store, IEnumerable<string> paths, long maxFileBytes = DefaultMaxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var inputs = new List<(string Name, Func<Stream> Open)>();
        foreach (var path in paths)
        {
            ArgumentNullException.ThrowIfNull(path);
            inputs.Add((path, () => File.OpenRead(path)));
        }

        return Load(store, inputs, maxFileBytes);
    }

    /// <summary>A new snapshot holding <paramref name="store"/>'s records plus those in the stream.</summary>
    /// <param name="store">The snapshot to start from; it is not changed.</param>
    /// <param name="stream">UTF-8 JSON; read to its end, not closed.</param>
    /// <param name="name">A name for the stream in error messages.</param>
    /// <param name="maxFileBytes">The most bytes to accept.</param>
    /// <exception cref="BorderDataException">The stream is unreadable, malformed, or its records are invalid; nothing is loaded.</exception>
    public static BorderStore Load(BorderStore store, Stream stream, string? name = null, long maxFileBytes = DefaultMaxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Load(store, [(name ?? "(stream)", () => new NonClosingStream(stream))], maxFileBytes);
    }

    /// <summary>Like <see cref="Load(BorderStore, IEnumerable{string}, long)"/>, but returns the errors instead of throwing.</summary>
    /// <returns><see langword="true"/> and the new snapshot, or <see langword="false"/> and every error.</returns>
    public static bool TryLoad(BorderStore store, IEnumerable<string> paths, out BorderStore result, out IReadOnlyList<DataError> errors)
    {
        try
        {
            result = Load(store, paths);
            errors = [];
            return true;
        }
        catch (BorderDataException exception)
        {
            result = store;
            errors = exception.Errors;
            return false;
        }
    }

    private static BorderStore Load(BorderStore store, List<(string Name, Func<Stream> Open)> inputs, long maxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(store);
        var builder = store.ToBuilder();
        var errors = new List<DataError>();
        var origins = new Dictionary<object, RecordOrigin>(ReferenceEqualityComparer.Instance);
        foreach (var (name, open) in inputs)
        {
            if (ReadBytes(name, open, maxFileBytes, errors) is not { } bytes)
            {
                continue;
            }

            if (Parse(name, bytes, errors) is { } parsed)
            {
                DatasetReader.Read(parsed.Document, name, parsed.Lines, builder, errors, origins);
            }
        }

        // Consistency checks run even after reading errors, so one pass reports everything.
        errors.AddRange(builder.Validate(origins));
        if (errors.Count > 0)
        {
            var fileOrder = inputs.Select((input, position) => (input.Name, position)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().position);
            throw new BorderDataException(errors
                .OrderBy(error => error.File is { } file && fileOrder.TryGetValue(file, out var position) ? position : -1)
                .ThenBy(error => error.Line ?? int.MaxValue)
                .ToList());
        }

        return builder.BuildValidated();
    }

    private static byte[]? ReadBytes(string name, Func<Stream> open, long maxFileBytes, List<DataError> errors)
    {
        try
        {
            using var stream = open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxFileBytes)
                {
                    errors.Add(new DataError { Kind = DataErrorKind.TooLarge, Path = "$", File = name, Message = $"The file is larger than the limit of {maxFileBytes} bytes." });
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            errors.Add(new DataError { Kind = DataErrorKind.Unreadable, Path = "$", File = name, Message = $"The file cannot be read: {exception.Message}" });
            return null;
        }
    }

    private static (DatasetDocument Document, JsonLineMap Lines)? Parse(string name, byte[] bytes, List<DataError> errors)
    {
        ReadOnlySpan<byte> utf8 = bytes;
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || utf8.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || !Utf8.IsValid(utf8))
        {
            errors.Add(new DataError { Kind = DataErrorKind.Unreadable, Path = "$", File = name, Line = 1, Message = "The file is not UTF-8 text." });
            return null;
        }

        try
        {
            var lines = JsonLineMap.Build(utf8, ReaderOptions);
            foreach (var (path, line) in lines.Duplicates)
            {
                errors.Add(new DataError { Kind = DataErrorKind.DuplicateProperty, Path = path, File = name, Line = line, Message = "The property is written twice; keep one." });
            }

            var document = JsonSerializer.Deserialize(utf8, DatasetJsonContext.Default.DatasetDocument);
            if (document is null)
            {
                errors.Add(new DataError { Kind = DataErrorKind.MalformedJson, Path = "$", File = name, Line = 1, Message = "Expected an object, found null." });
                return null;
            }

            return (document, lines);
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
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }

    /// <summary>Lets a caller's stream be read inside a <c>using</c> without being closed.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
