using System.CommandLine;
using System.CommandLine.Help;
using Upheld.Bench;
using Upheld.Cli.Commands;

// One root command; every subcommand takes --db (a PostgreSQL connection string when it contains '=', else an SQLite file).
// A plain command named "upheld", not RootCommand, whose name would be the assembly's ("Upheld.Cli").
var root = new Command("upheld", "Upheld: an ombudsman's annual statistics, letters and public site for councils.")
{
    new HelpOption(),
    new VersionOption(),
    CommonOptions.Database,
};
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(ComplaintHandlingCommand.Create());
root.Subcommands.Add(SignalsCommand.Create());
root.Subcommands.Add(PublishCommand.Create());
root.Subcommands.Add(QualityCommand.Create());
root.Subcommands.Add(LettersCommand.Create());
root.Subcommands.Add(BenchCommand.Create(CommonOptions.Database));
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
return root.Parse(args).Invoke();
