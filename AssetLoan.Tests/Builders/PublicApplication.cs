using System.Globalization;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Domain;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Builders;

/// <summary>Fills the real /apply form as a citizen would, and moves applications on through the domain (officer steps).</summary>
public static class PublicApplication
{
    public const string Tent = "เต็นท์ ขนาด 4×8 ม.";
    public const string Chairs = "เก้าอี้พลาสติก";
    public const string Sandbags = "กระสอบทราย";

    private static int _next = 1000;

    /// <summary>A valid national ID nobody else in the test run uses.</summary>
    public static string NewNationalId() =>
        ThaiNationalIdTests.WithCheckDigit("3" + Interlocked.Increment(ref _next).ToString("00000000000", CultureInfo.InvariantCulture));

    /// <summary>A mobile number nobody else in the test run uses, written the way people type it.</summary>
    public static string NewPhone()
    {
        var n = Interlocked.Increment(ref _next).ToString("00000000", CultureInfo.InvariantCulture);
        return $"08{n[0]}-{n[1..4]}-{n[4..]}";
    }

    /// <summary>The /apply form filled for a person borrowing two tents and 50 chairs for a funeral, 5–7 Dec 2026.</summary>
    public static async Task<HtmlForm> FilledAsync(HttpClient client, string? nationalId = null, string? phone = null, string name = "นายทดสอบ ยืมเต็นท์")
    {
        var form = await HtmlForm.LoadAsync(client, "/apply", "#apply-form");
        form.Set("Input.Kind", "Person")
            .Set("Input.Name", name)
            .Set("Input.NationalId", nationalId ?? NewNationalId())
            .Set("Input.Phone", phone ?? NewPhone())
            .Set("Input.Email", "")
            .Set("Input.HouseNumber", "12")
            .Set("Input.Moo", "3")
            .Set("Input.Subdistrict", "แม่คือ")
            .Set("Input.District", "ดอยสะเก็ด")
            .Set("Input.Province", "เชียงใหม่")
            .Set("Input.Purpose", "งานบำเพ็ญกุศลศพ")
            .Set("Input.Place", "ศาลาประชาคม หมู่ 3")
            .Set("Input.OffPremises", "true")
            .Set("Input.StartOn", "05/12/2569")
            .Set("Input.DueOn", "07/12/2569")
            .Set("Input.PrivacyAcknowledged", "true");
        return form.Quantity(Tent, 2).Quantity(Chairs, 50);
    }

    /// <summary>Sets the quantity of the catalogue item whose label is <paramref name="itemName"/>.</summary>
    public static HtmlForm Quantity(this HtmlForm form, string itemName, int quantity) =>
        form.Set(QuantityField(form, itemName), quantity.ToString(CultureInfo.InvariantCulture));

    public static string QuantityField(HtmlForm form, string itemName)
    {
        var label = form.Document.QuerySelectorAll("label").FirstOrDefault(l => l.TextContent.Trim() == itemName)
            ?? throw new InvalidOperationException($"No catalogue line for {itemName}");
        var id = label.GetAttribute("for")!;
        return form.Document.GetElementById(id)!.GetAttribute("name")!;
    }

    /// <summary>Submits and follows the redirect to the confirmation; returns the reference and the token from the page.</summary>
    public static async Task<(string Reference, string Token)> SubmitAsync(HttpClient client, HtmlForm form)
    {
        var response = await form.SubmitAsync(client);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            var doc = await HtmlForm.ParseAsync(response);
            var errors = string.Join(" | ", doc.QuerySelectorAll(".text-danger, .alert-danger").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
            throw new InvalidOperationException($"Application not accepted ({(int)response.StatusCode}): {errors}");
        }

        var done = await HtmlForm.GetDocumentAsync(client, response.Headers.Location!.ToString());
        var link = done.QuerySelector("#tracking-link")!.GetAttribute("href")!;
        return (done.QuerySelector("#reference")!.TextContent.Trim(), link[(link.LastIndexOf('/') + 1)..]);
    }

    /// <summary>The phone on file for the application behind <paramref name="token"/>: the tracking link's second factor.</summary>
    public static Task<string> PhoneOnFileAsync(AppFactory app, string token) =>
        app.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token)
            .Select(l => db.Borrowers.Where(b => b.Id == l.BorrowerId).Select(b => b.Phone).Single()!).SingleAsync());

    /// <summary>Cancels through the tracking link as the applicant does: an optional reason and the phone on file.</summary>
    public static async Task<HttpResponseMessage> CancelAsync(AppFactory app, HttpClient client, string token, string? reason = null)
    {
        var form = await HtmlForm.LoadAsync(client, $"/track/{token}", "form[action*='handler=Cancel']");
        form.Set("CancelPhone", await PhoneOnFileAsync(app, token));
        if (reason is not null)
        {
            form.Set("CancelReason", reason);
        }

        return await form.SubmitAsync(client);
    }

    public static Task<int> LoanIdAsync(AppFactory app, string token) =>
        app.WithDbAsync(db => db.Loans.Where(l => l.TrackingToken == token).Select(l => l.Id).SingleAsync());

    /// <summary>The supplies check as the officer's page will do it: reserve free units and confirm the proposed case.</summary>
    public static Task CheckAsync(AppFactory app, int loanId) => app.WithDbAsync(async db =>
    {
        var officer = await ActorAsync(db, Demo.Officer);
        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId);
        var (today, now) = Now(app);
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
        await db.InReservationAsync(itemIds, async () =>
        {
            LoanBuilder.CheckStep(loan, await DatabaseLoanWorld.ReadAsync(db, loan, today), officer, loan.Case, today, now);
            return await db.SaveChangesAsync();
        }, default);
    });

    /// <summary>The approval as the approver's page will do it (the mayor, who may approve every case).</summary>
    public static Task ApproveAsync(AppFactory app, int loanId) => app.WithDbAsync(async db =>
    {
        var mayor = await ActorAsync(db, Demo.Mayor);
        var settings = await Settings.LoadAsync(db, default);
        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId);
        var (today, now) = Now(app);
        var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
        await db.InReservationAsync(itemIds, async () =>
        {
            LoanBuilder.ApproveStep(loan, await DatabaseLoanWorld.ReadAsync(db, loan, today), mayor, settings.Policy, now);
            return await db.SaveChangesAsync();
        }, default);
    });

    public static Task RejectAsync(AppFactory app, int loanId, string reason) => app.WithDbAsync(async db =>
    {
        var mayor = await ActorAsync(db, Demo.Mayor);
        var settings = await Settings.LoadAsync(db, default);
        var loan = await db.Loans.Whole().SingleAsync(l => l.Id == loanId);
        loan.Reject(mayor, settings.Policy, reason, Now(app).UtcNow);
        await db.SaveChangesAsync();
    });

    public static async Task<Actor> ActorAsync(AppDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync();
        return new Actor(user.Id, user.FullName, roles.Select(Enum.Parse<Role>).ToHashSet(), user.DivisionId);
    }

    private static (DateOnly Today, DateTime UtcNow) Now(AppFactory app)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return (BangkokTime.Today(now), now);
    }
}
