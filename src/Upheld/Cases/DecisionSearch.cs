using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Upheld.Storage;

namespace Upheld.Cases;

/// <summary>Finds published decisions by words and filters with the engine's own full-text index, newest first.</summary>
/// <remarks>
/// Only the letters and digits of the words reach the engine, each as a plain term, so nothing a visitor types can
/// be read as query syntax. Results are ordered by decision date and then case reference, which is unique, so a
/// decision never moves between pages while the data stands still.
/// </remarks>
public static partial class DecisionSearch
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Term();

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex CouncilCode();

    /// <summary>Marks a council's own term in SQLite's full-text index: its code after this private-use character (migration 0017).</summary>
    private const char CouncilTermMark = '\uE000';

    /// <summary>Marks a day's own term in SQLite's full-text index: its date's eight digits after these (migration 0018).</summary>
    private const string DayTermMark = "\uE000\uE000";

    /// <summary>How many days the newest-days search reads before it leaves a sparse word to the walk by date.</summary>
    private const int LongestDaySearch = 128;

    /// <summary>The terms searched for: the words' runs of letters and digits, less the <see cref="CommonWords"/>.</summary>
    public static IReadOnlyList<string> Terms(string? words) =>
        AllTerms(words).Where(t => !CommonWords.English.Contains(t)).Take(16).ToList();

    /// <summary>The words left out of a search as too common, in the order typed, each once.</summary>
    public static IReadOnlyList<string> IgnoredWords(string? words) =>
        AllTerms(words).Where(CommonWords.English.Contains).Select(t => t.ToLowerInvariant()).Distinct().ToList();

    private static IEnumerable<string> AllTerms(string? words) => words is null ? [] : Term().Matches(words).Select(m => m.Value);

    public static DecisionResults Find(Database database, DecisionFilter filter, IReadOnlyCollection<FinancialYear> published)
    {
        using var connection = database.Connect();
        return Find(connection, database.Provider, filter, published);
    }

    public static DecisionResults Find(DbConnection connection, DatabaseProvider provider, DecisionFilter filter, IReadOnlyCollection<FinancialYear> published)
    {
        var page = Math.Max(1, filter.Page);
        var terms = Terms(filter.Words);
        var ignored = IgnoredWords(filter.Words);
        // Words made only of common words find nothing, as PostgreSQL would have it: showing every decision instead
        // would answer a question nobody asked.
        if (published.Count == 0 || (terms.Count == 0 && ignored.Count > 0)) return new DecisionResults(0, page, [], IgnoredWords: ignored);
        // Years are integers the caller computed, never visitor text, so they can be written into the statement.
        var where = new List<string> { $"d.year IN ({string.Join(", ", published.Select(y => y.StartYear.ToString(CultureInfo.InvariantCulture)))})" };
        if (terms.Count > 0 && provider == DatabaseProvider.PostgreSql) where.Add("d.search_words @@ plainto_tsquery('english', @words)");
        if (!string.IsNullOrWhiteSpace(filter.Council)) where.Add("d.authority_code = @council");
        if (!string.IsNullOrWhiteSpace(filter.Category)) where.Add("d.category = @category");
        if (!string.IsNullOrWhiteSpace(filter.Outcome)) where.Add("d.outcome = @outcome");
        if (filter.From is not null) where.Add("d.decision_date >= @from");
        if (filter.To is not null) where.Add("d.decision_date <= @to");
        var p = new
        {
            // FTS5 reads a double-quoted string as one plain term; terms hold no quote, so none needs escaping.
            words = provider == DatabaseProvider.Sqlite ? string.Join(' ', terms.Select(t => $"\"{t}\"")) : string.Join(' ', terms),
            // SQLite: the words and the council's own term, so the full-text index finds the council's matches by itself.
            wordsInCouncil = string.Join(' ', terms.Select(t => $"\"{t}\"").Append($"\"{CouncilTermMark}{filter.Council?.Trim()}\"")),
            council = filter.Council?.Trim(),
            category = filter.Category,
            outcome = filter.Outcome,
            from = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            offset = (page - 1) * DecisionResults.PageSize,
        };
        var condition = string.Join(" AND ", where);
        var (countFrom, pageFrom) = SqliteSources(provider, terms.Count > 0, filter.Council, ref condition);
        if (terms.Count > 0 && !string.IsNullOrWhiteSpace(filter.Council))
            return FindInOneCouncil(connection, provider, condition, p, p.offset, page, ignored);
        // Counting stops one past the limit: a common word over a million decisions would otherwise read every match.
        var counted = connection.ExecuteScalar<long>(
            $"SELECT COUNT(*) FROM (SELECT 1 FROM {countFrom} WHERE {condition} LIMIT {DecisionResults.CountLimit + 1}) AS matches", p);
        var capped = counted > DecisionResults.CountLimit;
        var total = Math.Min(counted, DecisionResults.CountLimit);
        if (capped && pageFrom is not null && total > p.offset &&
            NewestDays(connection, pageFrom, condition, p, filter, published, p.offset) is { } newest)
            return new DecisionResults((int)total, page, newest, capped, ignored);
        var pageCondition = condition;
        if (capped && pageFrom is not null)
        {
            // Over a thousand matches: walk the decisions newest first and keep those holding the words, which stops
            // after about (page × 20) ÷ (share of decisions matching) rows, instead of sorting every match.
            pageFrom = "decisions d INDEXED BY decisions_by_date";
            pageCondition = condition.Replace(FtsMatch, "d.rowid IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH @words)", StringComparison.Ordinal);
        }
        var pageSql = $"""
            SELECT d.case_ref, d.authority_code, d.category, d.subcategory, d.decision_date, d.outcome, d.summary FROM {pageFrom ?? countFrom}
            WHERE {pageCondition} ORDER BY d.decision_date DESC, d.case_ref LIMIT {DecisionResults.PageSize} OFFSET @offset
            """;
        var hits = total <= p.offset ? [] : capped && provider == DatabaseProvider.PostgreSql && terms.Count > 0
            ? NewestFirstByDate(connection, pageSql, p)
            : connection.Query<DecisionRow>(pageSql, p).Select(h => h.ToHit()).ToList();
        return new DecisionResults((int)total, page, hits, capped, ignored);
    }

    /// <summary>PostgreSQL, over a thousand matches: the page found by walking the decisions newest first, as SQLite does.</summary>
    /// <remarks>
    /// The planner guesses how many decisions hold all the words by multiplying each word's share, so words that go
    /// together ("special educational needs") look a hundred times rarer than they are, and it would collect every match
    /// from the full-text index and sort them (33,000 rows read for a page of 20, 110 ms instead of 3), or read the whole
    /// table. The count has just shown there are more than a thousand, so the walk by date is the right plan; it is asked
    /// for, with neither of the others allowed and no parallel workers (starting them costs more than the walk), in the
    /// page's own transaction, which nothing else shares.
    /// </remarks>
    private static List<DecisionHit> NewestFirstByDate(DbConnection connection, string pageSql, object p)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0", transaction: transaction);
        var hits = connection.Query<DecisionRow>(pageSql, p, transaction).Select(h => h.ToHit()).ToList();
        transaction.Commit();
        return hits;
    }

    /// <summary>SQLite, over a thousand matches: the page found among the matches of the newest days, asked for a few days at a time.</summary>
    /// <remarks>
    /// The full-text index holds each decision's day as a term (migration 0018), so it can be asked for the words' matches of
    /// one day, then of the two days before, then four, and so on, newest first, until the matches found reach the end of the
    /// page. Every match newer than the oldest day asked for is then in hand, so sorting them by date and case reference gives
    /// the page exactly. A word held by a fifth of a million decisions (a category's word, such as "tax") finds its first
    /// page in one day's few hundred matches, where gathering all its matches to walk the decisions by date took 30 ms. A
    /// word too sparse to fill the page within <see cref="LongestDaySearch"/> days is left to that walk (null), which is quick
    /// for such a word.
    /// </remarks>
    private static List<DecisionHit>? NewestDays(DbConnection connection, string from, string condition, object p, DecisionFilter filter,
        IReadOnlyCollection<FinancialYear> published, int offset)
    {
        var wanted = offset + DecisionResults.PageSize;
        var newest = published.Max().LastDay;
        if (filter.To is { } to && to < newest) newest = to;
        var oldest = published.Min().FirstDay;
        if (filter.From is { } fromDay && fromDay > oldest) oldest = fromDay;
        // From the newest decision of those days (by the index on dates, one step): a year's last days may hold none yet.
        var newestDecided = connection.ExecuteScalar<string?>("SELECT MAX(decision_date) FROM decisions WHERE decision_date BETWEEN @oldest AND @newest",
            new { oldest = oldest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), newest = newest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        if (newestDecided is null) return [];
        newest = DateOnly.ParseExact(newestDecided, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var words = string.Join(' ', Terms(filter.Words).Select(t => $"\"{t}\""));
        var inWindow = condition.Replace(FtsMatch, "decisions_fts MATCH @window", StringComparison.Ordinal);
        var found = new List<(string CaseRef, string DecisionDate)>();
        var end = newest;
        for (var span = 1; found.Count < wanted; span *= 2)
        {
            if (end < oldest) break;
            if (newest.DayNumber - end.DayNumber + span > LongestDaySearch) return null;
            var start = end.AddDays(1 - span) < oldest ? oldest : end.AddDays(1 - span);
            var days = string.Join(" OR ", Enumerable.Range(0, end.DayNumber - start.DayNumber + 1)
                .Select(back => $"\"{DayTermMark}{end.AddDays(-back).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}\""));
            var parameters = new DynamicParameters(p);
            parameters.Add("window", $"{words} AND ({days})");
            found.AddRange(connection.Query<(string, string)>($"SELECT d.case_ref, d.decision_date FROM {from} WHERE {inWindow}", parameters));
            end = start.AddDays(-1);
        }
        // Case references are ASCII (docs/data-formats.md), so ordinal order is SQLite's own.
        var page = found.OrderByDescending(f => f.DecisionDate, StringComparer.Ordinal).ThenBy(f => f.CaseRef, StringComparer.Ordinal)
            .Skip(offset).Take(DecisionResults.PageSize).Select(f => f.CaseRef).ToArray();
        return page.Length == 0 ? [] : connection.Query<DecisionRow>(
            $"""
            SELECT d.case_ref, d.authority_code, d.category, d.subcategory, d.decision_date, d.outcome, d.summary FROM decisions d
            WHERE d.case_ref IN @page ORDER BY d.decision_date DESC, d.case_ref
            """, new { page })
            .Select(h => h.ToHit())
            .ToList();
    }

    /// <summary>Words and a council: one pass finds every match in order, counted and paged from the same list.</summary>
    /// <remarks>
    /// Each pass intersects the word's entries in the full-text index with the council's decisions, and a common word
    /// has tens of thousands of entries: reading them once, not once to count and again for the page, halves the time.
    /// A council has a few hundred matches at most, so holding up to 1,001 case references costs little.
    /// </remarks>
    private static DecisionResults FindInOneCouncil(DbConnection connection, DatabaseProvider provider, string condition, object p, int offset, int page, IReadOnlyList<string> ignored)
    {
        var refs = connection.Query<string>(
            $"SELECT d.case_ref FROM decisions d WHERE {condition} ORDER BY d.decision_date DESC, d.case_ref LIMIT {DecisionResults.CountLimit + 1}", p).ToList();
        var capped = refs.Count > DecisionResults.CountLimit;
        var total = Math.Min(refs.Count, DecisionResults.CountLimit);
        var wanted = refs.Skip(offset).Take(Math.Max(0, Math.Min(DecisionResults.PageSize, total - offset))).ToArray();
        var hits = wanted.Length == 0 ? [] : connection.Query<DecisionRow>(
            $"""
            SELECT d.case_ref, d.authority_code, d.category, d.subcategory, d.decision_date, d.outcome, d.summary FROM decisions d
            WHERE d.case_ref {(provider == DatabaseProvider.PostgreSql ? "= ANY(@wanted)" : "IN @wanted")} ORDER BY d.decision_date DESC, d.case_ref
            """, new { wanted })
            .Select(h => h.ToHit())
            .ToList();
        return new DecisionResults(total, page, hits, capped, ignored);
    }

    private const string FtsMatch = "decisions_fts MATCH @words";

    /// <summary>Where SQLite reads matches from: the full-text index first when only words narrow the search.</summary>
    /// <remarks>
    /// With a council, the full-text index intersects the words' decisions with the council's own term, which every one
    /// of the council's decisions holds (migration 0017): it walks the council's few thousand entries, not the tens of
    /// thousands, or the million, of decisions holding a common word such as "council" or "tax". A council that is not a
    /// code of letters and digits cannot be such a term; its decisions are checked against the words' matches instead
    /// (none: every council's code is letters and digits). Without a council, reading the words' matches and then their
    /// rows touches each match once (at most 1,001 for the count) rather than checking every decision of the year.
    /// PostgreSQL's planner makes these choices itself.
    /// </remarks>
    private static (string CountFrom, string? PageFrom) SqliteSources(DatabaseProvider provider, bool words, string? council, ref string condition)
    {
        if (provider != DatabaseProvider.Sqlite || !words) return ("decisions d", null);
        if (!string.IsNullOrWhiteSpace(council))
        {
            var match = CouncilCode().IsMatch(council.Trim()) ? "@wordsInCouncil" : "@words";
            condition += $" AND d.rowid IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH {match})";
            return ("decisions d", null);
        }
        condition += " AND " + FtsMatch;
        // CROSS JOIN keeps the full-text index as the outer loop.
        const string fromIndex = "decisions_fts CROSS JOIN decisions d ON d.rowid = decisions_fts.rowid";
        return (fromIndex, fromIndex);
    }
}
