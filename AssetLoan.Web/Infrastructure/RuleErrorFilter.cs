using AssetLoan.Domain;
using AssetLoan.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AssetLoan.Web.Infrastructure;

/// <summary>
/// A page whose POST handlers let a refused rule (<see cref="DomainRuleException"/>) or a lost race
/// (<see cref="DbUpdateConcurrencyException"/>) escape: <see cref="RuleErrorFilter"/> turns it into the Thai message beside
/// the field the page names, and shows the page again with what was typed (status 200).
/// </summary>
public interface IShowsRuleErrors
{
    /// <summary>The ModelState key beside which a rule's message is shown; "" (the default) for the summary.</summary>
    string FieldFor(DomainRuleException error) => "";

    /// <summary>
    /// The field for a rule refused in the POST handler named <paramref name="handler"/> (as Razor Pages names it:
    /// "Approve" for <c>OnPostApproveAsync</c>, "" for <c>OnPostAsync</c>), for a page whose forms each have their own
    /// field for the same rule; by default the same for every handler.
    /// </summary>
    string FieldFor(DomainRuleException error, string handler) => FieldFor(error);

    /// <summary>
    /// Load again what the page shows, after the change tracker was cleared. By default nothing: the handler loaded the page
    /// before it called the verb, and the verb refuses before it changes anything.
    /// </summary>
    Task ReloadAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The Thai text (a SharedResource key) shown when someone else saved first.</summary>
    string ConcurrencyMessage => DomainErrors.ThaiMessage(new DomainRuleException("Loan.Concurrency", "Someone changed this loan; review it again."));

    /// <summary>Load again after someone else saved first; by default the same as <see cref="ReloadAsync"/>.</summary>
    Task ReloadAfterConcurrencyAsync(CancellationToken ct) => ReloadAsync(ct);
}

/// <summary>
/// The one place a rule error escaping a POST handler becomes a form error (issue 12): registered for every page, it acts
/// only on pages that implement <see cref="IShowsRuleErrors"/>. The change tracker is cleared so nothing half-changed is
/// saved later in the request, the localized message goes under the field the page names for the rule and the handler that ran, the page reloads and renders with 200.
/// </summary>
public sealed class RuleErrorFilter(IStringLocalizer<SharedResource> s) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is not { } error || executed.ExceptionHandled
            || !HttpMethods.IsPost(context.HttpContext.Request.Method)
            || context.HandlerInstance is not PageModel model || model is not IShowsRuleErrors page
            || error is not (DomainRuleException or DbUpdateConcurrencyException))
        {
            return;
        }

        var ct = context.HttpContext.RequestAborted;
        context.HttpContext.RequestServices.GetService<AppDbContext>()?.ChangeTracker.Clear();
        if (error is DomainRuleException rule)
        {
            model.ModelState.AddDomainError(rule, s, page.FieldFor(rule, context.HandlerMethod?.Name ?? ""));
            await page.ReloadAsync(ct);
        }
        else
        {
            model.ModelState.AddModelError("", s[page.ConcurrencyMessage]);
            await page.ReloadAfterConcurrencyAsync(ct);
        }

        executed.Result = model.Page();
        executed.ExceptionHandled = true;
    }
}
