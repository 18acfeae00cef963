using System;
using System.Linq;
using BorderDomain.Model;
using BorderDomain.Storage;
using Xunit;
using static BorderDomain.Tests.Data.ArticleQueries;

namespace BorderDomain.Tests.Data;

/// <summary>The bundled statements (issue 15, item 1): who spoke, when, on what, in the project's own words.</summary>
public sealed class StatementTests
{
    private static readonly BorderStore Store = BorderStore.Default;

    /// <summary>The eight statements the issue names as lost or kept only in notes (design 2.7, S1–S8).</summary>
    private static readonly string[] IssueStatements =
    [
        "st-2025-us-embassy-lima-cooperation", "st-2013-arellano-naval-education", "st-2013-arellano-relations",
        "st-2013-chavez-joint-work", "st-2013-alban-public-safety", "st-2013-arbulu-civil-cooperation",
        "st-dhs-noem-information", "st-2021-duque-otoniel-gang",
    ];

    [Fact]
    public void TheIssuesEightStatements_ArePresent()
    {
        Assert.All(IssueStatements, id => Assert.NotNull(Store.Statements.Find(id)));
        Assert.True(Store.Statements.Count >= IssueStatements.Length);
    }

    [Fact]
    public void EveryStatement_HasASpeakerASummaryTopicsAndAnArticleSource()
    {
        Assert.All(Store.Statements, s =>
        {
            Assert.True(s.Speaker is not null || s.SpeakerAgency is not null || s.SpeakerOrganization is not null || s.SpeakerNations.Length > 0, s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Summary), s.Id);
            Assert.NotEmpty(s.Topics);
            var source = Store.Sources.Find(s.Source);
            Assert.NotNull(source);
            Assert.NotEqual(SourceKind.Reference, source.Kind);
        });
    }

    [Fact]
    public void StatementDates_AreNeverLaterThanTheirSource_AndCarryABasis()
    {
        Assert.All(Store.Statements.Where(s => s.Date is not null), s =>
        {
            Assert.NotNull(s.DateBasis);
            var published = Store.Sources.Find(s.Source)?.Published;
            Assert.NotNull(published);
            var date = s.Date.GetValueOrDefault();
            Assert.True(date.HasEnd, s.Id);
            Assert.True(date.To.CompareTo(published.Value) <= 0, s.Id);
            Assert.Equal(s.DateBasis == DateBasis.UpperBound, !date.HasStart);
        });
    }

    [Fact]
    public void Speakers_ArePeopleOrBodiesOfTheStore()
    {
        Assert.All(Store.Statements, s =>
        {
            if (s.Speaker is not null)
            {
                Assert.NotNull(Store.People.Find(s.Speaker));
            }

            if (s.SpeakerAgency is not null)
            {
                Assert.NotNull(Store.Agencies.Find(s.SpeakerAgency));
            }

            if (s.SpeakerOrganization is not null)
            {
                Assert.NotNull(Store.Organizations.Find(s.SpeakerOrganization));
            }
        });
    }

    [Fact]
    public void Statements_AnswerBySpeakerNationTopicAndText()
    {
        Assert.Equal(["st-2013-alban-public-safety"], Column("statements where speaker = \"walter-alban-peralta\" select id"));
        Assert.Contains("st-dhs-noem-information", Column("statements where speakerAgency.nation = USA select id"));
        var informationSharing = Column("statements where topics has InformationSharing order by date select id, date");
        Assert.Contains("st-2025-us-embassy-lima-cooperation", informationSharing);
        Assert.Contains("st-dhs-noem-information", informationSharing);
        Assert.Equal(["st-2013-alban-public-safety"], Column("statements where summary contains \"trust\" select id"));
        Assert.Equal(Store.Statements.Count, Count("statements count"));
    }
}
