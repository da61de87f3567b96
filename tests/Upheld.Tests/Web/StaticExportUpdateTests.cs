using System.Diagnostics;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Tests.Import;
using Microsoft.Extensions.DependencyInjection;
using Upheld.Web.Export;
using Upheld.Web.Staff;

namespace Upheld.Tests.Web;

/// <summary>
/// One site exported into one folder again and again, each export's files kept for the tests: first; again with nothing
/// changed; a failing export after a decision was added; again with it; and after the year's publication moved away.
/// </summary>
public sealed class ExportedAgainAndAgain : IAsyncLifetime
{
    private readonly string _parent = Directory.CreateTempSubdirectory("upheld-export-update-").FullName;

    public string Folder => Path.Combine(_parent, "site");
    public IReadOnlyList<string> Beside => Directory.GetFileSystemEntries(_parent).Select(e => Path.GetFileName(e)!).ToList();
    public ExportResult First { get; private set; } = null!;
    public ExportResult Unchanged { get; private set; } = null!;
    public ExportResult Changed { get; private set; } = null!;
    public Exception? Failure { get; private set; }
    public Dictionary<string, Kept> AfterFirst { get; private set; } = null!;
    public Dictionary<string, Kept> AfterUnchanged { get; private set; } = null!;
    public Dictionary<string, Kept> AfterFailure { get; private set; } = null!;
    public Dictionary<string, Kept> AfterCrash { get; private set; } = null!;
    public IReadOnlyList<string> BesideAfterCrash { get; private set; } = null!;
    public Dictionary<string, Kept> AfterRecovery { get; private set; } = null!;
    public Exception? UpdateFailure { get; private set; }
    public Dictionary<string, Kept> AfterUpdateFailure { get; private set; } = null!;
    public Dictionary<string, Kept> AfterChanged { get; private set; } = null!;
    public Dictionary<string, Kept> AfterWithdrawn { get; private set; } = null!;

    /// <summary>Each file of an export: its inode and modification time (as <c>find -printf</c> gives them) and its bytes.</summary>
    public sealed record Kept(string Inode, string Modified, byte[] Bytes);

    public async Task InitializeAsync()
    {
        await using var site = new SiteHost();
        First = await StaticExport.ExportAsync(site.Client, Folder);
        AfterFirst = Files(Folder);
        Unchanged = await StaticExport.ExportAsync(site.Client, Folder);
        AfterUnchanged = Files(Folder);

        // A decision upheld against Rutland in 2019-20: its decision lists and pages change, other councils' do not.
        using (var folder = new ImportFolder().With("decisions.csv", "case_ref,authority_code,decision_date,outcome,summary",
                   "F1,E06000017,2019-09-01,upheld,The council lost a planning file."))
        {
            var imported = ImportData.Folder(site.Database, folder.Path, false, new Actor("staff"), site.Clock);
            if (!imported.Succeeded) throw new InvalidOperationException(string.Join("\n", imported.Problems.Lines()));
        }
        // As the staff area does after a change: the kept figures and page renderings are dropped.
        await site.Services.GetRequiredService<SiteRefresh>().AfterChangeAsync();
        using (var failing = new HttpClient(new FailingAfter(40) { InnerHandler = site.Handler() }) { BaseAddress = site.Client.BaseAddress })
        {
            try
            {
                await StaticExport.ExportAsync(failing, Folder);
            }
            catch (HttpRequestException e)
            {
                Failure = e;
            }
        }
        AfterFailure = Files(Folder);

        // The same change, moved in and stopped after five of its steps: by a crash (the next export undoes it) and by a failure.
        try
        {
            await StaticExport.ExportAsync(site.Client, Folder, null, 0, new FolderUpdate.Interruption(5, Crash: true));
        }
        catch (FolderUpdate.SimulatedCrash)
        {
            AfterCrash = Files(Folder);
            BesideAfterCrash = Beside;
        }
        StaticExport.Recover(Folder);
        AfterRecovery = Files(Folder);
        try
        {
            await StaticExport.ExportAsync(site.Client, Folder, null, 0, new FolderUpdate.Interruption(5, Crash: false));
        }
        catch (IOException e)
        {
            UpdateFailure = e;
        }
        AfterUpdateFailure = Files(Folder);

        Changed = await StaticExport.ExportAsync(site.Client, Folder);
        if (Changed.BrokenLinks.Count > 0) throw new InvalidOperationException(string.Join("\n", Changed.BrokenLinks));
        AfterChanged = Files(Folder);

        // Its publication moved a month on: until then the year is not public.
        Publication.Set(site.Database, new FinancialYear(2019), SiteHost.PublishedAt.AddDays(30));
        site.Clock.Now += TimeSpan.FromMinutes(1);
        await StaticExport.ExportAsync(site.Client, Folder);
        AfterWithdrawn = Files(Folder);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_parent, recursive: true);
        return Task.CompletedTask;
    }

    private static Dictionary<string, Kept> Files(string folder)
    {
        var start = new ProcessStartInfo("find") { RedirectStandardOutput = true };
        foreach (var a in new[] { folder, "-type", "f", "-printf", "%P\t%i\t%T@\n" }) start.ArgumentList.Add(a);
        using var find = Process.Start(start)!;
        var lines = find.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        find.WaitForExit();
        return lines.Select(l => l.Split('\t')).ToDictionary(f => f[0], f => new Kept(f[1], f[2], File.ReadAllBytes(Path.Combine(folder, f[0]))), StringComparer.Ordinal);
    }

    /// <summary>A site that answers the first <paramref name="answers"/> requests and then fails, as a dying database would.</summary>
    private sealed class FailingAfter(int answers) : DelegatingHandler
    {
        private int _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _count) > answers ? throw new HttpRequestException("the site stopped answering") : base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// Exporting into an existing export: a file whose bytes are unchanged stays the same file (inode and modification time),
/// a changed one is written anew, anything no longer published is removed, and a failure leaves the old export as it was.
/// </summary>
public sealed class StaticExportUpdateTests(ExportedAgainAndAgain exports) : IClassFixture<ExportedAgainAndAgain>
{
    [Fact]
    public void Exported_again_with_nothing_changed_every_file_stays_the_same_file()
    {
        var (before, after) = (exports.AfterFirst, exports.AfterUnchanged);

        Assert.Empty(exports.First.BrokenLinks);
        Assert.Equal(0, exports.First.Unchanged);
        Assert.Equal((exports.Unchanged.Files, exports.Unchanged.Files), (exports.Unchanged.Unchanged, after.Count));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(after, f => Assert.Equal((before[f.Key].Inode, before[f.Key].Modified), (f.Value.Inode, f.Value.Modified)));
    }

    [Fact]
    public void A_changed_figure_rewrites_exactly_the_files_whose_bytes_it_changes()
    {
        var (before, after) = (exports.AfterFailure, exports.AfterChanged);

        var changed = after.Where(f => before.TryGetValue(f.Key, out var old) && !old.Bytes.AsSpan().SequenceEqual(f.Value.Bytes)).Select(f => f.Key).ToHashSet();
        var rewritten = after.Where(f => before.TryGetValue(f.Key, out var old) && old.Inode != f.Value.Inode).Select(f => f.Key).ToHashSet();
        var added = after.Keys.Except(before.Keys).ToList();
        Assert.Equal(changed.Order(StringComparer.Ordinal), rewritten.Order(StringComparer.Ordinal));
        Assert.Contains(changed, f => f.Contains("E06000017", StringComparison.Ordinal));
        // Another council's decision pages and the styles show nothing of it: kept, with their modification times.
        Assert.Contains(before.Keys, f => f.StartsWith("decisions/", StringComparison.Ordinal) && !changed.Contains(f));
        Assert.DoesNotContain("css/upheld.css", changed);
        Assert.All(after.Keys.Except(changed).Intersect(before.Keys), f => Assert.Equal(before[f].Modified, after[f].Modified));
        Assert.Equal(after.Count - changed.Count - added.Count, exports.Changed.Unchanged);
    }

    [Fact]
    public void A_year_no_longer_published_leaves_none_of_its_files()
    {
        Assert.Contains(exports.AfterChanged.Keys, f => f.Contains("2019-20", StringComparison.Ordinal));

        var files = exports.AfterWithdrawn.Keys;

        Assert.Contains("index.html", files);
        Assert.DoesNotContain(files, f => f.Contains("2019-20", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("decisions/19 ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_update_stopped_halfway_by_a_crash_is_undone_by_the_next_export_and_one_stopped_by_a_failure_at_once()
    {
        var before = exports.AfterUnchanged;

        // The crash left a mixture, and the journal beside it.
        Assert.NotEqual(Summary(before), Summary(exports.AfterCrash));
        Assert.Contains(exports.BesideAfterCrash, e => e.StartsWith("site.partial-", StringComparison.Ordinal));
        foreach (var after in new[] { exports.AfterRecovery, exports.AfterUpdateFailure })
        {
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
            Assert.All(after, f => Assert.Equal((before[f.Key].Inode, before[f.Key].Modified), (f.Value.Inode, f.Value.Modified)));
            Assert.All(after, f => Assert.Equal(before[f.Key].Bytes, f.Value.Bytes));
        }
        Assert.NotNull(exports.UpdateFailure);
        Assert.Equal(["site"], exports.Beside);
    }

    private static string Summary(Dictionary<string, ExportedAgainAndAgain.Kept> files) =>
        string.Join('\n', files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value.Inode} {f.Value.Modified}"));

    [Fact]
    public void A_failure_halfway_leaves_the_previous_export_exactly_as_it_was()
    {
        var (before, after) = (exports.AfterUnchanged, exports.AfterFailure);

        Assert.NotNull(exports.Failure);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(after, f => Assert.Equal((before[f.Key].Inode, before[f.Key].Modified), (f.Value.Inode, f.Value.Modified)));
        Assert.All(after, f => Assert.Equal(before[f.Key].Bytes, f.Value.Bytes));
        // Nothing left beside it: the partial copy went with the failure.
        Assert.Equal(["site"], exports.Beside);
    }
}
