using System.Net;
using System.Net.Sockets;
using Upheld.Import;
using Upheld.Tests.Cli;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Letters.Mail;

/// <summary><c>upheld letters send</c> as a user runs it, and the addressee's e-mail column of contacts.csv.</summary>
public sealed class LetterSendCommandTests : IDisposable
{
    private readonly TestDatabase _store = TestDatabase.Sqlite();

    public void Dispose() => _store.Dispose();

    private string Db => _store.Database.Description;

    [SkippableFact]
    public void A_send_that_fails_is_reported_with_its_council_and_the_exit_code_is_not_zero()
    {
        PdfTools.Require();
        using (var folder = new ImportFolder().AsCases().With("contacts.csv", "code,year,role,email", "E06000017,2019-20,Chief Executive,ceo@rutland.example"))
            Assert.True(new Importer(_store.Database).Import(folder.Path).Succeeded);
        Assert.Equal(0, Upheld.Tests.Cli.CliRun.ApproveLetter("2019-20", "E06000017", Db).ExitCode);
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var run = CliRun.Of("letters", "send", "--year", "2019-20", "--smtp", $"127.0.0.1:{port}", "--attempts", "1", "--authority", "E06000017", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2019-20: 0 sent, 0 already sent, 0 skipped (not approved or changed since approval), 1 failed", run.Output);
        Assert.Contains("E06000017 Rutland: not sent after 1 attempt:", run.Errors);
    }

    [SkippableFact]
    public void Without_smtp_the_server_and_sender_come_from_the_site_s_settings_and_the_run_is_in_the_audit_log()
    {
        PdfTools.Require();
        using (var folder = new ImportFolder().AsCases().With("contacts.csv", "code,year,role,email", "E06000017,2019-20,Chief Executive,ceo@rutland.example"))
            Assert.True(new Importer(_store.Database).Import(folder.Path).Succeeded);
        Assert.Equal(0, Upheld.Tests.Cli.CliRun.ApproveLetter("2019-20", "E06000017", Db).ExitCode);
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var run = CliRun.WithEnvironment(new Dictionary<string, string?> { ["UPHELD_SMTP"] = $"127.0.0.1:{port}", ["UPHELD_SMTP_FROM"] = "review@ombudsman.example" },
            "letters", "send", "--year", "2019-20", "--attempts", "1", "--authority", "E06000017", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2019-20: 0 sent, 0 already sent, 0 skipped (not approved or changed since approval), 1 failed", run.Output);
        using var connection = _store.Database.Connect();
        var entry = Assert.Single(Upheld.Accounts.AuditLog.Latest(connection), e => e.Action == "send letters");
        Assert.Equal(($"cli:{Environment.UserName}", "letters 2019-20"), (entry.Who, entry.Entity));
        Assert.StartsWith($$"""{"server":"127.0.0.1:{{port}}","sent":[],"already_sent":0,"not_approved":0,"failed":[{"authority_code":"E06000017","authority_name":"Rutland","attempts":1,""", entry.After);
    }

    [Fact]
    public void With_no_server_given_or_set_the_command_says_how_to_give_one()
    {
        var run = CliRun.WithEnvironment(new Dictionary<string, string?> { ["UPHELD_SMTP"] = null }, "letters", "send", "--year", "2019-20", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("letters send: no SMTP server: give --smtp HOST:PORT or set UPHELD_SMTP\n", run.Errors);
    }

    [Fact]
    public void A_server_not_written_host_colon_port_is_refused()
    {
        var run = CliRun.Of("letters", "send", "--year", "2019-20", "--smtp", "localhost", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--smtp: 'localhost' is not host:port", run.Errors);
    }

    [Fact]
    public void A_contact_email_that_is_not_an_address_is_refused_naming_file_line_and_column()
    {
        using var folder = new ImportFolder().With("contacts.csv", "code,year,role,email", "E06000017,2019-20,Chief Executive,ceo at rutland");

        var result = new Importer(_store.Database).Import(folder.Path);

        Assert.Equal(["contacts.csv line 2, column email: 'ceo at rutland' is not an e-mail address such as chief.executive@council.gov.uk"], result.Problems.Listed);
    }
}
