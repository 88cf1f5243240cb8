namespace MiaRepro;

/// <summary>
/// Bad input the run cannot go on with: an unreadable, missing or corrupt file (the message names it and the fix),
/// or a setting that proves bad only when it is used (<see cref="Problems"/>: the data folder holds no dataset, the
/// device is absent, the output folder cannot be written). The command line maps it to exit code 2. Settings that
/// can be checked beforehand are, by validators that return <see cref="SettingProblem"/>s.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string message, Exception? inner = null)
        : base(message, inner) => Problems = [];

    public InputException(SettingProblem problem, Exception? inner = null)
        : this([problem], inner)
    {
    }

    public InputException(IReadOnlyList<SettingProblem> problems, Exception? inner = null)
        : base(string.Join(Environment.NewLine, problems), inner) => Problems = problems;

    /// <summary>The settings at fault, each with its problem; empty when the input at fault is a file.</summary>
    public IReadOnlyList<SettingProblem> Problems { get; }
}
