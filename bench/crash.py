#!/usr/bin/env python3
"""Crash safety (issue 11 §9). Not a test: run by bench/crash.sh, which builds the app first.

The app is started on a fresh SQLite database (demo data), public applications are filed at it by a few client
threads, and the app is killed with SIGKILL at a random moment; this repeats ROUNDS times (default 20). After each kill:
  - PRAGMA integrity_check must say ok;
  - every application whose response the client saw as a success (redirect to /apply/done, reference shown) must be in
    the Loans table;
  - after the restart, the auditor's /audit/verify must say the chain is intact.
Everything is on loopback; every loop is bounded in count and time. Prints one line per round and a summary; exits 1
on the first broken invariant.
"""
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
    item = next((m for m in re.finditer(r'data-audience="([^"]*)" data-item-id="(\d+)"', html) if "public" in m.group(1)), None)
    if not tok or not item:
        return
    for _ in range(100000):
        if stop.is_set():
            return
        with lock:
            seq[0] += 1
            n = seq[0]
        form = {
            "__RequestVerificationToken": tok, "Input.Kind": "CommunityGroup", "Input.OrganisationName": f"กลุ่มทดสอบ {n}",
            "Input.Name": "ผู้ทดสอบ", "Input.Phone": f"09{n % 100000000:08d}", "Input.HouseNumber": "1",
            "Input.Subdistrict": "แม่คือ", "Input.District": "ดอยสะเก็ด", "Input.Province": "เชียงใหม่",
            "Input.Purpose": f"ทดสอบความทนทาน {n}", "Input.Place": "ศาลา", "Input.OffPremises": "true",
            "Input.StartOn": be_date(3), "Input.DueOn": be_date(4),
            "Input.Lines[0].ItemId": item.group(2), "Input.Lines[0].Quantity": "1", "Input.PrivacyAcknowledged": "true",
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
    opener = client()
    html = opener.open(BASE + "/account/login", timeout=10).read().decode()
    form = {"__RequestVerificationToken": token_of(html), "Input.Email": "auditor@maekhue.go.th", "Input.Password": PASSWORD}
    try:
        opener.open(urllib.request.Request(BASE + "/account/login", data=urllib.parse.urlencode(form).encode(), method="POST"), timeout=20)
    except urllib.error.HTTPError as e:
        if e.code != 302:
            raise
    page = opener.open(BASE + "/audit/verify", timeout=60).read().decode()
    return 'data-chain="intact"' in page, page


def main():
    os.makedirs(WORK, exist_ok=True)
    acknowledged, lock, seq = set(), threading.Lock(), [0]
    started = time.time()
    for rnd in range(1, ROUNDS + 1):
        proc = start_app()
        if rnd > 1:
            ok, _ = chain_intact()
            if not ok:
                sys.exit(f"round {rnd}: the audit chain is broken after the restart")
        stop = threading.Event()
        threads = [threading.Thread(target=file_applications, args=(stop, acknowledged, lock, seq)) for _ in range(4)]
        for t in threads:
            t.start()
        time.sleep(random.uniform(1.5, 5.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        for t in threads:
            t.join(timeout=15)
        con = sqlite3.connect(DB)
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        stored = {r[0] for r in con.execute("SELECT Reference FROM Loans")}
        con.close()
        lost = acknowledged - stored
        print(f"round {rnd:2d}: killed after filing; integrity {integrity}; {len(acknowledged)} acknowledged so far, {len(lost)} missing; {len(stored)} loans stored", flush=True)
        if integrity != "ok" or lost:
            sys.exit(f"round {rnd}: integrity {integrity}, missing {sorted(lost)[:10]}")
        if time.time() - started > 1500:
            sys.exit("stopped: more than 25 minutes")
    proc = start_app()
    ok, _ = chain_intact()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    print(f"{ROUNDS} kills: integrity ok every time, all {len(acknowledged)} acknowledged applications present, audit chain {'intact' if ok else 'BROKEN'}")
    sys.exit(0 if ok else 1)


main()
