using BorderDomain.Data.Json;

namespace BorderDomain.Data;

/// <summary>Where a loaded record came from (file, JSON path, and the file's line map), for errors found after reading.</summary>
/// <param name="File">The file or stream name.</param>
/// <param name="Path">The record's JSON path, e.g. <c>$.accords[3]</c>.</param>
/// <param name="Lines">The file's line map, to find the line of a path inside the record.</param>
internal readonly record struct RecordOrigin(string? File, string Path, JsonLineMap? Lines);
