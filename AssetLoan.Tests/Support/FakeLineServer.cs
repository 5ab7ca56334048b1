using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetLoan.Tests.Support;

/// <summary>
/// A stand-in for the LINE Messaging API on 127.0.0.1 (a port of its own): it accepts only <c>POST /v2/bot/message/push</c>
/// with the expected bearer token and a JSON body of the documented shape, keeps what it accepted, and answers 500 to the
/// next <see cref="FailNext"/> requests when asked to.
/// </summary>
public sealed class FakeLineServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failNext;

    private FakeLineServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string Token { get; private init; } = "";

    /// <summary>Pushes accepted (and answered 200).</summary>
    public ConcurrentQueue<Push> Received { get; } = new();

    /// <summary>Replies accepted (reply token, text).</summary>
    public ConcurrentQueue<(string ReplyToken, string Text)> Replies { get; } = new();

    /// <summary>Every request that reached the server, accepted or not.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>LINE user ids that LINE refuses for good, with the status it answers (400 for an id the channel does not know).</summary>
    public ConcurrentDictionary<string, int> Refused { get; } = new();

    public static async Task<FakeLineServer> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeLineServer(app) { Token = token };
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue($"{http.Request.Method} {http.Request.Path}");
        if (http.Request.Method == "POST" && http.Request.Path == "/v2/bot/message/reply" && http.Request.Headers.Authorization.ToString() == $"Bearer {Token}")
        {
            using var reply = JsonDocument.Parse(body);
            Replies.Enqueue((reply.RootElement.GetProperty("replyToken").GetString()!, reply.RootElement.GetProperty("messages")[0].GetProperty("text").GetString()!));
            await http.Response.WriteAsync("{}");
            return;
        }

        if (http.Request.Method != "POST" || http.Request.Path != "/v2/bot/message/push")
        {
            http.Response.StatusCode = 404;
            return;
        }

        if (http.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            http.Response.StatusCode = 401;
            return;
        }

        if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.Ordinal))
        {
            http.Response.StatusCode = 415;
            return;
        }

        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            http.Response.StatusCode = 500;
            await http.Response.WriteAsync("{\"message\":\"fake failure\"}");
            return;
        }

        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var messages = root.GetProperty("messages");
        if (messages.GetArrayLength() != 1 || messages[0].GetProperty("type").GetString() != "text")
        {
            http.Response.StatusCode = 400;
            return;
        }

        if (Refused.TryGetValue(root.GetProperty("to").GetString()!, out var refusal))
        {
            http.Response.StatusCode = refusal;
            await http.Response.WriteAsync("{\"message\":\"The property, 'to', in the request body is invalid (line: -, column: -)\"}");
            return;
        }

        Received.Enqueue(new Push(root.GetProperty("to").GetString()!, messages[0].GetProperty("text").GetString()!, http.Request.Headers["X-Line-Retry-Key"].ToString()));
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync("{}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Push(string To, string Text, string RetryKey);
}
