using Microsoft.AspNetCore.Components;

namespace HierCore.Lab.Components.Shared;

/// <summary>Puts view state in the URL (replace, no history spam) so a link reproduces the view.</summary>
public static class UrlState
{
    public static void Update(NavigationManager nav, IReadOnlyDictionary<string, object?> values) =>
        nav.NavigateTo(nav.GetUriWithQueryParameters(values), replace: true);
}
