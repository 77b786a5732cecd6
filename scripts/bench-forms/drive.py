"""Drives a running Withus demo with form submissions, as people would send them.

  drive.py BASE mixed [TOTAL] [CLIENTS]   TOTAL form posts (default 1000) from CLIENTS at once
                                          (default 8): joining a panel (six posts each), password
                                          reset requests and failed sign-ins, mixed.
  drive.py BASE import [ROWS]             a facilitator imports ROWS people (default 20000) while
                                          another person joins the panel again and again; prints
                                          the latency of the final "join" post (a write) during
                                          the import.

Prints one JSON line. Stdlib only; cookies are handled by hand (the app runs with
WITHUS_SECURE_COOKIES=false, so they carry no __Host- prefix or Secure flag).
"""

import json
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

BASE = sys.argv[1].rstrip("/")
PASSWORD = "withus-demo-2026"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Browser:
    def __init__(self):
        self.cookies = {}

    def request(self, method, path, data=None, content_type=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
        try:
            response = OPENER.open(req, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            pair = header.split(";", 1)[0]
            name, _, value = pair.partition("=")
            if "Max-Age=0" in header or not value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        body = response.read().decode("utf-8", "replace")
        return response.status, response.headers.get("Location"), body

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        if "withus_csrf" not in self.cookies:
            self.get("/help")
        fields = list(fields) + [("csrf_token", self.cookies["withus_csrf"])]
        data = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, data, "application/x-www-form-urlencoded")

    def post_file(self, path, fields, file_name, content):
        if "withus_csrf" not in self.cookies:
            self.get("/help")
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in [("csrf_token", self.cookies["withus_csrf"])] + list(fields):
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            )
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
            f"Content-Type: text/csv\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", path, b"".join(parts), f"multipart/form-data; boundary={boundary}")


def open_panel():
    status, _, body = Browser().get("/panels")
    found = re.findall(r'href="/panels/([0-9a-f-]{36})"', body)
    if not found:
        sys.exit("no open panel on /panels: is this the demo?")
    return found[0]


def join_posts(panel, n, tag):
    base = f"/panels/{panel}/join"
    return [
        (base, [("name", f"Load {tag} {n}")]),
        (f"{base}/contact", [("contact_method", "email"), ("email", f"load-{tag}-{n}@bench.example")]),
        (f"{base}/consent", [("agree", "yes")]),
        (f"{base}/sensitive", [("categories", "none")]),
        (f"{base}/sharing", [("partners", "none")]),
        (f"{base}/check", []),
    ]


def mixed(total, clients):
    panel = open_panel()
    tag = uuid.uuid4().hex[:8]
    counter = iter(range(10**9))
    lock = threading.Lock()
    outcome = {"posts": 0, "by_status": {}, "locked": 0, "server_errors": 0}

    def record(status, body):
        with lock:
            outcome["posts"] += 1
            outcome["by_status"][str(status)] = outcome["by_status"].get(str(status), 0) + 1
            if status >= 500:
                outcome["server_errors"] += 1
            if "database is locked" in body:
                outcome["locked"] += 1

    def room():
        with lock:
            return outcome["posts"] < total

    def worker():
        while room():
            with lock:
                n = next(counter)
            browser = Browser()
            kind = n % 4
            if kind < 2:
                for path, fields in join_posts(panel, n, tag):
                    if not room():
                        return
                    status, _, body = browser.post(path, fields)
                    record(status, body)
            elif kind == 2:
                status, _, body = browser.post("/password-reset", [("email", "member@northtown-dpf.example")])
                record(status, body)
            else:
                status, _, body = browser.post("/sign-in", [("email", f"nobody{n}@bench.example"), ("password", "wrong")])
                record(status, body)

    started = time.time()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    outcome["seconds"] = round(time.time() - started, 1)
    outcome["clients"] = clients
    print(json.dumps(outcome))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def import_latency(rows):
    panel = open_panel()
    staff = Browser()
    status, _, _ = staff.post("/sign-in", [("email", "facilitator@northtown-dpf.example"), ("password", PASSWORD)])
    status, _, body = staff.get("/organisations")
    _, _, home = staff.get("/")
    orgs = re.findall(r'/organisations/([0-9a-f-]{36})/import', home) or re.findall(r'/organisations/([0-9a-f-]{36})', home)
    org = orgs[0]
    tag = uuid.uuid4().hex[:8]
    lines = ["Full name,E-mail,Region,Consent to be on the panel"]
    lines += [f"Imported {tag} {i},imp-{tag}-{i}@bench.example,Wales,yes" for i in range(rows)]
    status, location, body = staff.post_file(
        f"/organisations/{org}/import", [("panel", panel)], "people.csv", "\n".join(lines).encode()
    )
    if status != 303:
        sys.exit(f"upload failed: {status} {body[:300]}")
    batch = location[: -len("/columns")]
    _, _, columns = staff.get(f"{batch}/columns")
    chosen = []
    for name, options in re.findall(r'(?s)<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', columns):
        picked = re.search(r'<option value="([^"]*)" selected>', options)
        chosen.append((name, picked.group(1) if picked else ""))
    staff.post(f"{batch}/columns", chosen)
    _, _, check = staff.get(f"{batch}/check")
    expected = re.search(r'name="expected" value="(\d+)"', check)
    if not expected:
        sys.exit("the check page did not say how many people it would add")

    latencies = []
    failures = {"server_errors": 0, "locked": 0}
    done = threading.Event()

    def importer():
        started = time.time()
        status, _, body = staff.post(f"{batch}/confirm", [("confirm", "yes"), ("expected", expected.group(1))])
        importer.result = {"status": status, "seconds": round(time.time() - started, 2)}
        done.set()

    def joiner():
        n = 0
        while not done.is_set():
            browser = Browser()
            posts = join_posts(panel, n, tag + "j")
            for path, fields in posts[:-1]:
                browser.post(path, fields)
            started = time.time()
            status, _, body = browser.post(*posts[-1])
            latencies.append(time.time() - started)
            if status >= 500:
                failures["server_errors"] += 1
            if "database is locked" in body:
                failures["locked"] += 1
            n += 1

    threads = [threading.Thread(target=importer), threading.Thread(target=joiner)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({
        "rows": rows,
        "import": importer.result,
        "joins_during_import": len(latencies),
        "write_p50_ms": round(percentile(latencies, 50) * 1000, 1) if latencies else None,
        "write_p99_ms": round(percentile(latencies, 99) * 1000, 1) if latencies else None,
        "write_max_ms": round(max(latencies) * 1000, 1) if latencies else None,
        **failures,
    }))


if __name__ == "__main__":
    scenario = sys.argv[2] if len(sys.argv) > 2 else "mixed"
    if scenario == "mixed":
        mixed(int(sys.argv[3]) if len(sys.argv) > 3 else 1000, int(sys.argv[4]) if len(sys.argv) > 4 else 8)
    elif scenario == "import":
        import_latency(int(sys.argv[3]) if len(sys.argv) > 3 else 20000)
    else:
        sys.exit(f"unknown scenario {scenario}")
