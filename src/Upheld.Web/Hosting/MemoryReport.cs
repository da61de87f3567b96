using System.Globalization;

namespace Upheld.Web.Hosting;

/// <summary>With UPHELD_MEMORY_REPORT=SECONDS, <c>upheld serve</c> prints its managed heap every so often on standard
/// output, for <c>upheld bench soak</c> to show whether memory stays flat under load.</summary>
public static class MemoryReport
{
    public const string Variable = "UPHELD_MEMORY_REPORT";
    public const string Prefix = "memory:";

    public static Timer? StartIfAsked()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(Variable), CultureInfo.InvariantCulture, out var seconds) || seconds <= 0) return null;
        return new Timer(_ =>
        {
            var info = GC.GetGCMemoryInfo();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix} heap_mb={info.HeapSizeBytes / 1048576.0:F1} committed_mb={info.TotalCommittedBytes / 1048576.0:F1} gen2={GC.CollectionCount(2)}"));
        }, null, TimeSpan.Zero, TimeSpan.FromSeconds(seconds));
    }
}
