using System.Net;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Tests.Web;

namespace Upheld.Tests.Signals;

/// <summary>
/// Case-mix ratios are part of a year's frozen figures. The national rates tie every council together, so a change after
/// publication is a revision for a council only where its own counts or its comparison with 1 change.
/// </summary>
public abstract class CaseMixPublicationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly FinancialYear Year = new(2019);
    private static readonly DateTimeOffset PublishedAt = SiteHost.PublishedAt; // 29 July 2020, 8:30 UTC
    private const string Planning = "Planning and Development";
    private PublishedYearSite? _published;

    // The three councils of CaseMixEngineTests, imported before publication: Worcestershire 0.90 lower, Wellingborough 0.97 similar,
    // Cannock Chase 1.18 higher (education 153 of 170 upheld nationally, planning 85 of 170).
    public Task InitializeAsync()
    {
        var rows = new List<string> { "case_ref,authority_code,decision_date,category,outcome" };
        foreach (var (code, education, educationUpheld, planning, planningUpheld) in new[]
                 { ("E10000034", 100, 88, 20, 2), ("E07000156", 50, 46, 50, 22), ("E07000192", 20, 19, 100, 61) })
        {
            for (var i = 0; i < education; i++) rows.Add($"{code}-E{i},{code},2019-06-01,Education and Children's Services,{(i < educationUpheld ? "upheld" : "not_upheld")}");
            for (var i = 0; i < planning; i++) rows.Add($"{code}-P{i},{code},2019-06-01,{Planning},{(i < planningUpheld ? "upheld" : "not_upheld")}");
        }
        _published = new PublishedYearSite(provider, "case-mix publication, 2019-20", Year, PublishedAt, rows);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_published is not null) await _published.DisposeAsync();
    }

    // Rutland's planning investigations, all upheld, decided in 2019-20 and recorded after publication.
    private void RutlandUpholds(int count, int from, DateTimeOffset at) =>
        _published!.Import(at, ["case_ref,authority_code,decision_date,category,outcome",
            .. Enumerable.Range(from, count).Select(i => $"R{i},E06000017,2019-09-01,{Planning},upheld")]);

    private IReadOnlyDictionary<string, PublishedRecord> Published() => _published!.Published(PublishedKinds.CaseMix);

    [SkippableFact]
    public async Task A_late_change_elsewhere_revises_a_council_only_where_its_comparison_changes()
    {
        Assert.Contains("\"comparison\":\"higher\"", Published()["E07000192"].RecordJson);
        Assert.Contains("\"ratio_text\":\"1.18\"", Published()["E07000192"].RecordJson);

        // One upheld planning investigation at Rutland: planning 86 of 171 nationally. Every council's expected count moves a little
        // (Cannock Chase 18 + 100 × 86/171 = 68.29), but no comparison changes: only Rutland, whose own counts changed, is revised.
        RutlandUpholds(1, 0, PublishedAt.AddDays(20));
        Assert.Equal(["E06000017"], Published().Where(p => p.Value.RevisedAt is not null).Select(p => p.Key));

        // Nine more: planning 95 of 180 = 0.5278. Cannock Chase expects 18 + 52.78 = 70.78 and upheld 80: 9.22 more, within
        // 1.96 × √(1.8 + 100 × 0.5278 × 0.4722) = 10.13, so now similar: revised. Worcestershire expects 100.56 and upheld 90: 10.56 fewer,
        // beyond 1.96 × √13.98 = 7.33, still lower; Wellingborough still similar: neither is revised.
        RutlandUpholds(9, 1, PublishedAt.AddDays(40));
        var published = Published();
        Assert.Equal(["E06000017", "E07000192"], published.Where(p => p.Value.RevisedAt is not null).Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains("\"comparison\":\"similar\"", published["E07000192"].RevisedJson);
        Assert.Contains("\"comparison\":\"higher\"", published["E07000192"].RecordJson); // as published, kept

        _published!.Site.Clock.Now = PublishedAt.AddDays(60); // past the site's brief cache
        var page = await _published!.Site.Client.GetStringAsync("/councils/E07000192/cannock-chase/2019-20");
        Assert.Contains("as published on 29 July 2020: 1.18, 80 upheld where 68 were expected, higher.", page);
        Assert.Contains("About as many upheld as its mix of services explains", page);
        var worcestershire = await _published!.Site.Client.GetStringAsync("/councils/E10000034/worcestershire/2019-20");
        Assert.DoesNotContain("as published on", worcestershire);
        var api = await _published!.Site.Client.GetStringAsync("/api/v1/authorities/E07000192/signals");
        Assert.Contains("\"revised_on\": \"2020-09-07\"", api);
        Assert.Contains("\"as_published\": {", api);
        Assert.DoesNotContain("as_published", await _published!.Site.Client.GetStringAsync("/api/v1/authorities/E07000156/signals"));
    }

    [SkippableFact]
    public void A_change_before_publication_retakes_the_case_mix_records_without_a_revision()
    {
        // The publication moved to a later date before the first one came: changes until then are not revisions.
        Publication.Set(_published!.Database, Year, PublishedAt.AddDays(30), new TestClock(PublishedAt.AddDays(-5)));
        RutlandUpholds(10, 0, PublishedAt.AddDays(-4));

        var published = Published();
        Assert.All(published.Values, p => Assert.Null(p.RevisedAt));
        Assert.Contains("\"comparison\":\"similar\"", published["E07000192"].RecordJson);
        Assert.Contains("\"investigations\":10", published["E06000017"].RecordJson);
    }
}

public sealed class SqliteCaseMixPublicationTests() : CaseMixPublicationTests(DatabaseProvider.Sqlite);

public sealed class PostgresCaseMixPublicationTests() : CaseMixPublicationTests(DatabaseProvider.PostgreSql);
