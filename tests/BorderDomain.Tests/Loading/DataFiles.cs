using System;
using System.IO;
using System.Text;

namespace BorderDomain.Tests.Loading;

/// <summary>A temporary directory of data files, deleted on dispose.</summary>
internal sealed class DataFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("borderdomain-tests-").FullName;

    /// <summary>A path in the directory that no file has.</summary>
    public string Missing(string name) => Path.Combine(_directory, name);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark and returns the path.</summary>
    public string Write(string name, string text) => Write(name, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>Writes <paramref name="text"/> in <paramref name="encoding"/> (with its preamble) and returns the path.</summary>
    public string Write(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, encoding);
        return path;
    }

    /// <summary>Writes raw bytes and returns the path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
