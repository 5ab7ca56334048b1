using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>The fields an officer types for an asset, shared by create and edit (the partial _AssetFields shows them).</summary>
public sealed class AssetInput
{
    [Required(ErrorMessage = "กรุณากรอกหมายเลขครุภัณฑ์")]
    [StringLength(AssetNumbers.MaxLength, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "หมายเลขครุภัณฑ์")]
    public string AssetNumber { get; set; } = "";

    [Required(ErrorMessage = "กรุณากรอกวันที่ได้มา")]
    [StringLength(30, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "วันที่ได้มา")]
    public string? AcquiredOn { get; set; }

    [Required(ErrorMessage = "กรุณากรอกราคา")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "ราคาต้องอยู่ระหว่าง 0 ถึง 1,000,000,000 บาท")]
    [Display(Name = "ราคาที่ได้มา (บาท)")]
    public decimal? Price { get; set; }

    [Display(Name = "หน่วยงานที่ดูแล")]
    public int? DivisionId { get; set; }

    [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "สถานที่เก็บ")]
    public string? Location { get; set; }

    [StringLength(200, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "สภาพ")]
    public string? Condition { get; set; }

    [StringLength(100, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "หมายเลขเครื่อง (Serial)")]
    public string? SerialNumber { get; set; }

    [StringLength(1000, ErrorMessage = "{0} ยาวได้ไม่เกิน {1} ตัวอักษร")]
    [Display(Name = "หมายเหตุ")]
    public string? Notes { get; set; }

    public static AssetInput From(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new AssetInput
        {
            AssetNumber = asset.AssetNumber,
            AcquiredOn = RegistryFormat.InputDate(asset.AcquiredOn),
            Price = asset.Price,
            DivisionId = asset.DivisionId,
            Location = asset.Location,
            Condition = asset.Condition,
            SerialNumber = asset.SerialNumber,
            Notes = asset.Notes,
        };
    }

    /// <summary>The typed acquisition date, or null with a Thai error beside the field (the typed text stays).</summary>
    public DateOnly? ValidateAcquiredOn(ModelStateDictionary modelState, IStringLocalizer s, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(s);
        if (string.IsNullOrWhiteSpace(AcquiredOn))
        {
            return null;
        }

        // Typed by a person: พ.ศ. only (a spreadsheet import may still carry CE dates, see AssetImport).
        if (!ThaiDate.TryParseBuddhist(AcquiredOn, out var date, out _))
        {
            modelState.AddModelError("Input.AcquiredOn", s["วันที่ไม่ถูกต้อง กรุณากรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 25/11/2569"]);
            return null;
        }

        if (date > today)
        {
            modelState.AddModelError("Input.AcquiredOn", s["วันที่ได้มาต้องไม่เกินวันนี้"]);
            return null;
        }

        return date;
    }

    public AssetDetails ToDetails(DateOnly acquiredOn) =>
        new(acquiredOn, Price ?? 0m, DivisionId, Location, Condition, Notes, SerialNumber);
}

/// <summary>The choices the asset form offers, handed to the partial through ViewData.</summary>
public sealed record AssetFormOptions(IReadOnlyList<Option> Divisions);

/// <summary>How the registry reads and writes dates and amounts typed by Thai users or found in their spreadsheets.</summary>
public static class RegistryFormat
{
    /// <summary>"25/11/2569" (day/month/BE year), the way a Thai office writes a date.</summary>
    public static string InputDate(DateOnly? date) => date is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Day:00}/{d.Month:00}/{ThaiDate.ToBuddhistYear(d.Year)}")
        : "";

    /// <summary>Accepts 25/11/2569 (BE), 25/11/2026, 2026-11-25, and Thai digits (๒๕/๑๑/๒๕๖๙).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) => ThaiDate.TryParse(ArabicDigits(text), out date);

    /// <summary>Accepts "18,500", "18500.50", "฿18,500.00" and Thai digits; at most two decimals, never negative.</summary>
    public static bool TryParseMoney(string? text, out decimal amount)
    {
        amount = 0m;
        var cleaned = ArabicDigits(text)?.Trim().Replace("฿", "", StringComparison.Ordinal).Replace("บาท", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(cleaned)
            || !decimal.TryParse(cleaned, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        return amount <= 1_000_000_000m && decimal.Round(amount, 2) == amount;
    }

    public static string? ArabicDigits(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c;
            }
        });
    }
}
