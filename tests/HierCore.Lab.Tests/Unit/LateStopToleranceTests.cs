using HierCore.Lab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HierCore.Lab.Tests.Unit;

/// <summary>A queue stop cut short by the host's deadline is a warning, never a crash; any other failure still surfaces.</summary>
public class LateStopToleranceTests
{
    sealed class StopsSlowly(Exception? failure = null) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (failure is not null) throw failure;
            await Task.Delay(Timeout.Infinite, cancellationToken); // like Hangfire waiting for its workers
        }
    }

    [Fact]
    public async Task A_stop_past_the_shutdown_deadline_ends_quietly()
    {
        var service = new LateStopTolerance(new StopsSlowly(), NullLogger<LateStopTolerance>.Instance);
        using var deadline = new CancellationTokenSource();
        var stop = service.StopAsync(deadline.Token);
        deadline.Cancel();
        await stop; // without the wrapper: TaskCanceledException
    }

    [Fact]
    public async Task Other_failures_and_cancellations_before_the_deadline_are_not_hidden()
    {
        var failing = new LateStopTolerance(new StopsSlowly(new InvalidOperationException("broken")), NullLogger<LateStopTolerance>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.StopAsync(CancellationToken.None));
        var cancelledInside = new LateStopTolerance(new StopsSlowly(new OperationCanceledException()), NullLogger<LateStopTolerance>.Instance);
        await Assert.ThrowsAsync<OperationCanceledException>(() => cancelledInside.StopAsync(CancellationToken.None));
    }

    [Fact]
    public void Wrap_replaces_exactly_the_hosted_services_the_registration_added()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IHostedService>(new StopsSlowly());                        // registered before: untouched
        LateStopTolerance.Wrap(services, s => s.AddTransient<IHostedService>(_ => new StopsSlowly()));
        using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.Equal(2, hosted.Count);
        Assert.IsType<StopsSlowly>(hosted[0]);
        Assert.IsType<StopsSlowly>(Assert.IsType<LateStopTolerance>(hosted[1]).Inner);
    }
}
