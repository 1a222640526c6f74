using MudBlazor;

namespace HierCore.Lab.Components.Layout;

public static class LabTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#c2571a",
            AppbarBackground = "#17324d",
            Background = "#f6f7f9",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "210px" },
    };
}
