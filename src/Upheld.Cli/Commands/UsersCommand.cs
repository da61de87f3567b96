using System.CommandLine;
using Spectre.Console;
using Upheld.Accounts;
using Upheld.Web.Staff;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld users add|list|unlock|password|remove</c>: staff accounts, the first of them created here.</summary>
/// <remarks>A password is read from standard input (its first line) or typed at a hidden prompt; never from the command line, where it would stay in the shell's history and the process list.</remarks>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Staff accounts for the staff area (/staff)");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Unlock());
        command.Subcommands.Add(Password());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Option<string> Email() => new("--email") { Description = "The person's e-mail address, with which they sign in", Required = true };

    private static Command Add()
    {
        var email = Email();
        var name = new Option<string>("--name") { Description = "The person's name, as the logs show it", Required = true };
        var role = new Option<string>("--role") { Description = "staff (record cases), publisher (also approve letters and publish) or link-officer (one council, read only)", Required = true };
        var council = new Option<string?>("--council") { Description = "For a link officer: their council's ONS code" };
        var command = new Command("add", "Create a staff account; the password is read from standard input or a hidden prompt") { email, name, role, council };
        command.SetAction(parse =>
        {
            if (StaffRoles.Parse(parse.GetValue(role)) is not { } chosen) return CommonOptions.Fail($"--role: '{parse.GetValue(role)}' is not staff, publisher or link-officer");
            var code = parse.GetValue(council)?.Trim().ToUpperInvariant();
            if (chosen == StaffRole.LinkOfficer && code is null) return CommonOptions.Fail("--council: a link officer needs their council's code");
            if (chosen != StaffRole.LinkOfficer && code is not null) return CommonOptions.Fail("--council: only a link officer belongs to one council");
            var address = parse.GetValue(email)!.Trim();
            if (!address.Contains('@', StringComparison.Ordinal)) return CommonOptions.Fail($"--email: '{address}' is not an e-mail address");
            var database = CommonOptions.OpenDatabase(parse);
            using var connection = database.Connect();
            if (code is not null && Authorities.AuthorityStore.All(connection).All(a => a.Code != code)) return CommonOptions.Fail($"--council: unknown council code '{code}'");
            if (StaffUsers.Find(connection, address) is not null) return CommonOptions.Fail($"users add: {address} already has an account");
            if (ReadPassword() is not { } password) return 1;
            StaffUsers.Add(connection, new StaffUser(address, parse.GetValue(name)!.Trim(), chosen, code, StaffPasswords.Hash(password), 0, null, StaffUsers.NewStamp()), DateTimeOffset.UtcNow);
            Console.WriteLine($"Added {StaffUsers.Normalise(address)} ({StaffRoles.Name(chosen)}{(code is null ? "" : $", {code}")}).");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List staff accounts: e-mail, name, role, council, whether locked");
        command.SetAction(parse =>
        {
            using var connection = CommonOptions.OpenDatabase(parse).Connect();
            foreach (var u in StaffUsers.All(connection))
                Console.WriteLine($"{u.Email}\t{u.DisplayName}\t{StaffRoles.Name(u.Role)}\t{u.CouncilCode ?? "-"}\t{(u.IsLockedAt(DateTimeOffset.UtcNow) ? "locked" : "active")}");
            return 0;
        });
        return command;
    }

    private static Command Unlock()
    {
        var email = Email();
        var command = new Command("unlock", "Clear an account's failed sign-ins and lock-out") { email };
        command.SetAction(parse =>
        {
            using var connection = CommonOptions.OpenDatabase(parse).Connect();
            if (!StaffUsers.ResetLockOut(connection, parse.GetValue(email)!)) return CommonOptions.Fail($"users unlock: no account {parse.GetValue(email)}");
            Console.WriteLine($"Unlocked {StaffUsers.Normalise(parse.GetValue(email)!)}.");
            return 0;
        });
        return command;
    }

    private static Command Password()
    {
        var email = Email();
        var command = new Command("password", "Set a new password (read like add's), which also signs the account out everywhere") { email };
        command.SetAction(parse =>
        {
            using var connection = CommonOptions.OpenDatabase(parse).Connect();
            if (StaffUsers.Find(connection, parse.GetValue(email)!) is null) return CommonOptions.Fail($"users password: no account {parse.GetValue(email)}");
            if (ReadPassword() is not { } password) return 1;
            StaffUsers.SetPassword(connection, parse.GetValue(email)!, StaffPasswords.Hash(password));
            Console.WriteLine($"New password set for {StaffUsers.Normalise(parse.GetValue(email)!)}.");
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var email = Email();
        var command = new Command("remove", "Remove a staff account, which also ends its sessions everywhere") { email };
        command.SetAction(parse =>
        {
            using var connection = CommonOptions.OpenDatabase(parse).Connect();
            if (!StaffUsers.Remove(connection, parse.GetValue(email)!)) return CommonOptions.Fail($"users remove: no account {parse.GetValue(email)}");
            Console.WriteLine($"Removed {StaffUsers.Normalise(parse.GetValue(email)!)}; its sessions have ended.");
            return 0;
        });
        return command;
    }

    /// <summary>The first line of standard input when it is redirected, else a hidden prompt typed twice.</summary>
    private static string? ReadPassword()
    {
        string? password;
        if (Console.IsInputRedirected) password = Console.In.ReadLine();
        else
        {
            password = CommonOptions.Messages.Prompt(new TextPrompt<string>("Password:").Secret());
            var again = CommonOptions.Messages.Prompt(new TextPrompt<string>("Password again:").Secret());
            if (again != password)
            {
                CommonOptions.Fail("The two passwords differ; nothing was changed.");
                return null;
            }
        }
        if (string.IsNullOrEmpty(password))
        {
            CommonOptions.Fail("No password given: pipe it on standard input or type it at the prompt.");
            return null;
        }
        if (StaffPasswords.Problem(password) is { } problem)
        {
            CommonOptions.Fail($"Password refused: {problem}.");
            return null;
        }
        return password;
    }
}
