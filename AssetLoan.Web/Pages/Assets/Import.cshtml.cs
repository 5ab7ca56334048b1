using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using AssetLoan.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>
/// นำเข้าทะเบียนครุภัณฑ์จากไฟล์: upload → preview with row-level errors (nothing written) → confirm, all or nothing.
/// Between preview and confirm the file waits on the server; the page holds only a protected token naming it, bound
/// to the officer and valid for two hours, so the client can neither swap the file nor confirm someone else's.
/// </summary>
public sealed class ImportModel(
    AppDbContext db,
    FileStorage storage,
    IDataProtectionProvider protection,
    TimeProvider time,
    CurrentActor actor,
    IStringLocalizer<SharedResource> s,
    ILogger<ImportModel> log) : PageModel
{
    public const int PreviewRows = 200;

    private const string PendingRoot = "imports";
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(2);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public ImportResult? Result { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>Names of the numbered items, for the officer to copy into the file's รายการ column.</summary>
    public IReadOnlyList<string> ItemNames { get; private set; } = [];

    public IReadOnlyList<Option> Divisions { get; private set; } = [];

    private IDataProtector Protector => protection.CreateProtector("AssetLoan.Assets.Import.v1");

    private DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var ct = HttpContext.RequestAborted;
        ItemNames = await db.CatalogueItems.AsNoTracking()
            .Where(c => c.TrackingMode == Domain.Assets.TrackingMode.Numbered && !c.Retired)
            .OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
        Divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Code + " = " + d.Name)).ToListAsync(ct);
        await next();
    }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate(string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? File(AssetImport.Template(ImportFileKind.Csv), "text/csv; charset=utf-8", "แบบฟอร์มนำเข้าครุภัณฑ์.csv")
            : File(AssetImport.Template(ImportFileKind.Xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "แบบฟอร์มนำเข้าครุภัณฑ์.xlsx");

    /// <summary>Preview: read and check the file; keep it on the server only when every row is good.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), s["กรุณาเลือกไฟล์ .xlsx หรือ .csv ที่มีข้อมูล"]);
            return Page();
        }

        FileName = Path.GetFileName(Upload.FileName);
        if (Upload.Length > AssetImport.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), s["ไฟล์มีขนาด {0} MB เกินกำหนด 5 MB กรุณาแบ่งเป็นหลายไฟล์", (Upload.Length / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture)]);
            return Page();
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        ImportFileKind kind;
        try
        {
            kind = AssetImport.DetectKind(FileName, content.AsSpan(0, Math.Min(8, content.Length)), s);
            Result = await CheckAsync(content, kind, ct);
        }
        catch (ImportFileException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Message);
            return Page();
        }

        if (Result.CanImport)
        {
            SweepOldUploads();
            var folder = $"{PendingRoot}/{BangkokTime.Today(NowUtc):yyyyMMdd}";
            var path = await storage.SaveAsync(folder, kind == ImportFileKind.Csv ? ".csv" : ".xlsx", new MemoryStream(content), ct);
            Token = Protector.Protect(JsonSerializer.Serialize(new Pending(path, FileName, actor.Actor.UserId ?? "", NowUtc.Ticks)));
        }

        log.LogInformation("Import preview of {Rows} rows, {ErrorRows} with errors", Result.Rows.Count, Result.ErrorRowCount);
        return Page();
    }

    /// <summary>Confirm: re-read the kept file, re-check against the registry as it is now, and write all rows or none.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var pending = Unprotect(Token);
        var fullPath = pending is null ? null : storage.PathOf(pending.Path);
        Token = null;
        if (pending is null || fullPath is null)
        {
            ModelState.AddModelError("", s["ไฟล์ที่ตรวจไว้หมดอายุหรือไม่พบแล้ว กรุณาอัปโหลดไฟล์ใหม่อีกครั้ง ยังไม่มีการนำเข้าข้อมูลใดๆ"]);
            return Page();
        }

        FileName = pending.FileName;
        try
        {
            var kind = fullPath.EndsWith(".csv", StringComparison.Ordinal) ? ImportFileKind.Csv : ImportFileKind.Xlsx;
            Result = await CheckAsync(await System.IO.File.ReadAllBytesAsync(fullPath, ct), kind, ct);
            if (!Result.CanImport)
            {
                ModelState.AddModelError("", s["ตรวจซ้ำก่อนบันทึกแล้วพบข้อผิดพลาด (ทะเบียนอาจเปลี่ยนไประหว่างนั้น) จึงไม่ได้นำเข้าข้อมูลใดเลย กรุณาแก้ไฟล์แล้วอัปโหลดใหม่"]);
                return Page();
            }

            var count = await AssetImport.ImportAsync(db, Result, ct);
            log.LogInformation("Imported {Count} assets", count);
            this.Flash(s["นำเข้าครุภัณฑ์ {0} รายการจากไฟล์ {1} เรียบร้อยแล้ว", Display.Number(count), FileName].Value);
            return RedirectToPage("/Assets/Index", new { sort = "number" });
        }
        catch (ImportFileException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
        catch (DbUpdateException ex)
        {
            log.LogWarning(ex, "Import failed at save; nothing was written");
            db.ChangeTracker.Clear();
            Result = null;
            ModelState.AddModelError("", s["บันทึกไม่สำเร็จ (อาจมีผู้เพิ่มหมายเลขเดียวกันพร้อมกัน) จึงไม่ได้นำเข้าข้อมูลใดเลย กรุณาอัปโหลดไฟล์ใหม่เพื่อตรวจอีกครั้ง"]);
            return Page();
        }
        finally
        {
            TryDelete(fullPath);
        }
    }

    private async Task<ImportResult> CheckAsync(byte[] content, ImportFileKind kind, CancellationToken ct)
    {
        var sheet = AssetImport.Read(content, kind, s);
        return await AssetImport.CheckAsync(db, sheet, BangkokTime.Today(NowUtc), s, ct);
    }

    private Pending? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var pending = JsonSerializer.Deserialize<Pending>(Protector.Unprotect(token));
            var fresh = pending is not null && NowUtc - new DateTime(pending.CreatedTicks, DateTimeKind.Utc) < PendingLifetime;
            return fresh && pending!.UserId == (actor.Actor.UserId ?? "") ? pending : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Files of abandoned previews are kept for a day, then removed at the next upload.</summary>
    private void SweepOldUploads()
    {
        var root = Path.Combine(storage.Root, PendingRoot);
        if (!Directory.Exists(root))
        {
            return;
        }

        var keepFrom = BangkokTime.Today(NowUtc).AddDays(-1).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            if (string.CompareOrdinal(Path.GetFileName(dir), keepFrom) < 0)
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static void TryDelete(string? path)
    {
        try
        {
            if (path is not null)
            {
                System.IO.File.Delete(path);
            }
        }
        catch (IOException)
        {
        }
    }

    private sealed record Pending(string Path, string FileName, string UserId, long CreatedTicks);
}
