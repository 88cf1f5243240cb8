using MiaRepro.IO;

namespace MiaRepro.Testing.Baselines;

/// <summary>
/// The baselines of one device, with Verify's conventions: <c>{root}/{device}/{Class}.{Method}.verified.json</c> is
/// committed; a mismatch writes <c>.received.json</c> beside it (gitignored) and fails with the differences; accepting
/// renames received to verified (<c>scripts/accept-baselines.sh</c>, or <see cref="AcceptVariable"/>=1 while testing).
/// A verified file that no test names any more is dangling and fails the check of <see cref="Dangling"/>. Numbers are
/// compared by the folder's <see cref="BaselineRule"/>: exactly (the default) or within measured tolerances.
/// </summary>
public sealed class BaselineFolder(string root, string device, BaselineRule? rule = null)
{
    /// <summary>Set to 1 to accept every received snapshot as the new baseline while the tests run.</summary>
    public const string AcceptVariable = "MIAREPRO_ACCEPT_BASELINES";

    public const string VerifiedSuffix = ".verified.json";

    public const string ReceivedSuffix = ".received.json";

    public string Folder { get; } = Path.Combine(root, device);

    public BaselineRule Rule { get; } = rule ?? BaselineRule.Exact;

    /// <summary>
    /// The folder name of a run's baselines: <c>cpu-portable</c> or <c>cpu-native</c> on CPU (by its CPU kernels), the
    /// device's name elsewhere (<c>cuda</c>).
    /// </summary>
    public static string DeviceFolder(string device, string cpuKernels) => device == "cpu" ? $"cpu-{cpuKernels}" : device;

    /// <summary>Whether the environment asks to accept received snapshots.</summary>
    public static bool AcceptFromEnvironment => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>
    /// Compares <paramref name="received"/> with the verified baseline <paramref name="name"/> (e.g. "C3_CombinedTechniques.Key_numbers")
    /// by <see cref="Rule"/>. On a mismatch or a missing baseline writes the received file; with <paramref name="accept"/>
    /// writes it as the verified one instead and matches.
    /// </summary>
    public BaselineCheck Check(string name, Snapshot received, bool accept = false)
    {
        var verifiedPath = Path.Combine(Folder, name + VerifiedSuffix);
        var receivedPath = Path.Combine(Folder, name + ReceivedSuffix);
        var differences = File.Exists(verifiedPath)
            ? Compare(Snapshot.FromJson(File.ReadAllText(verifiedPath), verifiedPath), received, Rule, name)
            : [$"no verified baseline yet ({verifiedPath})"];
        if (differences.Count == 0 || accept)
        {
            if (differences.Count > 0)
            {
                AtomicFile.WriteAllText(verifiedPath, received.ToJson());
            }

            File.Delete(receivedPath);
            return new BaselineCheck(true, [], verifiedPath, null);
        }

        AtomicFile.WriteAllText(receivedPath, received.ToJson());
        return new BaselineCheck(false, differences, verifiedPath, receivedPath);
    }

    /// <summary>
    /// The differences of <paramref name="received"/> from <paramref name="verified"/> (baseline <paramref name="name"/>) by
    /// <paramref name="rule"/> (default exact), one line each; empty when they match.
    /// </summary>
    public static IReadOnlyList<string> Compare(Snapshot verified, Snapshot received, BaselineRule? rule = null, string name = "")
    {
        rule ??= BaselineRule.Exact;
        var differences = new List<string>();
        foreach (var key in verified.Texts.Keys.Union(received.Texts.Keys).Order(StringComparer.Ordinal).Where(_ => rule.CompareTexts))
        {
            var (v, r) = (verified.Texts.GetValueOrDefault(key), received.Texts.GetValueOrDefault(key));
            if (v != r)
            {
                differences.Add($"{key}: verified {v ?? "(absent)"}, received {r ?? "(absent)"}");
            }
        }

        foreach (var key in verified.Numbers.Keys.Union(received.Numbers.Keys).Order(StringComparer.Ordinal))
        {
            var inVerified = verified.Numbers.TryGetValue(key, out var v);
            var inReceived = received.Numbers.TryGetValue(key, out var r);
            var tolerance = rule.ToleranceOf(name, key);
            var matches = inVerified && inReceived && (v, r) switch
            {
                (null, null) => true,
                ({ } a, { } b) => a.Equals(b) || tolerance?.Allows(a, b) == true,
                _ => false,
            };
            if (!matches)
            {
                var allowed = tolerance?.ToString() ?? $"none measured for this number: {rule.Name}";
                differences.Add($"{key}: verified {Text(inVerified, v)}, received {Text(inReceived, r)} (tolerance {allowed})");
            }
        }

        return differences;
    }

    /// <summary>The verified files of this device whose name is not among <paramref name="names"/>: baselines no test checks.</summary>
    public IReadOnlyList<string> Dangling(IEnumerable<string> names)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var known = names.ToHashSet(StringComparer.Ordinal);
        return [.. Directory.EnumerateFiles(Folder, "*" + VerifiedSuffix)
            .Where(f => !known.Contains(Path.GetFileName(f)[..^VerifiedSuffix.Length]))
            .Order(StringComparer.Ordinal)];
    }

    private static string Text(bool present, double? value) =>
        !present ? "(absent)" : value is { } v ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "null";
}
