using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>Turns the device setting (auto, cpu or cuda) into a torch device: cuda when asked for (or auto) and available.</summary>
public static class DeviceSelector
{
    public static IReadOnlyList<string> Names { get; } = ["auto", "cpu", "cuda"];

    public static Device Resolve(string name) => name switch
    {
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InputException(new SettingProblem(
            Setting.Device, "cuda",
            "was asked for but CUDA is not available. Build with -p:TorchBackend=cuda on a machine " +
            "with an NVIDIA GPU and driver, or use the cpu device.")),
        "auto" => cuda.is_available() ? CUDA : CPU,
        _ => throw new InputException(new SettingProblem(Setting.Device, null, $"unknown device '{name}'. Valid devices: {string.Join(", ", Names)}.")),
    };
}
