using AssetLoan.Domain.Calendar;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// A date a person types, in พ.ศ. ("25/12/2569"), bound to a <see cref="DateOnly"/>. The only way from form text to a
/// date: <see cref="ThaiDate.TryParseBuddhist"/> (no ISO, no Christian-Era year), then the plausibility rule with the
/// municipality's booking horizon. A refused text stays in ModelState, so the field shows what was typed with the
/// reason beside it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class BuddhistDateAttribute : ModelBinderAttribute
{
    public BuddhistDateAttribute()
        : base(typeof(BuddhistDateModelBinder))
    {
    }
}

public sealed class BuddhistDateModelBinder : IModelBinder
{
    public static string Message(ThaiDateProblem problem) => problem switch
    {
        ThaiDateProblem.YearNotBuddhist => "กรุณากรอกปีเป็น พ.ศ. เช่น 25/12/2569",
        ThaiDateProblem.NoSuchDay => "ไม่มีวันที่นี้ในปฏิทิน กรุณาตรวจสอบวันและเดือน",
        ThaiDateProblem.BeyondHorizon => "วันที่ไกลเกินกว่าที่รับได้ กรุณาตรวจสอบปี พ.ศ.",
        _ => "กรุณากรอกวันที่เป็น วว/ดด/ปปปป (พ.ศ.) เช่น 25/12/2569",
    };

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var name = bindingContext.ModelName;
        var value = bindingContext.ValueProvider.GetValue(name);
        if (value == ValueProviderResult.None)
        {
            return;
        }

        bindingContext.ModelState.SetModelValue(name, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            bindingContext.Result = ModelBindingResult.Success(null);
            return;
        }

        var services = bindingContext.HttpContext.RequestServices;
        if (ThaiDate.TryParseBuddhist(text, out var date, out var problem))
        {
            var db = services.GetRequiredService<AppDbContext>();
            var horizon = (await Settings.LoadAsync(db, bindingContext.HttpContext.RequestAborted)).Policy.BookingHorizonDays;
            var today = BangkokTime.Today(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            problem = ThaiDate.CheckPlausible(date, today, horizon);
        }

        if (problem == ThaiDateProblem.None)
        {
            bindingContext.Result = ModelBindingResult.Success(date);
            return;
        }

        var s = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        bindingContext.ModelState.TryAddModelError(name, s[Message(problem)]);
        bindingContext.Result = ModelBindingResult.Failed();
    }
}

/// <summary>
/// <c>&lt;date-input for="Input.StartOn" class="form-control" /&gt;</c>: the one date field of the app. A text input
/// that shows a date as "25/12/2569", or exactly what was typed when it was refused; thaidate.js adds a small พ.ศ.
/// calendar with Thai month names. Without JavaScript it is plain text, which the server reads the same way.
/// </summary>
[HtmlTargetElement("date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper(IStringLocalizer<SharedResource> s) : TagHelper
{
    private const string AssetsWrittenKey = "DateInput.AssetsWritten";

    /// <summary>The bound property; without it, <c>name</c> and <c>value</c> are taken as given (a GET filter).</summary>
    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    /// <summary>A date to show instead of the model's and of what was posted (one of several forms sharing a field name).</summary>
    [HtmlAttributeName("show")]
    public DateOnly? Show { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var fullName = For is null
            ? output.Attributes.TryGetAttribute("name", out var n) ? n.Value.ToString()! : ""
            : ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = output.Attributes.TryGetAttribute("id", out var given) ? given.Value.ToString()! : TagBuilder.CreateSanitizedId(fullName, "_");
        var entry = Show is null && ViewContext.ViewData.ModelState.TryGetValue(fullName, out var e) ? e : null;
        var model = For is null ? output.Attributes.TryGetAttribute("value", out var v) ? v.Value?.ToString() : null : For.Model;
        var value = Show is { } shown ? ThaiDate.InputText(shown) : entry?.AttemptedValue ?? model switch
        {
            DateOnly d => ThaiDate.InputText(d),
            DateTime dt => ThaiDate.InputText(DateOnly.FromDateTime(dt)),
            string text => text,
            _ => "",
        };

        output.TagName = "input";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("id", id);
        output.Attributes.SetAttribute("name", fullName);
        output.Attributes.SetAttribute("value", value);
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("maxlength", "10");
        if (!output.Attributes.ContainsName("placeholder"))
        {
            output.Attributes.SetAttribute("placeholder", s["วว/ดด/ปปปป"].Value);
        }

        output.Attributes.SetAttribute("data-thai-date", "");
        output.Attributes.SetAttribute("data-pick-label", s["เลือกวันที่จากปฏิทิน"].Value);
        if (entry is { ValidationState: ModelValidationState.Invalid })
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            AddClass(output, "input-validation-error");
        }

        if (!ViewContext.HttpContext.Items.ContainsKey(AssetsWrittenKey))
        {
            ViewContext.HttpContext.Items[AssetsWrittenKey] = true;
            var months = string.Join('|', Enumerable.Range(1, 12).Select(m => s[ThaiDate.MonthName(m)].Value));
            output.PostElement.AppendHtml(
                $"<link rel=\"stylesheet\" href=\"/css/thaidate.css\" /><script src=\"/js/thaidate.js\" defer data-months=\"{System.Net.WebUtility.HtmlEncode(months)}\" "
                + $"data-days=\"{System.Net.WebUtility.HtmlEncode(s["อา|จ|อ|พ|พฤ|ศ|ส"].Value)}\" data-prev=\"{System.Net.WebUtility.HtmlEncode(s["เดือนก่อน"].Value)}\" "
                + $"data-next=\"{System.Net.WebUtility.HtmlEncode(s["เดือนถัดไป"].Value)}\" data-close=\"{System.Net.WebUtility.HtmlEncode(s["ปิด"].Value)}\"></script>");
        }
    }

    private static void AddClass(TagHelperOutput output, string name)
    {
        var existing = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() : null;
        output.Attributes.SetAttribute("class", string.IsNullOrEmpty(existing) ? name : $"{existing} {name}");
    }
}

public static class DateFields
{
    /// <summary>
    /// A secondary button ("ตรวจสอบจำนวนว่าง") says nothing about the half-filled form except the fields it used: their
    /// refusals and typed text stay, everything else is forgotten.
    /// </summary>
    public static void KeepOnly(ModelStateDictionary modelState, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var key in modelState.Keys.Where(k => !keys.Contains(k, StringComparer.Ordinal)).ToList())
        {
            modelState.Remove(key);
        }
    }
}
