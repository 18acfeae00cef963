using System;

namespace BorderDomain.Query;

/// <summary>
/// Compiles a BDQ query at build time into the body of a <c>static partial</c> method. The BorderDomain source
/// generator checks the query against the schema, reports errors as compiler diagnostics at their exact place in
/// the string, and writes C# that calls the store's indexes directly.
/// </summary>
/// <remarks>
/// The method's first parameter is the <c>BorderStore</c> to query (it may be an extension <c>this</c>
/// parameter); each further parameter supplies the query parameter of the same name (<c>@nation</c> ↔
/// <c>NationCode nation</c>). Return <c>IReadOnlyList&lt;T&gt;</c>, <c>List&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c> or
/// <c>T[]</c> for records, <c>T?</c> for the first record, <c>int</c> or <c>long</c> for a query ending in
/// <c>count</c>, and <c>IReadOnlyList&lt;IReadOnlyList&lt;object?&gt;&gt;</c> for <c>select</c> and <c>group by</c> rows.
/// </remarks>
/// <param name="query">The BDQ query.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class BdqQueryAttribute(string query) : Attribute
{
    /// <summary>The BDQ query.</summary>
    public string Query { get; } = query;
}
