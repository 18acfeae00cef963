using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderDomain.Data.Json;

/// <summary>Source-generated (reflection-free) System.Text.Json metadata for the data file.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DatasetDocument))]
internal sealed partial class DatasetJsonContext : JsonSerializerContext;
