using System.Collections.Concurrent;
using FluentAssertions;
using MiaRepro.Populations;

namespace MiaRepro.Tests.Populations;

public sealed class ForEachModelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(3, 8)]
    public void Every_model_runs_once_on_at_most_workers_threads_of_its_own(int models, int workers)
    {
        var runs = new ConcurrentBag<(int Model, int Thread, bool Pool)>();

        PopulationTrainer.ForEachModel(models, workers, i =>
        {
            runs.Add((i, Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
            Thread.Sleep(5);
        });

        runs.Select(r => r.Model).Order().Should().Equal(Enumerable.Range(0, models));
        runs.Select(r => r.Thread).Distinct().Count().Should().BeLessThanOrEqualTo(Math.Min(models, workers));
        runs.Should().OnlyContain(r => !r.Pool, "the thread pool's threads keep their malloc arenas after the population");
    }

    [Fact]
    public void A_failing_model_surfaces_its_own_exception_and_no_new_model_starts_after_it()
    {
        var started = new ConcurrentBag<int>();

        var train = () => PopulationTrainer.ForEachModel(50, 2, i =>
        {
            started.Add(i);
            if (i == 3)
            {
                throw new InputException("model 3 cannot be read");
            }

            Thread.Sleep(2);
        });

        train.Should().Throw<InputException>().WithMessage("model 3 cannot be read");
        started.Should().HaveCountLessThan(50);
    }
}
