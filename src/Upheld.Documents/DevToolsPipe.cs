using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipes;
using System.Text.Json;

namespace Upheld.Documents;

/// <summary>One headless Chromium driven over its DevTools pipe: commands out on its file descriptor 3, answers and events back on 4.</summary>
/// <remarks>
/// The pipe, not a debugging port, so that no other local user can reach the browser. Messages are JSON, each ended by a
/// zero byte. A command that gets no answer within <see cref="Patience"/> fails, and so does every command still waiting
/// when the browser exits, naming the last lines it wrote to its standard error.
/// </remarks>
internal sealed class DevToolsPipe : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly AnonymousPipeServerStream _commands;
    private readonly AnonymousPipeServerStream _answers;
    private readonly string _profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _waiting = new();
    private readonly ConcurrentDictionary<string, Action<string>> _events = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writing = new(1);
    private readonly Queue<string> _lastErrors = new();
    private readonly Task _reading;
    private int _nextId;
    private volatile string? _closed;

    private DevToolsPipe(Process process, AnonymousPipeServerStream commands, AnonymousPipeServerStream answers, string profile)
    {
        _process = process;
        _commands = commands;
        _answers = answers;
        _profile = profile;
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (_lastErrors)
            {
                _lastErrors.Enqueue(line.Data);
                if (_lastErrors.Count > 10) _lastErrors.Dequeue();
            }
        };
        _process.BeginErrorReadLine();
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Starts Chromium with its own temporary profile, the DevTools pipe and <paramref name="arguments"/>.</summary>
    public static DevToolsPipe Start(string executable, IEnumerable<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("upheld-chromium-").FullName;
        var commands = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.Inheritable);
        var answers = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
        // Chromium reads the pipe on descriptors 3 and 4 only; bash (dash takes descriptors up to 9 only) puts the inherited pipe ends there and becomes Chromium.
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec \"$0\" \"$@\" 3<&{commands.GetClientHandleAsString()} 4>&{answers.GetClientHandleAsString()}");
        start.ArgumentList.Add(executable);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--remote-debugging-pipe");
        start.ArgumentList.Add($"--user-data-dir={profile}");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch
        {
            commands.Dispose();
            answers.Dispose();
            Directory.Delete(profile, recursive: true);
            throw;
        }
        // Only Chromium may hold the far ends, so that its exit closes the pipe.
        commands.DisposeLocalCopyOfClientHandle();
        answers.DisposeLocalCopyOfClientHandle();
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        return new DevToolsPipe(process, commands, answers, profile);
    }

    /// <summary>Sends a command, to the browser or to an attached page's <paramref name="session"/>, and waits for its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? session = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = answer;
        if (_closed is { } why) answer.TrySetException(new IOException(why));
        var message = new MemoryStream();
        using (var json = new Utf8JsonWriter(message))
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("method", method);
            if (session is not null) json.WriteString("sessionId", session);
            json.WritePropertyName("params");
            JsonSerializer.Serialize(json, parameters ?? new Dictionary<string, object>());
            json.WriteEndObject();
        }
        message.WriteByte(0);
        await _writing.WaitAsync();
        try
        {
            await _commands.WriteAsync(message.GetBuffer().AsMemory(0, (int)message.Length));
            await _commands.FlushAsync();
        }
        catch (IOException e)
        {
            _waiting.TryRemove(id, out _);
            throw new IOException($"Chromium is no longer listening ({e.Message}){Errors()}", e);
        }
        finally
        {
            _writing.Release();
        }
        try
        {
            return await answer.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            _waiting.TryRemove(id, out _);
            throw new TimeoutException($"Chromium did not answer {method} within {Patience.TotalSeconds:N0} s{Errors()}");
        }
    }

    /// <summary>Whether the browser has gone away (exited or crashed): every command to it fails.</summary>
    public bool Closed => _closed is not null || _process.HasExited;

    /// <summary>Completes when the browser has gone away and every command still waiting has failed.</summary>
    public Task Gone => _reading;

    /// <summary>Ends the browser at once, as a crash would.</summary>
    internal void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Calls <paramref name="handler"/> with the name of each event the page of <paramref name="session"/> sends.</summary>
    public void OnEvents(string session, Action<string> handler) => _events[session] = handler;

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var read = await _answers.ReadAsync(buffer);
                if (read == 0) break;
                var chunk = buffer.AsSpan(0, read);
                int end;
                while ((end = chunk.IndexOf((byte)0)) >= 0)
                {
                    message.Write(chunk[..end]);
                    Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
                    message.SetLength(0);
                    chunk = chunk[(end + 1)..];
                }
                message.Write(chunk);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The browser went away; every waiting command fails below.
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _closed = $"Chromium exited{(_process.HasExited ? $" with code {_process.ExitCode}" : "")}{Errors()}";
        foreach (var id in _waiting.Keys)
            if (_waiting.TryRemove(id, out var waiting)) waiting.TrySetException(new IOException(_closed));
    }

    private void Dispatch(ReadOnlyMemory<byte> text)
    {
        using var message = JsonDocument.Parse(text);
        var root = message.RootElement;
        if (root.TryGetProperty("id", out var id))
        {
            if (!_waiting.TryRemove(id.GetInt32(), out var answer)) return;
            if (root.TryGetProperty("error", out var error))
                answer.TrySetException(new InvalidOperationException($"Chromium refused the command: {error.GetProperty("message").GetString()}"));
            else answer.TrySetResult(root.GetProperty("result").Clone());
        }
        else if (root.TryGetProperty("sessionId", out var session) && _events.TryGetValue(session.GetString()!, out var handler))
        {
            handler(root.GetProperty("method").GetString()!);
        }
    }

    private string Errors()
    {
        lock (_lastErrors) return _lastErrors.Count == 0 ? "" : $": {string.Join(" | ", _lastErrors)}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
            {
                // Closed already, or not answering: it is killed below.
            }
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) _process.Kill(entireProcessTree: true);
        }
        _commands.Dispose();
        await _reading.ContinueWith(_ => { });
        _answers.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A helper process may still be writing into the profile as it exits; the temporary folder is the system's to clear.
        }
    }
}
