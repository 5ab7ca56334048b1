using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssetLoan.Web.Data;

namespace AssetLoan.Web.Infrastructure.Line;

/// <summary>
/// <c>POST /line/webhook</c>: the LINE platform's calls for the Official Account. Only a body signed with the channel
/// secret (<c>x-line-signature</c> = base64 HMAC-SHA256 of the body) is read; a text message carrying a link code
/// links its sender (<see cref="LineLinking"/>), and the sender gets a reply saying whether it worked (best effort).
/// Every other event is acknowledged and ignored. LINE off (no secret): 404.
/// </summary>
public static class LineWebhook
{
    public const string Path = "/line/webhook";

    private const int MaxBody = 256 * 1024;

    public static WebApplication MapLineWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    public static string Sign(string secret, byte[] body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static async Task<IResult> HandleAsync(HttpContext http, AppDbContext db, LineSecrets secrets, LineLinkThrottle throttle, LinePush line, TimeProvider time, ILoggerFactory logs)
    {
        var ct = http.RequestAborted;
        var settings = await Settings.LoadAsync(db, ct);
        if (secrets.Unprotect(settings.LineChannelSecretProtected) is not { Length: > 0 } secret)
        {
            return Results.NotFound();
        }

        if (http.Request.ContentLength > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        if (body.Length > MaxBody || !SignatureMatches(http.Request.Headers["x-line-signature"].ToString(), secret, body))
        {
            return Results.Unauthorized();
        }

        var log = logs.CreateLogger(typeof(LineWebhook));
        var nowUtc = time.GetUtcNow().UtcDateTime;
        foreach (var (userId, text, replyToken) in TextMessages(body))
        {
            if (throttle.IsThrottled(userId))
            {
                continue;
            }

            var outcome = await LineLinking.RedeemAsync(db, text, userId, nowUtc, ct);
            if (outcome == LinkOutcome.Refused)
            {
                throttle.RecordFailure(userId);
            }

            log.LogInformation("LINE webhook: a text message, {Outcome}", outcome);
            if (outcome != LinkOutcome.NotACode && replyToken is not null)
            {
                await ReplyAsync(line, settings, replyToken, outcome, log, ct);
            }
        }

        return Results.Ok();
    }

    private static async Task ReplyAsync(LinePush line, Settings settings, string replyToken, LinkOutcome outcome, ILogger log, CancellationToken ct)
    {
        var text = outcome == LinkOutcome.Linked
            ? $"เชื่อมต่อ LINE กับระบบยืม–คืนพัสดุของ{settings.MunicipalityName}เรียบร้อยแล้ว ท่านจะได้รับการแจ้งความคืบหน้าของคำขอยืมพัสดุทางช่องทางนี้ เปลี่ยนช่องทางหรือยกเลิกได้ที่หน้าติดตามคำขอ"
            : "รหัสเชื่อมต่อไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ (ใช้ได้ภายใน 30 นาที) กรุณาขอรหัสใหม่ที่หน้าติดตามคำขอ";
        try
        {
            if (!await line.ReplyAsync(settings, replyToken, text, ct))
            {
                log.LogWarning("LINE webhook: the reply was not accepted");
            }
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning(ex, "LINE webhook: the reply could not be sent");
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "LINE webhook: the reply timed out");
        }
    }

    private static bool SignatureMatches(string header, string secret, byte[] body)
    {
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64String(header, given, out var length)
            && CryptographicOperations.FixedTimeEquals(given[..length], HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>(source userId, text, reply token) of each text message event; anything else in the body is ignored.</summary>
    private static List<(string UserId, string Text, string? ReplyToken)> TextMessages(byte[] body)
    {
        var found = new List<(string, string, string?)>();
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                return found;
            }

            foreach (var e in events.EnumerateArray())
            {
                if (Str(e, "type") == "message" && e.TryGetProperty("message", out var m) && Str(m, "type") == "text"
                    && e.TryGetProperty("source", out var source) && Str(source, "userId") is { } userId && Str(m, "text") is { } text)
                {
                    found.Add((userId, text, Str(e, "replyToken")));
                }
            }
        }
        catch (JsonException)
        {
        }

        return found;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
