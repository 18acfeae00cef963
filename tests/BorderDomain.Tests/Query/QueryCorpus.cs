using System.Collections.Generic;

namespace BorderDomain.Tests.Query;

/// <summary>
/// Well-formed queries over the bundled dataset covering every operator, clause and literal kind, each run by more
/// than one engine (run-time executor, IQueryable path, generated code) and compared.
/// </summary>
internal static class QueryCorpus
{
    /// <summary>Queries returning records.</summary>
    internal static readonly IReadOnlyList<string> RecordQueries =
    [
        "accords where parties has PER and parties has ECU order by signed desc",
        "accords where topics has any (IllegalMining, DrugTrafficking) and signed >= 2010 take 5",
        "accords where topics has all (OrganizedCrime, IllegalMining)",
        "accords where parties has PER and not (parties has ECU)",
        "accords where kind = Agreement or kind = Pledge order by title",
        "accords where kind in (Treaty, PeaceAccord, MemorandumOfUnderstanding)",
        "accords where kind not in (Agreement) order by signed",
        "accords where kind != Agreement",
        "accords where signed = 2013",
        "accords where signed = 2013-11",
        "accords where signed = 2013-11-14",
        "accords where signed >= 2012 and signed <= 2013",
        "accords where signed > 2012 order by signed",
        "accords where signed < 2012",
        "accords where signed between 2011 and 2012-06",
        "accords where signed is null",
        "accords where signed is not null order by signed desc, title",
        "accords where place is null order by id",
        "accords where place = \"piura\"",
        "accords where title contains \"peru\" and title contains \"ecuador\"",
        "accords where title startswith \"peru\"",
        "accords where title endswith \"accord of 1998\"",
        "accords where title contains \"MINING\"",
        "accords where status = InForce or status = Planned",
        "accords where buildsOn has \"pe-ec-1998-peace\"",
        "accords where buildsOn is not null",
        "accords where signatories has \"us-cbp\"",
        "accords where signatories is null order by id desc",
        "accords where sources has \"src-002\" order by title desc skip 1 take 2",
        "accords where id = \"pe-ec-2025-pledge\"",
        "accords where id in (\"pe-ec-2025-pledge\", \"pe-ec-1998-peace\")",
        "accords where (kind = Agreement and parties has COL) or (kind = Pledge and parties has PER)",
        "accords where not (signed >= 2000) order by signed",
        "accords order by kind desc, signed skip 2 take 4",
        "accords order by signed desc take 3",
        "accords take 2",
        "agencies where nation = ECU and kind in (Police, Customs) order by name",
        "agencies where nation.region = \"South America\" order by nation.region desc, name",
        "agencies where nation.region != \"South America\"",
        "agencies where parent = \"us-dhs\"",
        "agencies where parent is not null and acronym startswith \"i\"",
        "agencies where acronym is null order by id",
        "agencies where name contains \"police\" order by nation, name",
        "agencies where kind = Ministry and nation in (PER, ECU, COL)",
        "statistics where metric = BorderLength and nations has PER and nations has ECU",
        "statistics where disputed",
        "statistics where not disputed order by value desc",
        "statistics where value > 1000 order by value",
        "statistics where value between 10 and 2000 and unit != USD order by value desc",
        "statistics where value <= 50",
        "statistics where unit = USD or unit = PEN order by value",
        "statistics where unit = km",
        "statistics where period >= 2025",
        "statistics where period = 2025",
        "statistics where period is null",
        "statistics where period between 2004 and 2012",
        "statistics where agency is not null order by agency",
        "statistics where agency.kind = CentralBank",
        "statistics where metric in (FuelPrice, FuelContainerVolume) order by value desc, id",
        "statistics where source = \"src-002\" and place is not null",
        "people where nation = PER order by name",
        "people where name contains \"jeri\" or name contains \"noboa\"",
        "people where title is not null and nation is null",
        "events where date >= 2013 and date < 2014 order by date",
        "events where nations has COL order by date desc",
        "events where kind = Meeting and place is not null",
        "events where people has \"jose-jeri\"",
        "events where accords is not null",
        "sources where published >= 2025 order by published",
        "sources where author is not null order by author",
        "nations where neighbours has ECU order by code",
        "nations where region = \"Northern America\"",
        "accords where parties has PER and count(parties) = 1",
        "accords where count(parties) >= 3 order by signed desc",
        "accords where count(topics) between 1 and 2 and not (count(parties) in (2, 3))",
        "events where count(agencies) > 1 or count(nations) != 2",
        "accords where count(signatories) < 1",
        "nations where COUNT(neighbours) <= 2 order by code",
        "events where count(people) not in (0, 1)",
        SubqueryRecords,
        "nations where code in (agencies where nation.region = \"South America\" select nation) order by code",
        "accords where id not in (events where accords is not null select accords) order by id",
        "events where kind in (events where title contains \"Tumbes\" select kind) order by id",
    ];

    // A sub-query over a list of references: the agencies of the events about Tumbes.
    private const string SubqueryRecords = "agencies where id in (events where title contains \"Tumbes\" select agencies)";

    /// <summary>Queries with a sub-query, which generated code does not run yet (the generator refuses them with BDQ0114).</summary>
    internal static readonly IReadOnlySet<string> Subqueries = new HashSet<string>
    {
        SubqueryRecords,
        "nations where code in (agencies where nation.region = \"South America\" select nation) order by code",
        "accords where id not in (events where accords is not null select accords) order by id",
        "events where kind in (events where title contains \"Tumbes\" select kind) order by id",
        "agencies where id in (events where title contains \"Tumbes\" select agencies) count",
        "agencies where id in (events where date is null select agencies) order by id select id, name",
    };

    /// <summary>Queries ending in <c>count</c>.</summary>
    internal static readonly IReadOnlyList<string> CountQueries =
    [
        "accords count",
        "accords where parties has PER count",
        "statistics where disputed count",
        "agencies where nation.region = \"South America\" count",
        "events where date is null count",
        "accords where title contains \"ecuador\" take 3 count",
        "events where count(people) = 0 count",
        "accords where count(parties) > 2 count",
        "agencies where id in (events where title contains \"Tumbes\" select agencies) count",
    ];

    /// <summary>Queries returning rows (<c>select</c> or <c>group by</c>).</summary>
    internal static readonly IReadOnlyList<string> RowQueries =
    [
        "statistics where disputed order by value select metric, value, unit, source",
        "accords order by id select id, signed, parties",
        "agencies order by id select id, nation.region, parent",
        "accords group by kind count",
        "accords group by kind, status count order by kind desc",
        "statistics where metric = BilateralTrade group by period sum(value)",
        "statistics group by unit count, sum(value), min(value), max(value), avg(value)",
        "agencies group by nation.region count",
        "accords group by status min(signed), max(signed)",
        "accords group by parties count",
        "events group by nations count",
        "accords group by topics count order by topics desc",
        "accords where signed >= 2000 group by parties, kind count order by parties desc",
        "events group by agencies count",
        "statistics group by nations sum(value), max(value)",
        "events where title contains \"Tumbes\" select id, agencies.name",
        "events order by id select id, agencies.name, agencies.acronym, nations.name",
        "accords order by id select id, parties.region, signatories.nation",
        "events group by kind count order by count desc",
        "statistics group by metric sum(value) order by sum(value) desc take 3",
        "accords group by kind count order by count, kind desc",
        "statistics where metric = BilateralTrade sum(value)",
        "statistics where metric = BorderLength min(value), max(value), avg(value), count",
        "accords min(signed), max(signed), count",
        "accords select distinct kind",
        "statistics where disputed order by metric desc select distinct metric, unit",
        "accords where count(parties) > 1 group by kind count",
        "events where count(nations) < 3 order by id select id, nations",
        "agencies where id in (events where date is null select agencies) order by id select id, name",
    ];
}
