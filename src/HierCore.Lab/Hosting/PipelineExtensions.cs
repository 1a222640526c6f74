namespace HierCore.Lab.Hosting;

public static class PipelineExtensions
{
    public static WebApplication UseLabPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStaticFiles(); // the repository's wwwroot/ (css, icons), outside the project's static web assets
        app.UseAntiforgery();
        return app;
    }
}
