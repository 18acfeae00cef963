using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using BorderDomain.Schema;
using BorderDomain.Storage;
using Xunit;

namespace BorderDomain.Tests;

/// <summary>Rules the whole library keeps: immutable model records and value types, and XML docs on every public API.</summary>
public sealed class DesignTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Library = typeof(BorderStore).Assembly;

    private static readonly string[] SynthesizedRecordMembers =
        ["<Clone>$", "EqualityContract", "Deconstruct", "PrintMembers", "op_Equality", "op_Inequality", "Equals", "GetHashCode", "ToString"];

    public static TheoryData<Type> ImmutableTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in ModelAndQuerySetTypes())
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void ModelAndQuerySetTypes_AreFound()
    {
        var types = ModelAndQuerySetTypes();
        var querySets = Library.GetTypes().Where(t => t.GetCustomAttribute<QuerySetAttribute>() is not null).Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["Accord", "Affiliation", "Agency", "Event", "Nation", "Organization", "Participation", "Person", "Place", "Source", "Statement", "Statistic"], querySets);
        Assert.Contains(typeof(BorderDomain.Model.PartialDate), types);
        Assert.Contains(typeof(BorderDomain.Model.PersonRole), types);
        Assert.Contains(typeof(BorderDomain.Model.Participant), types);
        Assert.True(types.Count >= 20, $"Only {types.Count} model types were found.");
    }

    [Theory]
    [MemberData(nameof(ImmutableTypes))]
    public void ModelType_IsSealedAndHasNoMutableState(Type type)
    {
        Assert.True(type.IsSealed, $"{type} is not sealed.");

        foreach (var property in type.GetProperties(Everything))
        {
            if (property.SetMethod is { } setter && (setter.IsPublic || setter.IsFamily || setter.IsFamilyOrAssembly))
            {
                Assert.True(IsInitOnly(setter), $"{type.Name}.{property.Name} has a public setter that is not init-only.");
            }
        }

        foreach (var field in type.GetFields(Everything).Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly))
        {
            if (type.IsEnum && field.IsSpecialName)
            {
                continue; // value__
            }

            Assert.True(field.IsInitOnly || field.IsLiteral, $"{type.Name}.{field.Name} is a public field that is not read-only.");
        }
    }

    [Theory]
    [MemberData(nameof(ImmutableTypes))]
    public void ModelType_CollectionPropertiesAreImmutableArrays(Type type)
    {
        foreach (var property in type.GetProperties(Everything).Where(p => p.GetMethod is { IsPublic: true }))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                continue;
            }

            if (!property.GetMethod!.IsStatic)
            {
                Assert.True(
                    propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>),
                    $"{type.Name}.{property.Name} is a {propertyType.Name}, not an ImmutableArray<T>.");
                continue;
            }

            // A static list (e.g. Unit.MeasurementCodes) is shared by every caller: it must not be a mutable
            // collection type, nor hand out one at run time.
            Assert.False(propertyType.IsArray, $"{type.Name}.{property.Name} is an array.");
            Assert.False(IsMutableCollectionType(propertyType), $"{type.Name}.{property.Name} is a mutable {propertyType.Name}.");
            var value = property.GetValue(null);
            Assert.False(value is IList { IsReadOnly: false } or IDictionary { IsReadOnly: false }, $"{type.Name}.{property.Name} returns a mutable {value?.GetType().Name}.");
            Assert.False(value is not null && IsMutableCollectionType(value.GetType()) && !IsReadOnlyAtRunTime(value), $"{type.Name}.{property.Name} returns a mutable {value?.GetType().Name}.");
        }
    }

    [Fact]
    public void ModelValueTypes_AreReadOnlyStructs()
    {
        var structs = ModelAndQuerySetTypes().Where(t => t.IsValueType && !t.IsEnum).ToList();

        Assert.Equal(["NationCode", "PartialDate", "Period", "Quantity", "Unit"], structs.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(structs, type => Assert.True(
            type.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.IsReadOnlyAttribute"),
            $"{type.Name} is not a readonly struct."));
    }

    [Fact]
    public void XmlDocumentationFile_IsBesideTheLibrary()
    {
        Assert.True(File.Exists(XmlDocPath), $"The XML documentation file was not found at {XmlDocPath}.");
    }

    [Fact]
    public void PublicApi_EveryTypeAndMemberHasAnXmlDocComment()
    {
        Assert.True(File.Exists(XmlDocPath), $"The XML documentation file was not found at {XmlDocPath}.");
        var documented = XDocument.Load(XmlDocPath).Descendants("member")
            .Where(m => m.Elements().Any(e => e.Name == "inheritdoc" || !string.IsNullOrWhiteSpace(e.Value)))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var required = PublicApiDocIds().ToList();
        var missing = required.Where(id => !documented.Contains(id)).ToList();

        Assert.True(required.Count > 300, $"Only {required.Count} public members were found.");
        Assert.Contains("M:BorderDomain.Data.BorderDataset.Load(BorderDomain.Storage.BorderStore,System.IO.Stream,System.String,System.Int64,System.Int32)", required);
        Assert.Contains("P:BorderDomain.Storage.EntityTable`1.Item(System.Int32)", required);
        Assert.Contains("M:BorderDomain.Model.PartialDate.TryParse(System.String,BorderDomain.Model.PartialDate@)", required);
        Assert.True(missing.Count == 0, "Undocumented: " + string.Join(", ", missing));
    }

    private static string XmlDocPath => Path.ChangeExtension(Library.Location, ".xml");

    private static List<Type> ModelAndQuerySetTypes() =>
        [.. Library.GetTypes().Where(t =>
            (t.IsPublic && t.Namespace == "BorderDomain.Model") || t.GetCustomAttribute<QuerySetAttribute>() is not null)];

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMutableCollectionType(Type type) =>
        type.IsArray
        || type.GetInterfaces().Append(type).Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICollection<>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
        && !type.Namespace!.StartsWith("System.Collections.Immutable", StringComparison.Ordinal)
        && !type.Namespace.StartsWith("System.Collections.Frozen", StringComparison.Ordinal);

    private static bool IsReadOnlyAtRunTime(object value) =>
        value.GetType().GetProperty("IsReadOnly")?.GetValue(value) is true
        || value.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>)
            && i.GetProperty("IsReadOnly")!.GetValue(value) is true);

    private static IEnumerable<string> PublicApiDocIds()
    {
        foreach (var type in Library.GetExportedTypes())
        {
            yield return "T:" + TypeId(type);
            var isRecord = type.GetMethod("<Clone>$", Everything) is not null
                || (type.IsValueType && type.GetProperty("EqualityContract", Everything) is null
                    && type.GetMethods(Everything).Any(m => m.Name == "PrintMembers"));

            foreach (var member in type.GetMembers(Everything))
            {
                if (!IsVisible(member) || member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
                {
                    continue;
                }

                if (isRecord && SynthesizedRecordMembers.Contains(member.Name) && member is MethodInfo or PropertyInfo)
                {
                    continue;
                }

                switch (member)
                {
                    case MethodInfo method when method.IsSpecialName && (method.Name.StartsWith("get_", StringComparison.Ordinal)
                        || method.Name.StartsWith("set_", StringComparison.Ordinal)
                        || method.Name.StartsWith("add_", StringComparison.Ordinal)
                        || method.Name.StartsWith("remove_", StringComparison.Ordinal)):
                        continue;
                    case MethodInfo method:
                        yield return MethodId(type, method, method.Name, method.IsGenericMethodDefinition ? method.GetGenericArguments().Length : 0);
                        break;
                    case ConstructorInfo constructor when constructor.IsStatic:
                        continue;
                    case ConstructorInfo constructor:
                        // The implicit parameterless constructor of a class that declares none cannot carry a comment.
                        // (A record's copy constructor does not count as a declared one.)
                        var declared = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                            .Count(c => c.GetParameters() is not [{ } only] || only.ParameterType != type);
                        if (constructor.GetParameters().Length == 0 && declared == 1)
                        {
                            continue;
                        }

                        yield return MethodId(type, constructor, "#ctor", 0);
                        break;
                    case PropertyInfo property:
                        var indexParameters = property.GetIndexParameters();
                        yield return "P:" + TypeId(type) + "." + property.Name
                            + (indexParameters.Length == 0 ? string.Empty : "(" + string.Join(",", indexParameters.Select(p => ParameterTypeId(p.ParameterType))) + ")");
                        break;
                    case FieldInfo field when type.IsEnum && field.IsSpecialName:
                        continue; // value__
                    case FieldInfo field:
                        yield return "F:" + TypeId(type) + "." + field.Name;
                        break;
                    case EventInfo @event:
                        yield return "E:" + TypeId(type) + "." + @event.Name;
                        break;
                    case Type:
                        continue; // nested public types come from GetExportedTypes
                }
            }
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisible),
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
        _ => false,
    };

    private static string MethodId(Type type, MethodBase method, string name, int genericArity)
    {
        var id = "M:" + TypeId(type) + "." + name.Replace('.', '#') + (genericArity > 0 ? "``" + genericArity : string.Empty);
        var parameters = method.GetParameters();
        if (parameters.Length > 0)
        {
            id += "(" + string.Join(",", parameters.Select(p => ParameterTypeId(p.ParameterType))) + ")";
        }

        if (method is MethodInfo { Name: "op_Implicit" or "op_Explicit" } conversion)
        {
            id += "~" + ParameterTypeId(conversion.ReturnType);
        }

        return id;
    }

    private static string TypeId(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string ParameterTypeId(Type type)
    {
        if (type.IsByRef)
        {
            return ParameterTypeId(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return ParameterTypeId(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            return ParameterTypeId(type.GetElementType()!) + (type.GetArrayRank() == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", type.GetArrayRank())) + "]");
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var name = (definition.FullName ?? definition.Name).Replace('+', '.');
            name = name[..name.IndexOf('`', StringComparison.Ordinal)];
            return name + "{" + string.Join(",", type.GetGenericArguments().Select(ParameterTypeId)) + "}";
        }

        return (type.FullName ?? type.Name).Replace('+', '.');
    }
}
