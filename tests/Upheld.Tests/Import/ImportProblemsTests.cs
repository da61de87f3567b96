using Upheld.Import;

namespace Upheld.Tests.Import;

/// <summary>Problems are listed in file and line order whatever order the checks find them in, the first hundred only.</summary>
public sealed class ImportProblemsTests
{
    [Fact]
    public void A_problem_found_at_the_end_of_a_file_is_listed_in_its_line_order()
    {
        var problems = new ImportProblems();
        problems.Add("decisions.csv", 2, "outcome", "first row check");
        problems.Add("decisions.csv", 9, "outcome", "later row check");
        problems.Add("decisions.csv", 5, "case_ref", "found once the file was read"); // a key repeated, say
        problems.Add("decisions.csv", 9, "case_ref", "found once the file was read");
        problems.Add("compliance.csv", 1, "outcome", "next file");

        Assert.Equal(
        [
            "decisions.csv line 2, column outcome: first row check",
            "decisions.csv line 5, column case_ref: found once the file was read",
            "decisions.csv line 9, column outcome: later row check",
            "decisions.csv line 9, column case_ref: found once the file was read",
            "compliance.csv line 1, column outcome: next file",
        ], problems.Listed);
        Assert.Equal([2, 5, 9, 9, 1], problems.Details.Select(d => d.Line));
    }

    [Fact]
    public void The_first_hundred_lines_are_listed_even_when_found_last()
    {
        var problems = new ImportProblems();
        // 150 problems found from the last line back: lines 151 down to 2.
        for (var line = 151; line >= 2; line--) problems.Add("decisions.csv", line, "outcome", "bad");

        var lines = problems.Lines().ToList();

        Assert.Equal(150, problems.Count);
        Assert.Equal(101, lines.Count);
        Assert.Equal("decisions.csv line 2, column outcome: bad", lines[0]);
        Assert.Equal("decisions.csv line 101, column outcome: bad", lines[99]);
        Assert.Equal("... and 50 more problems not listed", lines[100]);
    }
}
