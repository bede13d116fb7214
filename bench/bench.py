#!/usr/bin/env python3
"""Helpers for run.sh (its only intended caller). Standard library only; every network call has a
timeout and every loop a deadline. Everything printed also goes to $BENCH_LOG.

  probe       from process start: the first token, then the first successful authenticated PUT
  seed        create N records by POST, check that one GET and one PUT answer 200, write the ids
  find-jar    the executable Spring Boot jar in DIR/target
  wrk         one wrk run: server (and database) CPU per request, pool figures; -> runs.jsonl
  rss         resident memory (MiB) of a process tree
  fact        store KEY=VALUE in facts.json
  psql        run one SQL command through psql (for run.sh's set-up of PostgreSQL)
  pgss        the statements pg_stat_statements counted since its last reset -> JSON
  script      build one pgbench script from bench/pgbench/<case>*.sql (one statement a file)
  pg-check    do the pgbench scripts send the statements the server sent?
  pgbench     one pgbench run: tps, latency, database CPU per transaction; -> runs.jsonl
  report      the table, the ratios and the one-line summary (the last line printed)
"""
import argparse
import csv
import glob
import http.client
import io
import json
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import zipfile

CLK_TCK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1
API = "/api/spaces/coworkernotifications"


def emit(line="", err=False):
    print(line, file=sys.stderr if err else sys.stdout, flush=True)
    lp = os.environ.get("BENCH_LOG")
    if lp:
        with open(lp, "a") as f:
            f.write(line + "\n")


def die(msg, code=1):
    emit("ERROR: " + msg, err=True)
    if os.environ.get("BENCH_ERROR_FILE"):
        with open(os.environ["BENCH_ERROR_FILE"], "a") as f:
            f.write(msg.splitlines()[0] + "\n")
    sys.exit(code)


def load_json(path, default):
    if path and os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return default


# ---------------------------------------------------------------- HTTP

class Http:
    """One keep-alive connection to a loopback address; reconnects once on a dropped connection."""

    def __init__(self, base, timeout=10.0):
        u = urllib.parse.urlsplit(base)
        if u.hostname != "127.0.0.1":
            die(f"refusing non-loopback URL {base}")
        self.host, self.port, self.timeout, self.conn = u.hostname, u.port, timeout, None

    def request(self, method, path, body=None, headers=None):
        hdrs = dict(headers or {})
        data = body
        if body is not None and not isinstance(body, (bytes, str)):
            data = json.dumps(body)
        if isinstance(data, str):
            data = data.encode("utf-8")
        if data is not None:
            hdrs.setdefault("Content-Type", "application/json")
        hdrs.setdefault("Accept", "application/json")
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=data, headers=hdrs)
                resp = self.conn.getresponse()
                return resp.status, resp.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2:
                    raise
            except Exception:
                self.close()
                raise

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def as_json(raw):
    try:
        return json.loads(raw.decode("utf-8"))
    except Exception:
        return None


def excerpt(raw, n=300):
    s = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[:n] + "..."


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def put_body(id_, counter, tag="check"):
    """Exactly the body req.lua sends."""
    return ('{"Id":%d,"CoworkerId":%d,"Message":"bench %s update %d of notification %d",'
            '"NotificationType":"push-notification","EntityId":%d,"IsDismissed":%s,"SystemId":"bench-%d"}'
            % (id_, 1000 + (id_ % 97), tag, counter, id_, counter % 1000,
               "true" if counter % 2 == 0 else "false", id_))


def create_body(i):
    return {"CoworkerId": 1000 + (i % 97), "Message": f"bench seed notification {i}",
            "NotificationType": "push-notification", "EntityId": i, "IsDismissed": False,
            "SystemId": f"bench-seed-{i}"}


def get_token(h, email, password):
    form = urllib.parse.urlencode({"grant_type": "password", "username": email, "password": password})
    return h.request("POST", "/api/token", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})


def expect_200_envelope(what, st, raw):
    j = as_json(raw)
    if st != 200 or not isinstance(j, dict) or j.get("WasSuccessful") is not True:
        die(f"the server does not behave: {what} answered HTTP {st} with {excerpt(raw)} "
            f"(expected 200 and an envelope with WasSuccessful true)")
    return j


def cmd_probe(a):
    """Seconds from process start (t0) to the first token and to the first successful authenticated PUT."""
    t0 = float(a.t0)
    deadline = time.time() + a.timeout
    h = Http(a.base)
    token, t_token, last = None, None, "no answer"
    while time.time() < deadline:
        if not alive(a.pid):
            die(f"the server exited during start-up; see {a.log}")
        try:
            st, raw = get_token(h, a.email, a.password)
        except (OSError, http.client.HTTPException) as e:
            last = repr(e)
            h.close()
            time.sleep(0.05)
            continue
        j = as_json(raw)
        if st == 200 and isinstance(j, dict) and j.get("access_token"):
            token, t_token = j["access_token"], time.time() - t0
            break
        die(f"the server does not behave: POST /api/token answered HTTP {st} with {excerpt(raw)} "
            f"(expected 200 with access_token)")
    if token is None:
        die(f"no answer from POST /api/token within {a.timeout:.0f} s (last: {last}); see {a.log}")
    auth = {"Authorization": "Bearer " + token}
    st, raw = h.request("POST", API, body=create_body(0), headers=auth)
    val = expect_200_envelope(f"POST {API} (create)", st, raw).get("Value")
    if not isinstance(val, dict) or not isinstance(val.get("Id"), int):
        die(f"the server does not behave: POST {API} envelope has no Value.Id: {excerpt(raw)}")
    st, raw = h.request("PUT", API, body=put_body(val["Id"], 1, "probe"), headers=auth)
    expect_200_envelope(f"PUT {API} (Id {val['Id']})", st, raw)
    t_put = time.time() - t0
    with open(a.token_out, "w") as f:
        f.write(token)
    store_fact(a.facts, "first_token_s", round(t_token, 3))
    store_fact(a.facts, "first_put_s", round(t_put, 3))
    store_fact(a.facts, "probe_id", val["Id"])
    emit(f"server: first token {t_token:.2f} s, first successful authenticated PUT {t_put:.2f} s after process start")


def cmd_seed(a):
    with open(a.token_file) as f:
        auth = {"Authorization": "Bearer " + f.read().strip()}
    h = Http(a.base, timeout=30)
    ids, t = [], time.time()
    for i in range(1, a.n + 1):
        if time.time() - t > a.timeout:
            die(f"creating {a.n} records took longer than {a.timeout:.0f} s ({len(ids)} done)")
        st, raw = h.request("POST", API, body=create_body(i), headers=auth)
        val = expect_200_envelope(f"POST {API} (create #{i})", st, raw).get("Value")
        if not isinstance(val, dict) or not isinstance(val.get("Id"), int):
            die(f"the server does not behave: POST {API} #{i}: envelope has no Value.Id: {excerpt(raw)}")
        ids.append(val["Id"])
    if len(set(ids)) != len(ids):
        die("the server does not behave: POST returned duplicate Ids")
    emit(f"server: created {len(ids)} records by POST in {time.time() - t:.1f} s (Ids {min(ids)}..{max(ids)})")
    # one of each measured request, as wrk sends it
    probe = ids[len(ids) // 2]
    st, raw = h.request("GET", f"{API}/{probe}", headers=auth)
    j = as_json(raw)
    if st != 200 or not isinstance(j, dict) or j.get("Id") != probe:
        die(f"the server does not behave: GET {API}/{probe} answered HTTP {st} with {excerpt(raw)} "
            f"(expected 200 and the record with Id {probe})")
    st, raw = h.request("PUT", API, body=put_body(probe, 2), headers=auth)
    expect_200_envelope(f"PUT {API} (Id {probe})", st, raw)
    st, raw = h.request("GET", f"{API}/{probe}", headers=auth)
    if not str((as_json(raw) or {}).get("Message", "")).startswith("bench check update 2 "):
        die(f"the server does not behave: the PUT did not change Message (GET answered {st} {excerpt(raw)})")
    emit(f"server: GET {API}/{probe} -> 200, PUT {API} (Id {probe}) -> 200")
    with open(a.ids, "w") as f:
        f.write("\n".join(map(str, ids)) + "\n")


def cmd_find_jar(a):
    tdir = os.path.join(a.dir, "target")
    cands = []
    for n in sorted(os.listdir(tdir)) if os.path.isdir(tdir) else []:
        p = os.path.join(tdir, n)
        if not n.endswith(".jar") or re.search(r"-(sources|javadoc|tests)\.jar$", n):
            continue
        try:
            with zipfile.ZipFile(p) as z:
                mf = z.read("META-INF/MANIFEST.MF").decode("utf-8", "replace")
        except Exception:
            continue
        if re.search(r"^Main-Class:\s*org\.springframework\.boot\.loader", mf, re.M):
            cands.append((os.path.getmtime(p), p))
    if not cands:
        die(f"no executable Spring Boot jar in {tdir}")
    print(max(cands)[1])


# ---------------------------------------------------------------- CPU and memory

def proc_table():
    """pid -> (ppid, utime+stime+cutime+cstime ticks, rss pages)"""
    t = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    rest = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            t[int(d)] = (int(rest[1]), sum(int(x) for x in rest[11:15]), int(rest[21]))
    return t


def tree(pid, t):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        if p in t:
            out.append(p)
            todo.extend(c for c, v in t.items() if v[0] == p)
    return out


def tree_ticks(pid):
    if not pid:
        return 0
    t = proc_table()
    return sum(t[p][1] for p in tree(pid, t))


def busy_ticks():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return v[0] + v[1] + v[2] + v[5] + v[6] + v[7]   # user nice system irq softirq steal


def cmd_rss(a):
    t = proc_table()
    print("%.0f" % (sum(t[p][2] for p in tree(a.pid, t)) * os.sysconf("SC_PAGE_SIZE") / 1048576))


class CpuWindow:
    """CPU seconds of the server tree, the database tree, this process's children and the whole machine."""

    def __init__(self, pid, db_pid):
        self.pid, self.db_pid = pid, db_pid
        self.ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.b0, self.s0, self.d0, self.w0 = busy_ticks(), tree_ticks(pid), tree_ticks(db_pid), time.time()

    def close(self):
        b1, s1, d1, w1 = busy_ticks(), tree_ticks(self.pid), tree_ticks(self.db_pid), time.time()
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        load = (ru1.ru_utime - self.ru0.ru_utime) + (ru1.ru_stime - self.ru0.ru_stime)
        srv, db, busy = (s1 - self.s0) / CLK_TCK, (d1 - self.d0) / CLK_TCK, (b1 - self.b0) / CLK_TCK
        return {"wall_s": round(w1 - self.w0, 2), "server_cpu_s": round(srv, 2) if self.pid else None,
                "db_cpu_s": round(db, 2) if self.db_pid else None, "load_cpu_s": round(load, 2),
                "others_cpu_s": round(busy - srv - db - load, 2), "core_s": round(CORES * (w1 - self.w0), 1)}


_child = None


def _on_signal(signum, _frame):
    if _child is not None and _child.poll() is None:
        _child.terminate()
    sys.exit(128 + signum)


def run_child(args, raw, env, limit, label):
    """Runs a load generator with its output in raw; its exit code."""
    global _child
    with open(raw, "w") as out:
        out.write("# " + " ".join(args) + "\n")
        out.flush()
        _child = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            return _child.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            _child.kill()
            _child.wait()
            die(f"{label}: {args[0]} did not finish within {limit} s")


# ---------------------------------------------------------------- the pool (Actuator's Prometheus text)

def pool_sample(base, token_file):
    """Hikari's counters, or None when they cannot be read (they are extra information only)."""
    try:
        with open(token_file) as f:
            token = f.read().strip()
        st, raw = Http(base, timeout=5).request("GET", "/actuator/prometheus",
                                                headers={"Authorization": "Bearer " + token, "Accept": "text/plain"})
        if st != 200:
            return None
        out = {}
        for line in raw.decode("utf-8", "replace").splitlines():
            m = re.match(r"hikaricp_connections_(acquire_seconds_count|acquire_seconds_sum|usage_seconds_count|"
                         r"usage_seconds_sum|timeout_total|max)\{[^}]*\}\s+(\S+)", line)
            if m:
                out[m.group(1)] = out.get(m.group(1), 0.0) + float(m.group(2))
        return out or None
    except Exception:
        return None


def pool_delta(p0, p1, requests):
    if not p0 or not p1 or "acquire_seconds_count" not in p0:
        return None
    n = p1["acquire_seconds_count"] - p0["acquire_seconds_count"]
    if n <= 0:
        return None
    return {"acquires_per_req": round(n / requests, 3) if requests else None,
            "acquire_us": round((p1["acquire_seconds_sum"] - p0["acquire_seconds_sum"]) * 1e6 / n, 1),
            "held_us": round((p1.get("usage_seconds_sum", 0) - p0.get("usage_seconds_sum", 0)) * 1e6
                             / max(1, p1.get("usage_seconds_count", 0) - p0.get("usage_seconds_count", 0)), 1),
            "timeouts": int(p1.get("timeout_total", 0) - p0.get("timeout_total", 0)),
            "pool_max": int(p1.get("max", 0))}


# ---------------------------------------------------------------- wrk

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def parse_wrk(txt):
    r = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", txt)
    r["rps"] = float(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in ([\d.]+)(\w+)", txt)
    r["requests"] = int(m.group(1)) if m else None
    for p in ("50", "99"):
        m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s|m|h)\s*$" % p, txt, re.M)
        r["p" + p + "_ms"] = round(float(m.group(1)) * UNITS[m.group(2)], 3) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", txt)
    r["errors"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", txt)
    r["sock_errors"] = sum(map(int, m.groups())) if m else 0
    r["sock_detail"] = m.group(0) if m else ""
    return r


def append_run(jsonl, r):
    with open(jsonl, "a") as f:
        f.write(json.dumps(r) + "\n")


def failed(r, detail):
    """A run with a failed request makes the whole run invalid: stop at once (exit 3 tells run.sh)."""
    if r["errors"] or r["sock_errors"]:
        die(f"{r['label']}: {detail}", code=3)


def fmt_ms(v):
    return "?" if v is None else (f"{v:.2f} ms" if v < 100 else f"{v:.0f} ms")


def per_req_us(cpu_s, n):
    return round(cpu_s * 1e6 / n, 1) if cpu_s is not None and n else None


def cmd_wrk(a):
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    if not alive(a.pid):
        die(f"{a.label}: the server process {a.pid} is not running")
    args = ["wrk", "-t1", f"-c{a.connections}", f"-d{a.duration}s", "--timeout", "2s", "--latency",
            "-s", a.lua, a.url]
    env = dict(os.environ, BENCH_MODE=a.mode, BENCH_PATH=API, BENCH_IDS=a.ids, BENCH_TOKEN_FILE=a.token_file,
               BENCH_TAG=a.label)
    p0 = pool_sample(a.url, a.token_file)
    cpu = CpuWindow(a.pid, a.db_pid)
    rc = run_child(args, a.raw, env, a.duration + 60, a.label)
    c = cpu.close()
    p1 = pool_sample(a.url, a.token_file)
    txt = open(a.raw).read()
    r = parse_wrk(txt)
    if rc != 0 or r["rps"] is None or not r["requests"]:
        die(f"{a.label}: wrk failed (exit {rc}); output in {a.raw}:\n{txt[-800:]}")
    r.update(c)
    r.update({"label": a.label, "case": a.case, "phase": a.phase, "round": a.round, "tool": "wrk",
              "server_us": per_req_us(c["server_cpu_s"], r["requests"]),
              "db_us": per_req_us(c["db_cpu_s"], r["requests"]),
              "pool": pool_delta(p0, p1, r["requests"]), "raw": os.path.basename(a.raw)})
    append_run(a.jsonl, r)
    failed(r, f"{r['errors']} of {r['requests']} responses were not 2xx, {r['sock_errors']} socket errors "
              f"({r['sock_detail'] or 'none'}); wrk output: {a.raw}")
    db = f" db {c['db_cpu_s']:.1f}" if a.db_pid else ""
    dbus = f" + db {r['db_us']}" if a.db_pid else ""
    pool = r["pool"]
    pool_s = (f"  pool: acquire {pool['acquire_us']} us, held {pool['held_us']} us, {pool['acquires_per_req']}/req"
              if pool else "")
    emit(f"  {a.label:<16} {r['rps']:>8.0f} req/s  p50 {fmt_ms(r['p50_ms'])}  p99 {fmt_ms(r['p99_ms'])}  "
         f"non-2xx {r['errors']}  sock err {r['sock_errors']}  | CPU s: server {c['server_cpu_s']:.1f}{db} "
         f"wrk {c['load_cpu_s']:.1f} others {c['others_cpu_s']:.1f} of {c['core_s']:.0f}; "
         f"server {r['server_us']}{dbus} us/req{pool_s}")


# ---------------------------------------------------------------- PostgreSQL

def psql(sql, db="postgres", user=None):
    """Rows of one SQL command (CSV through psql; PGHOST/PGPORT/PGUSER/PGPASSWORD from run.sh)."""
    args = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-d", db, "-c", sql]
    if user:
        args[1:1] = ["-U", user]
    p = subprocess.run(args, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        die(f"psql failed ({sql[:80]}...): {p.stderr.strip()}")
    rows = list(csv.reader(io.StringIO(p.stdout)))
    return rows[1:] if rows else []


def cmd_psql(a):
    for row in psql(a.sql, a.db):
        print("|".join(row))


def norm(sql):
    """A statement's text for comparison: one space for any whitespace, no trailing semicolon."""
    return re.sub(r"\s+", " ", sql).strip().rstrip(";").strip()


def split_top(text):
    """Items of a comma-separated list, split at commas outside parentheses and quotes."""
    items, depth, quote, cur = [], 0, None, ""
    for ch in text:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(cur.strip())
            cur = ""
            continue
        cur += ch
    return items + [cur.strip()]


def any_column_order(sql):
    """Also ignore the order of a SELECT's columns (the server's order changes from start to start)."""
    m = re.match(r"(?is)^(SELECT\s+)(.*?)(\s+FROM\s.*)$", norm(sql))
    if not m or "(" in m.group(2):
        return norm(sql)
    return m.group(1) + ", ".join(sorted(split_top(m.group(2)))) + m.group(3)


def loose(sql):
    """Also ignore which values are bound parameters and which constants (both show as $n)."""
    return re.sub(r"\$\d+", "$?", any_column_order(sql))


SAMENESS = [(norm, "identical normalized text"),
            (any_column_order, "the same up to the order of the selected columns, which the server changes "
                               "from start to start"),
            (loose, "the same up to the order of the selected columns and to which values are parameters "
                    "and which constants")]


def cmd_pgss(a):
    """The statements counted since the last pg_stat_statements_reset(), in database a.db, by role a.role."""
    rows = psql(
        "SELECT s.calls, s.rows, s.total_exec_time, s.queryid, s.query FROM pg_stat_statements s "
        f"JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid "
        f"WHERE d.datname = '{a.db}' AND r.rolname = '{a.role}' ORDER BY s.calls DESC")
    stmts = [{"calls": int(c), "rows": int(r), "total_ms": float(t), "queryid": q, "query": text}
             for c, r, t, q, text in rows if "pg_stat_statements" not in text]
    requests = None
    if a.label:
        for line in open(a.jsonl):
            r = json.loads(line)
            if r["label"] == a.label:
                requests = r["requests"]
    out = {"case": a.case, "requests": requests, "statements": stmts}
    with open(a.out, "w") as f:
        json.dump(out, f, indent=2)
    if a.quiet:
        return
    emit(f"{a.case}: the statements the server sent during the warm-up ({requests} requests; pg_stat_statements):")
    for s in stmts[:8]:
        per = f"{s['calls'] / requests:.3f}/req" if requests else ""
        emit(f"  {s['calls']:>8} calls {per:>10}  {s['total_ms'] / s['calls'] * 1000:>7.1f} us in PostgreSQL  "
             f"{norm(s['query'])}")
    if requests:
        total = sum(s["calls"] for s in stmts)
        emit(f"  => {total / requests:.3f} statements per request, the server's background work included")


def parse_script(path):
    """(defines, body) of one statement file: '-- define NAME=VALUE' lines, and the rest."""
    defines, body = [], []
    for line in open(path):
        m = re.match(r"^--\s*define\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)$", line.rstrip("\n"))
        if m:
            defines.append((m.group(1), m.group(2)))
        else:
            body.append(line)
    return defines, "".join(body)


def cmd_script(a):
    """One pgbench script from <dir>/<case>*.sql in name order, and its -D arguments, one a line."""
    files = sorted(glob.glob(os.path.join(a.dir, a.case + "*.sql")))
    if not files:
        die(f"no pgbench statement file {a.dir}/{a.case}*.sql")
    defines, parts = {}, []
    for p in files:
        d, b = parse_script(p)
        defines.update(d)
        parts.append(f"-- from {os.path.basename(p)}\n{b.rstrip()}\n")
    with open(a.out, "w") as f:
        f.write("\n".join(parts))
    with open(a.defines_out, "w") as f:
        for k, v in defines.items():
            f.write(f"{k}={v}\n")


def suggestion(case, stmts, script_dir):
    """What to paste into bench/pgbench/ for these statements, one file each. A value ($n) whose
    column (the two words before it) the current files give a value reuses that value, with the
    lines that define its variables; the others become :pN, to be given a value."""
    cur_sql, set_lines, define_lines = [], {}, {}
    for p in sorted(glob.glob(os.path.join(script_dir, case + "*.sql"))):
        defines, body = parse_script(p)
        for k, v in defines:
            define_lines[k] = f"-- define {k}={v}"
        for line in body.splitlines():
            m = re.match(r"^\\set\s+(\w+)\s", line)
            if m:
                set_lines[m.group(1)] = line
            elif not line.startswith("--") and not line.startswith("\\"):
                cur_sql.append(line)
    cur = norm(" ".join(cur_sql))
    lines = []
    for i, st in enumerate(stmts, 1):
        name = f"{case}.sql" if len(stmts) == 1 else f"{case}-{i}.sql"
        q, missing = norm(st["query"]), []

        def value(m):
            ctx = " ".join(q[:m.start()].split()[-2:])
            found = re.search(r"(?<![\w.])" + re.escape(ctx).replace("\\ ", r"\s+") + r"\s+(:\w+|'(?:[^']|'')*'|[\w.]+)",
                              cur, re.I) if ctx else None
            if found:
                return found.group(1)
            missing.append(m.group(1))
            return ":p" + m.group(1)

        q = re.sub(r"\$(\d+)", value, q)
        used, grew = set(re.findall(r":(\w+)", q)), True
        while grew:   # the variables the chosen \set lines use in turn
            more = {v for u in used if u in set_lines for v in re.findall(r":(\w+)", set_lines[u])}
            grew = not more <= used
            used |= more
        lines.append(f"---- bench/pgbench/{name} ----")
        if missing:
            lines.append("-- TODO: give " + ", ".join(":p" + n for n in missing)
                         + (" a value" if len(missing) == 1 else " values") + " like the server's: "
                         "\"\\set pN <number>\" (0/1 for a boolean), or a line \"-- define pN=<text>\"")
        lines += [define_lines[u] for u in define_lines if u in used]
        lines += [set_lines[u] for u in set_lines if u in used]
        lines += [f"\\set p{n} 1" for n in missing]
        lines.append(q + ";")
    lines.append("----")
    return lines


def cmd_pg_check(a):
    """The server's per-request statements (calls >= half the requests) against the script's."""
    srv = load_json(a.server, None)
    scr = load_json(a.script_stmts, None)
    n = srv["requests"] or 1
    want = [s for s in srv["statements"] if s["calls"] >= 0.5 * n]
    got = [s for s in scr["statements"] if s["calls"] >= a.script_tx]
    files = ", ".join(sorted(os.path.basename(p) for p in glob.glob(os.path.join(a.dir, a.case + "*.sql"))))
    emit(f"{a.case.upper()}: the server sends per request (pg_stat_statements, calls >= half the requests):")
    for s in want:
        emit(f"    [{s['calls'] / n:.2f}/req] {norm(s['query'])}")
    emit(f"  bench/pgbench/{files} send{'s' if len(files.split(', ')) == 1 else ''} (pgbench -t {a.script_tx}, "
         f"as pg_stat_statements shows it):")
    for s in got:
        emit(f"    [{s['calls'] / a.script_tx:.2f}/tx] {norm(s['query'])}")
    a_set = sorted(norm(s["query"]) for s in want)
    b_set = sorted(norm(s["query"]) for s in got)
    for canon, how in SAMENESS:
        if want and sorted(map(canon, a_set)) == sorted(map(canon, b_set)):
            emit(f"  {a.case.upper()}: same statements ({how})")
            return
    emit("")
    emit(f"The pgbench scripts for {a.case.upper()} no longer send what the server sends.")
    emit(f"  server:  " + "\n           ".join(a_set or ["(no statement sent by at least half the requests)"]))
    emit(f"  scripts: " + "\n           ".join(b_set or ["(none)"]))
    if want:
        emit(f"Replace bench/pgbench/{a.case}*.sql with (one file a statement, in the order the server sends them):")
        for line in suggestion(a.case, want, a.dir):
            emit(line)
    die(f"{a.case.upper()}: bench/pgbench/{a.case}*.sql do not match the server's SQL (both texts above)")


def log_latencies(prefix):
    """Per-transaction latencies (ms) from pgbench --log files PREFIX.<pid>[.<thread>]; and failures."""
    lat, failed = [], 0
    for p in glob.glob(prefix + ".*"):
        with open(p) as f:
            for line in f:
                parts = line.split()
                if len(parts) < 3:
                    continue
                if parts[2] in ("failed", "skipped"):
                    failed += 1
                else:
                    lat.append(int(parts[2]) / 1000.0)
        os.remove(p)
    return lat, failed


def pct(sorted_vals, q):
    if not sorted_vals:
        return None
    return round(sorted_vals[min(len(sorted_vals) - 1, int(q * len(sorted_vals)))], 3)


def cmd_pgbench(a):
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    prefix = os.path.join(os.path.dirname(a.raw), "pgbench-log-" + a.label)
    args = ["pgbench", "-n", "-M", "prepared", f"-c{a.connections}", f"-j{a.jobs}", "-U", a.user,
            "--log", f"--log-prefix={prefix}"]
    args += ["-T", str(a.duration)] if a.duration else ["-t", str(a.transactions)]
    for line in open(a.defines):
        if line.strip():
            args += ["-D", line.rstrip("\n")]
    args += ["-f", a.script, a.db]
    cpu = CpuWindow(None, a.db_pid)
    rc = run_child(args, a.raw, dict(os.environ), (a.duration or 60) + 60, a.label)
    c = cpu.close()
    txt = open(a.raw).read()
    lat, failed_logged = log_latencies(prefix)
    lat.sort()

    def grab(rx, conv=float):
        m = re.search(rx, txt, re.M)
        return conv(m.group(1)) if m else None

    r = {"rps": grab(r"^tps = ([\d.]+)"), "requests": grab(r"transactions actually processed: (\d+)", int),
         "errors": grab(r"number of failed transactions: (\d+)", int) or 0,
         "latency_avg_ms": grab(r"^latency average = ([\d.]+) ms"),
         "p50_ms": pct(lat, 0.50), "p99_ms": pct(lat, 0.99)}
    aborted = len(re.findall(r"aborted", txt))
    r["sock_errors"] = aborted
    if a.transactions and not a.duration:
        if rc != 0 or aborted or not r["requests"]:
            die(f"{a.label}: pgbench failed (exit {rc}); output in {a.raw}:\n{txt[-1500:]}")
        return
    if rc != 0 or r["rps"] is None or not r["requests"]:
        die(f"{a.label}: pgbench failed (exit {rc}); output in {a.raw}:\n{txt[-1500:]}")
    r.update(c)
    r.update({"label": a.label, "case": a.case, "phase": a.phase, "round": a.round, "tool": "pgbench",
              "server_us": None, "db_us": per_req_us(c["db_cpu_s"], r["requests"]),
              "raw": os.path.basename(a.raw)})
    append_run(a.jsonl, r)
    failed(r, f"{r['errors']} failed transactions, {aborted} aborted clients; pgbench output: {a.raw}")
    emit(f"  {a.label:<16} {r['rps']:>8.0f} tps    p50 {fmt_ms(r['p50_ms'])}  p99 {fmt_ms(r['p99_ms'])}  "
         f"avg {fmt_ms(r['latency_avg_ms'])}  failed {r['errors']}  aborted {aborted}  | CPU s: postgres "
         f"{c['db_cpu_s']:.1f} pgbench {c['load_cpu_s']:.1f} others {c['others_cpu_s']:.1f} of {c['core_s']:.0f}; "
         f"postgres {r['db_us']} us/tx")


# ---------------------------------------------------------------- facts and the report

def store_fact(path, key, value):
    facts = load_json(path, {})
    facts[key] = value
    with open(path, "w") as f:
        json.dump(facts, f, indent=2)


def cmd_fact(a):
    v = a.value
    try:
        v = float(v) if "." in v else int(v)
    except ValueError:
        pass
    store_fact(a.facts, a.key, v)


CASES = [("PUT", "server PUT (Bearer)"), ("GET", "server GET /{id} (Bearer)"),
         ("PG_PUT", "pgbench: the PUT's statement"), ("PG_GET", "pgbench: the GET's statement")]


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def num(v, fmt="{:.0f}"):
    return "NA" if v is None else fmt.format(v)


def report_table(facts, by, m, col):
    emit(f"== Results: measured runs, {facts.get('connections', '?')} connections, mode {facts.get('mode')}"
         f"{' (QUICK: plumbing check only, not for comparison)' if facts.get('quick') else ''} ==")
    hdr = (f"{'case':<30} {'req/s per round':>17} {'median':>7} {'p50 ms':>13} {'p99 ms':>13} "
           f"{'srv CPU us/req':>15} {'db CPU us/req':>15} {'errors':>6} {'sock/abort':>10}")
    emit(hdr)
    emit("-" * len(hdr))
    for c, title in CASES:
        rs = by[c]
        if not rs:
            continue
        emit(f"{title:<30} {col(rs, 'rps', '{:.0f}'):>17} {num(m[c]):>7} {col(rs, 'p50_ms', '{:.2f}'):>13} "
             f"{col(rs, 'p99_ms', '{:.2f}'):>13} {col(rs, 'server_us', '{:.0f}'):>15} {col(rs, 'db_us', '{:.0f}'):>15} "
             f"{sum(r['errors'] for r in rs):>6} {sum(r['sock_errors'] for r in rs):>10}")
    for c in ("PG_PUT", "PG_GET"):
        if by[c]:
            emit(f"  {c}: pgbench latency average {col(by[c], 'latency_avg_ms', '{:.2f}')} ms")
    for c in ("PUT", "GET"):
        pools = [r["pool"] for r in by[c] if r.get("pool")]
        if pools:
            emit(f"  {c}: Hikari pool (max {pools[0]['pool_max']}): mean wait for a connection "
                 f"{col(pools, 'acquire_us', '{:.0f}')} us, held {col(pools, 'held_us', '{:.0f}')} us, "
                 f"acquisitions/request {col(pools, 'acquires_per_req', '{:.2f}')}, timeouts {sum(p['timeouts'] for p in pools)}")
    emit("CPU seconds per measured run (server / database / load generator / everything else, of cores x wall):")
    busy = []
    for c, _ in CASES:
        for r in by[c]:
            emit(f"  {r['label']:<16} {num(r['server_cpu_s'], '{:.1f}'):>6} / {num(r['db_cpu_s'], '{:.1f}'):>5} / "
                 f"{r['load_cpu_s']:>5.1f} / {r['others_cpu_s']:>5.1f} of {r['core_s']:.0f}")
            if r["others_cpu_s"] > 0.15 * r["core_s"]:
                busy.append(r["label"])
    if busy:
        emit(f"  warning: other processes used more than 15 % of the machine during {', '.join(busy)}: "
             f"those figures are disturbed")


def cmd_report(a):
    runs = [json.loads(l) for l in open(a.jsonl) if l.strip()] if os.path.exists(a.jsonl) else []
    facts = load_json(a.facts, {})
    meas = [r for r in runs if r["phase"] == "measure"]
    by = {c: sorted([r for r in meas if r["case"] == c], key=lambda r: r["round"]) for c, _ in CASES}
    m = {c: med([r["rps"] for r in by[c]]) for c, _ in CASES}
    p99 = {c: med([r["p99_ms"] for r in by[c]]) for c, _ in CASES}

    def col(rs, key, f):
        return " / ".join(f.format(r[key]) if r.get(key) is not None else "-" for r in rs) or "-"

    emit("")
    if not meas:
        emit("== No measured run ==")
    else:
        report_table(facts, by, m, col)

    ratio = {}
    for c in ("PUT", "GET"):
        if m[c] and m.get("PG_" + c):
            ratio[c] = m[c] / m["PG_" + c]
            per = [r["rps"] / o["rps"] for r in by[c] for o in by["PG_" + c] if o["round"] == r["round"] and o["rps"]]
            emit(f"  {c.lower()}_ratio = server {c} req/s / pgbench tps of its statement = {ratio[c]:.3f} "
                 f"(medians {m[c]:.0f} / {m['PG_' + c]:.0f}; per round {', '.join(f'{x:.3f}' for x in per)})")
    outdir = os.path.dirname(os.path.abspath(a.jsonl))
    for c in ("put", "get"):
        st = load_json(os.path.join(outdir, f"statements-server-{c}.json"), None)
        if st and st.get("requests"):
            n = st["requests"]
            emit(f"  {c.upper()} statements on PostgreSQL ({n} warm-up requests): " + "; ".join(
                f"{x['calls'] / n:.2f}/req, {x['total_ms'] / x['calls'] * 1000:.0f} us in PostgreSQL: {norm(x['query'])}"
                for x in st["statements"] if x["calls"] >= 0.5 * n))
    emit(f"Start: process start -> first token {facts.get('first_token_s', 'NA')} s, -> first successful "
         f"authenticated PUT {facts.get('first_put_s', 'NA')} s. RSS after load: {facts.get('rss_mb', 'NA')} MiB.")

    problems = []
    for r in meas + [r for r in runs if r["phase"] == "warm"]:
        if r["errors"] or r["sock_errors"]:
            problems.append(f"{r['label']}: {r['errors']} non-2xx/failed, {r['sock_errors']} socket errors/aborts"
                            f" ({r['raw']})")
    status = a.status
    if problems and status == "ok":
        status = "invalid"
    summary = (f"put_rps={num(m['PUT'])} get_rps={num(m['GET'])} put_p99_ms={num(p99['PUT'], '{:.2f}')} "
               f"get_p99_ms={num(p99['GET'], '{:.2f}')} first_put_s={facts.get('first_put_s', 'NA')} "
               f"rss_mb={facts.get('rss_mb', 'NA')} java={facts.get('java', 'NA')} quick={facts.get('quick', 0)} "
               f"mode={facts.get('mode', 'NA')} auth={facts.get('auth', 'Bearer')}")
    if facts.get("mode") == "postgres":
        summary += (f" pg_put_tps={num(m['PG_PUT'])} pg_get_tps={num(m['PG_GET'])} "
                    f"put_ratio={num(ratio.get('PUT'), '{:.3f}')} get_ratio={num(ratio.get('GET'), '{:.3f}')}")
    summary += f" status={status}"
    with open(a.summary_json, "w") as f:
        json.dump({"medians_rps": m, "p99_ms": p99, "ratios": ratio, "facts": facts, "status": status,
                   "problems": problems}, f, indent=2)
    with open(a.summary_txt, "w") as f:
        f.write(summary + "\n")
    emit("")
    emit(f"Results (raw wrk/pgbench outputs, logs, runs.jsonl): {os.path.dirname(os.path.abspath(a.jsonl))}")
    for n in a.note or []:
        emit(n)
    if facts.get("quick"):
        emit("QUICK RUN: durations were shortened and the JIT is not warm; these figures are not for comparison.")
    for p in problems:
        emit("INVALID: " + p)
    if problems and not any(n.startswith("ERROR:") for n in a.note or []):
        emit("ERROR: the run is invalid: some requests failed (above); its figures do not count")
    emit(summary)
    sys.exit(0 if status == "ok" else 1)


def main():
    p = argparse.ArgumentParser()
    sp = p.add_subparsers(dest="cmd", required=True)

    def sub(name, f, required=(), **opts):
        s = sp.add_parser(name)
        for k in required:
            s.add_argument("--" + k, required=True)
        for k, kw in opts.items():
            s.add_argument("--" + k.replace("_", "-"), **kw)
        s.set_defaults(f=f)
        return s

    sub("probe", cmd_probe, ("base", "email", "password", "t0", "token-out", "log", "facts"),
        pid=dict(type=int, required=True), timeout=dict(type=float, default=180))
    sub("seed", cmd_seed, ("base", "token-file", "ids"), n=dict(type=int, default=1000),
        timeout=dict(type=float, default=300))
    sub("find-jar", cmd_find_jar, ("dir",))
    sub("rss", cmd_rss, (), pid=dict(type=int, required=True))
    sub("wrk", cmd_wrk, ("label", "case", "phase", "url", "raw", "jsonl", "lua", "mode", "ids", "token-file"),
        round=dict(type=int, default=0), pid=dict(type=int, required=True), db_pid=dict(type=int),
        duration=dict(type=int, required=True), connections=dict(type=int, default=16))
    s = sub("fact", cmd_fact, ("facts",))
    s.add_argument("key")
    s.add_argument("value")
    s = sub("psql", cmd_psql, (), db=dict(default="postgres"))
    s.add_argument("sql")
    sub("pgss", cmd_pgss, ("db", "role", "case", "out"), label=dict(), jsonl=dict(),
        quiet=dict(action="store_true"))
    sub("script", cmd_script, ("dir", "case", "out", "defines-out"))
    sub("pg-check", cmd_pg_check, ("server", "script-stmts", "dir", "case"), script_tx=dict(type=int, required=True))
    sub("pgbench", cmd_pgbench, ("label", "case", "phase", "raw", "script", "defines", "db", "user"),
        jsonl=dict(), round=dict(type=int, default=0), db_pid=dict(type=int, required=True),
        duration=dict(type=int), transactions=dict(type=int), connections=dict(type=int, default=16),
        jobs=dict(type=int, default=1))
    sub("report", cmd_report, ("jsonl", "facts", "summary-txt", "summary-json", "status"),
        note=dict(action="append"))
    a = p.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
