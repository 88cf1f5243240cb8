namespace MiaRepro.Data;

/// <summary>
/// Loads a dataset by name. The folder is, in order of precedence: the data folder setting, the
/// <c>MIAREPRO_DATA</c> environment variable, the dataset's default location (Fashion-MNIST:
/// <c>/usr/share/datasets/fashion-mnist</c>, where the Debian package <c>dataset-fashion-mnist</c> installs it;
/// MNIST: <c>/usr/share/datasets/mnist</c>; CIFAR has none).
/// </summary>
public static class DatasetLoader
{
    /// <summary>The environment variable naming the data folder when the setting is not given.</summary>
    public const string EnvironmentVariable = "MIAREPRO_DATA";

    private const string IdxFiles =
        "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz " +
        "(gzip-compressed or raw)";

    private const string FashionPackage = "dataset-fashion-mnist";

    private static readonly Entry[] _entries =
    [
        new(
            "fashion-mnist",
            "Fashion-MNIST",
            "/usr/share/datasets/fashion-mnist",
            $"Install it with `sudo apt-get install {FashionPackage}`, or name a data folder (or set {EnvironmentVariable}) " +
            $"holding {IdxFiles}.",
            $"Re-install it with `sudo apt-get install --reinstall {FashionPackage}`, or name a data folder (or set " +
            $"{EnvironmentVariable}) holding intact copies of {IdxFiles}.",
            (name, folder, remedy) => IdxReader.ReadDataset(name, folder, remedy))
        {
            ClassNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        },
        new(
            "mnist",
            "MNIST",
            "/usr/share/datasets/mnist",
            $"Name a data folder (or set {EnvironmentVariable}) holding MNIST's {IdxFiles}.",
            $"Replace it with an intact copy, or name a data folder (or set {EnvironmentVariable}) holding " +
            $"intact copies of MNIST's {IdxFiles}.",
            (name, folder, remedy) => IdxReader.ReadDataset(name, folder, remedy)),
        new(
            "cifar10",
            "CIFAR-10",
            null,
            CifarReader.LayoutHint(cifar100: false),
            CifarReader.LayoutHint(cifar100: false),
            (_, folder, _) => CifarReader.ReadCifar10(folder))
        {
            ClassNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
        },
        new(
            "cifar100",
            "CIFAR-100",
            null,
            CifarReader.LayoutHint(cifar100: true),
            CifarReader.LayoutHint(cifar100: true),
            (_, folder, _) => CifarReader.ReadCifar100(folder)),
        new(
            Npy,
            "A NumPy dataset",
            null,
            $"Name its folder (or set {EnvironmentVariable}): it holds {ArrayDatasetReader.Layout}.",
            $"Rewrite the file named: the folder holds {ArrayDatasetReader.Layout}.",
            (name, folder, _) => ArrayDatasetReader.Read(name, folder)),
        new(
            ImageFolder,
            "An image-folder dataset",
            null,
            $"Name its folder (or set {EnvironmentVariable}): it holds {ImageFolderReader.Layout}.",
            $"Fix the file named: the folder holds {ImageFolderReader.Layout}.",
            (name, folder, _) => ImageFolderReader.Read(name, folder)),
    ];

    /// <summary>A dataset of one's own as NumPy arrays (<see cref="ArrayDatasetReader"/>).</summary>
    public const string Npy = "npy";

    /// <summary>A dataset of one's own as image files, one subfolder per class (<see cref="ImageFolderReader"/>).</summary>
    public const string ImageFolder = "image-folder";

    /// <summary>The dataset names <see cref="Load(string, string?)"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. _entries.Select(e => e.Name)];

    /// <summary>
    /// Loads <paramref name="name"/> from <paramref name="dataDir"/> (the data folder setting; null when not
    /// given), else from <c>MIAREPRO_DATA</c>, else from the dataset's default location.
    /// </summary>
    /// <exception cref="InputException">Unknown name, missing folder or files, or corrupt files.</exception>
    public static Dataset Load(string name, string? dataDir) =>
        Load(name, dataDir, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>
    /// As <see cref="Load(string, string?)"/>, with the value of <c>MIAREPRO_DATA</c> passed in rather than read
    /// from the process environment.
    /// </summary>
    public static Dataset Load(string name, string? dataDir, string? environmentDataDir)
    {
        var entry = Find(name);
        if (FolderProblem(entry.Name, dataDir, environmentDataDir) is { } problem)
        {
            throw new InputException(problem);
        }

        var directory = ResolveDirectory(entry.Name, dataDir, environmentDataDir);
        try
        {
            var dataset = entry.Read(entry.Name, directory.Path, entry.CorruptRemedy);
            return entry.ClassNames is { } names ? dataset.WithClassNames(names) : dataset;
        }
        catch (InputException e) when (e.Problems.Count == 0)
        {
            // A file of the folder is missing or corrupt: the message names it; the problem is the data folder's.
            throw new InputException(new SettingProblem(Setting.DataDir, directory.Path, e.Message), e);
        }
    }

    /// <summary>
    /// What is wrong with the data folder of <paramref name="name"/>, checked before anything runs: none given for a
    /// dataset without a default, a file, or a folder that does not exist; null when it can be read (or the name is
    /// unknown, a problem of its own). Whether its files are intact is known only once they are read.
    /// </summary>
    public static SettingProblem? FolderProblem(string name, string? dataDir, string? environmentDataDir)
    {
        var entry = _entries.FirstOrDefault(e => string.Equals(e.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(dataDir) && string.IsNullOrWhiteSpace(environmentDataDir) && entry.DefaultDirectory is null)
        {
            return new SettingProblem(
                Setting.DataDir, null, $"{entry.DisplayName} has no default location and {EnvironmentVariable} is not set. " + entry.NotFoundRemedy);
        }

        var directory = ResolveDirectory(entry.Name, dataDir, environmentDataDir);
        return File.Exists(directory.Path)
            ? new SettingProblem(Setting.DataDir, directory.Path, $"is a file, not a folder ({directory.Describe()}). {entry.NotFoundRemedy}")
            : !Directory.Exists(directory.Path)
                ? new SettingProblem(
                    Setting.DataDir, directory.Path,
                    $"{entry.DisplayName} not found: the folder does not exist ({directory.Describe()}). {entry.NotFoundRemedy}")
                : null;
    }

    /// <summary>As <see cref="FolderProblem(string, string?, string?)"/>, with <c>MIAREPRO_DATA</c> read from the process environment.</summary>
    public static SettingProblem? FolderProblem(string name, string? dataDir) =>
        FolderProblem(name, dataDir, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>
    /// The folder <paramref name="name"/> is read from and which setting chose it: <paramref name="dataDir"/> when
    /// given, else <paramref name="environmentDataDir"/> when set, else the dataset's default location. Blank values
    /// count as not given.
    /// </summary>
    /// <exception cref="InputException">Unknown name, or no folder given for a dataset without a default.</exception>
    public static DataDirectory ResolveDirectory(string name, string? dataDir, string? environmentDataDir)
    {
        var entry = Find(name);
        if (!string.IsNullOrWhiteSpace(dataDir))
        {
            return new DataDirectory(dataDir, DataDirectoryOrigin.Option);
        }

        if (!string.IsNullOrWhiteSpace(environmentDataDir))
        {
            return new DataDirectory(environmentDataDir, DataDirectoryOrigin.Environment);
        }

        return entry.DefaultDirectory is { } folder
            ? new DataDirectory(folder, DataDirectoryOrigin.Default)
            : throw new InputException(new SettingProblem(
                Setting.DataDir, null, $"{entry.DisplayName} has no default location and {EnvironmentVariable} is not set. " + entry.NotFoundRemedy));
    }

    /// <summary>The default folder of <paramref name="name"/>, or null when it has none (CIFAR).</summary>
    public static string? DefaultDirectory(string name) => Find(name).DefaultDirectory;

    private static Entry Find(string name) =>
        _entries.FirstOrDefault(e => string.Equals(e.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException(new SettingProblem(
            Setting.Dataset, null, $"unknown dataset '{name}'. Valid datasets: {string.Join(", ", _entries.Select(e => e.Name))}."));

    private sealed record Entry(
        string Name,
        string DisplayName,
        string? DefaultDirectory,
        string NotFoundRemedy,
        string CorruptRemedy,
        Func<string, string, string, Dataset> Read)
    {
        /// <summary>The dataset's class names, when its files do not hold them (the published datasets' documented order).</summary>
        public IReadOnlyList<string>? ClassNames { get; init; }
    }
}
