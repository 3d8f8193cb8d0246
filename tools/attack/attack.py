#!/usr/bin/env python3
"""Hostile-traffic suite against a wesnothd 1.16 protocol server (issue 22), loopback only.

Runs the cases one after the other against ONE server, with two canary users chatting between every
case (the canary must never be lost; a fresh login must take < 2 s after each case), and prints one
table: what each case did, the server's resident memory (RSS) before, at its peak and after, and the
log lines it wrote. Every count and every wait is bounded; every socket goes to 127.0.0.0/8.

    python3 tools/attack/attack.py --jar distribution/target/tavern.jar        # starts its own server
    python3 tools/attack/attack.py --port 15000 --pid 1234 --log home/logs/tavern.log
    python3 tools/attack/attack.py --jar ... --cases bomb,slowloris --scale 0.1   # fewer sockets
    python3 tools/attack/attack.py --jar ... --java-opt=-Xmx512m                  # a bounded heap

Sources are spread over 127.x.y.z addresses so that per-address connection limits (the transport's
32, the lobby's 5 logged-in players) do not refuse the crowd cases before they start.
"""

import argparse
import gzip
import os
import random
import re
import resource
import selectors
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from proctree import process_tree  # noqa: E402  (tools/proctree.py, shared with compare-wesnothd.py)

LOOPBACK = "127.0.0.1"
FRESH_LOGIN_LIMIT_S = 2.0
MAX_SOCKETS = 5000  # no case opens more than this at once
# the lobby's departure line: "<logger> - <nick> left (<reason>)"
DEPARTURE = re.compile(r" - (\S+) left \((.*)\)$")


def wml(text):
    return gzip.compress(text.encode("utf-8"))


def framed(payload):
    return struct.pack(">I", len(payload)) + payload


def source(block, index):
    """A loopback source address: 127.<block>.<index / 250>.<1 + index % 250>."""
    return "127.%d.%d.%d" % (block, index // 250, 1 + index % 250)


class Closed(Exception):
    pass


class Peer:
    """One blocking client socket speaking the wesnothd framing."""

    def __init__(self, port, src=None, rcvbuf=None, timeout=10.0):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        if src:
            self.sock.bind((src, 0))
        self.sock.settimeout(timeout)
        self.sock.connect((LOOPBACK, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handshake(self):
        self.sock.sendall(struct.pack(">I", 0))
        reply = self.read_exact(4)
        if struct.unpack(">I", reply)[0] != 42:
            raise Closed("handshake answered %r" % reply)

    def read_exact(self, n):
        chunks = []
        while n > 0:
            try:
                chunk = self.sock.recv(min(n, 1 << 20))
            except (ConnectionError, OSError) as e:
                raise Closed(str(e))
            if not chunk:
                raise Closed("EOF")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def receive(self):
        length = struct.unpack(">I", self.read_exact(4))[0]
        return gzip.decompress(self.read_exact(length))

    def send(self, text):
        self.sock.sendall(framed(wml(text)))

    def wait_closed(self, timeout):
        """True when the server closes within timeout (reads and drops whatever it sends)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                if not self.sock.recv(65536):
                    return True
            except socket.timeout:
                return False
            except OSError:
                return True
        return False

    def close(self, reset=False):
        try:
            if reset:
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.sock.close()
        except OSError:
            pass


def login(port, name, src=None, rcvbuf=None, timeout=10.0):
    """Handshake, [version], [login]; returns (peer, seconds) once the full lobby list arrived."""
    started = time.monotonic()
    peer = Peer(port, src, rcvbuf, timeout)
    peer.handshake()
    peer.receive()  # [version]
    peer.send('[version]\nversion="1.16.9"\n[/version]\n')
    peer.receive()  # [mustlogin]
    peer.send('[login]\nusername="%s"\n[/login]\n' % name)
    while b"[gamelist]" not in peer.receive():
        pass
    return peer, time.monotonic() - started


class Reader(threading.Thread):
    """Drains a logged-in peer for ever, remembering the chat lines it saw (sender, text, time)."""

    def __init__(self, peer, name):
        super().__init__(daemon=True, name="reader-" + name)
        self.peer = peer
        self.name_ = name
        self.lines = []
        self.closed = None
        self.peer.sock.settimeout(None)

    def run(self):
        try:
            while True:
                doc = self.peer.receive()
                if b"[message]" in doc and b"sender=" in doc:
                    text = doc.split(b'message="', 1)[1].split(b'"', 1)[0].decode("utf-8", "replace")
                    sender = doc.split(b'sender="', 1)[1].split(b'"', 1)[0].decode("utf-8", "replace")
                    self.lines.append((sender, text, time.monotonic()))
        except Exception as e:  # noqa: BLE001 - any end of the stream ends the reader
            self.closed = str(e)


class Server:
    """The server under attack: started from a jar in a scratch home, or an existing process."""

    def __init__(self, args):
        self.process = None
        if args.jar:
            for attempt in range(3):  # a free port may be taken by someone else before the server binds it
                if self.start(args):
                    break
            else:
                raise SystemExit("server did not start; see " + self.home)
        else:
            self.home = None
            self.port = args.port
            self.pid = args.pid
            self.logs = args.log or []

    def start(self, args):
        self.home = tempfile.mkdtemp(prefix="tavern-attack-")
        self.port = args.port or free_port()
        self.out = open(os.path.join(self.home, "console.out"), "wb")
        self.process = subprocess.Popen(
            ["java"] + (args.java_opt or []) + ["-jar", os.path.abspath(args.jar), "--home", self.home,
                                                "-p", str(self.port)],
            stdin=subprocess.DEVNULL, stdout=self.out, stderr=subprocess.STDOUT)
        self.pid = self.process.pid
        self.logs = [os.path.join(self.home, "logs", "tavern.log"), os.path.join(self.home, "console.out")]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                peer, _ = login(self.port, "boot", timeout=2)
                peer.close()
                return True
            except (OSError, Closed):
                time.sleep(0.5)
            with open(os.path.join(self.home, "console.out"), "rb") as out:
                if b"Address already in use" in out.read():
                    break
        self.stop()
        return False

    def rss_mb(self):
        """The server's resident memory: java -jar's launcher JVM and the server JVM it started, together."""
        total = 0.0
        for pid in process_tree(self.pid):
            try:
                with open("/proc/%d/status" % pid) as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) / 1024.0
            except OSError:
                pass  # ended meanwhile
        return total

    def log_lines(self):
        total = 0
        for path in self.logs:
            for candidate in [path] + [path + "." + str(i) for i in range(1, 10)]:
                try:
                    with open(candidate, "rb") as f:
                        total += sum(1 for _ in f)
                except OSError:
                    pass
        return total

    def departures(self):
        """{nick: reason} of the lobby's "<nick> left (<reason>)" lines so far."""
        left = {}
        for path in self.logs:
            try:
                with open(path, "rb") as f:
                    for raw in f:
                        # "... org.tavern.lobby.internal.lobby.Membership - <nick> left (<reason>)": the
                        # logger's name is not matched, it moves when the lobby's classes do
                        found = DEPARTURE.search(raw.decode("utf-8", "replace").rstrip())
                        if found:
                            left[found.group(1)] = found.group(2)
            except OSError:
                pass
        return left

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()


def free_port():
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


class RssSampler(threading.Thread):
    def __init__(self, server):
        super().__init__(daemon=True, name="rss")
        self.server = server
        self.peak = 0.0
        self.window_peak = 0.0
        self.samples = []
        self.running = True

    def reset_window(self):
        self.window_peak = self.server.rss_mb()

    def run(self):
        while self.running:
            try:
                rss = self.server.rss_mb()
            except OSError:
                return
            self.samples.append((time.monotonic(), rss))
            self.peak = max(self.peak, rss)
            self.window_peak = max(self.window_peak, rss)
            time.sleep(0.1)


class Canary:
    """Two users who chat between cases; a fresh login is timed after each case."""

    def __init__(self, port):
        self.port = port
        a, _ = login(port, "canaryA", "127.0.0.2")
        b, _ = login(port, "canaryB", "127.0.0.3")
        self.a = Reader(a, "canaryA")
        self.b = Reader(b, "canaryB")
        self.a.start()
        self.b.start()
        self.round = 0

    def check(self):
        """(canary alive, chat delay seconds, fresh login seconds) after a case."""
        self.round += 1
        text = "canary-%d" % self.round
        alive = self.a.closed is None and self.b.closed is None
        if alive:
            try:
                self.a.peer.send('[message]\nmessage="%s"\n[/message]\n' % text)
            except OSError:
                alive = False
        sent = time.monotonic()
        delay = float("inf")
        while alive:
            if any(line[1] == text for line in self.b.lines):
                delay = time.monotonic() - sent
                break
            if time.monotonic() > sent + 15 or self.b.closed is not None:
                alive = False
            time.sleep(0.02)
        try:
            peer, seconds = login(self.port, "fresh%d" % self.round, "127.0.0.4")
            peer.close()
        except (OSError, Closed):
            seconds = float("inf")
        return alive, delay, seconds


# ---------------------------------------------------------------------------------------------- cases


def gzip_bomb(inflated_mb):
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    parts = [packer.compress(zeros) for _ in range(inflated_mb)]
    parts.append(packer.flush())
    return b"".join(parts)


def case_bomb(ctx):
    bomb = framed(gzip_bomb(int(1024 * ctx.scale_bytes)))

    def pre_login(i):
        peer = Peer(ctx.port, source(10, i))
        peer.handshake()
        peer.receive()
        peer.sock.sendall(bomb)
        return peer.wait_closed(30)

    def logged_in():
        peer, _ = login(ctx.port, "bomber", source(10, 100))
        try:
            peer.sock.sendall(bomb)
        except OSError:
            return True
        return peer.wait_closed(30)

    results = {"pre-login": safe(pre_login, 0), "logged in": safe(logged_in)}
    eight = run_parallel([lambda i=i: pre_login(1 + i) for i in range(8)])
    results["8 at once"] = "%d/8" % sum(1 for r in eight if r is True)
    return "bomb of %d KB gzip: closed %s" % (len(bomb) // 1024, ", ".join(
        "%s=%s" % (k, v) for k, v in results.items()))


def case_big_frames(ctx):
    count = 16
    declared = 40_000_000
    sent_bytes = int(39_999_000 * ctx.scale_bytes)
    chunk = bytes(1 << 20)
    progress = [0] * count
    peers = []

    def one(i):
        peer = Peer(ctx.port, LOOPBACK)
        peers.append(peer)
        peer.handshake()
        peer.receive()
        peer.sock.sendall(struct.pack(">I", declared))
        while progress[i] < sent_bytes:
            n = min(len(chunk), sent_bytes - progress[i])
            try:
                peer.sock.sendall(chunk[:n])
            except OSError:
                return False
            progress[i] += n
        return True

    completed = run_parallel([lambda i=i: one(i) for i in range(count)], timeout=120)
    time.sleep(10)  # hold, as the attacker does: the figure is the RSS while held
    closed = sum(1 for p in peers if p.wait_closed(0.1))
    for p in peers:
        p.close()
    return "%d x %d of %d bytes: %d sent in full, %d closed by the server" % (
        count, sent_bytes, declared, sum(1 for c in completed if c is True), closed)


def case_frozen(ctx):
    frozen_count = int(500 * ctx.scale)
    frozen = []
    for i in range(frozen_count):
        try:
            peer, _ = login(ctx.port, "frozen%d" % i, source(20, i // 2), rcvbuf=4096)
            frozen.append(peer)
        except (OSError, Closed):
            pass
    chatters = []
    for i in range(20):
        peer, _ = login(ctx.port, "chatter%d" % i, source(30, i))
        reader = Reader(peer, "chatter%d" % i)
        reader.start()
        chatters.append(reader)
    per_chatter = int(10_000 * ctx.scale) // 20
    # the lobby relays the whole [message] element: a 16 KB attribute rides along to every lobby member
    line = "x" * 200 + '"\njunk="' + "".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(16 * 1024))
    started = time.monotonic()
    seen_before = len(ctx.canary.b.lines)

    def burst(reader):
        for n in range(per_chatter):
            reader.peer.send('[message]\nmessage="%s %d"\n[/message]\n' % (line, n))

    run_parallel([lambda r=r: burst(r) for r in chatters], timeout=120)
    sent_done = time.monotonic() - started
    # live users get what the lobby relayed: wait until nothing new arrives for 2 s (at most 30 s)
    last_count, last_change = -1, time.monotonic()
    while time.monotonic() - started < 30 and time.monotonic() - last_change < 2:
        count = len(ctx.canary.b.lines)
        if count != last_count:
            last_count, last_change = count, time.monotonic()
        time.sleep(0.1)
    burst_lines = [l for l in ctx.canary.b.lines[seen_before:] if l[0].startswith("chatter")]
    delivered_in = (burst_lines[-1][2] - started) if burst_lines else float("nan")
    # frozen clients: are they disconnected by the server (within 90 s)? The lobby logs who left and why.
    names = ["frozen%d" % i for i in range(len(frozen))]
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        gone = ctx.server.departures()
        closed = sum(1 for n in names if n in gone)
        if closed == len(names):
            break
        time.sleep(1)
    reasons = sorted(set(gone[n].split(" (")[0].split(":")[0] for n in names if n in gone))
    for r in chatters:
        r.peer.close()
    for p in frozen:
        p.close()
    return ("%d frozen + 20 chatters x %d msgs of 16 KB (sent in %.1f s): canary got %d relayed, last after %.1f s; "
            "frozen cut by server: %d/%d (%s)" % (len(frozen), per_chatter, sent_done, len(burst_lines),
                                                    delivered_in, closed, len(frozen), "; ".join(reasons)))


def count_closed_by_server(peers, timeout):
    """Drains every peer (non-blocking) until each is closed by the server or timeout passes."""
    selector = selectors.DefaultSelector()
    open_ = set()
    for p in peers:
        p.sock.setblocking(False)
        selector.register(p.sock, selectors.EVENT_READ, p)
        open_.add(p)
    closed = 0
    deadline = time.monotonic() + timeout
    while open_ and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.5):
            p = key.data
            try:
                data = p.sock.recv(1 << 16)
                if data:
                    continue
            except BlockingIOError:
                continue
            except OSError:
                pass
            selector.unregister(p.sock)
            open_.discard(p)
            closed += 1
    selector.close()
    return closed


def case_slow_reader(ctx):
    slow, _ = login(ctx.port, "slowreader", source(40, 0), rcvbuf=4096)
    slow_closed = []

    def trickle():
        slow.sock.settimeout(1.0)
        while True:
            try:
                if not slow.sock.recv(64):
                    slow_closed.append(time.monotonic())
                    return
            except socket.timeout:
                continue
            except OSError:
                slow_closed.append(time.monotonic())
                return
            time.sleep(1.0)

    threading.Thread(target=trickle, daemon=True).start()
    chatters = []
    for i in range(20):
        peer, _ = login(ctx.port, "flooder%d" % i, source(41, i))
        reader = Reader(peer, "flooder%d" % i)
        reader.start()
        chatters.append(reader)
    duration = 30 * min(1.0, ctx.scale * 10)
    rss = []
    started = time.monotonic()
    line = "y" * 250
    # the lobby relays the whole [message] element: a 64 KB attribute rides along to every lobby member
    junk = "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(64 * 1024))
    frame = framed(wml('[message]\nmessage="%s"\njunk="%s"\n[/message]\n' % (line, junk)))

    def flood(reader):
        n = 0
        while time.monotonic() - started < duration:
            try:
                reader.peer.sock.sendall(frame)
            except OSError:
                return n
            n += 1
        return n

    sampler = threading.Thread(target=lambda: sample_until(ctx, rss, started + duration), daemon=True)
    sampler.start()
    cut = []

    def watch_departure():  # the lobby's log says when the slow reader left, and why
        while time.monotonic() < started + duration + 10:
            if "slowreader" in ctx.server.departures():
                cut.append(time.monotonic() - started)
                return
            time.sleep(1)

    watcher = threading.Thread(target=watch_departure, daemon=True)
    watcher.start()
    sent = run_parallel([lambda r=r: flood(r) for r in chatters], timeout=duration + 30)
    watcher.join()
    sampler.join()
    cut_after = cut[0] if cut else None
    why = ctx.server.departures().get("slowreader", "")
    for r in chatters:
        r.peer.close()
    slow.close()
    spread = (max(rss) - min(rss)) if rss else float("nan")
    return "20 flooders sent %d msgs of 64 KB in %.0f s; slow reader %s; RSS during flood %.0f..%.0f MB (spread %.0f)" % (
        sum(s for s in sent if isinstance(s, int)), duration,
        "cut after %.0f s (%s)" % (cut_after, why) if cut_after is not None else "NOT cut", min(rss), max(rss), spread)


def sample_until(ctx, out, deadline):
    while time.monotonic() < deadline:
        out.append(ctx.server.rss_mb())
        time.sleep(0.25)


def case_slowloris(ctx):
    trickle_n, silent_n, mustlogin_n = int(1000 * ctx.scale), int(500 * ctx.scale), int(500 * ctx.scale)
    peers = []  # (peer, kind, opened_at)
    partial = framed(wml('[version]\nversion="1.16.9"\n[/version]\n'))
    for i in range(trickle_n + silent_n + mustlogin_n):
        kind = "trickle" if i < trickle_n else "silent" if i < trickle_n + silent_n else "mustlogin"
        try:
            peer = Peer(ctx.port, source(50, i // 20))
            peer.handshake()
            peer.receive()  # [version]
            if kind == "mustlogin":
                peer.sock.sendall(partial)
                peer.receive()  # [mustlogin]
        except (OSError, Closed):
            continue
        peers.append([peer, kind, time.monotonic(), None])
    opened = time.monotonic()
    logins = []
    selector = selectors.DefaultSelector()
    for entry in peers:
        entry[0].sock.setblocking(False)
        selector.register(entry[0].sock, selectors.EVENT_READ, entry)
    sent_upto = {id(e): 0 for e in peers}
    horizon = opened + 150 * max(ctx.scale, 0.2)
    next_trickle = time.monotonic()
    next_login = time.monotonic()
    while time.monotonic() < horizon and any(e[3] is None for e in peers):
        now = time.monotonic()
        if now >= next_trickle:
            next_trickle = now + 1.0
            for e in peers:
                if e[1] == "trickle" and e[3] is None and sent_upto[id(e)] < len(partial) - 1:
                    try:
                        e[0].sock.send(partial[sent_upto[id(e)]:sent_upto[id(e)] + 1])
                        sent_upto[id(e)] += 1
                    except BlockingIOError:
                        pass
                    except OSError:
                        e[3] = now
                        selector.unregister(e[0].sock)
        if now >= next_login:
            next_login = now + 2.0
            try:
                fresh, seconds = login(ctx.port, "during%d" % len(logins), "127.0.0.5", timeout=5)
                fresh.close()
            except (OSError, Closed):
                seconds = float("inf")
            logins.append(seconds)
        for key, _ in selector.select(timeout=0.2):
            e = key.data
            try:
                if e[0].sock.recv(4096):
                    continue
            except BlockingIOError:
                continue
            except OSError:
                pass
            e[3] = time.monotonic()
            selector.unregister(e[0].sock)
    selector.close()
    result = {}
    for kind in ("trickle", "silent", "mustlogin"):
        mine = [e for e in peers if e[1] == kind]
        closed = [e[3] - e[2] for e in mine if e[3] is not None]
        result[kind] = "%d/%d closed%s" % (len(closed), len(mine),
                                          " (%.0f..%.0f s)" % (min(closed), max(closed)) if closed else "")
    for e in peers:
        e[0].close()
    worst = max(logins) if logins else float("nan")
    return "slowloris %s; %d logins meanwhile, slowest %.0f ms" % (
        ", ".join("%s %s" % kv for kv in result.items()), len(logins), worst * 1000)


def case_connect_close(ctx):
    cycles = int(20_000 * ctx.scale)
    started = time.monotonic()
    failures = 0
    for i in range(cycles):
        try:
            s = socket.socket()
            s.bind((source(60, i % 5000), 0))
            s.connect((LOOPBACK, ctx.port))
            if i % 2:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
        except OSError:
            failures += 1
        if time.monotonic() - started > 300:
            break
    return "%d connect/close cycles (half RST) in %.0f s, %d failed" % (i + 1, time.monotonic() - started, failures)


CASES = [("bomb", case_bomb), ("bigframes", case_big_frames), ("frozen", case_frozen),
         ("slowreader", case_slow_reader), ("slowloris", case_slowloris), ("connectclose", case_connect_close)]


def safe(fn, *args):
    try:
        return fn(*args)
    except (OSError, Closed) as e:
        return "error: %s" % e


def run_parallel(functions, timeout=60):
    results = [None] * len(functions)

    def runner(i):
        results[i] = safe(functions[i])

    threads = [threading.Thread(target=runner, args=(i,), daemon=True) for i in range(len(functions))]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    return results


class Context:
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", help="start this tavern.jar (java -jar, default settings) in a scratch home")
    parser.add_argument("--java-opt", action="append", help="a JVM option for the server --jar starts "
                        "(default: none, as java -jar tavern.jar); repeat for several")
    parser.add_argument("--port", type=int, help="port of a running server (with --pid)")
    parser.add_argument("--pid", type=int, help="process id of the running server, for its RSS")
    parser.add_argument("--log", action="append", help="log file(s) of the running server, for line counts")
    parser.add_argument("--cases", default=",".join(name for name, _ in CASES))
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the sockets/messages (0.01..1)")
    parser.add_argument("--settle", type=int, default=60, help="seconds to wait after the last case")
    args = parser.parse_args()
    if not args.jar and not (args.port and args.pid):
        parser.error("give --jar, or --port and --pid")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 2 * MAX_SOCKETS)), hard))
    server = Server(args)
    ctx = Context()
    ctx.server, ctx.port = server, server.port
    ctx.scale = max(0.01, min(1.0, args.scale))
    ctx.scale_bytes = 1.0
    sampler = RssSampler(server)
    sampler.start()
    load = os.getloadavg()
    print("server pid %d port %d; load average %.1f %.1f %.1f; %d cores" % (
        server.pid, server.port, load[0], load[1], load[2], os.cpu_count()), flush=True)
    ctx.canary = Canary(server.port)
    print("| case | RSS before MB | peak MB | after MB | log lines | took | canary | outcome |\n|---|---|---|---|---|---|---|---|",
          flush=True)
    rows = []
    started_rss = server.rss_mb()
    try:
        for name, case in CASES:
            if name not in args.cases.split(","):
                continue
            before, lines_before = server.rss_mb(), server.log_lines()
            sampler.reset_window()
            began = time.monotonic()
            outcome = safe(case, ctx)
            took = time.monotonic() - began
            peak, after = sampler.window_peak, server.rss_mb()
            lines = server.log_lines() - lines_before
            alive, delay, fresh = ctx.canary.check()
            rows.append((name, before, peak, after, lines, took, alive, fresh, outcome))
            print("| %s | %.0f | %.0f (+%.0f) | %.0f | %d | %.0f s | canary %s (chat %.0f ms), fresh login %.0f ms"
                  " | %s |" % (name, before, peak, peak - before, after, lines, took, "ok" if alive else "LOST",
                               delay * 1000, fresh * 1000, outcome), flush=True)
        time.sleep(args.settle)
        final = server.rss_mb()
        print("whole sequence: RSS at start %.0f MB, peak %.0f MB, %d s after the last case %.0f MB; "
              "canary %s" % (started_rss, sampler.peak, args.settle, final,
                             "kept" if all(r[6] for r in rows) else "LOST"), flush=True)
    finally:
        sampler.running = False
        server.stop()
        if server.home and os.environ.get("ATTACK_KEEP_HOME") is None:
            shutil.rmtree(server.home, ignore_errors=True)
    return 0 if all(r[6] and r[7] < FRESH_LOGIN_LIMIT_S for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
