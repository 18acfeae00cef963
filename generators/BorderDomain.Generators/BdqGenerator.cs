using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BorderDomain.Generators;

/// <summary>
/// Compiles BDQ queries at build time. For each <c>[BdqQuery]</c> method and each query of a <c>.bdq</c> file it
/// parses, binds and plans the query with the library's own front end (linked in, one copy), reports errors at their
/// place in the string literal or file, and writes a body that calls the store's indexes. It also registers the
/// metadata of the compilation's <c>[QuerySet]</c> types. Every stage passes equatable data and is named:
/// <code>
/// [BdqQuery] methods ─ BdqQueryMethods ─ BdqParsedQueries ─┬─ BdqQueryInputs ─ BdqQueryOutputs ─────┐
/// compilation ─ BdqSchema ─────────────────────────────────┤                                       ├─ files, diagnostics
/// .bdq files ─ BdqFiles ─ BdqFileContents ─ BdqFileQueries ┴─ BdqFileInputs ─ BdqFileOutputs ──────┤
///                                       └─ BdqFileProblems ────────────────────────────────────────┘
/// [QuerySet] types ─ BdqQuerySets ─ QuerySetRegistrations.g.cs, BDQ1010
/// compilation ─ BdqContract (the library's GeneratedCodeContract.Version) ─ BDQ1011 beside the query files
/// </code>
/// A query is parsed once, in a step that needs no schema, so an edit to a record type does not parse anything again.
/// The inputs steps pair each query with the slice of the schema it reads (<see cref="SchemaSlice"/>): an edit to one
/// record type re-binds only the queries that reach it; the others stay cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BdqGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the schema read from the compilation.</summary>
    public const string SchemaStep = "BdqSchema";

    /// <summary>Tracking name of the query methods found.</summary>
    public const string MethodsStep = "BdqQueryMethods";

    /// <summary>Tracking name of the query methods with their queries parsed.</summary>
    public const string ParsedStep = "BdqParsedQueries";

    /// <summary>Tracking name of the query methods paired with the slice of the schema they read.</summary>
    public const string InputsStep = "BdqQueryInputs";

    /// <summary>Tracking name of the bound, planned and emitted queries of methods.</summary>
    public const string OutputsStep = "BdqQueryOutputs";

    /// <summary>Tracking name of the .bdq files read.</summary>
    public const string FilesStep = "BdqFiles";

    /// <summary>Tracking name of what each .bdq file holds: its queries, parsed, and the problems with its form.</summary>
    public const string FileContentsStep = "BdqFileContents";

    /// <summary>Tracking name of the queries of all .bdq files, one by one.</summary>
    public const string FileQueriesStep = "BdqFileQueries";

    /// <summary>Tracking name of the problems with the form of each .bdq file.</summary>
    public const string FileProblemsStep = "BdqFileProblems";

    /// <summary>Tracking name of the .bdq queries paired with the slice of the schema they read.</summary>
    public const string FileInputsStep = "BdqFileInputs";

    /// <summary>Tracking name of the bound, planned and emitted .bdq queries.</summary>
    public const string FileOutputsStep = "BdqFileOutputs";

    /// <summary>Tracking name of the [QuerySet] types declared in the compilation.</summary>
    public const string QuerySetsStep = "BdqQuerySets";

    /// <summary>Tracking name of the generated-code contract version of the referenced BorderDomain (null when it has none).</summary>
    public const string ContractStep = "BdqContract";

    /// <summary>Every tracking name, in pipeline order.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        SchemaStep, MethodsStep, ParsedStep, InputsStep, OutputsStep,
        FilesStep, FileContentsStep, FileQueriesStep, FileProblemsStep, FileInputsStep, FileOutputsStep,
        QuerySetsStep, ContractStep,
    ];

    private const string ContractType = "BorderDomain.CompilerServices.GeneratedCodeContract";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schema = context.CompilationProvider
            .Select(static (compilation, token) => SchemaReader.Read(compilation, token))
            .WithTrackingName(SchemaStep);

        var outputs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                QueryMethodReader.QueryAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntax, token) => QueryMethodReader.Read(syntax, token))
            .WithTrackingName(MethodsStep)
            .Select(static (method, _) => new MethodQuery(method, method.Query is { } text ? QueryBinding.Parse(text) : null))
            .WithTrackingName(ParsedStep)
            .Combine(schema)
            .Select(static (pair, _) => new BindInput<MethodQuery>(pair.Left, SchemaSlice.For(pair.Left.Parsed?.Syntax, pair.Right.Schema)))
            .WithTrackingName(InputsStep)
            .Select(static (input, _) => QueryBinding.Compile(input))
            .WithTrackingName(OutputsStep);

        var contents = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".bdq", System.StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) && root.Length > 0 ? root + ".Queries" : "BdqQueries"))
            .Select(static (pair, token) => new QueryFileModel(pair.Left.Path, pair.Left.GetText(token)?.ToString() ?? string.Empty, pair.Right))
            .WithTrackingName(FilesStep)
            .Select(static (file, _) => QueryFileReader.Read(file))
            .WithTrackingName(FileContentsStep);

        // One model step feeds both the file's problems and its queries: each file is read and parsed once.
        var fileProblems = contents
            .Select(static (file, _) => file.Problems)
            .WithTrackingName(FileProblemsStep);

        var fileOutputs = contents
            .SelectMany(static (file, _) => file.Queries.Items)
            .WithTrackingName(FileQueriesStep)
            .Combine(schema)
            .Select(static (pair, _) => new BindInput<FileQuery>(pair.Left, SchemaSlice.For(pair.Left.Parsed.Syntax, pair.Right.Schema)))
            .WithTrackingName(FileInputsStep)
            .Select(static (input, _) => QueryBinding.Compile(input))
            .WithTrackingName(FileOutputsStep);

        // The contract version the referenced library speaks: an int, so an edit anywhere else leaves it unchanged.
        var contract = context.CompilationProvider
            .Select(static (compilation, _) => ReadContractVersion(compilation))
            .WithTrackingName(ContractStep);

        // One output for every query, of methods and of files, so hint names are made unique across all of them.
        context.RegisterSourceOutput(outputs.Collect().Combine(fileOutputs.Collect()).Combine(fileProblems.Collect()).Combine(contract), static (output, withContract) =>
        {
            var (all, version) = withContract;
            ReportContract(output, version, all.Left.Left.Length + all.Left.Right.Length > 0);
            var sources = new List<QueryMethodOutput>();
            foreach (var file in all.Right)
            {
                Report(output, file.Diagnostics);
            }

            foreach (var query in all.Left.Left.Concat(FirstOfEachName(output, all.Left.Right)))
            {
                Report(output, query.Diagnostics);
                if (query.Source.Length > 0)
                {
                    sources.Add(query);
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

    // The version of the library that the generated code will call: the contract type beside [BdqQuery] when that
    // attribute is referenced (so another assembly's copy of the type is not mistaken for it), else any single one.
    private static int? ReadContractVersion(Compilation compilation)
    {
        var contract = compilation.GetTypeByMetadataName(QueryMethodReader.QueryAttribute)?.ContainingAssembly.GetTypeByMetadataName(ContractType)
            ?? compilation.GetTypeByMetadataName(ContractType);
        return contract?.GetMembers("Version").OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true, ConstantValue: int version } ? version : null;
    }

    // A library of another contract version is one error (BDQ1011), whether or not queries are declared; a library with
    // none is one only when there are queries to generate. The query files are still written: the error already fails
    // the build, and leaving the partial methods without bodies would add one CS8795 per method on top of it.
    private static void ReportContract(SourceProductionContext output, int? version, bool anyQueries)
    {
        const int own = BorderDomain.CompilerServices.GeneratedCodeContract.Version;
        if (version == own || (version is null && !anyQueries))
        {
            return;
        }

        var found = version is { } v ? "version " + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing (no " + ContractType + ".Version)";
        output.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.ContractMismatch, Location.None, found, own.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    // .bdq files of one name in different folders become one class: a query name already used there by a file earlier
    // in ordinal order of path, ignoring case as within a file, is BDQ1008 and makes no method (it would not compile).
    private static IEnumerable<QueryMethodOutput> FirstOfEachName(SourceProductionContext output, ImmutableArray<QueryMethodOutput> queries)
    {
        var first = new Dictionary<string, QueryMethodOutput>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var query in queries.OrderBy(q => q.FileQueryName?.Location.FilePath, System.StringComparer.Ordinal))
        {
            if (query.FileQueryName is not { } name || query.FileClass is not { } type)
            {
                yield return query;
            }
            else if (first.TryGetValue(type + "." + name.Name, out var earlier) && earlier.FileQueryName is { } used)
            {
                output.ReportDiagnostic(ToDiagnostic(GeneratorDiagnostics.Info(
                    GeneratorDiagnostics.DuplicateQueryNameAcrossFiles,
                    name.Location,
                    name.Name,
                    used.Name,
                    used.Location.FilePath,
                    (used.Location.StartLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    type)));
            }
            else
            {
                first.Add(type + "." + name.Name, query);
                yield return query;
            }
        }
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
        var location = info.Location is { } at
            ? Location.Create(at.FilePath, new Microsoft.CodeAnalysis.Text.TextSpan(at.Start, at.Length), new LinePositionSpan(new LinePosition(at.StartLine, at.StartColumn), new LinePosition(at.EndLine, at.EndColumn)))
            : Location.None;
        return Diagnostic.Create(info.Descriptor, location, info.Arguments.Items.Cast<object>().ToArray());
    }
}
