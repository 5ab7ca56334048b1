namespace AssetLoan.Tests.Support;

/// <summary>The app on a real Kestrel port without a browser: for HTTP walks over <see cref="SitePages"/>.</summary>
public sealed class KestrelApp : IAsyncLifetime
{
    public AppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.StartOnKestrel();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
