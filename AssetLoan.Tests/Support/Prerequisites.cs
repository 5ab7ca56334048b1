namespace AssetLoan.Tests.Support;

/// <summary>
/// Browser and PostgreSQL tests find what they need themselves. Outside CI a missing prerequisite skips the test with
/// a message that says what to install; in CI (CI=true) it fails, because a skipped browser test there is a failure.
/// </summary>
public static class Prerequisites
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Chromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
        var found = candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
        return found ?? Missing("Chromium was not found. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.");
    }

    public static string PostgresConnectionString()
    {
        var cs = Environment.GetEnvironmentVariable("ASSETLOAN_TEST_POSTGRES");
        return string.IsNullOrWhiteSpace(cs)
            ? Missing("No PostgreSQL server: set ASSETLOAN_TEST_POSTGRES to a connection string (.ci/run starts a local cluster and sets it).")
            : cs;
    }

    public static string PdfToPpm()
    {
        const string path = "/usr/bin/pdftoppm";
        return File.Exists(path) ? path : Missing("pdftoppm was not found. Install Debian's package poppler-utils.");
    }

    private static string Missing(string message)
    {
        if (InCi)
        {
            Assert.Fail($"Missing prerequisite in CI: {message}");
        }

        Assert.Skip(message);
        return "";
    }
}
