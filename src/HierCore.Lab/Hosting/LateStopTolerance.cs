namespace HierCore.Lab.Hosting;

/// <summary>
/// Wraps the queue's hosted service so that a stop cut short by the host's shutdown timeout ends the process normally.
/// Hangfire's service throws OperationCanceledException when the host's deadline passes before its workers have
/// stopped (a job still handing its run back, a slow database under load); the host then fails its StopAsync, and
/// `dotnet run` or `docker stop` ends with an unhandled exception instead of exit code 0. Nothing is lost by going on:
/// a run left in Running is re-queued by the stale-run monitor or the start-up recovery (<see cref="Jobs.RunRequeue"/>).
/// </summary>
public sealed class LateStopTolerance(IHostedService inner, ILogger<LateStopTolerance> log) : IHostedService
{
    public IHostedService Inner => inner;

    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try { await inner.StopAsync(cancellationToken); }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("The queue's workers had not stopped when the shutdown timeout ended; a run they still held is re-queued " +
                           "when a worker next checks for stale runs.");
        }
    }

    /// <summary>Wraps every hosted service registered by <paramref name="register"/> (e.g. AddHangfireServer).</summary>
    public static void Wrap(IServiceCollection services, Action<IServiceCollection> register)
    {
        var before = services.ToHashSet();
        register(services);
        foreach (var added in services.Where(d => d.ServiceType == typeof(IHostedService) && !before.Contains(d)).ToList())
        {
            services.Remove(added);
            services.AddSingleton<IHostedService>(sp => new LateStopTolerance(Create(sp, added), sp.GetRequiredService<ILogger<LateStopTolerance>>()));
        }
    }

    static IHostedService Create(IServiceProvider sp, ServiceDescriptor d) => (IHostedService)(
        d.ImplementationInstance
        ?? d.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType ?? throw new InvalidOperationException($"Hosted service {d} has no implementation.")));
}
