using System.Reflection;
using FluentAssertions;
using MiaRepro.Testing.Baselines;

namespace MiaRepro.Experiments;

/// <summary>Verify's dangling check: every committed baseline is named by a test that still exists.</summary>
public sealed class BaselineHygiene
{
    private static readonly string[] s_devices = ["cpu-portable", "cpu-native", "cuda"];

    [Fact]
    public void No_verified_baseline_is_dangling()
    {
        // Given every "{Class}.{Method}" of this assembly's tests
        var tests = typeof(BaselineHygiene).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToList();
        var root = Path.Combine(SmokeReproduction.RepositoryRoot(), "baselines");

        // When each device's folder is searched for verified files no test names
        var dangling = s_devices.SelectMany(d => new BaselineFolder(root, d).Dangling(tests)).ToList();

        // Then there are none
        dangling.Should().BeEmpty("a baseline whose test was renamed or removed must be deleted or renamed with it");
    }
}
