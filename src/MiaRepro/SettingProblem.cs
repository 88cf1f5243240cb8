namespace MiaRepro;

/// <summary>
/// One thing wrong with a setting, found before anything expensive runs (as BenchmarkDotNet's <c>ValidationError</c>):
/// the setting by its library name (<see cref="Setting"/>), the value it had (null when it has none to show), and
/// the problem with its fix, in words that name no command-line flag. The command line maps each setting to its
/// flag in one place; a library user reads <see cref="ToString"/>.
/// </summary>
public sealed record SettingProblem(string Setting, string? Value, string Message)
{
    public override string ToString() => Value is null ? $"{Setting}: {Message}" : $"{Setting} {Value}: {Message}";
}
