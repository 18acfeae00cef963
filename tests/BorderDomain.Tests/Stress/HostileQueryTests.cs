using System;
using System.Collections.Generic;
using System.Linq;
using BorderDomain.Query;
using BorderDomain.Query.Language;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests.Stress;

/// <summary>
/// Payloads that broke other string-to-LINQ engines (member access, type names, method calls, <c>new</c>, casts,
/// indexers, static members, lambdas, SQL-ish tails, reflection-only members, homoglyphs): BDQ has no such constructs,
/// so each is rejected as a syntax error or an unknown field/path/type diagnostic, by the executor, the explainer
/// and the IQueryable path alike, and never runs anything.
/// </summary>
public sealed class HostileQueryTests
{
    private const string Syntax = BdqDiagnostics.SyntaxError;
    private const string UnknownSet = BdqDiagnostics.UnknownSet;
    private const string UnknownField = BdqDiagnostics.UnknownField;
    private const string InvalidPath = BdqDiagnostics.InvalidPath;
    private const string TypeMismatch = BdqDiagnostics.TypeMismatch;

    [Theory]
    // Member access and method calls.
    [InlineData("method call on a field", "accords where title.GetType() = 1", Syntax)]
    [InlineData("method call on a string literal", "accords where \"\".GetType().Assembly = 1", Syntax)]
    [InlineData("method call on a parameter", "accords where @x.GetType() = 1", Syntax)]
    [InlineData("method call on the right-hand side", "accords where title = title.ToUpper()", Syntax)]
    [InlineData("method call on a date literal", "accords where signed = \"2013\".GetType", Syntax)]
    [InlineData("static method call", "accords where title = System.Environment.Exit(1)", Syntax)]
    [InlineData("method group as a path", "accords where title.GetType = 1", InvalidPath)]
    [InlineData("ToString as a path", "accords where title.ToString = \"x\"", InvalidPath)]
    [InlineData("string property Length", "accords where title.Length > 1", InvalidPath)]
    [InlineData("property past a one-hop reference", "agencies where nation.region.Length = 1", InvalidPath)]
    [InlineData("CLR property name past a reference", "agencies where nation.Name.Length = 1", InvalidPath)]
    [InlineData("member access in order by", "accords order by title.Length", InvalidPath)]
    [InlineData("member access in select", "accords select title.GetType", InvalidPath)]
    [InlineData("collection property Count", "accords where Sources.Count > 1", Syntax)]
    [InlineData("collection property Count, camel case", "accords where parties.Count = 1", Syntax)]
    // Type names, new, casts, typeof and friends.
    [InlineData("namespace-qualified type as set", "System.IO.File where x = 1", Syntax)]
    [InlineData("record type name as set", "Accord where id = \"x\"", UnknownSet)]
    [InlineData("object creation", "accords where new Accord() = 1", Syntax)]
    [InlineData("cast", "accords where (object)title = 1", Syntax)]
    [InlineData("typeof", "accords where typeof(Accord) = 1", Syntax)]
    [InlineData("default", "accords where default(Accord) = 1", Syntax)]
    [InlineData("sizeof", "accords where sizeof(int) = 1", Syntax)]
    [InlineData("nameof", "accords where title = nameof(Accord)", Syntax)]
    [InlineData("checked", "accords where checked(1) = 1", Syntax)]
    [InlineData("is-type test", "accords where title is string", Syntax)]
    [InlineData("as-cast", "accords where title as object = 1", Syntax)]
    [InlineData("indexer", "accords where title[0] = \"a\"", Syntax)]
    // Static members.
    [InlineData("static member on the left", "accords where string.Empty = title", UnknownField)]
    [InlineData("DateTime.Now on the left", "accords where DateTime.Now > signed", UnknownField)]
    [InlineData("DateTime.MinValue as a value", "accords where signed = DateTime.MinValue", Syntax)]
    [InlineData("static member name as a value", "accords where title = Empty", TypeMismatch)]
    [InlineData("Now as a date value", "accords where signed = Now", TypeMismatch)]
    [InlineData("type name as a value", "accords where title = Environment", TypeMismatch)]
    [InlineData("type names in a list", "accords where title in (Environment, Process)", TypeMismatch)]
    [InlineData("MaxValue as a number", "statistics where value = MaxValue", TypeMismatch)]
    [InlineData("method name as a value", "accords where title = GetType", TypeMismatch)]
    [InlineData("C# keyword as a value", "accords where id = __arglist", TypeMismatch)]
    // Lambdas and C# operators.
    [InlineData("lambda in a method call", "accords where parties.Any(p => true)", Syntax)]
    [InlineData("bare lambda", "accords where x => x.Id = 1", Syntax)]
    [InlineData("string concatenation", "accords where title = \"a\" + \"b\"", Syntax)]
    [InlineData("C# equality operator", "accords where title == \"x\"", Syntax)]
    [InlineData("C# or operator", "accords where title = \"x\" || true", Syntax)]
    [InlineData("C# and operator", "accords where title = \"x\" && true", Syntax)]
    [InlineData("C# negation", "accords where !disputed", Syntax)]
    [InlineData("verbatim string", "accords where title = @\"x\"", Syntax)]
    [InlineData("interpolated string", "accords where title = $\"{1}\"", Syntax)]
    [InlineData("single-quoted string", "accords where title = 'x'", Syntax)]
    [InlineData("null literal without is", "accords where title = null", Syntax)]
    // SQL-ish tails and comment tricks.
    [InlineData("statement separator and drop", "accords; drop table accords", Syntax)]
    [InlineData("statement separator and second query", "accords where title = \"x\"; accords", Syntax)]
    [InlineData("select star from", "accords where Id = \"x\" ; select * from accords", Syntax)]
    [InlineData("tautology then comment then or", "accords where 1 = 1 -- \n or x", Syntax)]
    [InlineData("tautology then trailing comment", "accords where 1 = 1 -- ", Syntax)]
    // Reflection-only and ignored members.
    [InlineData("record EqualityContract", "accords where EqualityContract = 1", UnknownField)]
    [InlineData("object GetHashCode", "accords where GetHashCode = 1", UnknownField)]
    [InlineData("Type as a field", "accords where Type = 1", UnknownField)]
    [InlineData("GetType past a reference", "agencies where nation.GetType = 1", UnknownField)]
    [InlineData("GetType as a group key", "accords group by GetType count", UnknownField)]
    [InlineData("ignored Statistic.Quantity", "statistics where quantity = 1", UnknownField)]
    [InlineData("ignored Source.Citation", "sources where citation contains \"x\"", UnknownField)]
    // Unicode.
    [InlineData("Cyrillic i homoglyph in a field", "accords where t\u0456tle = \"x\"", UnknownField)]
    [InlineData("fullwidth letter in a field", "accords where \uff54itle = \"x\"", UnknownField)]
    [InlineData("fullwidth OR", "accords where title = \"x\" \uff2f\uff32 1 = 1", Syntax)]
    [InlineData("double at sign", "@@x", Syntax)]
    public void HostilePayload_IsRejectedWithTheExpectedDiagnostic(string payload, string query, string code)
    {
        var store = BorderStore.Default;
        var before = store.Accords.Count;

        Assert.False(Bdq.TryExecute(store, query, out var result, out var diagnostics), payload);
        Assert.Null(result);
        AssertOnly(code, diagnostics, payload);

        Assert.False(Bdq.TryExplain(store, query, out var plan, out var explained), payload);
        Assert.Null(plan);
        AssertOnly(code, explained, payload);

        var applied = TryApply(store, query, out var queryableDiagnostics);
        Assert.False(applied, payload);
        AssertOnly(code, queryableDiagnostics, payload);

        var thrown = Assert.Throws<BdqException>(() => Bdq.Execute(store, query));
        Assert.Contains(code, thrown.Message, StringComparison.Ordinal);
        Assert.Equal(before, store.Accords.Count);
    }

    [Fact]
    public void HostilePayloads_AreMany() =>
        Assert.True(typeof(HostileQueryTests).GetMethod(nameof(HostilePayload_IsRejectedWithTheExpectedDiagnostic))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Length >= 25);

    private static void AssertOnly(string code, IReadOnlyList<BdqDiagnostic> diagnostics, string payload)
    {
        Assert.NotEmpty(diagnostics);
        Assert.True(diagnostics.All(d => d.Code == code), $"{payload}: expected only {code}, got {string.Join("; ", diagnostics)}");
    }

    private static bool TryApply(BorderStore store, string query, out IReadOnlyList<BdqDiagnostic> diagnostics)
    {
        var set = query.Split(' ', 2)[0].ToLowerInvariant();
        switch (set)
        {
            case "agencies":
                return Apply(store.Agencies, query, store, out diagnostics);
            case "statistics":
                return Apply(store.Statistics, query, store, out diagnostics);
            case "sources":
                return Apply(store.Sources, query, store, out diagnostics);
            default:
                return Apply(store.Accords, query, store, out diagnostics);
        }
    }

    private static bool Apply<T>(EntityTable<T> table, string query, BorderStore store, out IReadOnlyList<BdqDiagnostic> diagnostics)
        where T : class
    {
        var ok = BdqQueryable.TryApply(table.AsQueryable(), query, out var result, out diagnostics, store: store);
        if (ok)
        {
            _ = result!.ToList();
        }

        return ok;
    }
}
