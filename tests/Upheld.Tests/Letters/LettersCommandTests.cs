using System.CommandLine;
using Upheld.Cli.Commands;
using Upheld.Letters;

namespace Upheld.Tests.Letters;

/// <summary><c>upheld letters</c>: files per council and format in a created folder, other files untouched, clear errors.</summary>
public sealed class LettersCommandTests : IDisposable
{
    private readonly LetterScenario _scenario = new();
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"upheld-letters-{Guid.NewGuid():N}", "nested");

    private int Run(params string[] args)
    {
        var root = new RootCommand { LettersCommand.Create() };
        root.Options.Add(CommonOptions.Database);
        return root.Parse([.. args, "--db", _scenario.Database.Description]).Invoke();
    }

    [Fact]
    public void Writes_one_html_file_per_council_named_by_code_and_leaves_other_files_alone()
    {
        Directory.CreateDirectory(_out);
        File.WriteAllText(Path.Combine(_out, "keep-me.txt"), "mine");

        Assert.Equal(0, Run("letters", "--year", "2019-20", "--out", _out, "--format", "html"));

        var files = Directory.GetFiles(_out).Select(Path.GetFileName).ToList();
        Assert.Contains("E10000034-worcestershire-2019-20-letter.html", files);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_out, "keep-me.txt")));
        Assert.DoesNotContain(files, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.All(files.Where(f => f!.EndsWith(".html", StringComparison.Ordinal)), f => Assert.Matches("^E[0-9]{8}-", f));
    }

    [Fact]
    public void One_authority_writes_one_letter()
    {
        Assert.Equal(0, Run("letters", "--year", "2019-20", "--authority", "E06000017", "--out", _out, "--format", "html"));

        Assert.Equal(["E06000017-rutland-2019-20-letter.html"], Directory.GetFiles(_out).Select(Path.GetFileName));
    }

    [Fact]
    public void Several_authorities_repeated_or_separated_by_commas_write_their_letters_only()
    {
        Assert.Equal(0, Run("letters", "--year", "2019-20", "--authority", "E06000017,E10000034", "--authority", "E10000003", "--out", _out, "--format", "html"));

        Assert.Equal(
            ["E06000017-rutland-2019-20-letter.html", "E10000003-cambridgeshire-2019-20-letter.html", "E10000034-worcestershire-2019-20-letter.html"],
            Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2019-20", "E99999999", "html")]
    [InlineData("2019-20", "E06000017,E99999999", "html")]
    [InlineData("2020-21", null, "html")]
    [InlineData("2022-23", null, "html")]
    [InlineData("2019", null, "html")]
    [InlineData("2019-20", null, "docx")]
    public void Bad_requests_fail_and_write_nothing(string year, string? authority, string format)
    {
        var args = new List<string> { "letters", "--year", year, "--out", _out, "--format", format };
        if (authority is not null) args.AddRange(["--authority", authority]);

        Assert.Equal(1, Run([.. args]));
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public void Staff_subcommands_switch_and_approve()
    {
        Assert.Equal(0, Run("letters", "switch", "--year", "2019-20", "--authority", "E10000003", "--paragraph", "late_remedies"));
        var shown = _scenario.Compose("E10000003");
        Assert.Equal(1, Run("letters", "approve", "--year", "2019-20", "--authority", "E10000003")); // shows the letter and its hash, approves nothing
        Assert.Equal(ApprovalState.NotApproved, _scenario.Compose("E10000003").Approval);
        Assert.Equal(0, Run("letters", "approve", "--year", "2019-20", "--authority", "E10000003", "--hash", shown.ContentHash));

        var letter = _scenario.Compose("E10000003");
        Assert.Equal(ApprovalState.Approved, letter.Approval);
        Assert.DoesNotContain(letter.Letter.Sections.SelectMany(s => s.Paragraphs), p => p.Source == DataParagraphs.LateRemedies);
    }

    public void Dispose()
    {
        _scenario.Dispose();
        var parent = Path.GetDirectoryName(_out)!;
        if (Directory.Exists(parent)) Directory.Delete(parent, recursive: true);
    }
}
