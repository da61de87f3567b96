using System.Data.Common;
using System.Globalization;
using Dapper;
using Upheld.Csv;

namespace Upheld.Import;

/// <summary>One import file: how its rows are read and written.</summary>
internal interface IFileImport
{
    FileSummary Import(ImportRun run, Stream utf8, Action<int>? progress);
}

/// <summary>The shared load of keyed files: each row checked as the file streams, then the file checked and merged as a whole.</summary>
/// <remarks>
/// <para>Rows are checked one by one as they are read and staged (<see cref="StagingTable"/>), so an import holds a batch of
/// rows however long the file. Once the file is read, the checks that need every row are single statements over the staging
/// table: cases against the decisions, keys repeated in the file, rows that differ from stored ones. Then one statement
/// merges the new rows into the keyed table. All of it runs in the import's transaction.</para>
/// <para>A file whose keys are all new (the common case: a new year's cases) is merged at once, and a repeated key is only
/// looked for if fewer rows went in than were staged. Rows are merged even after a problem, inside the transaction that will
/// be rolled back, so that later files are checked against them and every problem is found, not just the first.</para>
/// </remarks>
/// <param name="readsStore">True when a row check queries the store, so rows are read on the writer's thread, between writes.</param>
internal sealed class KeyedFile(
    string file,
    string[] required,
    string table,
    string[] columns,
    int keyCount,
    Func<ImportRun, CsvRow, object?[]?> read,
    int insertOnly = 0,
    Action<ImportRun>? before = null,
    bool readsStore = false,
    bool searchWords = false) : IFileImport
{
    private const int ProgressEvery = 20_000;
    private const int BatchRows = 1024;

    private int Compared => columns.Length - insertOnly;

    public FileSummary Import(ImportRun run, Stream utf8, Action<int>? progress)
    {
        var problemsBefore = run.Problems.Count;
        var csv = CsvTable.Open(file, utf8, required, run.Report);
        if (csv is null) return new FileSummary(file, 0, 0, 0, 0);
        before?.Invoke(run);
        if (before is null && utf8.CanSeek && IsEmpty(run))
        {
            if (Straight(run, csv, large: utf8.Length >= BulkLoad.SmallestBulkBytes, progress) is { } loaded) return loaded;
            // A key repeated in the file, or a row with a case to check: read the file again through the staging table,
            // which finds and reports them. Nothing of the first reading is left, neither rows nor problems.
            run.Problems.ForgetFile(file, problemsBefore);
            utf8.Position = 0;
            csv = CsvTable.Open(file, utf8, required, run.Report)!;
        }
        return Staged(run, csv, progress);
    }

    private bool IsEmpty(ImportRun run) =>
        run.Connection.ExecuteScalar<int?>($"SELECT 1 FROM {table} LIMIT 1", transaction: run.Transaction, commandTimeout: 0) is null;

    /// <summary>
    /// Loads the file's good rows straight into its empty keyed table, each written once; null, with nothing written, when a
    /// key is repeated in the file or a row has a case to check, which only the staging table can report.
    /// </summary>
    /// <remarks>
    /// An empty table holds none of the file's keys, so there is nothing to compare, and the table's own primary key finds
    /// a key the file repeats: the load stops at the first and is taken back to its savepoint. The first load of a store (a
    /// decade of decisions at once) is the one where writing every row twice cost most.
    /// </remarks>
    private FileSummary? Straight(ImportRun run, CsvTable csv, bool large, Action<int>? progress)
    {
        run.Connection.Execute("SAVEPOINT import_straight", transaction: run.Transaction, commandTimeout: 0);
        try
        {
            var bulk = BulkLoad.BeginEmpty(run, table, large, wordsGiven: searchWords);
            using var target = StagingTable.Straight(run, table, columns, searchWords, freeBetweenBatches: readsStore);
            var (rows, checks) = Stage(run, csv, target, progress, stopAtCheck: true);
            if (checks == 0)
            {
                target.Complete();
                bulk.Dispose();
                run.Connection.Execute("RELEASE SAVEPOINT import_straight", transaction: run.Transaction, commandTimeout: 0);
                return new FileSummary(file, rows, target.Good, 0, 0);
            }
        }
        catch (DbException e) when (IsRepeatedKey(e))
        {
        }
        run.Connection.Execute("ROLLBACK TO SAVEPOINT import_straight", transaction: run.Transaction, commandTimeout: 0);
        run.Connection.Execute("RELEASE SAVEPOINT import_straight", transaction: run.Transaction, commandTimeout: 0);
        return null;
    }

    private static bool IsRepeatedKey(DbException e) => e switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT,
        _ => false,
    };

    /// <summary>Reads, checks and stages every row; with <paramref name="stopAtCheck"/>, stops at the first row with a case to check.</summary>
    private (int Rows, int Checks) Stage(ImportRun run, CsvTable csv, StagingTable staging, Action<int>? progress, bool stopAtCheck = false)
    {
        var rows = 0;
        var checks = 0;
        foreach (var batch in readsStore ? Checked(run, csv) : CheckedAlongside(run, csv))
        {
            foreach (var (line, values, check) in batch.Rows)
            {
                if (check is not null)
                {
                    checks++;
                    if (stopAtCheck) return (rows, checks);
                }
                staging.Add(line, values, check);
            }
            if (batch.Read / ProgressEvery > rows / ProgressEvery) progress?.Invoke(batch.Read);
            rows = batch.Read;
        }
        staging.Complete();
        progress?.Invoke(rows);
        return (rows, checks);
    }

    /// <summary>Stages the file, checks it as a whole and merges it into its keyed table.</summary>
    private FileSummary Staged(ImportRun run, CsvTable csv, Action<int>? progress)
    {
        using var staging = StagingTable.Create(run, table, columns, searchWords, freeBetweenBatches: readsStore);
        var (rows, checks) = Stage(run, csv, staging, progress);

        if (checks > 0) CheckCases(run, staging);
        var sql = new Dialect(run.Connection);
        int added, unchanged = 0, replaced = 0;
        if (!AnyStored(run, staging))
        {
            added = Insert(run, staging, sql, stored: false);
            if (added < staging.Good) ReportRepeated(run, staging, refuse: false);
        }
        else
        {
            ReportRepeated(run, staging, refuse: true);
            (unchanged, replaced) = Compare(run, staging, sql);
            added = Insert(run, staging, sql, stored: true);
        }
        return new FileSummary(file, rows, added, unchanged, replaced);
    }

    /// <summary>A batch of checked rows (good ones with their values, bad ones only for a case to check) and how many rows have been read.</summary>
    private sealed record Batch(List<(int Line, object?[]? Values, CaseCheck? Check)> Rows, int Read);

    /// <summary>Reads and checks the rows, a batch at a time.</summary>
    private IEnumerable<Batch> Checked(ImportRun run, CsvTable csv)
    {
        var batch = new List<(int, object?[]?, CaseCheck?)>(BatchRows);
        var count = 0;
        foreach (var row in csv.Rows(run.Report))
        {
            count++;
            run.StartRow();
            var values = read(run, row);
            var good = values is not null && !run.RowIsBad;
            if (good || run.CaseCheck is not null) batch.Add((row.Line, good ? values : null, run.CaseCheck));
            if (batch.Count == BatchRows || count % ProgressEvery == 0)
            {
                yield return new Batch(batch, count);
                batch = new List<(int, object?[]?, CaseCheck?)>(BatchRows);
            }
        }
        yield return new Batch(batch, count);
    }

    /// <summary>
    /// <see cref="Checked"/> on a thread of its own, a few batches ahead of the staging: reading and checking rows takes about
    /// as long as writing them, and two cores do both at once. Only for files whose row checks do not query the store, as
    /// the connection is the writer's.
    /// </summary>
    private IEnumerable<Batch> CheckedAlongside(ImportRun run, CsvTable csv)
    {
        using var ready = new System.Collections.Concurrent.BlockingCollection<Batch>(boundedCapacity: 4);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var batch in Checked(run, csv)) ready.Add(batch, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The writer failed and has its own exception to tell.
            }
            finally
            {
                ready.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in ready.GetConsumingEnumerable()) yield return batch;
        }
        finally
        {
            // Stops the reader if the writer failed, so it does not wait for room forever; a failure of its own surfaces here.
            stop.Cancel();
            reader.GetAwaiter().GetResult();
        }
    }

    private string Keys(string alias) => string.Join(", ", columns[..keyCount].Select(c => $"{alias}.{c}"));

    private string KeysMatch(string left, string right) => string.Join(" AND ", columns[..keyCount].Select(c => $"{left}.{c} = {right}.{c}"));

    /// <summary>Refuses rows whose case was decided for another authority: one join of the staged cases with the decisions.</summary>
    private static void CheckCases(ImportRun run, StagingTable staging)
    {
        static string Mismatch(string s) => $"d.case_ref = {s}.check_case AND d.authority_code <> {s}.check_given AND ({s}.check_successor IS NULL OR d.authority_code <> {s}.check_successor)";
        var refused = 0;
        foreach (var (line, caseRef, known, given, good) in run.Connection.Query<(int, string, string, string, int)>(
                     $"SELECT s.line, s.check_case, d.authority_code, s.check_given, s.good FROM {staging.Name} s JOIN decisions d ON {Mismatch("s")}",
                     transaction: run.Transaction, buffered: false, commandTimeout: 0))
        {
            run.Report(line, "authority_code", $"case {caseRef} was decided for {known}, not {given}");
            refused += good;
        }
        if (refused == 0) return;
        run.Connection.Execute(
            $"UPDATE {staging.Name} SET good = 0 WHERE good = 1 AND EXISTS (SELECT 1 FROM decisions d WHERE {Mismatch(staging.Name)})",
            transaction: run.Transaction, commandTimeout: 0);
        staging.Refused(refused);
    }

    /// <summary>Whether any good staged row has a key already stored; a first match is enough.</summary>
    private bool AnyStored(ImportRun run, StagingTable staging) =>
        staging.Good > 0 &&
        run.Connection.ExecuteScalar<int?>($"SELECT 1 FROM {table} LIMIT 1", transaction: run.Transaction, commandTimeout: 0) is not null &&
        run.Connection.ExecuteScalar<int?>(
            $"SELECT 1 FROM {staging.Name} s JOIN {table} t ON {KeysMatch("t", "s")} WHERE s.good = 1 LIMIT 1", transaction: run.Transaction, commandTimeout: 0) is not null;

    /// <summary>Reports each good row whose key an earlier good row of the file has; with <paramref name="refuse"/>, takes them out of the merge.</summary>
    private void ReportRepeated(ImportRun run, StagingTable staging, bool refuse) => BulkLoad.Sorting(run, () =>
    {
        var repeated = $"SELECT line, first, {string.Join(", ", columns[..keyCount])} FROM (SELECT line, {Keys("s")}, MIN(line) OVER (PARTITION BY {Keys("s")}) AS first " +
                       $"FROM {staging.Name} s WHERE good = 1) r WHERE line <> first";
        var refused = 0;
        using (var command = Command(run, repeated + " ORDER BY line"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var keys = Enumerable.Range(0, keyCount).Select(i => reader.IsDBNull(i + 2) ? null : reader.GetValue(i + 2)).ToArray();
                run.Report(reader.GetInt32(0), columns[0], $"{Describe(keys)} appears again in this file (first on line {reader.GetInt32(1)})");
                refused++;
            }
        }
        if (!refuse || refused == 0) return;
        run.Connection.Execute($"UPDATE {staging.Name} SET good = 0 WHERE line IN (SELECT line FROM ({repeated}) x)", transaction: run.Transaction, commandTimeout: 0);
        staging.Refused(refused);
    });

    /// <summary>Compares the good staged rows whose key is stored: counts the unchanged, and replaces or refuses the others.</summary>
    private (int Unchanged, int Replaced) Compare(ImportRun run, StagingTable staging, Dialect sql)
    {
        var compared = columns[keyCount..Compared];
        string Differs(string stored) => compared.Length == 0 ? "1 = 0" : string.Join(" OR ", compared.Select(c => $"s.{c} {sql.IsDistinctFrom} {stored}.{c}"));
        var join = $"FROM {staging.Name} s JOIN {table} t ON {KeysMatch("t", "s")} WHERE s.good = 1";
        var matched = run.Connection.ExecuteScalar<long>($"SELECT COUNT(*) {join}", transaction: run.Transaction, commandTimeout: 0);
        var differing = 0;
        using (var command = Command(run,
                   $"SELECT s.line, {string.Join(", ", columns[..Compared].Select(c => $"s.{c}"))}, {string.Join(", ", compared.Select(c => $"t.{c}"))} {join} AND ({Differs("t")}) ORDER BY s.line"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                differing++;
                if (run.Replace) continue;
                var given = Enumerable.Range(0, Compared).Select(i => reader.IsDBNull(1 + i) ? null : reader.GetValue(1 + i)).ToArray();
                var column = Enumerable.Range(keyCount, compared.Length).First(i => Text(given[i]) != Text(Stored(reader, i)));
                run.Report(reader.GetInt32(0), columns[column], $"{Describe(given)} is already stored with {columns[column]} {Quote(columns[column], Text(Stored(reader, column)))}, " +
                    $"not {Quote(columns[column], Text(given[column]))}; use --replace to change it");
            }
        }
        if (run.Replace && differing > 0)
            run.Connection.Execute(
                $"UPDATE {table} SET {string.Join(", ", compared.Select(c => $"{c} = s.{c}"))}{(staging.HasSearchWords ? ", search_words = " + string.Format(CultureInfo.InvariantCulture, SearchWords.ToColumn, "s.search_words") : "")} FROM {staging.Name} s " +
                $"WHERE {KeysMatch(table, "s")} AND s.good = 1 AND ({Differs(table)})",
                transaction: run.Transaction, commandTimeout: 0);
        return ((int)matched - differing, run.Replace ? differing : 0);

        object? Stored(DbDataReader reader, int column) =>
            reader.IsDBNull(1 + Compared + column - keyCount) ? null : reader.GetValue(1 + Compared + column - keyCount);
    }

    /// <summary>Adds the good staged rows whose key is not stored, a large load with the table's indexes built again afterwards.</summary>
    private int Insert(ImportRun run, StagingTable staging, Dialect sql, bool stored)
    {
        if (staging.Good == 0) return 0;
        using var bulk = BulkLoad.Begin(run, table, staging.Good, wordsGiven: staging.HasSearchWords);
        var (wordsColumn, words) = staging.HasSearchWords ? (", search_words", ", " + string.Format(CultureInfo.InvariantCulture, SearchWords.ToColumn, "s.search_words")) : ("", "");
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns)}{wordsColumn}) SELECT {string.Join(", ", columns.Select(c => $"s.{c}"))}{words} FROM {staging.Name} s WHERE s.good = 1";
        // Without stored keys, a key that fails to go in is repeated in the file, and is reported as such; with them, the
        // stored keys are left out before the insert, so that nothing is computed for rows that will not go in.
        if (stored) insert += $" AND NOT EXISTS (SELECT 1 FROM {table} t WHERE {KeysMatch("t", "s")})";
        insert += sql.InFileOrder;
        if (sql.Postgres && !stored)
        {
            // A plain insert writes each row once; ON CONFLICT writes it tentatively, then again to confirm it. Only a key
            // repeated in the file can make it fail, and then the insert is made again, leaving out the repeats.
            run.Connection.Execute("SAVEPOINT import_insert", transaction: run.Transaction, commandTimeout: 0);
            try
            {
                var added = run.Connection.Execute(insert, transaction: run.Transaction, commandTimeout: 0);
                run.Connection.Execute("RELEASE SAVEPOINT import_insert", transaction: run.Transaction, commandTimeout: 0);
                return added;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
            {
                run.Connection.Execute("ROLLBACK TO SAVEPOINT import_insert", transaction: run.Transaction, commandTimeout: 0);
            }
        }
        return run.Connection.Execute(insert + " ON CONFLICT DO NOTHING", transaction: run.Transaction, commandTimeout: 0);
    }

    private static DbCommand Command(ImportRun run, string sql)
    {
        var command = run.Connection.CreateCommand();
        command.Transaction = run.Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0; // a statement over a million rows may take longer than the default 30 s on a busy server
        return command;
    }

    private static string? Text(object? value) => value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    private string Describe(object?[] values) =>
        string.Join(" ", columns.Take(keyCount)
            .Select((c, i) => (Column: c, Value: Convert.ToString(values[i], CultureInfo.InvariantCulture)))
            .Where(k => k.Column != "text_hash")
            .Select(k => $"{k.Column} {Quote(k.Column, k.Value)}"));

    private static string Quote(string column, string? value) => value switch
    {
        null => "(empty)",
        _ when column == "year" && int.TryParse(value, out var year) => $"'{new FinancialYear(year)}'",
        _ when column == "remedied_by_authority" => value == "1" ? "'true'" : "'false'",
        _ when column == "amount_pence" && long.TryParse(value, out var pence) => $"'{Money.Pounds(pence)}'",
        _ => $"'{(value.Length > 60 ? value[..57] + "..." : value)}'",
    };

    /// <summary>Where the two engines' SQL differs.</summary>
    private sealed class Dialect(DbConnection connection)
    {
        public bool Postgres { get; } = connection is Npgsql.NpgsqlConnection;

        public string IsDistinctFrom => Postgres ? "IS DISTINCT FROM" : "IS NOT";

        // SQLite reads its staging table in line order anyway (the line is its rowid), and its parser needs a clause before
        // ON CONFLICT to tell it from a join's ON; PostgreSQL would sort, and the order of new keys does not matter.
        public string InFileOrder => Postgres ? "" : " ORDER BY s.line";
    }
}

