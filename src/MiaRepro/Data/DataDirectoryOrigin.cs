namespace MiaRepro.Data;

/// <summary>Where the folder a dataset is read from came from, in order of precedence.</summary>
public enum DataDirectoryOrigin
{
    /// <summary>The <c>--data-dir</c> option.</summary>
    Option,

    /// <summary>The <c>MIAREPRO_DATA</c> environment variable.</summary>
    Environment,

    /// <summary>The dataset's default location (e.g. where its Debian package installs it).</summary>
    Default,
}
