using System;
using System.IO;
using System.Linq;
using System.Text;
using BorderDomain.Data;
using BorderDomain.Storage;
using FsCheck.Xunit;

namespace BorderDomain.Tests.Loading;

/// <summary>
/// Documents assembled from hostile fragments (lone surrogates in names and strings, wrong types, numbers no decimal
/// holds, deep nesting): <c>Load</c> either loads or throws <see cref="BorderDataException"/> with at least one error,
/// and never anything else; the bundled store is untouched either way.
/// </summary>
public sealed class LoadPropertyTests
{
    private static readonly string[] Names = ["note", "parties", "kind", "title", "\\ud800", "\\udc00x", "extra", "signed", "topics", "place"];

    private static readonly string[] Values =
    [
        "\"\\ud800\"", "1e-400", "1e400", "0.000000000000000000000000000000001", "[1, \"\\udfff\"]", "{ \"\\ud800\": 1 }",
        "null", "true", "\"PER\"", "[\"PER\", \"ECU\"]", "[[[[]]]]", "\"Treaty\"", "\"\\ud83d\\ude00\"", "{}", "-0", "\"2013-02-30\"",
    ];

    [Property]
    public bool Load_DocumentBuiltFromHostileFragments_LoadsOrThrowsOnlyBorderDataException(byte[] picks)
    {
        var fields = (picks ?? []).Select((pick, i) => $", \"{Names[pick % Names.Length]}{i}\": {Values[(pick / Names.Length) % Values.Length]}");
        var json = $$"""
            {
              "accords": [ { "id": "t-prop", "title": "P", "kind": "Treaty"{{string.Concat(fields)}} } ],
              "statistics": [ { "id": "t-prop-s", "metric": "BorderLength", "unit": "km", "source": "src-000", "value": {{Values[(picks?.Length ?? 0) % Values.Length]}} } ]
            }
            """;
        var before = BorderStore.Default.Accords.Count;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        try
        {
            BorderDataset.Load(BorderStore.Default, stream, "prop.json");
        }
        catch (BorderDataException rejected)
        {
            return rejected.Errors.Count > 0 && BorderStore.Default.Accords.Count == before;
        }
        catch (Exception)
        {
            return false;
        }

        return BorderStore.Default.Accords.Count == before;
    }
}
