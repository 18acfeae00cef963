using System.IO;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>A stream of bytes held in memory is read where they are (not copied), from its position to its end.</summary>
public sealed class MemoryStreamLoadTests
{
    private const string File = """{ "sources": [{ "id": "m-src", "kind": "NewsSite" }] }""";

    [Fact]
    public void Load_MemoryStreamOverPartOfABuffer_ReadsFromItsPositionToItsEnd()
    {
        // The stream starts inside a larger buffer (an origin of 5) and its position skips two more bytes.
        var bytes = Encoding.UTF8.GetBytes("xxxxx[]" + File + "  ");
        using var stream = new MemoryStream(bytes, 5, bytes.Length - 5, writable: false, publiclyVisible: true) { Position = 2 };

        var store = BorderDataset.Load(BorderStore.Empty, stream, "memory.json");

        Assert.NotNull(store.Sources.Find("m-src"));
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void Load_MemoryStreamLargerThanTheLimit_IsRefusedBeforeItIsRead()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(File), writable: false);

        var error = Assert.Throws<BorderDataException>(() => BorderDataset.Load(BorderStore.Empty, stream, "memory.json", maxFileBytes: 10));

        Assert.Equal(DataErrorKind.TooLarge, Assert.Single(error.Errors).Kind);
        Assert.Equal(0, stream.Position);
    }
}
