using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// One console line per event: an ISO 8601 UTC timestamp written in the invariant culture, the level, the category, the
/// message and any exception. The simple console formatter writes its timestamp in the current culture, so a request
/// running in th-TH logged Buddhist-Era years beside Common-Era ones.
/// </summary>
public sealed class IsoConsoleFormatter(TimeProvider time) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "iso";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{time.GetUtcNow().UtcDateTime:yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'} {Level(logEntry.LogLevel)} {logEntry.Category}[{logEntry.EventId.Id}] {OneLine(message)}");
        textWriter.Write(line);
        if (logEntry.Exception is not null)
        {
            textWriter.Write(' ');
            textWriter.Write(OneLine(logEntry.Exception.ToString()));
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ");
}
