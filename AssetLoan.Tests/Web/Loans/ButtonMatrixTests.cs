using System.Globalization;
using System.Net;
using AssetLoan.Domain.Assets;
using AssetLoan.Domain.Calendar;
using AssetLoan.Domain.Loans;
using AssetLoan.Domain.People;
using AssetLoan.Tests.Builders;
using AssetLoan.Tests.Support;
using AssetLoan.Web.Data;
using AssetLoan.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetLoan.Tests.Web.Loans;

/// <summary>
/// Issue 12 §1: the loan page's buttons come from <see cref="LoanActions.For"/> and nothing else. For every state of the
/// loan's life × every demo account × the person's own request or someone else's, /loans/{id} is rendered and its
/// buttons (<c>data-action</c>) read; then every action a loan page offers is tried through the real pages — the action
/// page's form when it shows one, else a bare POST with the person's antiforgery token. A shown button must lead to a
/// form whose POST changes the loan; a hidden action must leave the loan unchanged. Failures are collected and named.
/// Besides the people's own requests and a colleague's, a colleague's request keyed in by the demo officer on their
/// behalf: with the separation of duties on, that officer may neither check it nor hand it over (Loan.KeyedInBySameOfficer).
/// </summary>
public sealed class ButtonMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] People = [Demo.Officer, Demo.Director, Demo.Mayor, Demo.Head, Demo.Employee, Demo.Auditor, Demo.Admin, Demo.Deputy];

    /// <summary>The demo accounts that file requests of their own (the auditor and the admin do not borrow).</summary>
    private static readonly string[] Borrowers = [Demo.Officer, Demo.Director, Demo.Mayor, Demo.Head, Demo.Employee, Demo.Deputy];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, .. new byte[500]];

    /// <summary>The borrower key of the colleague's requests keyed in by the demo officer.</summary>
    private const string KeyedIn = "keyed-in-by-officer";

    /// <summary>The borrower key of the demo head's own requests keyed in by the demo officer (they need an endorsement the head may not give).</summary>
    private const string KeyedInHead = "keyed-in-for-the-head";

    private const string TrackPool = "เก้าอี้ (ทดสอบปุ่มติดตาม)";

    private readonly Dictionary<string, HttpClient> _clients = [];
    private string _colleague = "";
    private int _pool;
    private int _letters = 900;

    private enum State
    {
        Submitted,
        Endorsed,
        SentBack,
        Checked,
        PaperApproved,
        Approved,
        Rejected,
        Cancelled,
        HandedOver,
        ExtensionAsked,
        PartlyReturned,
        Returned,
        Closed,
        Expired,
        Overdue,
    }

    [Fact]
    public async Task EveryShownButton_Succeeds_AndEveryHiddenAction_IsRefused()
    {
        _pool = await LoanSetup.NewPoolAsync(app, "เก้าอี้ (ทดสอบปุ่ม)", 100_000, maxDays: 60);
        var colleague = await LoanSetup.NewStaffAsync(app, "นางสาวเพื่อนร่วม งานดี", "EDU", Roles.Employee);
        var borrowers = Borrowers.Append(colleague).Append(KeyedIn).ToList();
        _colleague = colleague;

        // One loan per (state, borrower) serves every person's look and hidden attempts (they must not change it); each
        // shown action gets a loan of its own. An overdue loan cannot be made today: those are handed over now and the
        // clock moved on before they are looked at.
        var overdue = new Dictionary<string, Queue<int>>();
        foreach (var borrower in borrowers)
        {
            overdue[borrower] = new Queue<int>();
            for (var i = 0; i < 4; i++)
            {
                overdue[borrower].Enqueue(await LoanInAsync(borrower, State.HandedOver));
            }
        }

        var failures = new List<string>();
        var covered = 0;
        foreach (var state in Enum.GetValues<State>().OrderBy(s => s == State.Overdue))
        {
            if (state == State.Overdue)
            {
                app.Clock.Advance(TimeSpan.FromDays(10));
                _clients.Clear();
            }

            foreach (var borrower in borrowers)
            {
                Func<Task<int>> fresh = state == State.Overdue ? () => Task.FromResult(overdue[borrower].Dequeue()) : () => LoanInAsync(borrower, state);
                var id = await fresh();
                if (id == 0)
                {
                    continue;
                }

                foreach (var person in People.Where(p => borrower == colleague || borrower == KeyedIn || p == borrower))
                {
                    covered++;
                    var whose = person == borrower ? "own" : borrower == KeyedIn ? "keyed in by the officer" : "other's";
                    var name = $"{state} × {person.Split('@')[0]} × {whose}";
                    var client = await ClientAsync(person);
                    var shown = await ShownAsync(client, id);

                    // One button (พิจารณาอนุมัติ) leads to the review page, which offers the decision both ways.
                    if (shown.Contains(LoanAction.Approve))
                    {
                        shown.Add(LoanAction.Reject);
                    }
                    foreach (var action in LoanActions.PageActions.Where(a => !shown.Contains(a)))
                    {
                        var (changed, how) = await AttemptAsync(client, action, id);
                        if (changed)
                        {
                            failures.Add($"{name}: {action} hidden but the server did it ({how})");
                            id = await fresh();
                        }
                    }

                    foreach (var action in shown)
                    {
                        var (changed, how) = await AttemptAsync(client, action, await fresh());
                        if (!changed)
                        {
                            failures.Add($"{name}: {action} shown but refused ({how})");
                        }
                    }
                }
            }
        }

        Assert.True(covered > 100, $"only {covered} combinations reached");
        Assert.True(failures.Count == 0, $"{failures.Count} of {covered} combinations disagree:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// The send-back and endorsement forms of the head's endorsement page and the officer's check page come from
    /// <see cref="LoanActions.Refusal"/> too: for every state × demo account × own/other/keyed-in request, a form the
    /// page shows must change the loan when posted, and an action it hides must be refused when posted anyway.
    /// </summary>
    [Fact]
    public async Task EndorsementAndCheckPages_EveryShownForm_Succeeds_AndEveryHiddenAction_IsRefused()
    {
        _pool = await LoanSetup.NewPoolAsync(app, "เก้าอี้ (ทดสอบปุ่มส่งกลับ)", 100_000, maxDays: 60);
        var colleague = await LoanSetup.NewStaffAsync(app, "นางสาวเพื่อนร่วม ส่งกลับ", "EDU", Roles.Employee);
        var borrowers = Borrowers.Append(colleague).Append(KeyedIn).Append(KeyedInHead).ToList();
        _colleague = colleague;
        const string Reason = "ขอให้ระบุสถานที่ให้ชัดเจน";
        (string Page, LoanAction Action, Func<int, DateOnly, Attempt> For)[] forms =
        [
            ("endorsements", LoanAction.Endorse, (id, _) => new($"/endorsements/{id}", "form[data-action='Endorse']", $"/endorsements/{id}?handler=Endorse", _ => { })),
            ("endorsements", LoanAction.SendBack, (id, _) => new($"/endorsements/{id}", "form[data-action='SendBack']", $"/endorsements/{id}?handler=SendBack", f => f.Set("Reason", Reason))),
            ("supplies/check", LoanAction.SendBack, (id, _) => new($"/supplies/check/{id}", "form[data-action='SendBack']", $"/supplies/check/{id}?handler=SendBack", f => f.Set("Reason", Reason))),
            ("supplies/check", LoanAction.Check, (id, _) => new($"/supplies/check/{id}", "form[data-action='Check']", $"/supplies/check/{id}?handler=Reserve", _ => { })),
        ];

        var failures = new List<string>();
        var (covered, shownCount) = (0, 0);
        foreach (var state in Enum.GetValues<State>().Where(s => s != State.Overdue))
        {
            foreach (var borrower in borrowers)
            {
                var id = await LoanInAsync(borrower, state);
                if (id == 0)
                {
                    continue;
                }

                foreach (var person in People.Where(p => borrower == colleague || borrower is KeyedIn or KeyedInHead || p == borrower))
                {
                    var whose = person == borrower ? "own" : borrower == KeyedIn ? "keyed in by the officer" : borrower == KeyedInHead ? "the head's, keyed in by the officer" : "other's";
                    var client = await ClientAsync(person);
                    foreach (var page in forms.Select(f => f.Page).Distinct())
                    {
                        covered++;
                        var name = $"{state} × {person.Split('@')[0]} × {whose} on /{page}";
                        var shown = await ShownAsync(client, $"/{page}/{id}");
                        foreach (var (_, action, attemptFor) in forms.Where(f => f.Page == page))
                        {
                            if (shown.Contains(action))
                            {
                                shownCount++;
                                var fresh = await LoanInAsync(borrower, state);
                                var (changed, how) = await AttemptAsync(client, fresh, dueOn => attemptFor(fresh, dueOn));
                                if (!changed)
                                {
                                    failures.Add($"{name}: {action} shown but refused ({how})");
                                }
                            }
                            else
                            {
                                var (changed, how) = await AttemptAsync(client, id, dueOn => attemptFor(id, dueOn));
                                if (changed)
                                {
                                    failures.Add($"{name}: {action} hidden but the server did it ({how})");
                                    id = await LoanInAsync(borrower, state);
                                }
                            }
                        }
                    }
                }
            }
        }

        Assert.True(covered > 100 && shownCount > 5, $"only {covered} combinations reached, {shownCount} forms shown");
        Assert.True(failures.Count == 0, $"{failures.Count} of {covered} combinations disagree:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// The outsider's /track page: its cancel, correction and extension forms come from <see cref="LoanActions.For"/>
    /// for the applicant. For every state of an outside application, a form shown must change the loan when posted with
    /// the phone on file, and a form hidden must be refused when posted anyway (with the phone on file and valid fields).
    /// </summary>
    [Fact]
    public async Task TrackPage_EveryShownForm_Succeeds_AndEveryHiddenAction_IsRefused()
    {
        _pool = await LoanSetup.NewPoolAsync(app, TrackPool, 100_000, maxDays: 60);
        LoanAction[] actions = [LoanAction.Cancel, LoanAction.Resubmit, LoanAction.RequestExtension];
        var failures = new List<string>();
        var (covered, shownCount) = (0, 0);
        var states = Enum.GetValues<State>().Where(s => s is not (State.Endorsed or State.Overdue)).ToList();
        var overdue = new List<(string Token, string Phone, int Id)>();
        for (var i = 0; i < 3; i++)
        {
            overdue.Add(await OutsideLoanInAsync(State.HandedOver));
        }

        foreach (var state in states.Append(State.Overdue))
        {
            if (state == State.Overdue)
            {
                app.Clock.Advance(TimeSpan.FromDays(10));
            }

            var queue = new Queue<(string Token, string Phone, int Id)>(overdue);
            Func<Task<(string Token, string Phone, int Id)>> fresh = state == State.Overdue ? () => Task.FromResult(queue.Dequeue()) : () => OutsideLoanInAsync(state);
            var loan = await fresh();
            var client = app.CreateAnonymousClient();
            covered++;
            var shown = await ShownAsync(client, $"/track/{loan.Token}");
            foreach (var action in actions)
            {
                if (shown.Contains(action))
                {
                    shownCount++;
                    var other = await fresh();
                    var (changed, how) = await AttemptAsync(client, other.Id, dueOn => TrackAttempt(action, other.Token, other.Phone, dueOn), $"/track/{other.Token}", "#notices-form");
                    if (!changed)
                    {
                        failures.Add($"{state} on /track: {action} shown but refused ({how})");
                    }
                }
                else
                {
                    var (changed, how) = await AttemptAsync(client, loan.Id, dueOn => TrackAttempt(action, loan.Token, loan.Phone, dueOn), $"/track/{loan.Token}", "#notices-form");
                    if (changed)
                    {
                        failures.Add($"{state} on /track: {action} hidden but the server did it ({how})");
                        loan = await fresh();
                    }
                }
            }
        }

        Assert.True(covered == states.Count + 1 && shownCount > 5, $"{covered} states reached, {shownCount} forms shown");
        Assert.True(failures.Count == 0, $"{failures.Count} of {covered} states disagree:\n" + string.Join("\n", failures));
    }

    private Attempt TrackAttempt(LoanAction action, string token, string phone, DateOnly dueOn) => action switch
    {
        LoanAction.Cancel => new($"/track/{token}", "form[data-action='Cancel']", $"/track/{token}?handler=Cancel", f => f.Set("CancelPhone", phone)),
        LoanAction.Resubmit => new($"/track/{token}", "form[data-action='Resubmit']", $"/track/{token}?handler=Resubmit",
            f => f.Set("Fix.Purpose", "งานบำเพ็ญกุศลศพ").Set("Fix.Place", "ศาลาประชาคม หมู่ 3").Set("Fix.StartOn", ThaiDate.InputText(Today))
                .Set("Fix.DueOn", ThaiDate.InputText(Today.AddDays(2))).Set("Fix.Lines[0].ItemId", _pool.ToString(CultureInfo.InvariantCulture))
                .Set("Fix.Lines[0].Quantity", "1").Set("Fix.Phone", phone)),
        LoanAction.RequestExtension => new($"/track/{token}", "form[data-action='RequestExtension']", $"/track/{token}?handler=Extend",
            f => f.Set("Extend.NewDueOn", ThaiDate.InputText(dueOn.AddDays(1))).Set("Extend.Reason", "งานเลื่อนออกไป").Set("Extend.Phone", phone)),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>An outside application for two chairs of the test pool, today to the day after tomorrow, filed through /apply and brought to <paramref name="state"/>.</summary>
    private async Task<(string Token, string Phone, int Id)> OutsideLoanInAsync(State state)
    {
        var client = app.CreateAnonymousClient();
        var phone = PublicApplication.NewPhone();
        var form = await PublicApplication.FilledAsync(client, phone: phone);
        form.Quantity(PublicApplication.Tent, 0).Quantity(PublicApplication.Chairs, 0).Quantity(TrackPool, 2).Set("Input.OffPremises", "false")
            .Set("Input.StartOn", ThaiDate.InputText(Today)).Set("Input.DueOn", ThaiDate.InputText(Today.AddDays(2)));
        var (_, token) = await PublicApplication.SubmitAsync(client, form);
        var id = await PublicApplication.LoanIdAsync(app, token);
        Assert.True(await MoveAsync(id, state, null), $"an outside application cannot reach {state}");
        return (token, phone, id);
    }

    private async Task<HttpClient> ClientAsync(string email)
    {
        if (!_clients.TryGetValue(email, out var client))
        {
            client = await app.CreateClientAsAsync(email);
            _clients[email] = client;
        }

        return client;
    }

    /// <summary>The buttons the loan page shows (none when the person may not open it).</summary>
    private static Task<List<LoanAction>> ShownAsync(HttpClient client, int id) => ShownAsync(client, $"/loans/{id}");

    /// <summary>The buttons (<c>data-action</c>) <paramref name="page"/> shows (none when the person may not open it).</summary>
    private static async Task<List<LoanAction>> ShownAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return [];
        }

        var doc = await HtmlForm.ParseAsync(response);
        return doc.QuerySelectorAll("main [data-action]")
            .Select(e => Enum.TryParse<LoanAction>(e.GetAttribute("data-action"), out var a) ? a : throw new InvalidOperationException($"{page}: a button names no action: {e.OuterHtml}"))
            .Distinct().ToList();
    }

    private sealed record Attempt(string Page, string Selector, string Post, Action<HtmlForm> Fill);

    private Attempt AttemptFor(LoanAction action, int id, DateOnly dueOn) => action switch
    {
        LoanAction.Endorse => new($"/endorsements/{id}", "form[action*='handler=Endorse']", $"/endorsements/{id}?handler=Endorse", _ => { }),
        LoanAction.Check => new($"/supplies/check/{id}", "form[action*='handler=Reserve']", $"/supplies/check/{id}?handler=Reserve", _ => { }),
        LoanAction.RecordPaperApproval => new($"/supplies/paper/{id}", "form[enctype='multipart/form-data']", $"/supplies/paper/{id}",
            f => f.Set("ApproverName", "นายสมศักดิ์ รักษ์ทรัพย์").Set("ApproverRole", nameof(Role.FinanceDirector)).AttachFile("Scan", "approval.png", Png, "image/png")),
        LoanAction.Approve => new($"/approvals/review/{id}", "form[action*='handler=Approve']", $"/approvals/review/{id}?handler=Approve", _ => { }),
        LoanAction.Reject => new($"/approvals/review/{id}", "form[action*='handler=Reject']", $"/approvals/review/{id}?handler=Reject", f => f.Set("Reason", "ไม่มีความจำเป็น")),
        LoanAction.DecideExtension => new($"/approvals/review/{id}", "form[action*='handler=Extension']", $"/approvals/review/{id}?handler=Extension", f => f.Set("approve", "true")),
        LoanAction.ConfirmApproval => new($"/loans/{id}", "form[action*='handler=ConfirmApproval']", $"/loans/{id}?handler=ConfirmApproval", _ => { }),
        LoanAction.Resubmit => new($"/loans/{id}", "form[action*='handler=Resubmit']", $"/loans/{id}?handler=Resubmit",
            f => f.Set("Resubmit.Purpose", "ใช้ในงานของหน่วยงาน").Set("Resubmit.Place", "ห้องประชุมเทศบาล")
                .Set("Resubmit.StartOn", ThaiDate.InputText(Today)).Set("Resubmit.DueOn", ThaiDate.InputText(Today.AddDays(2)))),
        LoanAction.Reduce => new($"/supplies/reduce/{id}", "#reduce-form", $"/supplies/reduce/{id}",
            f => f.Set("Input.Lines[0].Quantity", "1").Set("Input.Agreement", "ผู้ยืมยินยอมทางโทรศัพท์")),
        LoanAction.HandOver => new($"/supplies/handover/{id}", "#handover-form", $"/supplies/handover/{id}",
            f => f.Set("Input.ReceiverName", "นายสมหมาย ใจกว้าง").Set("Input.Acknowledged", "true")),
        LoanAction.Return => new($"/supplies/return/{id}", "#return-form", $"/supplies/return/{id}", f => f.Set("Input.Lines[0].PoolGood", "1")),
        LoanAction.RecordDemand => new($"/supplies/demandletter/{id}", "#issue-form", $"/supplies/demandletter/{id}",
            f => f.Set("Issue.Number", (++_letters).ToString(CultureInfo.InvariantCulture))),
        LoanAction.RequestExtension => new($"/loans/{id}", "form[action*='handler=Extend']", $"/loans/{id}?handler=Extend",
            f => f.Set("Extend.NewDueOn", ThaiDate.InputText(dueOn.AddDays(1))).Set("Extend.Reason", "งานเลื่อนออกไป")),
        LoanAction.Cancel => new($"/loans/{id}", "form[action*='handler=Cancel']", $"/loans/{id}?handler=Cancel", f => f.Set("Cancel.Reason", "ทดสอบปุ่ม")),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>Tries <paramref name="action"/> as the person would: whether the loan changed, and how the pages answered.</summary>
    private Task<(bool Changed, string How)> AttemptAsync(HttpClient client, LoanAction action, int id) =>
        AttemptAsync(client, id, dueOn => AttemptFor(action, id, dueOn));

    /// <summary>
    /// Tries one attempt: its page's form when the page shows it, else a bare POST with the client's antiforgery token
    /// (from <paramref name="tokenPage"/>'s form <paramref name="tokenForm"/>; by default the profile's logout form).
    /// </summary>
    private async Task<(bool Changed, string How)> AttemptAsync(HttpClient client, int id, Func<DateOnly, Attempt> attemptFor,
        string tokenPage = "/account/profile", string tokenForm = "form[action='/account/logout']")
    {
        var before = await StampAsync(id);
        var attempt = attemptFor(before.DueOn);
        var page = await client.GetAsync(attempt.Page);
        HtmlForm? form = null;
        if (page.StatusCode == HttpStatusCode.OK && (await HtmlForm.ParseAsync(page)) is var doc && doc.QuerySelector(attempt.Selector) is not null)
        {
            form = HtmlForm.From(doc, attempt.Selector, attempt.Page);
        }

        var how = $"GET {attempt.Page} {(int)page.StatusCode}{(form is null ? " without the form" : "")}";
        var post = form ?? HtmlForm.From(await HtmlForm.GetDocumentAsync(client, tokenPage), tokenForm, tokenPage);
        attempt.Fill(post);
        var response = await post.SubmitAsync(client, form is null ? attempt.Post : null);
        var after = await StampAsync(id);
        how += $", POST {(int)response.StatusCode}{(response.Headers.Location is { } to ? " → " + to : "")}";
        var signIn = response.Headers.Location?.ToString().Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true;
        return (before != after && !signIn, how);
    }

    private sealed record Stamp(Guid Version, LoanStatus Status, DateOnly DueOn);

    private Task<Stamp> StampAsync(int id) =>
        app.WithDbAsync(db => db.Loans.AsNoTracking().Where(l => l.Id == id).Select(l => new Stamp(l.Version, l.Status, l.DueOn)).SingleAsync());

    private DateOnly Today => LoanSetup.Today(app);

    /// <summary>
    /// A loan of <paramref name="borrowerEmail"/> for two chairs, today to the day after tomorrow, brought to
    /// <paramref name="state"/> through the domain as the demo people would; 0 when the state is not on this borrower's
    /// way (only a request that needs an endorsement is ever Endorsed).
    /// </summary>
    private async Task<int> LoanInAsync(string borrowerKey, State state)
    {
        var today = Today;
        var borrowerEmail = borrowerKey == KeyedIn ? _colleague : borrowerKey == KeyedInHead ? Demo.Head : borrowerKey;
        var id = await app.WithDbAsync(async db =>
        {
            var keyedIn = borrowerKey is KeyedIn or KeyedInHead;
            var actor = await LoanSetup.ActorAsync(db, keyedIn ? Demo.Officer : borrowerEmail);
            var request = new LoanRequest("ใช้ในงานของหน่วยงาน", "ห้องประชุมเทศบาล", false, today, today.AddDays(2), [new RequestedLine(_pool, 2)]);
            var policy = (await Settings.LoadAsync(db, default)).Policy;

            // The standing rule is not what this matrix tests: one borrower holds many loans here, some with open damage cases.
            var borrowerUserId = keyedIn ? (await LoanSetup.ActorAsync(db, borrowerEmail)).UserId! : actor.UserId!;
            var loan = await db.SubmitLoanAsync(await db.StaffBorrowerAsync(borrowerUserId, default), request, actor, policy with { BorrowerStandingRule = false },
                today, app.Clock.GetUtcNow().UtcDateTime, default);
            return loan.Id;
        });
        return await MoveAsync(id, state, borrowerEmail) ? id : 0;
    }

    /// <summary>
    /// Brings the submitted loan <paramref name="id"/> to <paramref name="state"/> through the domain as the demo people
    /// would; <paramref name="borrowerEmail"/> null: an outside applicant, who acts through the tracking link.
    /// </summary>
    private Task<bool> MoveAsync(int id, State state, string? borrowerEmail)
    {
        var today = Today;
        return app.WithDbAsync(async db =>
        {
            var nowUtc = app.Clock.GetUtcNow().UtcDateTime;
            var loan = await db.Loans.Whole().SingleAsync(l => l.Id == id);
            var policy = (await Settings.LoadAsync(db, default)).Policy;
            var demoOfficer = await LoanSetup.ActorAsync(db, Demo.Officer);
            var officer = loan.IsOwnRequest(demoOfficer) || loan.DutyRefusal(demoOfficer, LoanAction.HandOver, true) is not null ? LoanSetup.SecondOfficer : demoOfficer;
            var borrower = borrowerEmail is null ? Actor.Applicant(AssetLoan.Web.Pages.Apply.IndexModel.ApplicantActorName) : await LoanSetup.ActorAsync(db, borrowerEmail);
            var itemIds = loan.Lines.Select(l => l.CatalogueItemId).ToList();
            var items = await db.CatalogueItems.Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var noUnits = new Dictionary<int, Asset>();
            var line = loan.Lines.Single();
            switch (state)
            {
                case State.Submitted:
                    return true;
                case State.SentBack:
                    loan.SendBack(officer, "ขอให้ระบุสถานที่ให้ชัดเจน", nowUtc);
                    return await SaveAsync(db);
                case State.Cancelled:
                    loan.Cancel(borrower, null, nowUtc);
                    return await SaveAsync(db);
            }

            if (loan.NeedsEndorsement)
            {
                var head = await LoanSetup.ActorAsync(db, Demo.Head);
                loan.Endorse(head.DivisionId == loan.BorrowerDivisionId && !loan.IsOwnRequest(head) ? head
                    : new Actor($"head-of-{loan.BorrowerDivisionId}", "หัวหน้าหน่วยงาน (ทดสอบ)", new HashSet<Role> { Role.DivisionHead }, loan.BorrowerDivisionId), nowUtc);
            }
            else if (state == State.Endorsed)
            {
                return false;
            }

            if (state == State.Endorsed)
            {
                return await SaveAsync(db);
            }

            loan.Check(officer, loan.Case, new Dictionary<int, IReadOnlyList<Asset>>(),
                await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, false, loan.Id, default), today, nowUtc);
            var firm = await db.AvailabilityAsync(itemIds, loan.StartOn, loan.DueOn, today, true, loan.Id, default);
            var approver = await LoanSetup.ActorAsync(db, borrowerEmail is null or Demo.Director ? Demo.Mayor : Demo.Director);
            switch (state)
            {
                case State.Checked:
                    return await SaveAsync(db);
                case State.PaperApproved:
                    loan.RecordPaperApproval(LoanSetup.SecondOfficer, approver.Name, Role.FinanceDirector, null, "paper-approvals/signed.png", policy, firm, noUnits, nowUtc);
                    return await SaveAsync(db);
                case State.Rejected:
                    loan.Reject(approver, policy, "พัสดุต้องใช้ในงานของเทศบาล", nowUtc);
                    return await SaveAsync(db);
            }

            loan.Approve(approver, policy, null, false, firm, noUnits, nowUtc);
            if (state == State.Approved)
            {
                return await SaveAsync(db);
            }

            if (state == State.Expired)
            {
                // Nobody came for it: the nightly job's verb, as on a day long after the pickup deadline.
                loan.Expire(loan.DueOn.AddDays(30), 0, nowUtc);
                return await SaveAsync(db);
            }

            loan.HandOver(officer, [new LineIssue(line.Id, [], line.Quantity, null)], noUnits, items, TestShelf.Free(items), "ผู้รับพัสดุ", true, null, today, nowUtc,
                await db.WorkingCalendarAsync(default));
            switch (state)
            {
                case State.ExtensionAsked:
                    loan.RequestExtension(borrower, loan.DueOn.AddDays(1), "งานเลื่อนออกไป", today, nowUtc);
                    break;
                case State.PartlyReturned:
                    loan.Return(officer, [new LineReturn(line.Id, [], 1, 0, 0, [], null)], noUnits, items, today, nowUtc);
                    break;
                case State.Returned:
                    loan.Return(officer, [new LineReturn(line.Id, [], 1, 1, 0, [], "ขาหัก")], noUnits, items, today, nowUtc);
                    break;
                case State.Closed:
                    loan.Return(officer, [new LineReturn(line.Id, [], 2, 0, 0, [], null)], noUnits, items, today, nowUtc);
                    break;
            }

            return await SaveAsync(db);
        });
    }

    private static async Task<bool> SaveAsync(AppDbContext db)
    {
        await db.SaveChangesAsync();
        return true;
    }
}
