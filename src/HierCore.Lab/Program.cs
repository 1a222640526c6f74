using HierCore.Engine.Backbones;
using HierCore.Lab.Hosting;

// libgomp reads its wait policy once, when libtorch loads: set it before anything touches TorchSharp.
OpenMpWaitPolicy.PreferPassive();

if (args is ["hash-password", ..])
{
    // For Auth:Users in configuration: prints a salted PBKDF2 hash of the password typed (or piped) in.
    Console.Error.Write("Password: ");
    Console.WriteLine(PasswordHash.Create(Console.ReadLine() ?? ""));
    return;
}
var root = RepositoryRoot.Find(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args, ContentRootPath = root, WebRootPath = Path.Combine(root, "wwwroot"),
});
// Serves _content/* (MudBlazor, Plotly.Blazor) from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
builder.AddLabServices();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseLabPipeline();
app.MapLab();
app.Run();

public partial class Program;
