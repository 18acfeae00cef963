using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using BorderDomain.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BorderDomain.Generators;

/// <summary>
/// Compiles BDQ queries at build time. For each <c>[BdqQuery]</c> method it parses, binds and plans the query with
/// the library's own front end (linked in, one copy), reports errors at their place in the string literal, and
/// writes a body that calls the store's indexes. It also registers the metadata of the compilation's
/// <c>[QuerySet]</c> types. Every stage passes equatable data and is named, so unrelated edits hit the cache.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BdqGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the schema read from the compilation.</summary>
    public const string SchemaStep = "BdqSchema";

    /// <summary>Tracking name of the query methods found.</summary>
    public const string MethodsStep = "BdqQueryMethods";

    /// <summary>Tracking name of the bound, planned and emitted queries.</summary>
    public const string OutputsStep = "BdqQueryOutputs";

    /// <summary>Tracking name of the .bdq files read.</summary>
    public const string FilesStep = "BdqFiles";

    /// <summary>Tracking name of the bound, planned and emitted .bdq queries.</summary>
    public const string FileOutputsStep = "BdqFileOutputs";

    /// <summary>Tracking name of the [QuerySet] types declared in the compilation.</summary>
    public const string QuerySetsStep = "BdqQuerySets";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schema = context.CompilationProvider
            .Select(static (compilation, token) => SchemaReader.Read(compilation, token))
            .WithTrackingName(SchemaStep);

        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                QueryMethodReader.QueryAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntax, token) => QueryMethodReader.Read(syntax, token))
            .WithTrackingName(MethodsStep);

        var outputs = methods
            .Combine(schema)
            .Select(static (pair, _) => QueryBinding.Bind(pair.Left, pair.Right))
            .WithTrackingName(OutputsStep);

        var files = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".bdq", System.StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) && root.Length > 0 ? root + ".Queries" : "BdqQueries"))
            .Select(static (pair, token) => new QueryFileModel(pair.Left.Path, pair.Left.GetText(token)?.ToString() ?? string.Empty, pair.Right))
            .WithTrackingName(FilesStep);

        var fileOutputs = files
            .Combine(schema)
            .Select(static (pair, _) =>
            {
                var (methods, problems) = QueryFileReader.Read(pair.Left, pair.Right);
                var outputs = methods.Select(method => QueryBinding.Bind(method, pair.Right)).ToImmutableArray();
                return (Outputs: new BorderDomain.Query.EquatableArray<QueryMethodOutput>(outputs), Problems: new BorderDomain.Query.EquatableArray<DiagnosticInfo>(problems));
            })
            .WithTrackingName(FileOutputsStep);

        // One output for every query, of methods and of files, so hint names are made unique across all of them.
        context.RegisterSourceOutput(outputs.Collect().Combine(fileOutputs.Collect()), static (output, all) =>
        {
            var sources = new List<QueryMethodOutput>();
            foreach (var query in all.Left)
            {
                Report(output, query.Diagnostics);
                if (query.Source.Length > 0)
                {
                    sources.Add(query);
                }
            }

            foreach (var file in all.Right)
            {
                Report(output, file.Problems);
                foreach (var query in file.Outputs)
                {
                    Report(output, query.Diagnostics);
                    sources.Add(query with { HintName = "BdqFile." + query.HintName });
                }
            }

            foreach (var (hintName, query) in HintNames.Assign(sources, static q => q.HintName, static q => q.Signature))
            {
                output.AddSource(hintName, SourceText.From(query.Source, Encoding.UTF8));
            }
        });

        var sets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                SchemaReader.QuerySetAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntax, _) => SchemaReader.ReadModel((INamedTypeSymbol)syntax.TargetSymbol))
            .Where(static set => set is not null)
            .WithTrackingName(QuerySetsStep);

        context.RegisterSourceOutput(sets.Collect(), static (output, found) =>
        {
            var models = found.Where(s => s is not null).Select(s => s!).GroupBy(s => s.Set.RecordTypeName).Select(g => g.First()).ToImmutableArray();
            foreach (var model in models)
            {
                Report(output, model.Diagnostics);
            }

            var distinct = models.Select(m => m.Set).ToImmutableArray();
            if (distinct.Length > 0)
            {
                output.AddSource("QuerySetRegistrations.g.cs", SourceText.From(MetadataEmitter.Emit(distinct), Encoding.UTF8));
            }
        });
    }

    private static void Report(SourceProductionContext output, IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(ToDiagnostic(diagnostic));
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = GeneratorDiagnostics.All.TryGetValue(info.Id, out var known) ? known : GeneratorDiagnostics.InvalidMethod;
        var location = info.Location is { } at
            ? Location.Create(at.FilePath, new TextSpan(at.Start, at.Length), new LinePositionSpan(new LinePosition(at.StartLine, at.StartColumn), new LinePosition(at.EndLine, at.EndColumn)))
            : Location.None;
        return info.Arguments.Count > 0
            ? Diagnostic.Create(descriptor, location, info.Arguments.Items.Cast<object>().ToArray())
            : Diagnostic.Create(descriptor, location, info.Message);
    }
}
