namespace MiaRepro.Testing.Baselines;

/// <summary>The outcome of checking a snapshot against its baseline: whether it matches, and the differences in words.</summary>
public sealed record BaselineCheck(bool Matches, IReadOnlyList<string> Differences, string VerifiedPath, string? ReceivedPath)
{
    public string Message => Matches
        ? $"matches {VerifiedPath}"
        : $"{ReceivedPath} differs from {VerifiedPath}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Differences) +
          $"{Environment.NewLine}If the change is intended, accept it: scripts/accept-baselines.sh (renames *.received.json to *.verified.json), " +
          $"or run the tests with {BaselineFolder.AcceptVariable}=1.";
}
