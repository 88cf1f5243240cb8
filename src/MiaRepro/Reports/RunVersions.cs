using System.Runtime.InteropServices;

namespace MiaRepro.Reports;

/// <summary>The versions a run's numbers came from, as <c>results.json</c> and <c>report.md</c> record them.</summary>
public sealed record RunVersions(string? MiaRepro, string? TorchSharp, string DotNet, string Os)
{
    public static RunVersions Current { get; } = new(
        typeof(RunVersions).Assembly.GetName().Version?.ToString(),
        typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(),
        Environment.Version.ToString(),
        RuntimeInformation.OSDescription);
}
