using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using AssetLoan.Web.Data;

namespace AssetLoan.Web.Infrastructure.Line;

/// <summary>
/// One LINE push message (Messaging API: <c>POST {base}/v2/bot/message/push</c>, bearer channel token, JSON
/// <c>{"to": userId, "messages": [{"type": "text", "text": …}]}</c>). Each outbox row sends with the same
/// <c>X-Line-Retry-Key</c>, so a retry after a lost response is not delivered twice (LINE answers 409, taken as sent).
/// </summary>
public sealed class LinePush(IHttpClientFactory clients, LineSecrets secrets)
{
    public const string HttpClientName = "line";

    /// <summary>LINE's limit for one text message.</summary>
    public const int MaxText = 5000;

    public async Task SendAsync(Settings settings, NotificationMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(message);
        var token = secrets.Unprotect(settings.LineChannelTokenProtected) ?? throw new LineDeliveryException("LINE is off: no channel token is set.");
        var to = message.ToAddress ?? throw new LineDeliveryException("The message has no LINE user id.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.LineApiBaseUrl.TrimEnd('/') + "/"), "v2/bot/message/push"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Line-Retry-Key", RetryKey(message.Id).ToString());
        request.Content = JsonContent.Create(new PushBody(to, [new TextMessage("text", Text(message))]));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(ct);
        throw new LineDeliveryException($"{(int)response.StatusCode} {(detail.Length > 500 ? detail[..500] : detail)}", IsPermanent(response.StatusCode));
    }

    /// <summary>4xx means LINE will refuse the same request again, except a timeout (408) and too many requests (429).</summary>
    public static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    /// <summary>
    /// A reply to a message the person just sent (the webhook's reply token, valid about a minute): best effort, outside
    /// the outbox, because it only confirms what the person did a moment ago; false when LINE did not take it.
    /// </summary>
    public async Task<bool> ReplyAsync(Settings settings, string replyToken, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (secrets.Unprotect(settings.LineChannelTokenProtected) is not { } token)
        {
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.LineApiBaseUrl.TrimEnd('/') + "/"), "v2/bot/message/reply"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = JsonContent.Create(new ReplyBody(replyToken, [new TextMessage("text", text)]));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>The subject as the first line, then the same body as the e-mail.</summary>
    public static string Text(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = $"{message.Subject}\n\n{message.Body}";
        return text.Length > MaxText ? text[..MaxText] : text;
    }

    /// <summary>A UUID fixed by the outbox row, so every attempt of one message carries the same key.</summary>
    public static Guid RetryKey(long id)
    {
        var bytes = SHA256.HashData(Encoding.ASCII.GetBytes($"assetloan-notification-{id}"))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private sealed record PushBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("to")] string To,
        [property: System.Text.Json.Serialization.JsonPropertyName("messages")] IReadOnlyList<TextMessage> Messages);

    private sealed record ReplyBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("replyToken")] string ReplyToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("messages")] IReadOnlyList<TextMessage> Messages);

    private sealed record TextMessage(
        [property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text);
}

/// <summary>
/// LINE refused or could not take a message. The outbox keeps it and tries again later, unless LINE said it never will
/// (<see cref="Permanent"/>: a 4xx other than 408 and 429, e.g. the person blocked the Official Account or the id is wrong).
/// </summary>
public sealed class LineDeliveryException : Exception
{
    public LineDeliveryException()
    {
    }

    public LineDeliveryException(string message)
        : base(message)
    {
    }

    public LineDeliveryException(string message, bool permanent)
        : base(message) => Permanent = permanent;

    /// <summary>Trying again will not help: the dispatcher gives the message up and sends it by e-mail where it can.</summary>
    public bool Permanent { get; }

    public LineDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
