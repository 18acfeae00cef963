
namespace BorderDomain.Data;

/// <summary>Where a loaded record came from (file, JSON path, and the file's lines), for errors found after reading.</summary>
/// <param name="File">The file or stream name.</param>
/// <param name="Path">The record's JSON path, e.g. <c>$.accords[3]</c>.</param>
/// <param name="Lines">The file's lines, to find the line of a path inside the record.</param>
internal readonly record struct RecordOrigin(string? File, string Path, FileLines? Lines);
