using MiaRepro.Data;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Seeds;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Runs;

/// <summary>
/// What every run trains on, drawn from the master seed: torch's thread count and device, the dataset, the
/// split (population, validation, test) and the balanced keep matrix, with the data held on the device.
/// </summary>
public sealed class RunData : IDisposable
{
    private RunData(CpuKernelSelection kernels, Device device, int workers, Dataset dataset, DataSplit split, long splitSeed, long keepSeed, bool[] keep, TrainingData data)
    {
        Split = split;
        Kernels = kernels;
        Device = device;
        Workers = workers;
        Dataset = dataset;
        SplitSeed = splitSeed;
        KeepSeed = keepSeed;
        Keep = keep;
        Data = data;
    }

    /// <summary>The CPU kernels of this process (fixed by the first run's <see cref="Prepare"/>).</summary>
    public CpuKernelSelection Kernels { get; }

    public Device Device { get; }

    /// <summary>
    /// Models to train at once: on CPU, one per thread asked for, each model on one torch thread (a small model
    /// cannot keep two cores busy, two models can; and the results then do not depend on the thread count); on a
    /// GPU, one, with torch's CPU threads as asked.
    /// </summary>
    public int Workers { get; }

    public Dataset Dataset { get; }

    /// <summary>The indices of the population, validation and test examples in <see cref="Dataset"/>'s splits.</summary>
    public DataSplit Split { get; }

    /// <summary>The population's images, in population order (what an audit shows of the examples that leak).</summary>
    public ImageSet PopulationImages()
    {
        var train = Dataset.Train;
        var size = train.PixelsPerImage;
        var pixels = new byte[(long)Split.Population.Count * size];
        for (var i = 0; i < Split.Population.Count; i++)
        {
            Array.Copy(train.Pixels, (long)Split.Population[i] * size, pixels, (long)i * size, size);
        }

        return new ImageSet(pixels, [.. Split.Population.Select(i => train.Labels[i])], train.Channels, train.Height, train.Width, train.Classes)
        {
            ClassNames = train.ClassNames,
        };
    }

    public long SplitSeed { get; }

    public long KeepSeed { get; }

    /// <summary>[models, population] in C order.</summary>
    public bool[] Keep { get; }

    public TrainingData Data { get; }

    /// <param name="cpuKernels">The CPU kernels (<see cref="CpuKernels"/>), fixed before anything else touches torch.</param>
    public static RunData Prepare(
        ScaleProfile scale, string dataset, string? dataDir, string device, int threads, int models, long seed, string cpuKernels)
    {
        var kernels = CpuKernels.Use(cpuKernels);
        var torchDevice = DeviceSelector.Resolve(device);
        var onCpu = torchDevice.type == TorchSharp.DeviceType.CPU;
        set_num_threads(onCpu ? 1 : threads);
        var loaded = DatasetLoader.Load(dataset, dataDir);
        if (scale.PoolSplits)
        {
            loaded = loaded.Pooled();
        }

        var splitSeed = SeedSequence.Derive(seed, "split");
        var keepSeed = SeedSequence.Derive(seed, "keep");
        var split = DataSplit.Draw(
            loaded.Train.Count, loaded.Test.Count, scale.Population, scale.Validation,
            scale.PoolSplits ? scale.Test : Math.Min(scale.Test, loaded.Test.Count), splitSeed, scale.PoolSplits);
        var keep = KeepMatrix.Balanced(models, scale.Population, keepSeed);
        var data = TrainingData.Create(loaded, split.Population, split.Validation, split.Test, torchDevice);
        return new RunData(kernels, torchDevice, onCpu ? threads : 1, loaded, split, splitSeed, keepSeed, keep, data);
    }

    public void Dispose() => Data.Dispose();
}
