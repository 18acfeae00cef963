using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests;

// Layers, each using only those before it: BorderDomain (EquatableArray) <- Schema <- Model <- Storage <- Data
// <- CompilerServices <- Query.Language (diagnostics vocabulary) <- Query.Syntax <- Query.Semantics <- Query.Planning
// <- Query (facade and executor) <- Rendering.

/// <summary>
/// The library's namespaces form layers: no two of them depend on each other, directly or through others. A
/// dependency is any type one namespace's code names (base types, interfaces, signatures, attributes, and every type,
/// method or field that method bodies reference), read from the compiled assembly, so <c>using</c> directives,
/// qualified names and nested namespaces all count.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Library = typeof(BorderStore).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// The dependencies that still point up the layering written at the top of this file. Without them the namespaces
    /// form no cycle. The list only shrinks: a dependency that is gone must leave it, and a new one that closes a cycle
    /// fails the test.
    /// </summary>
    private static readonly (string From, string To)[] KnownBackEdges =
    [];

    [Fact]
    public void LibraryNamespaces_HaveNoDependencyCycle_BesideTheKnownBackEdges()
    {
        var graph = Dependencies(Library);
        foreach (var (from, to) in KnownBackEdges)
        {
            Assert.True(
                graph["BorderDomain." + from].Remove("BorderDomain." + to),
                $"BorderDomain.{from} no longer depends on BorderDomain.{to}: remove the pair from {nameof(KnownBackEdges)}.");
        }

        var cycles = StronglyConnected(graph).Where(c => c.Count > 1).ToList();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(cycle => Describe(cycle, graph))));
    }

    [Fact]
    public void Dependencies_ReadFromTheAssembly_SeeBodiesAndSignatures()
    {
        // The reader must see what the rule is about, or the rule above could never fail: edges the library is known
        // to have, from a method body (the executor calls the index queries), a signature (a store's schema) and a
        // base type (the tree hooks' derived types), are all found.
        var graph = Dependencies(Library);

        Assert.Contains("BorderDomain.CompilerServices", graph["BorderDomain.Query"].Keys);
        Assert.Contains("BorderDomain.Schema", graph["BorderDomain.Storage"].Keys);
        Assert.Contains("BorderDomain.Model", graph["BorderDomain.Data"].Keys);
        Assert.True(graph.Count >= 10, $"Only {graph.Count} namespaces were found.");
    }

    [Fact]
    public void StronglyConnected_FindsACycleOfThree()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "a" },
            ["B"] = new() { ["C"] = "b" },
            ["C"] = new() { ["A"] = "c" },
            ["D"] = new() { ["A"] = "d" },
        };

        var cycles = StronglyConnected(graph).Where(c => c.Count > 1).ToList();

        Assert.Equal(["A", "B", "C"], Assert.Single(cycles).Order(StringComparer.Ordinal));
    }

    /// <summary>For each namespace of the assembly, the namespaces it depends on, each with one type that shows why.</summary>
    private static Dictionary<string, Dictionary<string, string>> Dependencies(Assembly assembly)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (NamespaceOf(type) is not { } from)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var found) ? found : graph[from] = new(StringComparer.Ordinal);
            foreach (var used in UsedTypes(type))
            {
                if (NamespaceOf(used) is { } to && to != from)
                {
                    edges.TryAdd(to, $"{Outermost(type).FullName} uses {used.FullName}");
                }
            }
        }

        return graph;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        var used = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            used.Add(baseType);
        }

        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (var field in type.GetFields(Everything))
        {
            used.Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            used.Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }

            used.AddRange(method.GetCustomAttributesData().Select(a => a.AttributeType));
            used.AddRange(BodyReferences(method));
        }

        return used.SelectMany(Expand);
    }

    /// <summary>The types, and the declaring types of the methods and fields, that a method's IL names.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
        {
            yield break;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var code = OpCodesByValue[value];
            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    var member = module.ResolveMember(token, typeArguments, methodArguments);
                    switch (member)
                    {
                        case Type resolved:
                            yield return resolved;
                            break;
                        case MethodBase called:
                            yield return called.DeclaringType!;
                            foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : Type.EmptyTypes)
                            {
                                yield return argument;
                            }

                            break;
                        case FieldInfo field:
                            yield return field.DeclaringType!;
                            yield return field.FieldType;
                            break;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var element in Expand(type.GetElementType()!))
            {
                yield return element;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>The BorderDomain namespace a type is declared in (a nested type's is its outermost type's), or null.</summary>
    private static string? NamespaceOf(Type type)
    {
        var name = Outermost(type).Namespace;
        return name is not null && (name == "BorderDomain" || name.StartsWith("BorderDomain.", StringComparison.Ordinal)) ? name : null;
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Keys.ToList() : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }

    private static string Describe(List<string> cycle, Dictionary<string, Dictionary<string, string>> graph)
    {
        var members = cycle.ToHashSet(StringComparer.Ordinal);
        var edges = cycle.Order(StringComparer.Ordinal)
            .SelectMany(from => graph[from].Where(e => members.Contains(e.Key)).Select(e => $"  {from} -> {e.Key}: {e.Value}"));
        return $"Namespaces in one dependency cycle: {string.Join(", ", cycle.Order(StringComparer.Ordinal))}\n{string.Join("\n", edges)}";
    }
}
