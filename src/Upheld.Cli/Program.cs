using System.CommandLine;
using Upheld.Cli.Commands;

// One root command; every subcommand takes --db (a PostgreSQL connection string when it contains '=', else an SQLite file).
var root = new RootCommand("Upheld: an ombudsman's annual statistics, letters and public site for councils.");
root.Options.Add(CommonOptions.Database);
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(PublishCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
return root.Parse(args).Invoke();
