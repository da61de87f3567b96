using Dapper;
using Upheld.Authorities;
using Upheld.Csv;

namespace Upheld.Import;

/// <summary>authorities.csv (additions and corrections to the shipped councils) and populations.csv (which override ONS estimates).</summary>
internal static class ReferenceFiles
{
    public sealed class AuthoritiesFile : IFileImport
    {
        public FileSummary Import(ImportRun run, Stream utf8, Action<int>? progress)
        {
            var csv = CsvTable.Open("authorities.csv", utf8, ["code", "name"], run.Report);
            if (csv is null) return new FileSummary("authorities.csv", 0, 0, 0, 0);
            int rows = 0, added = 0, unchanged = 0, replaced = 0;
            var seen = new Dictionary<string, int>();
            foreach (var row in csv.Rows(run.Report))
            {
                rows++;
                run.StartRow();
                var code = run.Value(row, "code", required: true);
                if (code is not null && !run.Authorities.ContainsKey(code) && !Identifiers.IsAuthorityCode(code))
                {
                    run.Report(row.Line, "code", $"'{code}' {Identifiers.AuthorityCodeRule}");
                    continue;
                }
                var name = run.Value(row, "name", required: true);
                // The council's address (/councils/CODE/slug) keeps only a-z and digits of its name, accents removed.
                if (name is not null && !name.Normalize(System.Text.NormalizationForm.FormD).Any(char.IsAsciiLetterOrDigit))
                    run.Report(row.Line, "name", $"'{name}' has no letter a-z or digit, and the council's address is made of them");
                var typeText = run.Value(row, "type");
                var type = typeText is null ? null : AuthorityTypes.Parse(typeText);
                if (typeText is not null && type is null)
                    run.Report(row.Line, "type", $"unknown type '{typeText}' (expected County, District, Metropolitan Borough, Unitary or London Borough)");
                var fromCode = code is null ? null : AuthorityTypes.FromCode(code);
                if (type is not null && fromCode is not null && type != fromCode)
                    run.Report(row.Line, "type", $"type '{typeText}' does not match code {code}, whose prefix {code![..3]} means {fromCode.Value.DisplayName()}");
                if (code is not null && fromCode is null && type is null && !run.Authorities.ContainsKey(code))
                    run.Report(row.Line, "type", $"a type is required: code {code} does not show one");
                var validFrom = run.Date(row, "valid_from");
                var validTo = run.Date(row, "valid_to");
                if (validFrom > validTo) run.Report(row.Line, "valid_to", "the council ends before it begins");
                var parent = run.Value(row, "parent_code");
                if (parent is not null && !run.Authorities.ContainsKey(parent))
                    run.Report(row.Line, "parent_code", $"unknown authority code '{parent}'");
                if (code is not null && !seen.TryAdd(code, row.Line))
                    run.Report(row.Line, "code", $"code '{code}' appears again in this file (first on line {seen[code]})");
                if (run.RowIsBad) continue;

                var stored = run.Authorities.GetValueOrDefault(code!);
                var amended = stored is null
                    ? new Authority(code!, name!, run.Value(row, "official_name") ?? name!, (type ?? fromCode)!.Value,
                        run.Value(row, "region"), parent, validFrom, validTo, [])
                    : stored with
                    {
                        Name = name!,
                        OfficialName = run.Value(row, "official_name") ?? stored.OfficialName,
                        Region = run.Value(row, "region") ?? stored.Region,
                        ParentCode = parent ?? stored.ParentCode,
                        ValidFrom = validFrom ?? stored.ValidFrom,
                        ValidTo = validTo ?? stored.ValidTo,
                    };
                if (stored is not null && Same(stored, amended)) { unchanged++; continue; }
                if (stored is null) added++; else replaced++;
                run.Authorities[amended.Code] = amended;
                if (!run.Problems.Any) Save(run, amended);
            }
            return new FileSummary("authorities.csv", rows, added, unchanged, replaced);
        }

        private static bool Same(Authority a, Authority b) =>
            a with { SuccessorCodes = [] } == b with { SuccessorCodes = [] };

        private static void Save(ImportRun run, Authority a) => run.Connection.Execute(
            """
            INSERT INTO authorities (code, name, official_name, type, region, parent_code, valid_from, valid_to, successor_codes)
            VALUES (@Code, @Name, @OfficialName, @Type, @Region, @ParentCode, @ValidFrom, @ValidTo, @Successors)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, official_name = excluded.official_name, region = excluded.region,
                parent_code = excluded.parent_code, valid_from = excluded.valid_from, valid_to = excluded.valid_to
            """,
            new
            {
                a.Code, a.Name, a.OfficialName, Type = a.Type.DisplayName(), a.Region, a.ParentCode,
                ValidFrom = ImportRun.Iso(a.ValidFrom), ValidTo = ImportRun.Iso(a.ValidTo), Successors = string.Join(';', a.SuccessorCodes),
            },
            run.Transaction);
    }

    public sealed class PopulationsFile : IFileImport
    {
        public FileSummary Import(ImportRun run, Stream utf8, Action<int>? progress)
        {
            var csv = CsvTable.Open("populations.csv", utf8, ["code", "year", "population"], run.Report);
            if (csv is null) return new FileSummary("populations.csv", 0, 0, 0, 0);
            int rows = 0, added = 0, unchanged = 0, replaced = 0;
            var seen = new Dictionary<(string, int), int>();
            foreach (var row in csv.Rows(run.Report))
            {
                rows++;
                run.StartRow();
                var authority = run.Authority(row, "code");
                var year = run.Year(row, "year");
                var population = run.Number(row, "population", required: true, minimum: 1);
                run.ExistsIn(authority, year, row, "year");
                if (run.RowIsBad) continue;
                var key = (authority!.Code, year!.Value.StartYear);
                if (!seen.TryAdd(key, row.Line))
                {
                    run.Report(row.Line, "code", $"{key.Code} {year} appears again in this file (first on line {seen[key]})");
                    continue;
                }
                var storedRow = run.Connection.QuerySingleOrDefault(
                    "SELECT population, source FROM populations WHERE code = @Code AND year = @Year",
                    new { Code = key.Code, Year = key.StartYear }, run.Transaction);
                (long Population, string Source)? stored = storedRow is null ? null : (Convert.ToInt64(storedRow.population), (string)storedRow.source);
                if (stored?.Population == population && stored?.Source == "import") { unchanged++; continue; }
                // An import may always override a shipped ONS estimate; only its own earlier rows need --replace.
                if (stored?.Source == "import" && !run.Replace)
                {
                    run.Report(row.Line, "population", $"{key.Code} {year} is already stored with population {stored.Value.Population}, not {population}; use --replace to change it");
                    continue;
                }
                if (stored is null) added++; else replaced++;
                if (!run.Problems.Any)
                    run.Connection.Execute(
                        """
                        INSERT INTO populations (code, year, population, source) VALUES (@Code, @Year, @Population, 'import')
                        ON CONFLICT (code, year) DO UPDATE SET population = excluded.population, source = 'import'
                        """,
                        new { Code = key.Code, Year = key.StartYear, Population = population }, run.Transaction);
            }
            return new FileSummary("populations.csv", rows, added, unchanged, replaced);
        }
    }
}
