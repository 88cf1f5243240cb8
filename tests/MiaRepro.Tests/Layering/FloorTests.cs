using FluentAssertions;
using MiaRepro.Tests.Layering.Fixture.High;

namespace MiaRepro.Tests.Layering;

/// <summary>
/// The library's namespaces stand on the floors <c>docs/architecture.md</c> draws: a namespace uses only namespaces on
/// lower floors, so data flows one way and no two folders use each other. The floors are read from that page, so the
/// picture and the code cannot drift apart.
/// </summary>
public sealed class FloorTests
{
    private static readonly IReadOnlyDictionary<(string From, string To), string> LibraryUses =
        NamespaceDependencies.Of(typeof(InputException).Assembly, "MiaRepro");

    [Fact]
    public void Every_namespace_of_the_library_is_on_a_floor_of_the_architecture_page()
    {
        // Given
        var floors = ArchitecturePage.Floors();
        var namespaces = typeof(InputException).Assembly.GetTypes()
            .Select(t => t.Namespace).OfType<string>()
            .Where(n => n == "MiaRepro" || n.StartsWith("MiaRepro.", StringComparison.Ordinal))
            .Distinct();

        // Then
        namespaces.Where(n => !floors.ContainsKey(n)).Should().BeEmpty("every namespace is drawn in docs/architecture.md");
        floors.Keys.Should().OnlyContain(n => namespaces.Contains(n), "the page draws no namespace the code lacks");
    }

    [Fact]
    public void No_namespace_uses_one_on_its_own_floor_or_above()
    {
        // Given
        var floors = ArchitecturePage.Floors();

        // When
        var violations = Violations(LibraryUses, floors);

        // Then
        string.Join(Environment.NewLine, violations).Should().BeEmpty("a namespace uses only namespaces on lower floors (docs/architecture.md)");
    }

    [Fact]
    public void A_use_from_a_lower_floor_to_a_higher_one_is_found_even_inside_a_lambda()
    {
        // Given two fixture namespaces where Low uses High only inside a lambda's body
        var uses = NamespaceDependencies.Of(typeof(HighType).Assembly, "MiaRepro.Tests.Layering.Fixture");
        var floors = new Dictionary<string, int>
        {
            ["MiaRepro.Tests.Layering.Fixture.Low"] = 0,
            ["MiaRepro.Tests.Layering.Fixture.High"] = 1,
        };

        // When
        var violations = Violations(uses, floors);

        // Then
        violations.Should().ContainSingle().Which.Should().Contain("Fixture.Low").And.Contain("Fixture.High");
    }

    [Fact]
    public void Swapping_two_floors_of_the_page_is_reported()
    {
        // Given the page's floors with Numerics lifted above Metrics, which uses it
        var floors = ArchitecturePage.Floors().ToDictionary();
        floors["MiaRepro.Numerics"] = floors["MiaRepro.Metrics"] + 1;

        // When
        var violations = Violations(LibraryUses, floors);

        // Then
        violations.Should().Contain(v => v.StartsWith("MiaRepro.Metrics (floor", StringComparison.Ordinal) && v.Contains("MiaRepro.Numerics (floor"));
    }

    private static List<string> Violations(
        IReadOnlyDictionary<(string From, string To), string> uses, IReadOnlyDictionary<string, int> floors) =>
        [.. uses
            .Where(u => floors.TryGetValue(u.Key.From, out var from) && floors.TryGetValue(u.Key.To, out var to) && to >= from)
            .Select(u => $"{u.Key.From} (floor {floors[u.Key.From]}) uses {u.Key.To} (floor {floors[u.Key.To]}): {u.Value}")
            .Order(StringComparer.Ordinal)];
}
