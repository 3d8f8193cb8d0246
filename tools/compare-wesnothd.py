#!/usr/bin/env python3
"""Runs each load scenario against wesnothd 1.16 and against Tavern, one after the other, on this
machine, and prints the ratios Tavern/wesnothd.

Both servers get the same lifted limits (no per-address connection limit, no lobby flood control),
a fresh process per scenario, the same warm-up and the same load. Server CPU (utime+stime) and RSS
come from /proc/<pid> and are read by the load generator around its measured window, so CPU per
unit of work holds even though the load generator shares the machine.

Build first:
    mvn -q -DskipTests package -pl distribution,tools/loadgen -am
Then, from the project root:
    python3 tools/compare-wesnothd.py                    # every scenario but idle-5000, about 15 minutes
    python3 tools/compare-wesnothd.py --only relay,chat  # some of them
    python3 tools/compare-wesnothd.py --quick            # small sizes, a smoke run (about 2 minutes)
    python3 tools/compare-wesnothd.py --only idle-5000 --servers tavern
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from proctree import children_of  # tools/proctree.py, shared with tools/attack/attack.py

# A warm-up run of the same kind before the measured one, on both servers alike: Tavern's JIT
# compiles for tens of seconds, and a cold JVM's compiler threads would be counted as its CPU.
CHAT_WARMUP = ["chat", "--users=100", "--seconds=8", "--warmup-seconds=2", "--prefix=wchat"]
RELAY_WARMUP = ["relay", "--games=20", "--observers=2", "--seconds=15", "--warmup-seconds=2", "--prefix=w"]

# A login warm-up as big as the measured storm (600 staying, 600 in and out before them), run
# --login-warmup-rounds times (default 5) on both servers: a storm lasts under a second, and after
# one such round the server's compiler threads still took ~950 us per login of the measured storm
# (jit_cpu_us_per_login), falling to ~280 us after six: the code of a login reaches C2 only after
# thousands of logins. A server that has run for an hour is past that; wesnothd has nothing to warm.
LOGIN_WARMUP = ["login", "--clients=600", "--concurrency=20", "--warmup-logins=600", "--prefix=w"]

# JVM options of the load generator per scenario (the same against both servers). A storm lasts a few
# seconds, and in that time the generator's own C2 compiler took over half of its CPU (perf); with C1
# only it needs about 40% of a core instead of 70% for the same storm (loadgen_window_cpu_pct), so it
# no longer caps what it measures. The longer scenarios keep the default JIT.
LOADGEN_JVM_OPTS = {"login": ["-XX:TieredStopAtLevel=1"], "login-churn": ["-XX:TieredStopAtLevel=1"]}

RELAY_RATE_WARMUP = ["relay", "--games=50", "--observers=1", "--rate=1000", "--seconds=15", "--warmup-seconds=0",
                     "--prefix=w"]
RELAY_METRICS = ["turns_per_s", "p50_ms", "p99_ms", "cpu_us_per_turn", "jit_cpu_us_per_turn",
                 "voluntary_cs_per_turn", "involuntary_cs_per_turn"]

# name -> (loadgen arguments, warm-up arguments or None, the metrics to compare)
SCENARIOS = {
    "login": (["login", "--clients=600", "--concurrency=20"], LOGIN_WARMUP,
              ["logins_per_s", "p99_ms", "cpu_us_per_login", "first_half_cpu_us_per_login",
               "second_half_cpu_us_per_login", "jit_cpu_us_per_login", "loadgen_window_cpu_pct"]),
    "login-churn": (["login-churn", "--clients=200", "--churn=1000", "--concurrency=20"], LOGIN_WARMUP,
                    ["logins_per_s", "p99_ms", "cpu_us_per_login", "jit_cpu_us_per_login",
                     "loadgen_window_cpu_pct"]),
    "chat": (["chat", "--users=100", "--rate=0", "--seconds=10", "--warmup-seconds=5"], CHAT_WARMUP,
             ["deliveries_per_s", "p50_ms", "p99_ms", "cpu_us_per_delivery"]),
    "chat-rate": (["chat", "--users=100", "--rate=100", "--seconds=10", "--warmup-seconds=5"], CHAT_WARMUP,
                  ["deliveries_per_s", "p50_ms", "p99_ms", "cpu_us_per_delivery"]),
    "relay": (["relay", "--games=20", "--observers=2", "--seconds=10", "--warmup-seconds=8"], RELAY_WARMUP,
              RELAY_METRICS),
    "relay-1000": (["relay", "--games=20", "--observers=2", "--rate=1000", "--seconds=10", "--warmup-seconds=8"],
                   RELAY_WARMUP, ["turns_per_s", "p50_ms", "p99_ms", "cpu_us_per_turn"]),
    # Issue 24's cases: a realistic paced relay (50 games of two players and an observer, 1 000 turns
    # a second offered) on a fresh server (no warm-up: what a server that has just started pays,
    # compiling included) and on a warmed one.
    "relay-rate-fresh": (["relay", "--games=50", "--observers=1", "--rate=1000", "--seconds=15",
                          "--warmup-seconds=0"], None, RELAY_METRICS),
    "relay-rate-warm": (["relay", "--games=50", "--observers=1", "--rate=1000", "--seconds=15",
                         "--warmup-seconds=0"], RELAY_RATE_WARMUP, RELAY_METRICS),
    "idle": (["idle", "--connections=1000", "--concurrency=50", "--settle-seconds=20"], None,
             ["rss_kb_per_connection", "logins_per_s", "idle_cpu_pct"]),
    # wesnothd needs many minutes to log 5 000 players in (each login re-sends the whole list): run
    # this one with --servers=tavern unless there is time to spare.
    "idle-5000": (["idle", "--connections=5000", "--concurrency=50", "--settle-seconds=20"], None,
                  ["rss_kb_per_connection", "logins_per_s", "idle_cpu_pct"]),
}

QUICK = {
    "login": ["--clients=150"], "login-churn": ["--clients=50", "--churn=200"],
    "chat": ["--users=30", "--seconds=3", "--warmup-seconds=1"],
    "chat-rate": ["--users=30", "--rate=30", "--seconds=3", "--warmup-seconds=1"],
    "relay": ["--games=4", "--seconds=3", "--warmup-seconds=1"],
    "relay-1000": ["--games=4", "--rate=200", "--seconds=3", "--warmup-seconds=1"],
    "relay-rate-fresh": ["--games=5", "--rate=100", "--seconds=3"],
    "relay-rate-warm": ["--games=5", "--rate=100", "--seconds=3"],
    "idle": ["--connections=300"], "idle-5000": ["--connections=500"],
}

STARTUP_SECONDS = 60


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, process, deadline):
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("server exited with %s before listening" % process.returncode)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server not listening on %d after %d s" % (port, STARTUP_SECONDS))


class Server:
    """A server process started for one scenario, stopped (SIGTERM, then SIGKILL) afterwards."""

    def __init__(self, kind, args, workdir):
        self.kind = kind
        self.port = free_port()
        self.workdir = workdir
        self.log = open(os.path.join(workdir, kind + ".log"), "ab")
        # Both servers read the very same server.cfg (Tavern takes wesnothd's with -c): limits lifted,
        # any number of connections per address, no lobby flood control.
        cfg = os.path.join(workdir, "server.cfg")
        with open(cfg, "w") as f:
            f.write("connections_allowed=0\nmax_messages=1000000000\nmessages_time_period=1\n")
        if kind == "wesnothd":
            cmd = [args.wesnothd, "-p", str(self.port), "-c", cfg]
        else:
            home = os.path.join(workdir, "tavern-home")
            shutil.rmtree(home, ignore_errors=True)
            os.makedirs(os.path.join(home, "etc"))
            # Tavern's transport also paces reading (200 frames and 256 KB a second per connection, issue
            # 22), which wesnothd does not: lifted too, or the closed-loop relay measures the pacing.
            with open(os.path.join(home, "etc", "tavern.transport.cfg"), "w") as f:
                f.write("max.frames.per.second=1000000\nmax.read.bytes.per.second=1000000000\n")
            # The JVM ends compiler threads it no longer needs, and their CPU time goes with them: /proc
            # then under-counts the JIT (a perf profile of a warm run showed C2 at half the samples while
            # /proc's compiler threads said a sixth). Kept alive, every compile is counted; nothing else
            # changes.
            cmd = ["java", "-XX:-UseDynamicNumberOfCompilerThreads"] + args.tavern_java_opts.split() + ["-jar", args.tavern, "-p", str(self.port), "--home", home,
                                                                "-c", cfg]
        self.process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
                                        cwd=workdir)
        wait_for_port(self.port, self.process, time.time() + STARTUP_SECONDS)
        if kind == "tavern":
            self.wait_for_log("Tavern started", time.time() + STARTUP_SECONDS)
        time.sleep(1)

    def server_pid(self):
        """The process that serves: java -jar tavern.jar starts the server in a child JVM (its launcher
        only waits for it, and stays idle), so Tavern's CPU and memory are read from that child."""
        pids = children_of(self.process.pid)
        return pids[0] if pids else self.process.pid

    def wait_for_log(self, text, deadline):
        path = os.path.join(self.workdir, self.kind + ".log")
        while time.time() < deadline:
            with open(path, "rb") as f:
                if text.encode() in f.read():
                    return
            time.sleep(0.2)
        raise RuntimeError("%s did not log '%s'" % (self.kind, text))

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


STRACE_DELAY = 8  # seconds: the relay scenarios' logins and game set-up are over by then


def run_loadgen(args, server, loadgen_args, timeout, jvm_opts=(), strace_file=None):
    """One loadgen run; with strace_file, strace -c counts the server's syscalls (all threads) for
    args.syscalls seconds from STRACE_DELAY seconds after the start, inside the measured window."""
    cmd = ["java"] + list(jvm_opts) + ["-jar", args.loadgen] + loadgen_args + [
        "--port=%d" % server.port, "--server-pid=%d" % server.server_pid(), "--server-label=" + server.kind]
    loadgen = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if strace_file:
        time.sleep(STRACE_DELAY)
        subprocess.run(["timeout", "-s", "INT", str(args.syscalls), "strace", "-c", "-f", "-qq", "-o", strace_file,
                        "-p", str(server.server_pid())], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        out, err = loadgen.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        loadgen.kill()
        loadgen.communicate()
        return None, "loadgen timed out after %d s: %s" % (timeout, " ".join(cmd))
    line = next((l for l in out.splitlines() if l.startswith("RESULT ")), None)
    if loadgen.returncode != 0 or line is None:
        return line, "loadgen exit %d: %s" % (loadgen.returncode, err.strip()[-2000:])
    return line, None


def syscall_fields(strace_file, turns):
    """syscalls_per_turn and the three commonest calls per turn, from strace -c's table."""
    calls = {}
    try:
        with open(strace_file) as f:
            for row in f:
                parts = row.split()
                if len(parts) >= 5 and parts[0][0].isdigit() and parts[-1] != "total":
                    calls[parts[-1]] = int(parts[3])
    except (OSError, ValueError):
        return {}
    if not calls or turns <= 0:
        return {}
    top = sorted(calls.items(), key=lambda kv: -kv[1])[:3]
    return {"syscalls_per_turn": "%.2f" % (sum(calls.values()) / turns),
            "top_syscalls_per_turn": ",".join("%s:%.2f" % (name, n / turns) for name, n in top)}


def count_syscalls(args, name, kind, workdir, rate, warmup, failures):
    """The diagnostic run of --syscalls: the same scenario (and warm-up) on a fresh server, strace attached."""
    loadgen_args, _, _ = SCENARIOS[name]
    server = Server(kind, args, workdir)
    strace_file = os.path.join(workdir, "%s-%s.strace" % (name, kind))
    try:
        if warmup:
            run_loadgen(args, server, warmup, args.timeout)
            time.sleep(2)
        _, error = run_loadgen(args, server, loadgen_args, args.timeout, strace_file=strace_file)
    finally:
        server.stop()
    if error:
        failures.append("%s on %s (strace run): %s" % (name, kind, error))
    return syscall_fields(strace_file, rate * args.syscalls)


def fields(line):
    return dict(part.split("=", 1) for part in line.split()[1:] if "=" in part)


def ratio(t, w):
    try:
        return "%.2f" % (float(t) / float(w))
    except (ValueError, ZeroDivisionError):
        return "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated scenarios (default: all): " + ",".join(SCENARIOS))
    parser.add_argument("--servers", default="wesnothd,tavern", help="which servers to run (default: both)")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run, not a measurement")
    parser.add_argument("--wesnothd", default="/usr/games/wesnothd-1.16")
    parser.add_argument("--tavern", default="distribution/target/tavern.jar")
    parser.add_argument("--loadgen", default="tools/loadgen/target/loadgen.jar")
    parser.add_argument("--login-warmup-rounds", type=int, default=5,
                        help="warm-up storms before each login scenario, on both servers (default 5: a JVM "
                             "compiles a login's code during the first few thousand logins; 1 shows a young JVM)")
    parser.add_argument("--tavern-java-opts", default="", help="JVM options for Tavern (default: none)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds one loadgen run may take")
    parser.add_argument("--out", help="append the RESULT lines to this file")
    parser.add_argument("--syscalls", type=int, default=0, metavar="SECONDS",
                        help="paced relay scenarios (relay-rate-*, relay-1000) only: a second run on a fresh "
                             "server with strace -c attached for SECONDS inside the window; reports syscalls per "
                             "turn (strace slows the server, so its other figures are not kept)")
    args = parser.parse_args()
    args.tavern, args.loadgen = os.path.abspath(args.tavern), os.path.abspath(args.loadgen)

    for path, hint in ((args.wesnothd, "apt-get install -y wesnoth-1.16-server"),
                       (args.tavern, "mvn -q -DskipTests package -pl distribution,tools/loadgen -am"),
                       (args.loadgen, "mvn -q -DskipTests package -pl distribution,tools/loadgen -am")):
        if not os.path.exists(path):
            sys.exit("compare-wesnothd: %s is missing (%s)" % (path, hint))
    names = args.only.split(",") if args.only else [n for n in SCENARIOS if n != "idle-5000"]
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        sys.exit("compare-wesnothd: unknown scenario(s) %s; known: %s" % (", ".join(unknown), ", ".join(SCENARIOS)))

    workdir = tempfile.mkdtemp(prefix="tavern-compare-")
    rows = []
    failures = []
    results = []
    print("compare-wesnothd: %s, %d cores, work folder %s" % (time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(), workdir))
    for name in names:
        loadgen_args, warmup, metrics = SCENARIOS[name]
        if args.quick:
            loadgen_args = loadgen_args + QUICK[name]
            warmup = None
        got = {}
        for kind in [k for k in ("wesnothd", "tavern") if k in args.servers.split(",")]:
            server = Server(kind, args, workdir)
            try:
                jvm_opts = LOADGEN_JVM_OPTS.get(name, [])
                rounds = args.login_warmup_rounds if name in ("login", "login-churn") else 1
                for round_number in range(1, rounds + 1) if warmup else []:
                    # each round its own nicks: the last round's may still be leaving
                    round_args = [a + str(round_number) if a.startswith("--prefix=") else a for a in warmup]
                    _, error = run_loadgen(args, server, round_args, args.timeout, jvm_opts)
                    if error:
                        failures.append("%s warm-up %d on %s: %s" % (name, round_number, kind, error))
                    time.sleep(2)
                line, error = run_loadgen(args, server, loadgen_args, args.timeout, jvm_opts)
            finally:
                server.stop()
            if line:
                print(line, flush=True)
                results.append(line)
                got[kind] = fields(line)
            if error:
                failures.append("%s on %s: %s" % (name, kind, error))
            rate = next((float(a.split("=", 1)[1]) for a in loadgen_args if a.startswith("--rate=")), 0.0)
            if args.syscalls and rate > 0:
                got.setdefault(kind, {}).update(count_syscalls(args, name, kind, workdir, rate, warmup, failures))
        for metric in metrics + (["syscalls_per_turn", "top_syscalls_per_turn"] if args.syscalls else []):
            w = got.get("wesnothd", {}).get(metric, "-")
            t = got.get("tavern", {}).get(metric, "-")
            rows.append((name, metric, w, t, ratio(t, w)))
    if args.out:
        with open(args.out, "a") as f:
            f.write("\n".join(results) + "\n")
    print()
    print("| scenario | metric | wesnothd | Tavern | Tavern/wesnothd |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| %s | %s | %s | %s | %s |" % row)
    if failures:
        print()
        for f in failures:
            print("FAILED: " + f)
        sys.exit(1)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
