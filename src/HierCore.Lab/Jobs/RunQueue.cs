using Hangfire;
using Hangfire.States;
using HierCore.Lab.Data;

namespace HierCore.Lab.Jobs;

/// <summary>Puts one Hangfire job per run attempt on the "experiments" queue.</summary>
public sealed class RunQueue(IBackgroundJobClient jobs)
{
    public const string QueueName = "experiments";

    public string Enqueue(RunId id, int attempt) =>
        jobs.Create<RunJob>(j => j.ExecuteAsync(id.Value, attempt, CancellationToken.None), new EnqueuedState(QueueName));

    public void Forget(string? jobId)
    {
        if (jobId is not null) jobs.Delete(jobId);
    }
}
