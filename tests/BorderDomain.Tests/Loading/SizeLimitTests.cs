using System;
using System.IO;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// A stream or file that says how long it is (<see cref="Stream.CanSeek"/>) is refused by its length, before a single
/// byte is read; one that does not is read up to the limit and refused there.
/// </summary>
public sealed class SizeLimitTests
{
    [Fact]
    public void Load_SeekableStreamOverTheLimit_IsRefusedBeforeAnyByteIsRead()
    {
        using var stream = new ProbeStream(new byte[1000]);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, stream, "probe", maxFileBytes: 10));

        var only = Assert.Single(error.Errors);
        Assert.Equal(
            (DataErrorKind.TooLarge, "$", (string?)"probe", "The file is 1000 bytes, larger than the limit of 10 bytes."),
            (only.Kind, only.Path, only.File, only.Message));
        Assert.Equal(0, stream.Reads);
    }

    [Fact]
    public void Load_SeekableStreamPartlyRead_MeasuresOnlyWhatIsLeft()
    {
        const string json = """{ "accords": [] }""";
        var bytes = Encoding.UTF8.GetBytes(new string(' ', 500) + json);
        using var stream = new ProbeStream(bytes) { Position = 500 };

        var loaded = BorderDataset.Load(BorderStore.Default, stream, "probe", maxFileBytes: json.Length);

        Assert.Equal(BorderStore.Default.Accords.Count, loaded.Accords.Count);
    }

    [Fact]
    public void Load_FileOverTheLimit_IsRefusedByItsLength()
    {
        const string json = """{ "accords": [] }""";
        using var files = new DataFiles();
        var path = files.Write("big.json", json);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Default, [path], maxFileBytes: 16));

        Assert.Equal("The file is 17 bytes, larger than the limit of 16 bytes.", Assert.Single(error.Errors).Message);
    }

    /// <summary>A seekable in-memory stream that counts the reads made of it.</summary>
    private sealed class ProbeStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            return base.Read(buffer);
        }

        public override int ReadByte()
        {
            Reads++;
            return base.ReadByte();
        }
    }
}
