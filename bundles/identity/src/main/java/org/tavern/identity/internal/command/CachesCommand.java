package org.tavern.identity.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.identity.Accounts;
import org.tavern.identity.CacheStats;
import org.tavern.identity.GameRecords;
import org.tavern.identity.IdentityMap;

/**
 * Gogo command {@code tavern:caches}: the identity caches' statistics (Evennia's "@server" cache
 * report); {@code flush} releases what they hold strongly, {@code gc} also asks for a collection.
 */
// named as before it moved to its own package: the component name and any default PID stay
@Component(name = "org.tavern.identity.internal.CachesCommand",
        service = CachesCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=caches"
        })
public class CachesCommand {

    static final String USAGE = "usage: tavern:caches [flush|gc]\n"
            + "  prints each identity cache: live entries, pinned (online users, running games), recent (held\n"
            + "  strongly), hits, misses, loads, evictions and an estimate of the heap they hold\n"
            + "  flush  releases the unpinned entries, which the next garbage collection frees\n"
            + "  gc     flush, then ask the JVM for a garbage collection and print the result";

    private final List<IdentityMap<?, ?>> maps;

    @Activate
    public CachesCommand(@Reference Accounts accounts, @Reference GameRecords games) {
        this(List.of(accounts.identityMap(), games.identityMap()));
    }

    CachesCommand(List<IdentityMap<?, ?>> maps) {
        this.maps = maps;
    }

    public String caches(String... args) {
        if (args.length > 1 || (args.length == 1 && !args[0].equals("flush") && !args[0].equals("gc"))) {
            return USAGE;
        }
        StringBuilder out = new StringBuilder();
        if (args.length == 1) {
            int released = 0;
            for (IdentityMap<?, ?> map : maps) {
                released += map.flush();
            }
            out.append("Flushed: ").append(released).append(" recently used entries released");
            if (args[0].equals("gc")) {
                Runtime runtime = Runtime.getRuntime();
                long before = runtime.totalMemory() - runtime.freeMemory();
                System.gc();
                long after = runtime.totalMemory() - runtime.freeMemory();
                out.append(String.format(Locale.ROOT, "; heap used %s -> %s", bytes(before), bytes(after)));
            } else {
                out.append("; unreferenced entities are freed by the next garbage collection");
            }
            out.append("\n");
        }
        out.append(table());
        return out.toString();
    }

    private String table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %8s %7s %7s %10s %9s %9s %10s %10s", "CACHE", "SIZE", "PINNED",
                "RECENT", "HITS", "MISSES", "LOADS", "EVICTIONS", "EST.BYTES"));
        long total = 0;
        for (IdentityMap<?, ?> map : maps) {
            CacheStats s = map.stats();
            total += s.estimatedBytes();
            lines.add(String.format(Locale.ROOT, "%-10s %8d %7d %7d %10d %9d %9d %10d %10s", s.name(), s.size(),
                    s.pinned(), s.recent(), s.hits(), s.misses(), s.loads(), s.evictions(), bytes(s.estimatedBytes())));
        }
        Runtime runtime = Runtime.getRuntime();
        lines.add(String.format(Locale.ROOT, "caches hold about %s; JVM heap used %s of %s", bytes(total),
                bytes(runtime.totalMemory() - runtime.freeMemory()), bytes(runtime.maxMemory())));
        return String.join("\n", lines);
    }

    static String bytes(long n) {
        if (n < 10 * 1024) {
            return n + " B";
        }
        if (n < 10L * 1024 * 1024) {
            return (n / 1024) + " KiB";
        }
        return (n / (1024 * 1024)) + " MiB";
    }
}
