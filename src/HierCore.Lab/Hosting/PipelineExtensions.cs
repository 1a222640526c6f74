using HierCore.Lab.Api;
using HierCore.Lab.Components;

namespace HierCore.Lab.Hosting;

public static class PipelineExtensions
{
    public static WebApplication UseLabPipeline(this WebApplication app)
    {
        NetworkExposure.RefuseAnonymousNetwork(app);
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStaticFiles(); // the repository's wwwroot/ (css, icons), outside the project's static web assets
        app.UseLabAuth();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The dashboard and API in the web role; a worker-only process answers /health only.</summary>
    public static WebApplication MapLab(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<LabRoles>().Web)
        {
            app.MapGet("/health", () => Results.Ok(new { status = "ok", role = "worker" }));
            return app;
        }
        app.MapLabAuth();
        app.MapLabApi();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
