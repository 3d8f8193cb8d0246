package org.tavern.loadgen;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * {@code java -jar loadgen.jar SCENARIO --host=127.0.0.1 --port=15000 [--server-pid=PID] [...]}.
 * Prints one {@code RESULT ...} line on stdout; exits 0 when every check passed, 1 when a document
 * was lost, duplicated or reordered or the protocol failed, 2 on a bad command line.
 */
public final class Main {

    private static final String USAGE = """
            usage: java -jar loadgen.jar SCENARIO --port=PORT [--host=127.0.0.1] [--server-pid=PID]
                   [--server-label=NAME] [--threads=2] [scenario options]
            scenarios:
              login        --clients=600 --concurrency=20 --warmup-logins=200   lobby grows to CLIENTS
              login-churn  --clients=200 --churn=1000 --concurrency=20 --warmup-logins=200
              chat         --users=100 --rate=0 (0: saturate, each user one message in flight; else total msgs/s)
                           --window=1 --seconds=10 --warmup-seconds=2
              relay        --games=20 --observers=2 --rate=0 (0: as fast as possible; else total turns/s)
                           --seconds=10 --warmup-seconds=2 --capture=testdata/captures/ai_battle_lg_battle.trace.txt
              idle         --connections=5000 --concurrency=50 --settle-seconds=5
              webchat      --web-users=1000 --users=100 --http-port=15080 --rate=100 --seconds=10   (Tavern's web lobby)
            --prefix=NAME starts every player's name (several runs against one server need different ones).
            With --server-pid, CPU (utime+stime) and RSS of that process are read from /proc.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.print(USAGE);
            return 2;
        }
        String scenario = args[0];
        Harness harness = null;
        try {
            Options options = Options.parse(args, 1);
            String host = options.string("host", "127.0.0.1");
            int port = options.count("port", 15000, 1, 65535);
            long pid = options.number("server-pid", 0);
            String label = options.string("server-label", pid > 0 ? "pid" + pid : host + ":" + port);
            int threads = options.count("threads", 2, 1, 64);
            harness = new Harness(new InetSocketAddress(host, port), label, pid, threads);
            long selfCpu0 = selfCpuNanos();
            long wall0 = System.nanoTime();
            String result = switch (scenario) {
                case "login" -> new LoginScenario(harness, options, false).runChecked(options);
                case "login-churn" -> new LoginScenario(harness, options, true).runChecked(options);
                case "chat" -> new ChatScenario(harness, options).runChecked(options);
                case "relay" -> new RelayScenario(harness, options).runChecked(options);
                case "idle" -> new IdleScenario(harness, options).runChecked(options);
                case "webchat" -> new WebChatScenario(harness, new InetSocketAddress(host, port), options)
                        .runChecked(options);
                default -> throw new Options.UsageException("unknown scenario '" + scenario + "'");
            };
            double selfPct = 100.0 * (selfCpuNanos() - selfCpu0) / Math.max(1, System.nanoTime() - wall0);
            System.out.println(result + String.format(Locale.ROOT, " loadgen_cpu_pct=%.0f", selfPct));
            return report(harness.verdict);
        } catch (Options.UsageException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        } catch (Exception e) {
            System.err.println("loadgen: " + scenario + " failed: " + e.getMessage());
            if (harness != null) {
                harness.verdict.messages().forEach(m -> System.err.println("loadgen:   " + m));
                System.out.println(harness.resultHead(scenario) + " error=\"" + String.valueOf(e.getMessage())
                        .replace('"', '\'') + "\" " + harness.verdict.fields());
            }
            return 1;
        } finally {
            if (harness != null) {
                harness.close();
            }
        }
    }

    private static int report(Verdict verdict) {
        if (!verdict.failed()) {
            return 0;
        }
        System.err.println("loadgen: checks failed:");
        verdict.messages().forEach(m -> System.err.println("loadgen:   " + m));
        return 1;
    }

    /** This process's CPU time (all threads, JIT and GC included), in nanoseconds. */
    static long selfCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
