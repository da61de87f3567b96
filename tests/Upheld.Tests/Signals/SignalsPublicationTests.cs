using System.Net;
using System.Text.Json;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Signals;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Tests.Web;

namespace Upheld.Tests.Signals;

/// <summary>
/// Service-area signals are part of a year's frozen figures. The q-values tie every council together, so a later change is a revision
/// for a council only where its own signals change; the council page, its CSV and the API read the signals as published.
/// </summary>
public abstract class SignalsPublicationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly FinancialYear Year = new(2022);
    private static readonly DateTimeOffset PublishedAt = new(2023, 7, 19, 8, 30, 0, TimeSpan.Zero);
    private const string Education = "Education and Children's Services";
    private const string Worcestershire = "E10000034";
    private const string Rutland = "E06000017";
    private static readonly string[] TenOthers =
        ["E10000003", "E07000192", "E10000012", "E10000016", "E08000025", "E09000028", "E09000030", "E06000052", "E10000024", "E10000017"];

    private PublishedYearSite? _published;
    private SiteHost Site => _published!.Site;

    // The worked example of docs/statistics.md: Worcestershire upheld 1 education complaint a year in 2019-20 to 2021-22 and 12 in
    // 2022-23; ten other councils 1 a year throughout. N = 12 + 10 = 22, N_past = 3 + 30 = 33, so each upheld decision of the four
    // years falls in 2022-23 with probability 22/55 = 2/5. Worcestershire: P(X ≥ 12 | 15, 2/5) = 58,830,848 ÷ 30,517,578,125
    // = 0.0019278; eleven tests, so q = 11 × 0.0019278 = 0.0212 ≤ 0.05: a signal, expected 15 × 2/5 = 6.
    public Task InitializeAsync()
    {
        var rows = new List<string> { "case_ref,authority_code,decision_date,category,outcome" };
        foreach (var y in new[] { 2019, 2020, 2021, 2022 })
        {
            foreach (var code in TenOthers) rows.Add($"{code}-{y},{code},{y}-06-01,{Education},upheld");
            for (var i = 0; i < (y == 2022 ? 12 : 1); i++) rows.Add($"W-{y}-{i},{Worcestershire},{y}-06-01,{Education},upheld");
        }
        _published = new PublishedYearSite(provider, "signals publication, 2022-23", Year, PublishedAt, rows);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_published is not null) await _published.DisposeAsync();
    }

    // Rutland's upheld education decisions of 2022-23, recorded after publication.
    private void RutlandUpholds(int count, int from, DateTimeOffset at) =>
        _published!.Import(at, ["case_ref,authority_code,decision_date,category,outcome",
            .. Enumerable.Range(from, count).Select(i => $"R{i},{Rutland},2022-09-01,{Education},upheld")]);

    private IReadOnlyDictionary<string, PublishedRecord> Published() => _published!.Published(PublishedKinds.Signals);

    private async Task<string> Get(string path, DateTimeOffset at)
    {
        Site.Clock.Now = at; // past the site's brief cache
        var response = await Site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // As a reader sees the words: the page encodes the apostrophe and the dash.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_published_record_holds_the_signal_and_the_page_the_csv_and_the_api_show_it()
    {
        var record = SignalsRecord.Parse(Published()[Worcestershire].RecordJson);
        var signal = Assert.Single(record.Signals);
        Assert.True(record.Tested);
        Assert.Equal((Education, 12L, 3L, "6"), (signal.Category, signal.Observed, signal.Previous, signal.ExpectedText));
        Assert.Equal(58_830_848 / 30_517_578_125.0, signal.PValue, 12);
        Assert.Equal(11 * 58_830_848 / 30_517_578_125.0, signal.QValue, 12);
        Assert.Equal("Upheld complaints about Education and Children's Services rose from about 1 a year to 12 in 2022-23 — more than chance or the national trend would explain",
            signal.Words);
        // Every other council: tested (three earlier years of data), no signal; one not in the data at all is tested too and has none.
        Assert.All(TenOthers.Append(Rutland), code => Assert.Equal((true, 0), (SignalsRecord.Parse(Published()[code].RecordJson).Tested, SignalsRecord.Parse(Published()[code].RecordJson).Signals.Count)));

        var page = await Get("/councils/E10000034/worcestershire/2022-23", PublishedAt.AddDays(2));
        Assert.Contains("<h2 class=\"govuk-heading-l\" id=\"early-warning\">Early warning</h2>", page);
        Assert.Contains("One service area is worth a closer look in 2022-23:", page);
        Assert.Contains("rose from about 1 a year to 12 in 2022-23 — more than chance or the national trend would explain.", page);
        Assert.Contains("href=\"/decisions?council=E10000034&category=Education%20and%20Children%27s%20Services&outcome=upheld&from=2022-04-01&to=2023-03-31\"", page);
        var cambridgeshire = await Get("/councils/E10000003/cambridgeshire/2022-23", PublishedAt.AddDays(2));
        Assert.Contains("Nothing stood out in 2022-23", cambridgeshire);

        var csv = await Get("/councils/E10000034/worcestershire/2022-23/signals.csv", PublishedAt.AddDays(2));
        Assert.StartsWith("code,name,year,category,observed,previous_three_years,expected,p_value,q_value,words\n" +
                          "E10000034,Worcestershire,2022-23,Education and Children's Services,12,3,6,0.0019", csv.ReplaceLineEndings("\n"));

        var api = JsonDocument.Parse(await Get("/api/v1/authorities/E10000034/signals", PublishedAt.AddDays(2))).RootElement;
        var element = Assert.Single(Assert.Single(api.EnumerateArray()).GetProperty("signals").EnumerateArray());
        Assert.Equal(["code", "category", "observed", "expected", "p_value", "q_value", "words"], element.EnumerateObject().Select(p => p.Name));
        Assert.Equal((Worcestershire, 12, 6.0), (element.GetProperty("code").GetString(), element.GetProperty("observed").GetInt32(), element.GetProperty("expected").GetDouble()));
        var year = JsonDocument.Parse(await Get("/api/v1/years/2022-23/signals.json", PublishedAt.AddDays(2))).RootElement;
        Assert.Equal([Worcestershire], year.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
    }

    [SkippableFact]
    public async Task A_late_change_revises_a_council_only_where_its_own_signals_change()
    {
        // One upheld education decision at Rutland: N = 23, N_past = 33. Worcestershire's p becomes P(X ≥ 12 | 15, 23/56) = 0.002526
        // and, with twelve tests, q = 12 × 0.002526 = 0.0303: still its one signal, its words unchanged, so no revision; Rutland's
        // O = 1 of 1 has p = 23/56 = 0.41, no signal as before: no revision either. Nobody is revised, though every p-value moved.
        RutlandUpholds(1, 0, PublishedAt.AddDays(20));
        Assert.All(Published().Values, p => Assert.Null(p.RevisedAt));

        // Twenty-nine more: Rutland 30 of 30, N = 52, N_past = 33. Rutland's p = (52/85)^30 = 3.96 × 10⁻⁷, q = 12 × 3.96 × 10⁻⁷: a signal.
        // Worcestershire's p = P(X ≥ 12 | 15, 52/85) = 0.106, q = min(12 × 0.106 ÷ 2, …) = 0.64: no longer a signal. Both are revised,
        // nobody else: the ten others still have none.
        RutlandUpholds(29, 1, PublishedAt.AddDays(40));
        var published = Published();
        Assert.Equal([Rutland, Worcestershire], published.Where(p => p.Value.RevisedAt is not null).Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Single(SignalsRecord.Parse(published[Worcestershire].RecordJson).Signals);
        Assert.Empty(SignalsRecord.Parse(published[Worcestershire].RevisedJson!).Signals);
        var rutland = Assert.Single(SignalsRecord.Parse(published[Rutland].RevisedJson!).Signals);
        Assert.Equal((30L, 0L, "18.4"), (rutland.Observed, rutland.Previous, rutland.ExpectedText)); // 30 × 52/85 = 18.35

        // The site reads the signals as last recorded.
        var worcestershire = await Get("/councils/E10000034/worcestershire/2022-23", PublishedAt.AddDays(41));
        Assert.Contains("Nothing stood out in 2022-23", worcestershire);
        Assert.Contains("Upheld complaints about Education and Children's Services rose from almost none to 30 in 2022-23",
            await Get("/councils/E06000017/rutland/2022-23", PublishedAt.AddDays(41)));
    }
}

public sealed class SqliteSignalsPublicationTests() : SignalsPublicationTests(DatabaseProvider.Sqlite);

public sealed class PostgresSignalsPublicationTests() : SignalsPublicationTests(DatabaseProvider.PostgreSql);
