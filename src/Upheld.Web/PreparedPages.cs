using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Upheld.Storage;
using Upheld.Web.Letters;

namespace Upheld.Web;

/// <summary>
/// Public answers rendered once per change to the data or scheduled moment, kept with their brotli and gzip variants,
/// and served from those bytes (docs/architecture.md, "Prepared pages").
/// </summary>
/// <remarks>
/// <para>An answer is kept under its path and query exactly as written, until one of three things happens:</para>
/// <list type="bullet">
/// <item>the <see cref="DataVersion"/> in the database moves on: every change to data advances it, in whichever server
/// process made it. Each process reads it at most once every <see cref="VersionCheck"/> (one request reads it, the
/// others that arrive meanwhile use that reading), so a change made by another process shows within that bound; a
/// change made from this process's staff area shows at the next request (<see cref="Forget"/>);</item>
/// <item>a scheduled moment passes (<see cref="SiteData.NextScheduledChange"/>: a publication time, a version's time),
/// checked against the clock at every request, so a year appears at its publication time exactly, on every process;</item>
/// <item><see cref="SiteData.Freshness"/> passes, as the figures behind it would expire: a write made outside the
/// engine's use cases (by hand in the database) still shows.</item>
/// </list>
/// <para>
/// Only public GET answers of a route are prepared (never the staff area, which includes link officers', never an answer
/// that sets a cookie), and only a 200 answer is kept; the first request to find an answer missing or out of date renders
/// it and every request that arrives meanwhile waits for that one rendering. Only published years reach an answer,
/// because the rendering asks <see cref="SiteData"/>, which holds only published years, at the moment of rendering, and
/// the answer is not kept past the next publication time.
/// </para>
/// </remarks>
public sealed class PreparedPages(Database database, TimeProvider clock, SiteData data, SiteLetters letters)
{
    /// <summary>How long a reading of the data version serves: the bound on how late another process's change may show.</summary>
    public static readonly TimeSpan VersionCheck = TimeSpan.FromSeconds(1);

    /// <summary>The largest answer kept; a larger one is rendered for each request.</summary>
    public const int LargestPage = 8 * 1024 * 1024;

    /// <summary>The bytes kept in all, every variant counted (the output cache this replaced kept as much); past it the answers least recently asked for are dropped.</summary>
    public const long Budget = 100L * 1024 * 1024;

    // What the site sends compressed today (ResponseCompression's defaults and SVG, Site.cs); others are kept as they are.
    private static readonly string[] Compressible =
        [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "image/svg+xml"];

    // Headers the server or the request decides, never kept with an answer.
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.TransferEncoding, HeaderNames.Date,
        HeaderNames.Server, HeaderNames.Vary, HeaderNames.Connection,
    };

    private volatile Generation _generation = new(Unknown);
    private volatile VersionReading? _reading;
    private const long Unknown = -1;

    /// <summary>One prepared answer: its headers and body, and the body compressed.</summary>
    internal sealed class Page(DateTimeOffset validUntil, KeyValuePair<string, StringValues>[] headers, string? entityTag, byte[] identity, byte[]? brotli, byte[]? gzip)
    {
        public DateTimeOffset ValidUntil { get; } = validUntil;
        public KeyValuePair<string, StringValues>[] Headers { get; } = headers;
        public string? EntityTag { get; } = entityTag;
        public byte[] Identity { get; } = identity;
        public byte[]? Brotli { get; } = brotli;
        public byte[]? Gzip { get; } = gzip;
        public long Bytes => Identity.Length + (Brotli?.Length ?? 0) + (Gzip?.Length ?? 0);
        public long LastUsed;
    }

    // A rendering under way or done; its page is null when the answer was not one to keep.
    private sealed class Slot(Task<Page?> page)
    {
        public Task<Page?> Page { get; } = page;
    }

    // Every answer prepared at one data version; a new version starts an empty generation.
    private sealed class Generation(long version)
    {
        public long Version { get; } = version;
        public ConcurrentDictionary<string, Slot> Slots { get; } = new(StringComparer.Ordinal);
        public long Bytes;
    }

    private sealed record VersionReading(DateTimeOffset At, Lazy<long> Version);

    /// <summary>Drops every prepared answer and the version last read, after a change made in this process.</summary>
    public void Forget()
    {
        _reading = null;
        _generation = new Generation(Unknown);
    }

    private long _renderings;

    /// <summary>How many renderings were made to prepare a page since the site started (for tests).</summary>
    internal long Renderings => Interlocked.Read(ref _renderings);

    /// <summary>How many answers are kept now, and their bytes (for tests).</summary>
    internal (int Answers, long Bytes) Kept => (_generation.Slots.Count, Interlocked.Read(ref _generation.Bytes));

    /// <summary>The middleware: answers a public GET from prepared bytes, preparing them first when they are missing or out of date.</summary>
    public async Task Serve(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if ((!isGet && !HttpMethods.IsHead(request.Method)) || context.GetEndpoint() is null || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            await next();
            return;
        }
        var now = clock.GetUtcNow();
        var generation = Current(now);
        var key = request.QueryString.HasValue ? request.Path.Value + request.QueryString.Value : request.Path.Value ?? "";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (!generation.Slots.TryGetValue(key, out var slot))
            {
                if (!isGet) break; // a HEAD is answered from a kept page, but never renders one
                var rendering = new TaskCompletionSource<Page?>(TaskCreationOptions.RunContinuationsAsynchronously);
                var mine = new Slot(rendering.Task);
                if (!generation.Slots.TryAdd(key, mine)) continue;
                await Render(context, next, generation, key, mine, rendering);
                return;
            }
            Page? page;
            try
            {
                page = await slot.Page;
            }
            catch
            {
                // The rendering failed for the request that made it (a database outage): try again for this one.
                generation.Slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
                continue;
            }
            if (page is null) break;
            if (now < page.ValidUntil)
            {
                Volatile.Write(ref page.LastUsed, now.UtcTicks);
                await Write(context, page);
                return;
            }
            if (generation.Slots.TryRemove(new KeyValuePair<string, Slot>(key, slot))) Interlocked.Add(ref generation.Bytes, -page.Bytes);
        }
        await next();
    }

    // The prepared answers of the data version as it stands, within VersionCheck; a new version forgets the figures too.
    private Generation Current(DateTimeOffset now)
    {
        var version = ReadVersion(now);
        var generation = _generation;
        if (generation.Version == version) return generation;
        // The figures behind the pages go first, so no page of the new generation is rendered from figures kept before it.
        data.Forget();
        letters.Forget();
        var fresh = new Generation(version);
        return Interlocked.CompareExchange(ref _generation, fresh, generation) == generation ? fresh : _generation;
    }

    private long ReadVersion(DateTimeOffset now)
    {
        while (true)
        {
            var reading = _reading;
            if (reading is null || now - reading.At >= VersionCheck || now < reading.At - VersionCheck)
            {
                var fresh = new VersionReading(now, new Lazy<long>(() => DataVersion.Read(database), LazyThreadSafetyMode.ExecutionAndPublication));
                if (Interlocked.CompareExchange(ref _reading, fresh, reading) != reading) continue;
                reading = fresh;
            }
            try
            {
                return reading.Version.Value;
            }
            catch
            {
                Interlocked.CompareExchange(ref _reading, null, reading);
                throw;
            }
        }
    }

    // Renders the answer through the rest of the pipeline into memory, keeps it when it may be kept, and answers this request.
    private async Task Render(HttpContext context, Func<Task> next, Generation generation, string key, Slot slot, TaskCompletionSource<Page?> rendering)
    {
        Interlocked.Increment(ref _renderings);
        var request = context.Request;
        var response = context.Response;
        // Rendered once for every encoding: the layers below must not compress it for this request's.
        var acceptEncoding = request.Headers.AcceptEncoding;
        request.Headers.Remove(HeaderNames.AcceptEncoding);
        var from = clock.GetUtcNow();
        var validUntil = from + SiteData.Freshness;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            if (data.NextScheduledChange() is { } scheduled && scheduled < validUntil) validUntil = scheduled;
            await next();
        }
        catch (Exception e)
        {
            response.Body = original;
            request.Headers.AcceptEncoding = acceptEncoding;
            rendering.SetException(e);
            generation.Slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
            throw;
        }
        response.Body = original;
        request.Headers.AcceptEncoding = acceptEncoding;

        var page = Keepable(response, buffer) ? Prepare(response, buffer, validUntil) : null;
        rendering.SetResult(page);
        if (page is null)
        {
            generation.Slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
            await WriteUnprepared(context, buffer);
            return;
        }
        Volatile.Write(ref page.LastUsed, from.UtcTicks);
        if (Interlocked.Add(ref generation.Bytes, page.Bytes) > Budget) Trim(generation);
        await Write(context, page);
    }

    private static bool Keepable(HttpResponse response, MemoryStream buffer) =>
        response.StatusCode == StatusCodes.Status200OK && !response.HasStarted && buffer.Length <= LargestPage
        && !response.Headers.ContainsKey(HeaderNames.SetCookie) && !response.Headers.ContainsKey(HeaderNames.ContentEncoding);

    private static Page Prepare(HttpResponse response, MemoryStream buffer, DateTimeOffset validUntil)
    {
        var identity = buffer.ToArray();
        var headers = response.Headers.Where(h => !NotKept.Contains(h.Key)).ToArray();
        var compressible = IsCompressible(response.ContentType);
        return new Page(validUntil, headers, response.Headers.ETag.ToString() is { Length: > 0 } tag ? tag : null, identity,
            compressible ? PreparedBrotli(identity) : null,
            compressible ? Compress(identity, brotli: false, CompressionLevel.Optimal) : null);
    }

    // Drops the answers least recently asked for until a quarter of the budget is free again.
    private static void Trim(Generation generation)
    {
        lock (generation)
        {
            if (Interlocked.Read(ref generation.Bytes) <= Budget) return;
            var kept = generation.Slots
                .Select(s => (s.Key, s.Value, Page: s.Value.Page.IsCompletedSuccessfully ? s.Value.Page.Result : null))
                .Where(s => s.Page is not null)
                .OrderBy(s => Volatile.Read(ref s.Page!.LastUsed))
                .ToList();
            foreach (var (key, slot, page) in kept)
            {
                if (Interlocked.Read(ref generation.Bytes) <= Budget / 4 * 3) break;
                if (generation.Slots.TryRemove(new KeyValuePair<string, Slot>(key, slot))) Interlocked.Add(ref generation.Bytes, -page!.Bytes);
            }
        }
    }

    private static async Task Write(HttpContext context, Page page)
    {
        var response = context.Response;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers) headers[name] = value;
        var (body, encoding) = page.Brotli is null ? (page.Identity, null) : Choose(context.Request.Headers.AcceptEncoding) switch
        {
            "br" => (page.Brotli, "br"),
            "gzip" => (page.Gzip!, "gzip"),
            _ => (page.Identity, (string?)null),
        };
        if (page.Brotli is not null) headers.Vary = HeaderNames.AcceptEncoding;
        if (page.EntityTag is { } tag && EntityTags.Matches(context.Request, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.ContentType = default;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        if (encoding is not null) headers.ContentEncoding = encoding;
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    // An answer not kept (a redirect, a 404, one too large) goes out as the layers below made it, compressed as they would have.
    private static async Task WriteUnprepared(HttpContext context, MemoryStream buffer)
    {
        var response = context.Response;
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (buffer.Length > 0 && !response.HasStarted && !response.Headers.ContainsKey(HeaderNames.ContentEncoding) && IsCompressible(response.ContentType))
        {
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            if (Choose(context.Request.Headers.AcceptEncoding) is { } encoding)
            {
                body = Compress(body.ToArray(), encoding == "br", CompressionLevel.Fastest);
                response.Headers.ContentEncoding = encoding;
            }
        }
        if (!response.HasStarted && response.StatusCode != StatusCodes.Status304NotModified) response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static bool IsCompressible(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var media = contentType.AsSpan();
        if (media.IndexOf(';') is var semicolon and >= 0) media = media[..semicolon];
        media = media.Trim();
        foreach (var type in Compressible)
            if (media.Equals(type, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The encoding to send: brotli when the client takes it, else gzip, else none (null); a quality of 0 refuses one.</summary>
    internal static string? Choose(StringValues acceptEncoding)
    {
        bool brotli = false, gzip = false, any = false;
        foreach (var header in acceptEncoding)
        {
            if (header is null) continue;
            foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var refused = pieces.Skip(1).Any(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(p.AsSpan(2), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) && q <= 0);
                if (refused) continue;
                if (pieces[0].Equals("br", StringComparison.OrdinalIgnoreCase)) brotli = true;
                else if (pieces[0].Equals("gzip", StringComparison.OrdinalIgnoreCase)) gzip = true;
                else if (pieces[0] == "*") any = true;
            }
        }
        return brotli || any ? "br" : gzip ? "gzip" : null;
    }

    // Quality 5 of 11: compressed once per change, so a little more effort than the framework's "optimal" (4) pays; the
    // council page of Worcestershire 2019-20 (73 KB) is 8.5 KB at 5, 9.3 KB at 4, 7.3 KB at 11, which takes fifty times as long.
    private static byte[] PreparedBrotli(byte[] bytes)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        if (!BrotliEncoder.TryCompress(bytes, output, out var written, quality: 5, window: 22)) return Compress(bytes, brotli: true, CompressionLevel.Optimal);
        return output.AsSpan(0, written).ToArray();
    }

    private static byte[] Compress(byte[] bytes, bool brotli, CompressionLevel level)
    {
        using var output = new MemoryStream(bytes.Length / 4 + 64);
        using (Stream compressor = brotli ? new BrotliStream(output, level, leaveOpen: true) : new GZipStream(output, level, leaveOpen: true))
            compressor.Write(bytes);
        return output.ToArray();
    }
}
