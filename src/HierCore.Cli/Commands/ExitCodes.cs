using Spectre.Console;

namespace HierCore.Cli.Commands;

/// <summary>0 success, 1 unexpected failure, 2 invalid input (bad option, bad data, not-applicable pair).</summary>
public static class ExitCodes
{
    public static int Invalid(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }
}
