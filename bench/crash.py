#!/usr/bin/env python3
"""Crash safety (issue 11 §9). Not a test: run by bench/crash.sh, which builds the app first.

The app is started on a fresh SQLite database (demo data); public applications are filed at it by a few client
threads while the supplies officer checks them, the mayor approves them (off-premises loans are the executive's) and the officer hands them over, each
through the real forms; the app is killed with SIGKILL at a random moment; this repeats ROUNDS times (default 20).
After each kill:
  - PRAGMA integrity_check must say ok;
  - every application whose response the client saw as a success (redirect to /apply/done, reference shown) must be in
    the Loans table, and every check, approval and handover the client saw succeed (the page redirected) must have
    left the loan at least that far along;
  - the outbox lost nothing and sent nothing twice: every e-mail marked sent has exactly one .eml file, named by its
    notification id (a crash between writing the file and marking it sent rewrites the same file, and the Message-ID
    is the notification's own, so an SMTP resend is recognisable as the same message);
  - after the restart, the auditor's /audit/verify must say the chain is intact.
Everything is on loopback; every loop is bounded in count and time. Prints one line per round and a summary; exits 1
on the first broken invariant.
"""
import glob
import html.parser
import http.cookiejar
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

DLL, WORK, PORT = sys.argv[1], sys.argv[2], int(sys.argv[3])
ROUNDS = int(os.environ.get("CRASH_ROUNDS", "20"))
# Seconds of load before each kill, drawn uniformly (the staff steps need a few seconds to sign in and find work).
KILL_AFTER = (float(os.environ.get("CRASH_MIN_S", "3")), float(os.environ.get("CRASH_MAX_S", "8")))
BASE = f"http://127.0.0.1:{PORT}"
DB = os.path.join(WORK, "crash.db")
PASSWORD = "Demo#2569-maekhue"
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def client():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def token_of(html):
    m = TOKEN.search(html)
    return m.group(1) if m else None


def start_app():
    env = dict(os.environ)
    env.update({
        "ASPNETCORE_ENVIRONMENT": "Development",
        "ASPNETCORE_URLS": BASE,
        "ConnectionStrings__Default": f"Data Source={DB}",
        "Database__Provider": "Sqlite",
        "Seed__Demo": "true",
        "Storage__UploadsPath": os.path.join(WORK, "uploads"),
        "Mail__PickupDirectory": os.path.join(WORK, "mail"),
        "DataProtection__KeysPath": os.path.join(WORK, "keys"),
        "DataProtection__KeyFile": os.path.join(WORK, "keys", "keyring.key"),
        "Audit__ChainKeyFile": os.path.join(WORK, "keys", "audit-chain.key"),
        "RateLimit__PublicPostsPerMinute": "100000",
        # The crash loop posts without the page's proof-of-work answer: lift the per-network daily limits of /apply.
        "Apply__PerClientPerDay": "100000000",
        "Apply__WithoutScriptPerClientPerDay": "100000000",
        "DisableHttpsRedirection": "true",
        "Auth__CookieSecure": "SameAsRequest",
        "Logging__LogLevel__Default": "Warning",
    })
    log = open(os.path.join(WORK, "app.log"), "a")
    proc = subprocess.Popen(["dotnet", DLL], env=env, stdout=log, stderr=log, cwd=os.path.dirname(DLL))
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(BASE + "/", timeout=2).read()
            return proc
        except Exception:
            if proc.poll() is not None:
                sys.exit(f"the app exited with {proc.returncode}; see {WORK}/app.log")
            time.sleep(0.3)
    proc.kill()
    sys.exit("the app did not answer within 120 s")


class Forms(html.parser.HTMLParser):
    """The fields a browser would post for each form of a page: hidden and filled inputs, checked boxes, selections."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action") or "", "id": a.get("id") or "", "fields": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self._form["fields"].append((a["name"], a.get("value") or ""))
        elif tag == "select":
            self._select = [a.get("name"), None]
        elif tag == "option" and self._select is not None and ("selected" in a or self._select[1] is None):
            self._select[1] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._form["fields"].append((a["name"], ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None and self._select[0]:
            self._form["fields"].append((self._select[0], self._select[1] or ""))
            self._select = None


def form_of(page, wanted):
    parser = Forms()
    parser.feed(page)
    return next((f for f in parser.forms if wanted in f["action"] or f["id"] == wanted), None)


def sign_in(email):
    opener = client()
    html_ = opener.open(BASE + "/account/login", timeout=10).read().decode()
    form = {"__RequestVerificationToken": token_of(html_), "Input.Email": email, "Input.Password": PASSWORD}
    try:
        opener.open(urllib.request.Request(BASE + "/account/login", data=urllib.parse.urlencode(form).encode(), method="POST"), timeout=20)
    except urllib.error.HTTPError as e:
        if e.code != 302:
            raise
    return opener


def post_form(opener, url, fields):
    """True when the app redirected (the step was saved), False when it answered with the page (refused)."""
    req = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), method="POST")
    try:
        opener.open(req, timeout=20)
        return False
    except urllib.error.HTTPError as e:
        if e.code == 302:
            return True
        raise


def loans_in(status):
    con = sqlite3.connect(f"file:{DB}?mode=ro", uri=True, timeout=5)
    try:
        return [r[0] for r in con.execute("SELECT Id FROM Loans WHERE Status = ? AND BorrowerKind <> 'Staff' ORDER BY Id DESC LIMIT 20", (status,))]
    finally:
        con.close()


# The steps of the loan's life driven here: (who, status the loan must be in, page, form, fields to set, status reached).
STEPS = [
    ("officer@maekhue.go.th", "Submitted", "/supplies/check/{}", "handler=Reserve", {}, "Checked"),
    ("mayor@maekhue.go.th", "Checked", "/approvals/review/{}", "handler=Approve", {}, "Approved"),
    ("officer@maekhue.go.th", "Approved", "/supplies/handover/{}", "handover-form", {"Input.ReceiverName": "ผู้รับทดสอบ", "Input.Acknowledged": "true"}, "HandedOver"),
]
ORDER = ["Submitted", "Checked", "Approved", "HandedOver"]


def staff_steps(stop, reached, lock):
    """Moves applications along their life; records (loan id, status) for every step the app acknowledged."""
    try:
        openers = {email: sign_in(email) for email in {s[0] for s in STEPS}}
    except Exception:
        return
    for _ in range(100000):
        if stop.is_set():
            return
        try:
            for email, status, page, wanted, extra, to in STEPS:
                for loan_id in loans_in(status)[:3]:
                    url = BASE + page.format(loan_id)
                    form = form_of(openers[email].open(url, timeout=10).read().decode(), wanted)
                    if form is None:
                        continue
                    fields = [(k, v) for k, v in form["fields"] if k not in extra] + list(extra.items())
                    if post_form(openers[email], urllib.parse.urljoin(url, form["action"] or url), fields):
                        with lock:
                            reached[loan_id] = to
        except sqlite3.Error:
            time.sleep(0.05)
        except Exception:
            return  # the app was killed


def outbox_faults():
    """E-mails marked sent without their file, or files without a notification (both must be empty)."""
    con = sqlite3.connect(DB)
    try:
        sent = {r[0] for r in con.execute("SELECT Id FROM Notifications WHERE Channel = 'Email' AND SentAtUtc IS NOT NULL")}
        known = {r[0] for r in con.execute("SELECT Id FROM Notifications")}
    finally:
        con.close()
    files = [int(re.search(r"-(\d+)\.eml$", f).group(1)) for f in glob.glob(os.path.join(WORK, "mail", "*.eml"))]
    missing = sorted(sent - set(files))
    strays = sorted(set(f for f in files if f not in known))
    twice = sorted({f for f in files if files.count(f) > 1})
    return missing, strays + twice, len(sent)


def be_date(days):
    d = time.gmtime(time.time() + 7 * 3600 + days * 86400)
    return f"{d.tm_mday:02d}/{d.tm_mon:02d}/{d.tm_year + 543}"


def file_applications(stop, acknowledged, lock, seq):
    """Files applications until stopped; records the references whose success the client saw."""
    opener = client()
    try:
        html = opener.open(BASE + "/apply", timeout=10).read().decode()
    except Exception:
        return
    tok = token_of(html)
    # An item the public may borrow (the list also shows items for agencies only).
    items = [m.group(2) for m in re.finditer(r'data-audience="([^"]*)" data-item-id="(\d+)"', html) if "public" in m.group(1)]
    if not tok or not items:
        return
    for _ in range(100000):
        if stop.is_set():
            return
        with lock:
            seq[0] += 1
            n = seq[0]
        form = {
            "__RequestVerificationToken": tok, "Input.Kind": "CommunityGroup", "Input.OrganisationName": f"กลุ่มทดสอบ {n}",
            "Input.Name": "ผู้ทดสอบ", "Input.Email": f"crash{n}@example.org", "Input.Phone": f"09{n % 100000000:08d}", "Input.HouseNumber": "1",
            "Input.Subdistrict": "แม่คือ", "Input.District": "ดอยสะเก็ด", "Input.Province": "เชียงใหม่",
            "Input.Purpose": f"ทดสอบความทนทาน {n}", "Input.Place": "ศาลา", "Input.OffPremises": "true",
            "Input.StartOn": be_date(0), "Input.DueOn": be_date(1),
            # A random public item each time: one small item (four tents) would soon be fully booked and refuse the rest.
            "Input.Lines[0].ItemId": random.choice(items), "Input.Lines[0].Quantity": "1", "Input.PrivacyAcknowledged": "true",
        }
        try:
            req = urllib.request.Request(BASE + "/apply", data=urllib.parse.urlencode(form).encode(), method="POST")
            try:
                opener.open(req, timeout=10)
                continue  # 200: refused (e.g. not enough free); nothing acknowledged
            except urllib.error.HTTPError as e:
                if e.code != 302 or "/apply/done" not in (e.headers.get("Location") or ""):
                    continue
            done = opener.open(BASE + "/apply/done", timeout=10).read().decode()
            ref = re.search(r'id="reference"[^>]*>\s*([0-9]{4}/[0-9]{4})', done)
            if ref:
                with lock:
                    acknowledged.add(ref.group(1))
        except Exception:
            return  # the app was killed


def chain_intact():
    opener = sign_in("auditor@maekhue.go.th")
    page = opener.open(BASE + "/audit/verify", timeout=60).read().decode()
    return 'data-chain="intact"' in page, page


def main():
    os.makedirs(WORK, exist_ok=True)
    acknowledged, lock, seq, reached = set(), threading.Lock(), [0], {}
    started = time.time()
    for rnd in range(1, ROUNDS + 1):
        proc = start_app()
        if rnd > 1:
            ok, _ = chain_intact()
            if not ok:
                sys.exit(f"round {rnd}: the audit chain is broken after the restart")
        stop = threading.Event()
        threads = [threading.Thread(target=file_applications, args=(stop, acknowledged, lock, seq)) for _ in range(3)]
        threads.append(threading.Thread(target=staff_steps, args=(stop, reached, lock)))
        for t in threads:
            t.start()
        time.sleep(random.uniform(*KILL_AFTER))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        for t in threads:
            t.join(timeout=15)
        con = sqlite3.connect(DB)
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        stored = {r[0] for r in con.execute("SELECT Reference FROM Loans")}
        status = dict(con.execute("SELECT Id, Status FROM Loans").fetchall())
        con.close()
        lost = acknowledged - stored
        behind = [(i, to, status.get(i)) for i, to in reached.items()
                  if status.get(i) in ORDER and ORDER.index(status[i]) < ORDER.index(to)]
        missing_mail, extra_mail, sent = outbox_faults()
        steps = {to: sum(1 for v in reached.values() if ORDER.index(v) >= ORDER.index(to)) for to in ORDER[1:]}
        print(f"round {rnd:2d}: killed; integrity {integrity}; {len(acknowledged)} applications acknowledged, {len(lost)} missing; "
              f"steps acknowledged {steps}, {len(behind)} behind; {sent} e-mails sent, {len(missing_mail)} without a file, {len(extra_mail)} extra files", flush=True)
        if integrity != "ok" or lost or behind or missing_mail or extra_mail:
            sys.exit(f"round {rnd}: integrity {integrity}, missing {sorted(lost)[:10]}, behind {behind[:10]}, mail {missing_mail[:10]} {extra_mail[:10]}")
        if time.time() - started > 1500:
            sys.exit("stopped: more than 25 minutes")
    proc = start_app()
    ok, _ = chain_intact()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    steps = {to: sum(1 for v in reached.values() if ORDER.index(v) >= ORDER.index(to)) for to in ORDER[1:]}
    print(f"{ROUNDS} kills: integrity ok every time, all {len(acknowledged)} acknowledged applications present, every acknowledged step "
          f"kept {steps}, outbox: no e-mail lost or written twice, audit chain {'intact' if ok else 'BROKEN'}")
    sys.exit(0 if ok else 1)


main()
