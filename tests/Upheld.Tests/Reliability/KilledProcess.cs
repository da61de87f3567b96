using System.Diagnostics;

namespace Upheld.Tests.Reliability;

/// <summary>A command-line run that a test kills with SIGKILL at a moment of its choosing, as a power cut or the
/// out-of-memory killer would: no handler runs, nothing is flushed.</summary>
public sealed class KilledProcess : IDisposable
{
    private readonly Process _process;

    private KilledProcess(Process process) => _process = process;

    public static KilledProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Upheld.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new KilledProcess(process);
    }

    /// <summary>Waits until <paramref name="started"/> says the work is under way, then kills the process and its children.</summary>
    /// <returns>False when the process finished before the moment came, so the test proved nothing.</returns>
    public bool KillWhen(Func<bool> started, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!started())
        {
            if (_process.HasExited || clock.Elapsed > within) return false;
            Thread.Sleep(10);
        }
        if (_process.HasExited) return false;
        _process.Kill(entireProcessTree: true); // SIGKILL on Linux
        _process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
