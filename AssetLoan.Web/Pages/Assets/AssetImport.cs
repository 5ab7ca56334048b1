using System.Globalization;
using System.Text;
using AssetLoan.Domain;
using AssetLoan.Domain.Assets;
using AssetLoan.Web.Data;
using AssetLoan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace AssetLoan.Web.Pages.Assets;

/// <summary>The columns of an import file (Thai headers, as the existing registers use) and of the export.</summary>
public static class ImportColumns
{
    public const string Number = "หมายเลขครุภัณฑ์";
    public const string Item = "รายการ";
    public const string Acquired = "วันที่ได้มา";
    public const string Price = "ราคา";
    public const string Division = "หน่วยงาน";
    public const string Location = "สถานที่";
    public const string Condition = "สภาพ";

    public static readonly IReadOnlyList<string> Required = [Number, Item, Acquired, Price];

    public static readonly IReadOnlyList<string> All = [Number, Item, Acquired, Price, Division, Location, Condition];
}

public enum ImportFileKind
{
    Xlsx,
    Csv,
}

/// <summary>A file-level problem (wrong type, not UTF-8, unreadable): the message is Thai, shown as is.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>One data row as read from the file, with its row number as the spreadsheet shows it (header = row 1).</summary>
public sealed record ImportSourceRow(int RowNumber, IReadOnlyDictionary<string, object?> Cells);

public sealed record ImportSheet(IReadOnlyList<string> Headers, IReadOnlyList<ImportSourceRow> Rows, int SkippedEmptyRows, bool TooManyRows);

public sealed record ImportError(string Column, string Message);

/// <summary>One row after checking: the text as found, the parsed values, and what is wrong with it.</summary>
public sealed class ImportRow
{
    public int RowNumber { get; init; }

    public string AssetNumber { get; set; } = "";

    public string ItemName { get; init; } = "";

    public string AcquiredText { get; init; } = "";

    public string PriceText { get; init; } = "";

    public string DivisionText { get; init; } = "";

    public string? Location { get; init; }

    public string? Condition { get; init; }

    public int ItemId { get; set; }

    public DateOnly AcquiredOn { get; set; }

    public decimal Price { get; set; }

    public int? DivisionId { get; set; }

    /// <summary>The division as the registry names it (the file may give its code).</summary>
    public string? DivisionName { get; set; }

    public List<ImportError> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;
}

public sealed record ImportResult(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileErrors, IReadOnlyList<string> Notices)
{
    public int ErrorRowCount => Rows.Count(r => !r.IsValid);

    /// <summary>All or nothing: one bad row, or a problem with the file, and nothing is imported.</summary>
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && ErrorRowCount == 0;
}

/// <summary>
/// Reads an existing register (.xlsx or UTF-8 .csv), checks every row against the registry, and writes all rows in
/// one transaction or none. Nothing here writes until <see cref="ImportAsync"/>.
/// </summary>
public static class AssetImport
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const int MaxRows = 10_000;

    /// <summary>
    /// An .xlsx is a zip: 5 MB on the wire can unpack to gigabytes of blank rows. The parts are measured before any
    /// row is read; a real register of 10,000 rows unpacks to a few megabytes.
    /// </summary>
    public const long MaxUncompressedBytes = 64L * 1024 * 1024;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    /// <summary>Decides the kind from the name and checks that the content really is that kind.</summary>
    public static ImportFileKind DetectKind(string fileName, ReadOnlySpan<byte> head, IStringLocalizer s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.StartsWith(OleSignature) || extension == ".xls")
        {
            throw new ImportFileException(s["ไฟล์ .xls (Excel 97–2003) ยังไม่รองรับ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV UTF-8"]);
        }

        return extension switch
        {
            ".xlsx" when head.StartsWith(ZipSignature) => ImportFileKind.Xlsx,
            ".xlsx" => throw new ImportFileException(s["ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง"]),
            ".csv" when !head.Contains((byte)0) => ImportFileKind.Csv,
            ".csv" => throw new ImportFileException(s["ไฟล์นี้ไม่ใช่ไฟล์ CSV (ข้อความ) ที่ถูกต้อง"]),
            _ => throw new ImportFileException(s["รองรับเฉพาะไฟล์ .xlsx หรือ .csv เท่านั้น"]),
        };
    }

    public static ImportSheet Read(byte[] content, ImportFileKind kind, IStringLocalizer s)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(s);
        return kind == ImportFileKind.Csv ? ReadCsv(content, s) : ReadXlsx(content, s);
    }

    /// <summary>Checks every row against the file itself and the registry as it is now.</summary>
    public static async Task<ImportResult> CheckAsync(AppDbContext db, ImportSheet sheet, DateOnly today, IStringLocalizer s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(s);
        var fileErrors = new List<string>();
        var notices = new List<string>();
        var missing = ImportColumns.Required.Where(c => !sheet.Headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            fileErrors.Add(s["ไม่พบคอลัมน์ที่ต้องมี: {0} (หัวตารางต้องอยู่ในแถวที่ 1 และสะกดตรงตามแบบฟอร์ม)", string.Join(", ", missing)]);
        }

        var unused = sheet.Headers.Where(h => h.Length > 0 && !ImportColumns.All.Contains(h)).ToList();
        if (unused.Count > 0)
        {
            notices.Add(s["คอลัมน์ที่ไม่ได้ใช้และจะไม่นำเข้า: {0}", string.Join(", ", unused)]);
        }

        if (sheet.SkippedEmptyRows > 0)
        {
            notices.Add(s["ข้ามแถวว่าง {0} แถว", sheet.SkippedEmptyRows]);
        }

        if (sheet.TooManyRows)
        {
            fileErrors.Add(s["ไฟล์มีเกิน {0} แถว (นับแถวว่างด้วย) กรุณาลบแถวว่างหรือแบ่งเป็นหลายไฟล์", Display.Number(MaxRows)]);
        }
        else if (sheet.Rows.Count == 0 && missing.Count == 0)
        {
            fileErrors.Add(s["ไม่พบข้อมูลในไฟล์ (มีแต่หัวตาราง)"]);
        }

        if (fileErrors.Count > 0)
        {
            return new ImportResult([], fileErrors, notices);
        }

        var items = await db.CatalogueItems.AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.TrackingMode, c.Retired })
            .ToListAsync(ct);
        var itemsByName = items.GroupBy(i => NameKey(i.Name)).ToDictionary(g => g.Key, g => g.First());
        var divisions = await db.Divisions.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var divisionsByKey = new Dictionary<string, (int Id, string Name)>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in divisions)
        {
            divisionsByKey.TryAdd(NameKey(d.Name), (d.Id, d.Name));
            divisionsByKey.TryAdd(NameKey(d.Code), (d.Id, d.Name));
        }

        var rows = new List<ImportRow>(sheet.Rows.Count);
        var firstRowOfNumber = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sheet.Rows)
        {
            var row = new ImportRow
            {
                RowNumber = source.RowNumber,
                AssetNumber = Text(source, ImportColumns.Number),
                ItemName = Text(source, ImportColumns.Item),
                AcquiredText = Text(source, ImportColumns.Acquired),
                PriceText = Text(source, ImportColumns.Price),
                DivisionText = Text(source, ImportColumns.Division),
                Location = NullIfEmpty(Text(source, ImportColumns.Location)),
                Condition = NullIfEmpty(Text(source, ImportColumns.Condition)),
            };
            rows.Add(row);

            CheckNumber(row, firstRowOfNumber, s);

            if (row.ItemName.Length == 0)
            {
                row.Errors.Add(new(ImportColumns.Item, s["กรุณากรอกชื่อรายการ"]));
            }
            else if (!itemsByName.TryGetValue(NameKey(row.ItemName), out var item))
            {
                row.Errors.Add(new(ImportColumns.Item, s["ไม่พบรายการ \"{0}\" ในรายการให้ยืม ต้องเพิ่มรายการก่อนนำเข้า", row.ItemName]));
            }
            else if (item.TrackingMode == TrackingMode.Pooled)
            {
                row.Errors.Add(new(ImportColumns.Item, s["รายการ \"{0}\" นับเป็นจำนวนรวม ไม่มีหมายเลขครุภัณฑ์แยกรายชิ้น", row.ItemName]));
            }
            else if (item.Retired)
            {
                row.Errors.Add(new(ImportColumns.Item, s["รายการ \"{0}\" เลิกให้ยืมแล้ว", row.ItemName]));
            }
            else
            {
                row.ItemId = item.Id;
            }

            CheckDate(row, source.Cells.GetValueOrDefault(ImportColumns.Acquired), today, s);
            CheckPrice(row, source.Cells.GetValueOrDefault(ImportColumns.Price), s);

            if (row.DivisionText.Length > 0)
            {
                if (divisionsByKey.TryGetValue(NameKey(row.DivisionText), out var division))
                {
                    (row.DivisionId, row.DivisionName) = division;
                }
                else
                {
                    row.Errors.Add(new(ImportColumns.Division, s["ไม่พบหน่วยงาน \"{0}\" (ใช้ชื่อหรือรหัสหน่วยงานตามหน้าผู้ดูแลระบบ)", row.DivisionText]));
                }
            }

            if (row.Location is { Length: > 200 })
            {
                row.Errors.Add(new(ImportColumns.Location, s["ยาวเกิน {0} ตัวอักษร", 200]));
            }

            if (row.Condition is { Length: > 200 })
            {
                row.Errors.Add(new(ImportColumns.Condition, s["ยาวเกิน {0} ตัวอักษร", 200]));
            }
        }

        await CheckRegistryAsync(db, rows, s, ct);
        return new ImportResult(rows, fileErrors, notices);
    }

    /// <summary>Adds every row in one save (one transaction, audited row by row). Call only when <see cref="ImportResult.CanImport"/>.</summary>
    public static async Task<int> ImportAsync(AppDbContext db, ImportResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.CanImport)
        {
            throw new InvalidOperationException("Only a file without errors is imported.");
        }

        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
        {
            string tag;
            do
            {
                tag = Tags.NewTag();
            }
            while (!tags.Add(tag));

            db.Assets.Add(new Asset(row.ItemId, row.AssetNumber, tag,
                new AssetDetails(row.AcquiredOn, row.Price, row.DivisionId, row.Location, row.Condition, null)));
        }

        await db.SaveChangesAsync(ct);
        return result.Rows.Count;
    }

    /// <summary>The template: the headers only, so an example row can never be imported by mistake.</summary>
    public static byte[] Template(ImportFileKind kind)
    {
        if (kind == ImportFileKind.Csv)
        {
            return Csv.Write([ImportColumns.All], includeBom: true);
        }

        using var stream = new MemoryStream();
        var header = ImportColumns.All.ToDictionary(c => c, _ => (object?)null);
        MiniExcel.SaveAs(stream, new[] { header }, printHeader: true, sheetName: "ทะเบียนครุภัณฑ์", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static void CheckNumber(ImportRow row, Dictionary<string, int> firstRowOfNumber, IStringLocalizer s)
    {
        if (row.AssetNumber.Length == 0)
        {
            row.Errors.Add(new(ImportColumns.Number, s["กรุณากรอกหมายเลขครุภัณฑ์"]));
            return;
        }

        try
        {
            row.AssetNumber = AssetNumbers.Normalize(row.AssetNumber);
        }
        catch (DomainRuleException ex)
        {
            row.Errors.Add(new(ImportColumns.Number, DomainErrors.Localized(ex, s)));
            return;
        }

        if (firstRowOfNumber.TryGetValue(row.AssetNumber, out var first))
        {
            row.Errors.Add(new(ImportColumns.Number, s["หมายเลขซ้ำกับแถวที่ {0} ในไฟล์นี้", first]));
        }
        else
        {
            firstRowOfNumber[row.AssetNumber] = row.RowNumber;
        }
    }

    private static async Task CheckRegistryAsync(AppDbContext db, List<ImportRow> rows, IStringLocalizer s, CancellationToken ct)
    {
        var numbers = rows.Where(r => r.AssetNumber.Length > 0).Select(r => r.AssetNumber).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in numbers.Chunk(500))
        {
            taken.UnionWith(await db.Assets.AsNoTracking().Where(a => chunk.Contains(a.AssetNumber)).Select(a => a.AssetNumber).ToListAsync(ct));
        }

        foreach (var row in rows.Where(r => taken.Contains(r.AssetNumber)))
        {
            row.Errors.Add(new(ImportColumns.Number, s["หมายเลขครุภัณฑ์นี้มีในทะเบียนแล้ว"]));
        }
    }

    private static void CheckDate(ImportRow row, object? cell, DateOnly today, IStringLocalizer s)
    {
        DateOnly? date = cell switch
        {
            DateTime dt => DateOnly.FromDateTime(dt),
            // An Excel serial day number in a cell formatted as a number; 10,000 is 1927, older than any register.
            double serial when serial is > 10_000 and < 2_958_465 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            _ when RegistryFormat.TryParseDate(row.AcquiredText, out var parsed) => parsed,
            _ => null,
        };
        if (row.AcquiredText.Length == 0 && cell is not DateTime)
        {
            row.Errors.Add(new(ImportColumns.Acquired, s["กรุณากรอกวันที่ได้มา"]));
            return;
        }

        if (date is not { } d)
        {
            row.Errors.Add(new(ImportColumns.Acquired, s["วันที่ \"{0}\" ไม่ถูกต้อง ใช้รูปแบบ 25/11/2569 (พ.ศ.) หรือ 2026-11-25", row.AcquiredText]));
            return;
        }

        // A Buddhist-Era year typed into a Gregorian date cell (25/11/2569 read as the year 2569 CE).
        if (d.Year > 2400)
        {
            d = d.AddYears(-Domain.Calendar.ThaiDate.BuddhistEraOffset);
        }

        if (d > today)
        {
            row.Errors.Add(new(ImportColumns.Acquired, s["วันที่ได้มา {0} อยู่ในอนาคต", Display.Date(d)]));
            return;
        }

        row.AcquiredOn = d;
    }

    private static void CheckPrice(ImportRow row, object? cell, IStringLocalizer s)
    {
        if (row.PriceText.Length == 0)
        {
            row.Errors.Add(new(ImportColumns.Price, s["กรุณากรอกราคา (ใส่ 0 ได้หากไม่ทราบ)"]));
            return;
        }

        decimal? price = cell switch
        {
            double d when d is >= 0 and <= 1_000_000_000 && Math.Abs(Math.Round(d, 2) - d) < 1e-9 => (decimal)Math.Round(d, 2),
            decimal m when m >= 0 && decimal.Round(m, 2) == m => m,
            double or decimal => null,
            _ when RegistryFormat.TryParseMoney(row.PriceText, out var parsed) => parsed,
            _ => null,
        };
        if (price is null)
        {
            row.Errors.Add(new(ImportColumns.Price, s["ราคา \"{0}\" ไม่ถูกต้อง ต้องเป็นตัวเลขไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง", row.PriceText]));
            return;
        }

        row.Price = price.Value;
    }

    private static string Text(ImportSourceRow row, string column) => CellText(row.Cells.GetValueOrDefault(column));

    private static string CellText(object? cell) => cell switch
    {
        null => "",
        string text => text.Trim(),
        DateTime dt => RegistryFormat.InputDate(DateOnly.FromDateTime(dt.Year > 2400 ? dt.AddYears(-Domain.Calendar.ThaiDate.BuddhistEraOffset) : dt)),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => cell.ToString()?.Trim() ?? "",
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Names match ignoring case, repeated spaces and the × a register may have typed as x.</summary>
    private static string NameKey(string name) =>
        string.Join(' ', name.Replace('×', 'x').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    private static ImportSheet ReadXlsx(byte[] content, IStringLocalizer s)
    {
        try
        {
            using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content, writable: false), System.IO.Compression.ZipArchiveMode.Read))
            {
                if (zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes)
                {
                    throw new ImportFileException(s["ไฟล์ Excel นี้เมื่อคลายออกมีขนาดใหญ่เกินกว่าทะเบียนทั่วไป (อาจมีแถวหรือคอลัมน์ว่างจำนวนมาก) กรุณาลบแถวว่างหรือบันทึกเป็น CSV UTF-8"]);
                }
            }

            using var stream = new MemoryStream(content, writable: false);
            var headers = MiniExcel.GetColumns(stream, useHeaderRow: true, excelType: ExcelType.XLSX)?.Select(NormalizeHeader).ToList() ?? [];
            stream.Position = 0;
            var rows = new List<ImportSourceRow>();
            var skipped = 0;
            var rowNumber = 1;
            foreach (IDictionary<string, object?> raw in MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX))
            {
                rowNumber++;
                if (rowNumber - 1 > MaxRows)
                {
                    // Every row read counts, blank or not: a sheet of a million blank rows is refused as soon as it passes the cap.
                    return new ImportSheet(headers, rows, skipped, TooManyRows: true);
                }

                var cells = raw.ToDictionary(kv => NormalizeHeader(kv.Key), kv => kv.Value is string t ? t.Trim() : kv.Value);
                if (cells.Values.All(v => v is null || (v is string t && t.Length == 0)))
                {
                    skipped++;
                    continue;
                }

                rows.Add(new ImportSourceRow(rowNumber, cells));
            }

            return new ImportSheet(headers, rows, skipped, TooManyRows: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            throw new ImportFileException(s["อ่านไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหายหรือมีรหัสผ่าน กรุณาบันทึกใหม่เป็น .xlsx"]);
        }
    }

    private static ImportSheet ReadCsv(byte[] content, IStringLocalizer s)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(s["ไฟล์ CSV ไม่ได้บันทึกเป็น UTF-8 (ภาษาไทยจะอ่านไม่ออก) กรุณาใน Excel เลือก บันทึกเป็น → CSV UTF-8 (Comma delimited)"]);
        }

        var records = Csv.Read(text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            return new ImportSheet([], [], 0, false);
        }

        var headers = records[0].Fields.Select(NormalizeHeader).ToList();
        var rows = new List<ImportSourceRow>();
        var skipped = 0;
        if (records.Count - 1 > MaxRows)
        {
            // As for .xlsx: every line counts, blank or not.
            return new ImportSheet(headers, rows, 0, TooManyRows: true);
        }

        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                skipped++;
                continue;
            }

            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Count; i++)
            {
                cells.TryAdd(headers[i], i < record.Fields.Count ? Csv.Unprotect(record.Fields[i].Trim()) : null);
            }

            rows.Add(new ImportSourceRow(record.Line, cells));
        }

        return new ImportSheet(headers, rows, skipped, false);
    }

    private static string NormalizeHeader(string header) => header.Trim().TrimStart('\uFEFF').Trim();
}

/// <summary>
/// RFC 4180 CSV, small and strict: quoted fields may hold commas, quotes and line breaks; each record keeps the line
/// it starts on so errors point at the line the officer sees in a text editor or Excel.
/// </summary>
public static class Csv
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    public static List<Record> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var delimiter = DetectDelimiter(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add(new Record(recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, fields));
        }

        return records;
    }

    /// <summary>UTF-8 with BOM (so Excel shows Thai), CRLF, quoted where needed, formula-like text made inert.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows, bool includeBom)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        if (includeBom)
        {
            sb.Append('\uFEFF');
        }

        foreach (var row in rows)
        {
            sb.Append(Line(row));
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Escape)) + "\r\n";

    /// <summary>
    /// A cell starting with = + - @ would run as a formula in Excel; it is written with a leading apostrophe, and
    /// <see cref="Unprotect"/> removes it again when such a file is imported.
    /// </summary>
    public static string Escape(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            v = "'" + v;
        }

        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 || v != v.Trim()
            ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : v;
    }

    public static string Unprotect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Contains(',', StringComparison.Ordinal) ? ','
            : header.Contains(';', StringComparison.Ordinal) ? ';'
            : header.Contains('\t', StringComparison.Ordinal) ? '\t'
            : ',';
    }
}
