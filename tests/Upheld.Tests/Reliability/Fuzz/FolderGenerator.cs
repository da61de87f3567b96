using Upheld.Authorities;
using Upheld.Cases;
using Upheld.Import;
using static Upheld.Tests.Reliability.Fuzz.FuzzText;

namespace Upheld.Tests.Reliability.Fuzz;

/// <summary>Generates valid import folders from a seed, so any failure reproduces: case rows for councils that exist in
/// every year, keys never used before in the same database, and free text full of awkward characters.</summary>
public sealed class FolderGenerator(int seed)
{
    /// <summary>Each file's columns in the order of DATA-FORMATS.md.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["populations.csv"] = ["code", "year", "population"],
        ["contacts.csv"] = ["code", "year", "honorific", "surname", "role"],
        ["received.csv"] = ["case_ref", "authority_code", "received_date", "category", "subcategory"],
        ["decisions.csv"] = ["case_ref", "authority_code", "received_date", "decision_date", "category", "subcategory", "outcome", "remedied_by_authority", "summary"],
        ["recommendations.csv"] = ["case_ref", "authority_code", "kind", "remedy_category", "text", "amount_gbp", "due_date"],
        ["compliance.csv"] = ["case_ref", "authority_code", "recorded_date", "outcome"],
        ["public_reports.csv"] = ["case_ref", "authority_code", "issued_date", "title", "summary"],
        ["commentary.csv"] = ["authority_code", "year", "position", "text"],
    };

    private static readonly DateOnly First = new(2019, 4, 1), Last = new(2024, 3, 31);
    private static readonly IReadOnlyList<string> Councils =
        ReferenceData.Councils().Where(a => a.ValidFrom is null && a.ValidTo is null).Select(a => a.Code).ToList();

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _usedKeys = [];
    private int _folder;

    public Random Random => _random;

    public GeneratedFolder Next()
    {
        _folder++;
        var names = Columns.Keys.Where(_ => _random.Next(3) == 0).ToList();
        if (names.Count == 0) names.Add(Pick(_random, ["decisions.csv", "received.csv", "compliance.csv"]));
        var decisions = new List<Dictionary<string, string>>();
        var files = new List<GeneratedFile>();
        foreach (var name in Importer.Files.Where(names.Contains))
        {
            var rows = Enumerable.Range(0, 1 + _random.Next(4)).Select(i => Row(name, i, decisions)).Where(r => r is not null).Cast<Dictionary<string, string>>().ToList();
            if (name == "decisions.csv") decisions = rows;
            if (rows.Count > 0) files.Add(Shape(name, rows));
        }
        return files.Count > 0 ? new GeneratedFolder(files) : Next(); // every row of a key already used: try again
    }

    /// <summary>Shuffles the columns now and then, adds an unknown one, or a byte-order mark: all still valid.</summary>
    private GeneratedFile Shape(string name, List<Dictionary<string, string>> rows)
    {
        var header = Columns[name].ToList();
        if (_random.Next(4) == 0) header = header.OrderBy(_ => _random.Next()).ToList();
        if (_random.Next(5) == 0) header.Insert(_random.Next(header.Count + 1), "notes");
        var lines = rows.Select(r => header.Select(c => r.GetValueOrDefault(c) ?? Value(_random)).ToArray()).ToList();
        return new GeneratedFile(name, header, lines, ByteOrderMark: _random.Next(8) == 0);
    }

    private Dictionary<string, string>? Row(string file, int index, List<Dictionary<string, string>> decisions)
    {
        var council = Pick(_random, Councils);
        var caseRef = $"Z{seed}-{_folder}-{file[..3]}{index}";
        // Rows that name a case take the decision of the same index or none, so no case is named twice in one file.
        var decision = index < decisions.Count && _random.Next(2) == 0 ? decisions[index] : null;
        switch (file)
        {
            case "populations.csv":
                var year = 2000 + _random.Next(18);
                return Fresh($"pop:{council}:{year}") ? new() { ["code"] = council, ["year"] = Year(year), ["population"] = (1 + _random.Next(9_999_999)).ToString() } : null;
            case "contacts.csv":
                var contactYear = 2019 + _random.Next(5);
                return Fresh($"contact:{council}:{contactYear}")
                    ? new() { ["code"] = council, ["year"] = Year(contactYear), ["honorific"] = Maybe(_random, () => Value(_random, 20)), ["surname"] = Maybe(_random, () => Value(_random)), ["role"] = Value(_random) }
                    : null;
            case "received.csv":
                return new() { ["case_ref"] = caseRef, ["authority_code"] = council, ["received_date"] = Date(_random, First, Last), ["category"] = Category(), ["subcategory"] = Maybe(_random, () => Value(_random)) };
            case "decisions.csv":
                var decided = Date(_random, First.AddDays(30), Last);
                var outcome = Pick(_random, Outcomes.Decision);
                return new()
                {
                    ["case_ref"] = caseRef, ["authority_code"] = council, ["received_date"] = Maybe(_random, () => Date(_random, First, DateOnly.Parse(decided).AddDays(-1))),
                    ["decision_date"] = decided, ["category"] = Category(), ["subcategory"] = Maybe(_random, () => Value(_random)), ["outcome"] = outcome,
                    ["remedied_by_authority"] = outcome == Outcomes.Upheld && _random.Next(2) == 0 ? "true" : "false", ["summary"] = Maybe(_random, () => Text(_random)),
                };
            case "recommendations.csv":
                return new()
                {
                    ["case_ref"] = decision?["case_ref"] ?? caseRef, ["authority_code"] = decision?["authority_code"] ?? council, ["kind"] = Pick(_random, Outcomes.RecommendationKinds),
                    ["remedy_category"] = Maybe(_random, () => Value(_random)), ["text"] = $"{index}: {Text(_random)}",
                    ["amount_gbp"] = Maybe(_random, () => Money.Pounds(_random.Next(1, 2_000_000))), ["due_date"] = Maybe(_random, () => Date(_random, First, Last)),
                };
            case "compliance.csv":
                return new() { ["case_ref"] = decision?["case_ref"] ?? caseRef, ["authority_code"] = decision?["authority_code"] ?? council, ["recorded_date"] = Date(_random, First, Last), ["outcome"] = Pick(_random, Outcomes.Compliance) };
            case "public_reports.csv":
                return new()
                {
                    ["case_ref"] = decision?["case_ref"] ?? caseRef, ["authority_code"] = decision?["authority_code"] ?? council, ["issued_date"] = Date(_random, First, Last),
                    ["title"] = Maybe(_random, () => Text(_random)), ["summary"] = Maybe(_random, () => Text(_random)),
                };
            case "commentary.csv":
                // The position is unique to this folder, so the key (council, year, position) is never stored already.
                return new() { ["authority_code"] = council, ["year"] = Year(2019 + _random.Next(5)), ["position"] = (_folder * 10 + index + 1).ToString(), ["text"] = Text(_random) };
            default:
                throw new ArgumentException(file);
        }
    }

    private string Category() => Maybe(_random, () => Pick(_random, Outcomes.Categories));

    private bool Fresh(string key) => _usedKeys.Add(key);

    private static string Year(int start) => new FinancialYear(start).ToString();
}
