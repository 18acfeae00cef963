using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BorderDomain.Query;
using BorderDomain.Query.Semantics;
using BorderDomain.Schema;
using Microsoft.CodeAnalysis;

namespace BorderDomain.Generators;

/// <summary>
/// Reads the schema of <c>[QuerySet]</c> record types from Roslyn symbols: the same fields, kinds and indexes the
/// run-time attribute reader finds by reflection (both follow <see cref="SchemaConventions"/>).
/// </summary>
internal static class SchemaReader
{
    internal const string QuerySetAttribute = "BorderDomain.Schema.QuerySetAttribute";
    private const string IndexedAttribute = "BorderDomain.Schema.IndexedAttribute";
    private const string ReferencesAttribute = "BorderDomain.Schema.ReferencesAttribute";
    private const string QueryFieldAttribute = "BorderDomain.Schema.QueryFieldAttribute";

    // A skipped property's type as the run-time reader names it: full names, generic arguments in angle brackets.
    private static readonly SymbolDisplayFormat SkippedTypeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.ExpandNullable);

    /// <summary>Every <c>[QuerySet]</c> type in the compilation and in the assemblies that use BorderDomain.</summary>
    internal static SchemaModel Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var attribute = compilation.GetTypeByMetadataName(QuerySetAttribute);
        if (attribute is null)
        {
            return new SchemaModel(new QuerySchema(ImmutableArray<EntitySetSchema>.Empty));
        }

        var sets = new List<EntitySetSchema>();
        foreach (var assembly in AssembliesUsing(compilation, attribute.ContainingAssembly))
        {
            Collect(assembly.GlobalNamespace, attribute, sets, cancellationToken);
        }

        return new SchemaModel(new QuerySchema(sets.OrderBy(s => s.Name, System.StringComparer.Ordinal).ToImmutableArray()));
    }

    /// <summary>The schema of one record type, or null when it has no <c>[QuerySet]</c>.</summary>
    internal static EntitySetSchema? ReadType(INamedTypeSymbol type) => ReadType(type, diagnostics: null);

    /// <summary>
    /// The schema of a record type declared in the compilation, with a BDQ1010 warning on each property left out
    /// because queries do not support its type; null when it has no <c>[QuerySet]</c>.
    /// </summary>
    internal static QuerySetModel? ReadModel(INamedTypeSymbol type)
    {
        var diagnostics = new List<DiagnosticInfo>();
        return ReadType(type, diagnostics) is { } set ? new QuerySetModel(set, diagnostics.ToImmutableArray()) : null;
    }

    // A property whose type queries do not support is skipped, as the run-time reader (QuerySetReflector) skips it,
    // and listed in SkippedProperties so a query naming it learns why; SchemaConventions.KindOf decides for both.
    private static EntitySetSchema? ReadType(INamedTypeSymbol type, List<DiagnosticInfo>? diagnostics)
    {
        var set = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == QuerySetAttribute);
        if (set is null || set.ConstructorArguments.Length != 1 || set.ConstructorArguments[0].Value is not string name)
        {
            return null;
        }

        var fields = ImmutableArray.CreateBuilder<FieldSchema>();
        var skipped = ImmutableArray.CreateBuilder<SkippedProperty>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public || property.GetMethod is null)
            {
                continue;
            }

            var options = Attribute(property, QueryFieldAttribute);
            if (options is not null && Named(options, "Ignore") is true)
            {
                continue;
            }

            var fieldName = (options is null ? null : Named(options, "Name") as string) ?? SchemaConventions.FieldName(property.Name);
            if (Describe(property, fieldName) is { } field)
            {
                fields.Add(field);
                continue;
            }

            var typeName = property.Type.ToDisplayString(SkippedTypeFormat);
            skipped.Add(new SkippedProperty { Name = fieldName, PropertyName = property.Name, TypeName = typeName });
            if (diagnostics is not null && property.Locations.FirstOrDefault(l => l.IsInSource) is { } at)
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.UnsupportedPropertyType, QueryMethodReader.Locate(at), property.Name, typeName, name, SchemaConventions.SupportedTypes));
            }
        }

        return new EntitySetSchema
        {
            Name = name,
            RecordTypeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty),
            Fields = fields.ToImmutable(),
            SkippedProperties = skipped.ToImmutable(),
        };
    }

    private static FieldSchema? Describe(IPropertySymbol property, string name)
    {
        var type = property.Type;
        var isCollection = false;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            type = array.ElementType;
            isCollection = true;
        }
        else if (type is INamedTypeSymbol { IsGenericType: true } generic
            && SchemaConventions.IsListType(generic.ConstructedFrom.ContainingNamespace.ToDisplayString() + "." + generic.ConstructedFrom.MetadataName))
        {
            type = generic.TypeArguments[0];
            isCollection = true;
        }

        var isNullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullable = true;
        }
        else if (!type.IsValueType && property.NullableAnnotation == NullableAnnotation.Annotated)
        {
            isNullable = true;
        }

        var typeName = MetadataName(type);
        var isEnum = type.TypeKind == TypeKind.Enum;
        var kind = SchemaConventions.KindOf(typeName, isEnum);
        if (kind is null)
        {
            return null;
        }

        var indexed = Attribute(property, IndexedAttribute);
        var requested = indexed is { ConstructorArguments.Length: 1 } && indexed.ConstructorArguments[0].Value is int value ? (IndexKind)value : IndexKind.Auto;
        return new FieldSchema
        {
            Name = name,
            PropertyName = property.Name,
            Kind = kind.Value,
            TypeName = typeName,
            IsCollection = isCollection,
            IsNullable = isNullable,
            Index = indexed is null ? null : SchemaConventions.ResolveIndex(requested, kind.Value),
            References = Attribute(property, ReferencesAttribute) is { ConstructorArguments.Length: 1 } references ? references.ConstructorArguments[0].Value as string : null,
            EnumMembers = isEnum
                ? type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToImmutableArray()
                : ImmutableArray<string>.Empty,
        };
    }

    private static string MetadataName(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => "System.String",
        SpecialType.System_Boolean => "System.Boolean",
        SpecialType.System_Decimal => "System.Decimal",
        SpecialType.System_Int32 => "System.Int32",
        SpecialType.System_Int64 => "System.Int64",
        SpecialType.System_Double => "System.Double",
        _ => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty),
    };

    private static AttributeData? Attribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == name);

    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

    private static IEnumerable<IAssemblySymbol> AssembliesUsing(Compilation compilation, IAssemblySymbol library)
    {
        yield return compilation.Assembly;
        if (!SymbolEqualityComparer.Default.Equals(library, compilation.Assembly))
        {
            yield return library;
        }

        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!SymbolEqualityComparer.Default.Equals(reference, library)
                && reference.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, library))))
            {
                yield return reference;
            }
        }
    }

    private static void Collect(INamespaceSymbol ns, INamedTypeSymbol attribute, List<EntitySetSchema> sets, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var type in ns.GetTypeMembers())
        {
            if (type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)) && ReadType(type) is { } set)
            {
                sets.Add(set);
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            Collect(child, attribute, sets, cancellationToken);
        }
    }
}
