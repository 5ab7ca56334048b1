namespace AssetLoan.Tests.Web.Architecture;

/// <summary>The checked-out source, found above the test binaries.</summary>
internal static class SourceTree
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssetLoan.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AssetLoan.sln not found above the test binaries.");
    }
}
