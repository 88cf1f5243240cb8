// Two namespaces for FloorTests: Low uses High only inside a lambda, a use no signature shows.
namespace MiaRepro.Tests.Layering.Fixture.High
{
    public static class HighType
    {
        public static int Value() => 1;
    }
}

namespace MiaRepro.Tests.Layering.Fixture.Low
{
    public static class LowType
    {
        public static Func<int> Deferred() => () => High.HighType.Value();
    }
}
