using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Upheld.Storage;
using Upheld.Web.Api;
using Upheld.Web.CaseMix;
using Upheld.Web.ComplaintHandling;
using Upheld.Web.Compare;
using Upheld.Web.Councils;
using Upheld.Web.Decisions;
using Upheld.Web.Hosting;
using Upheld.Web.Letters;
using Upheld.Web.Map;
using Upheld.Web.Pages;
using Upheld.Web.Releases;
using Upheld.Web.Staff;

namespace Upheld.Web;

/// <summary>The public site, <em>Your council's performance</em>: server-rendered pages that work without JavaScript.</summary>
public static class Site
{
    /// <summary>Builds the site over <paramref name="database"/>; <paramref name="configure"/> lets tests swap the server or the clock.</summary>
    /// <param name="forExport">
    /// Built for one static export, which asks for every page once: no page is prepared (kept and compressed for the next
    /// visitor, who never comes), and the figures and letters are computed once and kept for the export's whole run rather
    /// than <see cref="SiteData.Freshness"/>, so the pages of one export are made from one reading of them. Its answers carry no
    /// ETag (a static copy keeps no header).
    /// </param>
    public static WebApplication Build(Database database, string[]? args = null, TimeProvider? clock = null, Action<WebApplicationBuilder>? configure = null, bool forExport = false,
        string? previousExport = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
        // The framework's start-up chatter (data-protection keys, hosting) is not news to someone serving the site.
        builder.Logging.AddFilter("Microsoft", Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", Microsoft.Extensions.Logging.LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", Microsoft.Extensions.Logging.LogLevel.Critical); // start-up failures are reported by the caller
        builder.Services.AddRazorComponents();
        builder.Services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            // The server relative to the document, not the address it was fetched from: a static copy is served elsewhere.
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = "/" }];
                return Task.CompletedTask;
            });
        });
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        TimeSpan? keptFor = forExport ? TimeSpan.MaxValue : null;
        builder.Services.AddSingleton(services => new SiteData(database, services.GetRequiredService<TimeProvider>(), keptFor, forExport, previousExport));
        builder.Services.AddSingleton(services => new SiteLetters(database, services.GetRequiredService<TimeProvider>(), keptFor));
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("image/svg+xml");
        });
        // Public answers are the same for every visitor: rendered once per change to the data or scheduled moment and
        // served from those bytes, compressed once (PreparedPages).
        builder.Services.AddSingleton<PreparedPages>();
        builder.Services.AddStaff();
        builder.Services.AddSingleton<SiteRefresh>();
        builder.WebHost.ConfigureKestrel(RequestLimits.Configure);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(RequestLimits.Configure);
        // One key ring in the database for every instance, so sign-in made on one is honoured by the others.
        builder.Services.AddDataProtection().SetApplicationName("Upheld");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<Database, TimeProvider>((options, db, time) =>
            options.XmlRepository = new DatabaseKeyRepository(db, time));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Use(SecurityHeaders.Apply);
        app.Use(DatabaseOutage.Handler(app.Logger));
        app.Use(RequestLimits.Apply);
        // Public answers come from prepared bytes, compressed when they were prepared; staff answers are personal and never do.
        var prepared = app.Services.GetRequiredService<PreparedPages>();
        if (!forExport) app.UseWhen(context => !StaffSetup.IsStaffPath(context), site => site.Use(prepared.Serve));
        // Staff pages carry secret form tokens beside text the visitor typed, so they are sent uncompressed (BREACH).
        app.UseWhen(context => !StaffSetup.IsStaffPath(context), site => site.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(Site).Assembly, "Upheld.Web.wwwroot"),
            // Styles change only with a new build, so browsers may keep them for a day.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        // Public answers are the same for everyone and may be cached; staff answers are personal and never are. A static copy keeps
        // no header, and its crawl never asks again: tagging each of its 40,000 answers would hash and copy every body for nothing.
        if (!forExport) app.UseWhen(context => !StaffSetup.IsStaffPath(context), site => site.Use(EntityTags.Apply));
        app.UseWhen(StaffSetup.IsStaffPath, staff =>
        {
            staff.UseForwardedHeaders();
            staff.Use(StaffSetup.NoStore);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMaps();
        app.MapMapDownload();
        app.MapCouncils();
        app.MapCompare();
        app.MapDecisions();
        app.MapInformation();
        app.MapLetters();
        app.MapOpenData();
        app.MapDownloads();
        app.MapTableDownloads();
        app.MapCouncilData();
        app.MapComplaintHandling();
        app.MapVersions();
        app.MapCaseMix();
        app.MapNationalTrends();
        app.MapReleases();
        app.MapStaff();
        app.MapOpenApi("/openapi/{documentName}.json");
        // A plain RequestDelegate: the compile-time route generator maps a lambda fallback twice (an ambiguous match).
        app.MapFallback((RequestDelegate)(context => Answers.NotFound().ExecuteAsync(context)));
        return app;
    }
}
