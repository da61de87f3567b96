namespace Upheld.Accounts;

/// <summary>Who makes a change, as the audit log names them: a staff person's label, or <c>cli:</c> and the operating-system user.</summary>
public sealed record Actor(string Name)
{
    /// <summary>Someone running the command line, named <c>cli:</c> and the operating-system user, such as <c>cli:root</c>.</summary>
    public static Actor CommandLine(string userName) => new(Audits.CommandLine(userName));
}
