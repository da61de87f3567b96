namespace Upheld.Documents;

/// <summary>The Chromium a run of e-mails prints its letters with: started when first needed, and started afresh once if it fails.</summary>
/// <remarks>
/// A browser that fails to start or dies while printing, as one can on a machine short of processor time, would otherwise
/// fail every later letter of the run, since the failed start is kept. It is started again once per run; a browser that
/// fails after that is not started a third time, so a missing or broken Chromium fails the run's letters at once rather
/// than making each of them wait for a start of its own.
/// </remarks>
internal sealed class LetterPrinter(Func<Task<LetterPdf>> start) : IAsyncDisposable
{
    private Task<LetterPdf>? _browser;
    private bool _startedAgain;

    public async Task<byte[]> PrintAsync(string html)
    {
        try
        {
            return await (await (_browser ??= Started())).PrintAsync(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException && !_startedAgain)
        {
            _startedAgain = true;
            await StopAsync();
            return await (await (_browser = Started())).PrintAsync(html);
        }
    }

    // A start that throws at once is kept as a failed start, like one that fails later.
    private Task<LetterPdf> Started()
    {
        try
        {
            return start();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromException<LetterPdf>(e);
        }
    }

    private async Task StopAsync()
    {
        if (_browser is { IsCompletedSuccessfully: true } started)
        {
            try
            {
                await started.Result.DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The browser had failed; it is being replaced, and its failure is what the letter's first try met.
            }
        }
        _browser = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
