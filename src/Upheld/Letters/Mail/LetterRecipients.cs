using System.Data.Common;
using Dapper;

namespace Upheld.Letters.Mail;

/// <summary>Where a council's link officers (the staff contact for the ombudsman) receive mail.</summary>
/// <remarks>
/// The import formats hold no link officers, so the host supplies them: the staff area's users with the link-officer
/// role for a council, or a CSV for the command line (<see cref="CsvLinkOfficers"/>).
/// </remarks>
public interface ILinkOfficerDirectory
{
    /// <summary>The e-mail addresses of the council's link officers; none is a valid answer.</summary>
    IReadOnlyList<string> For(string authorityCode);
}

/// <summary>No link officers at all: letters go to the addressee only.</summary>
public sealed class NoLinkOfficers : ILinkOfficerDirectory
{
    public IReadOnlyList<string> For(string authorityCode) => [];
}

/// <summary>Link officers given as a function, for hosts that keep them elsewhere.</summary>
public sealed class LinkOfficers(Func<string, IReadOnlyList<string>> lookup) : ILinkOfficerDirectory
{
    public IReadOnlyList<string> For(string authorityCode) => lookup(authorityCode);
}

/// <summary>Who receives a council's letter: the addressee (contacts.csv's email) and its link officers.</summary>
public sealed record LetterRecipients(string? Addressee, IReadOnlyList<string> LinkOfficers)
{
    public bool Any => Addressee is not null || LinkOfficers.Count > 0;

    /// <summary>Every address once, the addressee first, as recorded with a send.</summary>
    public IReadOnlyList<string> All => (Addressee is null ? LinkOfficers : [Addressee, .. LinkOfficers]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The addressee's e-mail address of every council that has one in the year, by code.</summary>
    public static IReadOnlyDictionary<string, string> Addressees(DbConnection connection, FinancialYear year) =>
        connection.Query<(string Code, string Email)>("SELECT code, email FROM contacts WHERE year = @year AND email IS NOT NULL", new { year = year.StartYear })
            .ToDictionary(c => c.Code, c => c.Email, StringComparer.Ordinal);
}

/// <summary>Link officers read from a CSV file with columns <c>code</c> and <c>email</c>, one row per officer.</summary>
public sealed class CsvLinkOfficers : ILinkOfficerDirectory
{
    private readonly ILookup<string, string> _officers;

    private CsvLinkOfficers(ILookup<string, string> officers) => _officers = officers;

    /// <summary>Reads the file; a bad row is an error naming file, line and column.</summary>
    public static CsvLinkOfficers Load(string path)
    {
        var name = Path.GetFileName(path);
        var problems = new List<string>();
        void Report(int line, string? column, string reason) => problems.Add($"{name} line {line}{(column is null ? "" : $", column {column}")}: {reason}");
        var rows = new List<(string Code, string Email)>();
        try
        {
            var table = Csv.CsvTable.Open(name, Csv.CsvReader.Decode(File.ReadAllBytes(path)), ["code", "email"], Report);
            foreach (var row in table?.Rows(Report) ?? [])
            {
                if (row["code"] is not { } code) Report(row.Line, "code", "a value is required");
                else if (row["email"] is not { } email || !email.Contains('@')) Report(row.Line, "email", "an e-mail address is required");
                else rows.Add((code, email));
            }
        }
        catch (Csv.CsvFormatException e)
        {
            Report(e.Line, null, e.Message);
        }
        if (problems.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, problems));
        return new CsvLinkOfficers(rows.ToLookup(r => r.Code, r => r.Email, StringComparer.Ordinal));
    }

    public IReadOnlyList<string> For(string authorityCode) => _officers[authorityCode].ToList();
}
