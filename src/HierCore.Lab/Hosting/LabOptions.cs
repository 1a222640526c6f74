using HierCore.Engine.Contracts;

namespace HierCore.Lab.Hosting;

/// <summary>Section "Lab" of appsettings.json. Relative paths are relative to the repository root.</summary>
public sealed class LabOptions
{
    public string DataDirectory { get; set; } = "data";
    /// <summary>Folders the UI may browse for datasets (nothing outside them); the first holds generated datasets.</summary>
    public List<string> DatasetRoots { get; set; } = [];
    public bool GenerateDemoDataset { get; set; } = true;
    /// <summary>Byte budget of data/features (0: no limit); least-recently-used settings partitions go first, never one in use.</summary>
    public long FeatureCacheMaxBytes { get; set; }
    /// <summary>Byte budget of data/banks, the on-disk bank store (0: no limit); evicted like the feature cache.</summary>
    public long BankStoreMaxBytes { get; set; }
    /// <summary>How often the budgets are enforced in the background (also at start-up and on "Evict now").</summary>
    public double EvictionIntervalMinutes { get; set; } = 10;
    /// <summary>Images one request may score on the run page or POST /api/runs/{id}/predict.</summary>
    public int PredictMaxFiles { get; set; } = 8;
    /// <summary>Largest uploaded image file, in bytes.</summary>
    public long PredictMaxFileBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>POST /api/runs/{id}/predict calls per user (or client address) per minute; more get 429 with Retry-After.</summary>
    public int PredictRequestsPerMinute { get; set; } = 20;
}

/// <summary>Section "Database": provider sqlite (default) or postgres.</summary>
public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "sqlite";
    /// <summary>Empty: data/hiercore.db for SQLite.</summary>
    public string ConnectionString { get; set; } = "";
}

/// <summary>Section "Hangfire": storage sqlite (default, data/hangfire.db) or postgres.</summary>
public sealed class HangfireStorageOptions
{
    public string Storage { get; set; } = "sqlite";
    public string ConnectionString { get; set; } = "";
    /// <summary>How often an idle worker looks for new jobs.</summary>
    public double QueuePollSeconds { get; set; } = 1;
}

/// <summary>Section "Worker".</summary>
public sealed class WorkerOptions
{
    public int Concurrency { get; set; } = 1;
    public string Device { get; set; } = RunSpecDefaults.Device;
    public string Name { get; set; } = "";
    public double HeartbeatSeconds { get; set; } = 2;
    /// <summary>A running run whose heartbeat is older than this lost its worker and is re-queued.</summary>
    public double StaleAfterSeconds { get; set; } = 30;
    public double StaleCheckSeconds { get; set; } = 15;
    /// <summary>Executions a run may take (first try + automatic re-queues after a lost worker).</summary>
    public int MaxAttempts { get; set; } = 3;
    /// <summary>SIGTERM to exit: the host's shutdown timeout (docker stop waits 10 s before SIGKILL).</summary>
    public double ShutdownSeconds { get; set; } = 8;
    /// <summary>At shutdown, how long a cancelled engine computation may take to notice before the process goes on exiting.</summary>
    public double EngineStopSeconds { get; set; } = 2;

    public string WorkerName => string.IsNullOrWhiteSpace(Name) ? $"{Environment.MachineName}:{Environment.ProcessId}" : Name;
}

/// <summary>Which roles this process plays (config key "Roles": web, worker or both).</summary>
public sealed record LabRoles(bool Web, bool Worker)
{
    public static LabRoles Parse(string? text) => (text ?? "both").Trim().ToLowerInvariant() switch
    {
        "" or "both" or "web,worker" or "worker,web" => new(true, true),
        "web" => new(true, false),
        "worker" => new(false, true),
        var other => throw new InvalidOperationException($"Roles must be web, worker or both (got '{other}').")
    };
}
