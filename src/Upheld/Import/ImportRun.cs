using System.Data.Common;
using System.Globalization;
using Upheld.Authorities;
using Upheld.Csv;

namespace Upheld.Import;

/// <summary>The state of one import: its transaction, the councils as the folder amends them, and the problems found.</summary>
/// <remarks>The field readers report a problem and return null, so one row can report every bad field at once.</remarks>
internal sealed class ImportRun(DbConnection connection, DbTransaction transaction, bool replace, ImportProblems problems)
{
    private const int LongestText = 20_000;
    private const int LongestValue = 200;

    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public bool Replace { get; } = replace;
    public ImportProblems Problems { get; } = problems;
    public Dictionary<string, Authority> Authorities { get; } = new(StringComparer.Ordinal);

    /// <summary>Authority-years whose figures come from counts.csv, stored or in this folder: no case rows may join them.</summary>
    public HashSet<(string Code, int Year)> CountedYears { get; } = [];

    public string File { get; set; } = "";

    private int _problemsBeforeRow;

    /// <summary>Marks the start of a row, so that <see cref="RowIsBad"/> can tell whether it reported anything.</summary>
    public void StartRow()
    {
        _problemsBeforeRow = Problems.Count;
        CaseCheck = null;
    }

    public bool RowIsBad => Problems.Count != _problemsBeforeRow;

    /// <summary>The current row's case and the authority codes its case may have been decided for, checked against the decisions once the file is read.</summary>
    public CaseCheck? CaseCheck { get; private set; }

    private long? _sequence;

    /// <summary>Reads where the order of recommendations has got to, before a file's rows are read (<see cref="NextSequence"/>).</summary>
    public void ReadSequence() =>
        _sequence ??= Convert.ToInt64(ExecuteScalar("SELECT COALESCE(MAX(seq), 0) FROM recommendations"), CultureInfo.InvariantCulture);

    /// <summary>The next number in the order recommendations were imported, which is the order a letter lists them in.</summary>
    public long NextSequence()
    {
        ReadSequence();
        _sequence++;
        return _sequence!.Value;
    }

    private object? ExecuteScalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The council an outcome belongs to: the one given, or the single successor of a council abolished before the year.</summary>
    public Authority? Successor(Authority given, FinancialYear year, CsvRow row, string column)
    {
        var current = given;
        while (!current.ExistsIn(year) && current.ValidTo is { } end && end < year.FirstDay)
        {
            if (current.SuccessorCodes.Count > 1)
            {
                Report(row.Line, column,
                    $"{current.Code} {current.Name} was abolished on {Iso(end)} and has several successors ({string.Join(", ", current.SuccessorCodes)}); give the successor's code");
                return null;
            }
            if (current.SuccessorCodes.Count == 0 || !Authorities.TryGetValue(current.SuccessorCodes[0], out var next)) break;
            current = next;
        }
        return current;
    }

    /// <summary>Refuses a row whose case is known under another authority; <paramref name="accepted"/> lists the codes that match.</summary>
    /// <remarks>
    /// The case is looked up in the decisions, stored or imported earlier in this run, once the whole file is read: one
    /// query for the file rather than one a row (<see cref="KeyedFile"/>), so the row's problem is listed after its others.
    /// </remarks>
    public void SameAuthorityAsCase(CsvRow row, string? caseRef, params Authority?[] accepted)
    {
        if (caseRef is null || accepted[0] is null) return;
        CaseCheck = new CaseCheck(caseRef, accepted[0]!.Code, accepted.Skip(1).FirstOrDefault(a => a is not null && a.Code != accepted[0]!.Code)?.Code);
    }

    public void Report(int line, string? column, string reason) => Problems.Add(File, line, column, reason);

    public string? Value(CsvRow row, string column, bool required = false)
    {
        var value = row[column];
        if (value is null && required) Report(row.Line, column, "a value is required");
        else if (value is not null && value.Length > LongestValue) Report(row.Line, column, $"the value is longer than {LongestValue} characters");
        else return value;
        return null;
    }

    public string? Text(CsvRow row, string column, bool required = false)
    {
        var value = row.Text(column);
        if (value is null && required) Report(row.Line, column, "a value is required");
        else if (value is not null && value.Length > LongestText) Report(row.Line, column, $"the text is longer than {LongestText:N0} characters");
        else return value;
        return null;
    }

    /// <summary>A case reference, refused unless it matches <see cref="Identifiers.IsCaseReference"/>.</summary>
    public string? CaseRef(CsvRow row, string column = "case_ref")
    {
        var value = Value(row, column, required: true);
        if (value is null || Identifiers.IsCaseReference(value)) return value;
        Report(row.Line, column, $"'{value}' {Identifiers.CaseReferenceRule}");
        return null;
    }

    public Authority? Authority(CsvRow row, string column)
    {
        var code = Value(row, column, required: true);
        if (code is null) return null;
        if (Authorities.TryGetValue(code, out var authority)) return authority;
        Report(row.Line, column, $"unknown authority code '{code}'");
        return null;
    }

    /// <summary>The authority, if it existed on the year's 1 April; otherwise a problem naming its years.</summary>
    public bool ExistsIn(Authority? authority, FinancialYear? year, CsvRow row, string column)
    {
        if (authority is null || year is null) return false;
        if (authority.ExistsIn(year.Value)) return true;
        Report(row.Line, column, $"{authority.Code} {authority.Name} did not exist in {year} (it existed in {authority.YearsText})");
        return false;
    }

    public DateOnly? Date(CsvRow row, string column, bool required = false)
    {
        var text = Value(row, column, required);
        if (text is null) return null;
        if (!IsoDate.TryParse(text, out var date))
            Report(row.Line, column, $"'{text}' is not a date written YYYY-MM-DD");
        else if (!FinancialYear.Accepts(date))
            Report(row.Line, column, $"'{text}' is outside the dates accepted, {Iso(FinancialYear.Earliest.FirstDay)} to {Iso(FinancialYear.Latest.LastDay)}");
        else return date;
        return null;
    }

    public FinancialYear? Year(CsvRow row, string column)
    {
        var text = Value(row, column, required: true);
        if (text is null) return null;
        if (FinancialYear.TryParse(text, out var year)) return year;
        Report(row.Line, column, $"'{text}' is not a financial year written like 2019-20, {FinancialYear.RangeText}");
        return null;
    }

    public long? Number(CsvRow row, string column, bool required = false, long minimum = 0)
    {
        var text = Value(row, column, required);
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= int.MaxValue) return number;
        Report(row.Line, column, $"'{text}' is not a whole number of at least {minimum}");
        return null;
    }

    public string? Choice(CsvRow row, string column, IReadOnlyList<string> allowed, string what, bool required = true)
    {
        var text = Value(row, column, required);
        if (text is null) return null;
        if (allowed.Contains(text)) return text;
        Report(row.Line, column, $"unknown {what} '{text}' (expected {string.Join(", ", allowed)})");
        return null;
    }

    /// <summary>Refuses case rows for an authority-year whose figures come from counts.csv.</summary>
    public bool NotCounted(Authority? authority, FinancialYear? year, CsvRow row, string column)
    {
        if (authority is null || year is null || !CountedYears.Contains((authority.Code, year.Value.StartYear))) return true;
        Report(row.Line, column, $"{authority.Code} {year} already has published totals in counts.csv; case rows cannot be mixed with them");
        return false;
    }

    public static string? Iso(DateOnly? date) => date is { } day ? IsoDate.Format(day) : null;
}

/// <summary>A row's case reference and the authority codes it may have been decided for: the code given and, for an outcome, the successor it belongs to.</summary>
internal sealed record CaseCheck(string CaseRef, string Given, string? Successor);
