using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BorderDomain.Generators;

/// <summary>Turns a method carrying <c>[BdqQuery]</c> into a <see cref="QueryMethodModel"/>, checking its shape.</summary>
internal static class QueryMethodReader
{
    internal const string QueryAttribute = "BorderDomain.Query.BdqQueryAttribute";
    internal const string StoreInterface = "global::BorderDomain.Storage.IQueryStore";
    private const string TableType = "BorderDomain.Storage.EntityTable<T>";
    private const string BorderStoreType = "global::BorderDomain.Storage.BorderStore";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    internal static QueryMethodModel Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        var attribute = context.Attributes[0];
        var argument = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        var literal = argument as LiteralExpressionSyntax;
        var text = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        LiteralQueryText? query = null;
        if (text is null || literal is null || !literal.Token.IsKind(SyntaxKind.StringLiteralToken) && !literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            // Its text is not bound: errors in it would have no place in the source to be shown at.
            diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.QueryNotLiteral, Locate(argument ?? (SyntaxNode)syntax)));
        }
        else
        {
            query = new LiteralQueryText(text, literal.Token.Text, Locate(literal.Token));
        }

        var isDeclaration = syntax.Body is null && syntax.ExpressionBody is null && method.IsPartialDefinition;
        if (!method.IsStatic || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || !isDeclaration || method.IsGenericMethod)
        {
            diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.InvalidMethod, Locate(syntax.Identifier), method.Name));
        }

        var containing = new List<ContainingType>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var declaration = type.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as TypeDeclarationSyntax;
            if (declaration is null || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || type.IsGenericType)
            {
                diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.InvalidContainingType, Locate(syntax.Identifier), type.Name));
                isDeclaration = false;
            }

            containing.Insert(0, new ContainingType(declaration is RecordDeclarationSyntax record ? "record " + (record.ClassOrStructKeyword.Text is { Length: > 0 } k ? k : "class") : declaration?.Keyword.Text ?? "class", type.Name));
        }

        var parameters = method.Parameters.Select(p => new MethodParameter(p.Name, p.Type.ToDisplayString(TypeFormat), method.IsExtensionMethod && p.Ordinal == 0)).ToImmutableArray();
        var (isStore, tableSet) = method.Parameters.Length == 0 ? (false, null) : StoreOf(method.Parameters[0].Type);
        if (!isStore)
        {
            diagnostics.Add(GeneratorDiagnostics.Info(GeneratorDiagnostics.MissingStore, Locate(syntax.ParameterList), method.Name));
        }

        var (shape, element) = Shape(method.ReturnType);
        return new QueryMethodModel
        {
            Signature = new MethodSignature
            {
                Namespace = method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                ContainingTypes = containing.ToImmutableArray(),
                Modifiers = string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
                Name = method.Name,
                ReturnType = method.ReturnType.ToDisplayString(TypeFormat),
                Shape = shape,
                ElementType = element,
                Parameters = parameters,
                TypedTables = method.Parameters.Length == 0 ? ImmutableArray<TypedTable>.Empty : TypedTables(method.Parameters[0].Type),
                DeclaresMethodImpl = method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.MethodImplAttribute"),
            },
            Query = query,
            ShapeDiagnostics = diagnostics.ToImmutableArray(),
            IsDeclaration = isDeclaration,
            TableSet = tableSet,
        };
    }

    /// <summary>
    /// Whether a query can run on a value of <paramref name="type"/>: a store (a type that is or implements
    /// <c>IQueryStore</c>), or an <c>EntityTable&lt;T&gt;</c> of a <c>[QuerySet]</c> type, whose set it names.
    /// </summary>
    private static (bool IsStore, string? TableSet) StoreOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.ConstructedFrom.ToDisplayString() == TableType)
        {
            return generic.TypeArguments[0] is INamedTypeSymbol record && SchemaReader.ReadType(record) is { } set ? (true, set.Name) : (false, null);
        }

        var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return (name == StoreInterface || type.AllInterfaces.Any(i => i.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == StoreInterface), null);
    }

    /// <summary>
    /// The <c>EntityTable&lt;T&gt;</c> properties of the library's sealed store, whose tables are exactly what its
    /// <c>GetTable</c> returns for their sets; a record type two properties share is left out. Empty for other types.
    /// </summary>
    private static ImmutableArray<TypedTable> TypedTables(ITypeSymbol type)
    {
        if (type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) != BorderStoreType)
        {
            return ImmutableArray<TypedTable>.Empty;
        }

        var tables = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.Parameters.Length == 0
                && p.Type is INamedTypeSymbol { IsGenericType: true } t && t.ConstructedFrom.ToDisplayString() == TableType)
            .Select(p => Table(p.Name, ((INamedTypeSymbol)p.Type).TypeArguments[0]))
            .ToList();
        return tables.GroupBy(t => t.RecordType).Where(g => g.Count() == 1).Select(g => g.First()).ToImmutableArray();

        // The property's record type and its query set's name (null when the type is no query set).
        static TypedTable Table(string property, ITypeSymbol record) => new(
            record.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty),
            property,
            record is INamedTypeSymbol named ? SchemaReader.ReadType(named)?.Name : null);
    }

    /// <summary>How a return type carries results, and its record type where it has one.</summary>
    private static (ReturnShape Shape, string? Element) Shape(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Int32:
                return (ReturnShape.Int32, null);
            case SpecialType.System_Int64:
                return (ReturnShape.Int64, null);
        }

        if (type is IArrayTypeSymbol array)
        {
            return (ReturnShape.Array, Name(array.ElementType));
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic)
        {
            var definition = generic.ConstructedFrom.ToDisplayString();
            var argument = generic.TypeArguments[0];
            if (definition == "System.Collections.Generic.IReadOnlyList<T>" && argument is INamedTypeSymbol { IsGenericType: true } inner
                && inner.ConstructedFrom.ToDisplayString() == "System.Collections.Generic.IReadOnlyList<T>" && inner.TypeArguments[0].SpecialType == SpecialType.System_Object)
            {
                return (ReturnShape.Rows, null);
            }

            if (definition is "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.List<T>" or "System.Collections.Generic.IEnumerable<T>"
                or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.ICollection<T>" or "System.Collections.Generic.IReadOnlyCollection<T>")
            {
                return (ReturnShape.List, Name(argument));
            }
        }

        return type.TypeKind == TypeKind.Class ? (ReturnShape.First, Name(type)) : (ReturnShape.Unsupported, null);
    }

    private static string Name(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    internal static SourceLocation Locate(SyntaxNode node) => Locate(node.GetLocation());

    internal static SourceLocation Locate(SyntaxToken token) => Locate(token.GetLocation());

    internal static SourceLocation Locate(Location location)
    {
        var lines = location.GetLineSpan();
        return new SourceLocation(
            lines.Path ?? string.Empty,
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            lines.StartLinePosition.Line,
            lines.StartLinePosition.Character,
            lines.EndLinePosition.Line,
            lines.EndLinePosition.Character);
    }
}
