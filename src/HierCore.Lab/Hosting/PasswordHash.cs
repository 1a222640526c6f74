using System.Security.Cryptography;

namespace HierCore.Lab.Hosting;

/// <summary>
/// Password hashes for Auth:Users in configuration: "pbkdf2-sha256$iterations$salt$hash" (base64), made with
/// `dotnet run --project src/HierCore.Lab -- hash-password`. No plain passwords live in the config file.
/// </summary>
public static class PasswordHash
{
    private const string Prefix = "pbkdf2-sha256";
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA256 (2023). A hash keeps its own count, so older ones still verify.</summary>
    public const int Iterations = 600_000;

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Prefix}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>False for a wrong password and for a malformed hash (never throws on bad config text).</summary>
    public static bool Verify(string password, string? encoded)
    {
        var parts = (encoded ?? "").Split('$');
        if (parts.Length != 4 || parts[0] != Prefix || !int.TryParse(parts[1], out var iterations) || iterations is < 1000 or > 10_000_000)
            return false;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException) { return false; }
    }
}
