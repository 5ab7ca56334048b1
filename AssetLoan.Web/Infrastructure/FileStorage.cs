namespace AssetLoan.Web.Infrastructure;

/// <summary>Uploaded files (photos, scanned paper approvals, signatures) under one folder, named by the app, never by the user.</summary>
public sealed class FileStorage(string root)
{
    public string Root { get; } = root;

    public async Task<string> SaveAsync(string folder, string extension, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var dir = Path.Combine(Root, folder);
        Directory.CreateDirectory(dir);
        var name = $"{Guid.NewGuid():N}{extension.ToLowerInvariant()}";
        await using var file = File.Create(Path.Combine(dir, name));
        await content.CopyToAsync(file, ct);
        return $"{folder}/{name}";
    }

    /// <summary>The full path of a stored file, or null when the relative path tries to leave the folder.</summary>
    public string? PathOf(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }
}
