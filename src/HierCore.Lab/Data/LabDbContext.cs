using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Data;

/// <summary>The Lab database: the source of truth for sweeps, runs and their results (Hangfire only carries the work).</summary>
public sealed class LabDbContext(DbContextOptions<LabDbContext> options) : DbContext(options)
{
    public DbSet<Sweep> Sweeps => Set<Sweep>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<Artifact> Artifacts => Set<Artifact>();
    public DbSet<ArtifactBlob> ArtifactBlobs => Set<ArtifactBlob>();
    public DbSet<RunLogLine> RunLog => Set<RunLogLine>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<RunId>().HaveConversion<RunIdConverter>();
        builder.Properties<SweepId>().HaveConversion<SweepIdConverter>();
        builder.Properties<RunStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<ArtifactKind>().HaveConversion<string>().HaveMaxLength(16);
        // Every time is stored as UTC; SQLite forgets the kind, so it is restored on read (the API then writes "Z").
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Sweep>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.CreatedAt);
            e.Property(s => s.Tags).HasMaxLength(TagList.MaxStoredLength);
            e.Property(s => s.Note).HasMaxLength(TagList.MaxNoteLength);
            e.HasMany(s => s.Runs).WithOne(r => r.Sweep).HasForeignKey(r => r.SweepId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Run>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.Status);
            e.Property(r => r.Tags).HasMaxLength(TagList.MaxStoredLength);
            e.Property(r => r.Note).HasMaxLength(TagList.MaxNoteLength);
            e.HasIndex(r => new { r.SweepId, r.Method, r.Scenario });
            e.HasMany(r => r.Artifacts).WithOne().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Log).WithOne().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RunLogLine>(e => e.HasIndex(l => new { l.RunId, l.Id }));
        model.Entity<Artifact>(e =>
        {
            e.HasIndex(a => a.RelativePath); // the /artifacts/ URL finds its row
            e.HasOne(a => a.Blob).WithOne().HasForeignKey<ArtifactBlob>(b => b.ArtifactId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ArtifactBlob>(e => e.HasKey(b => b.ArtifactId));
    }

    // Unspecified is taken as UTC on write too: PostgreSQL's timestamptz (Npgsql) refuses a DateTime of unknown kind.
    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        d => d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc),
        d => DateTime.SpecifyKind(d, DateTimeKind.Utc));
    private sealed class RunIdConverter() : ValueConverter<RunId, Guid>(id => id.Value, g => new RunId(g));
    private sealed class SweepIdConverter() : ValueConverter<SweepId, Guid>(id => id.Value, g => new SweepId(g));
}
