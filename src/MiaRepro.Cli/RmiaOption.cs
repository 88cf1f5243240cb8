using System.Globalization;
using MiaRepro.Attacks;

namespace MiaRepro.Cli;

/// <summary><c>--rmia KEY=VALUE,…</c>: the settings of the RMIA paper's attacks (<see cref="RmiaSettings"/>), by the names results.json records.</summary>
public static class RmiaOption
{
    public const string Help =
        "settings of rmia-online-authors and rmia-offline-authors, KEY=VALUE separated by commas: gamma (default 2), temperature (2), " +
        "margin (0.6), taylor-order (4), trim (0.2, the fraction cut from each end of the references), offline-a (0.3); default: the RMIA paper's";

    /// <exception cref="InputException">A key is unknown, a value is not a number, or the settings are out of range.</exception>
    public static RmiaSettings Parse(string? text)
    {
        var settings = RmiaSettings.Authors;
        if (string.IsNullOrWhiteSpace(text))
        {
            return settings;
        }

        var valid = string.Join(", ", settings.ByName.Keys);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InputException($"--rmia '{pair}': write KEY=VALUE with a number, e.g. gamma=1; keys: {valid}.");
            }

            settings = parts[0] switch
            {
                "gamma" => settings with { Gamma = value },
                "temperature" => settings with { Temperature = value },
                "margin" => settings with { Margin = value },
                "taylor-order" when value == Math.Floor(value) && value is >= 2 and <= 64 => settings with { TaylorOrder = (int)value },
                "taylor-order" => throw new InputException($"--rmia taylor-order={parts[1]}: use a whole number from 2 to 64."),
                "trim" => settings with { TrimFraction = value },
                "offline-a" => settings with { OfflineA = value },
                _ => throw new InputException($"--rmia: unknown setting '{parts[0]}'; valid settings are {valid}."),
            };
        }

        return settings.Invalid() is { } why ? throw new InputException($"--rmia '{text}': {why}.") : settings;
    }
}
