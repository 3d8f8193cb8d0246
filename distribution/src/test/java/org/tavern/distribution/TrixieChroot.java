package org.tavern.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Debian 13 chroot that holds the real Wesnoth 1.18 programs (Debian's wesnoth-1.18 and
 * wesnoth-1.18-server), built by {@code tools/trixie-chroot ensure} (which {@code .ci/run} calls) and
 * entered through {@code tools/trixie-chroot run}: /proc, /dev and the given folders are mounted
 * into it in a private mount namespace that ends with the program. Without it the tests fail with
 * the command that builds it; they never skip.
 */
final class TrixieChroot {

    /** The repository's script; the tests run in {@code distribution/}. */
    static final Path SCRIPT = Path.of("..", "tools", "trixie-chroot").toAbsolutePath().normalize();

    private TrixieChroot() {
    }

    /** Where the chroot is: {@code TAVERN_TRIXIE_CHROOT}, else the script's default. */
    static Path root() {
        String configured = System.getenv("TAVERN_TRIXIE_CHROOT");
        return Path.of(configured != null && !configured.isEmpty() ? configured : "/var/cache/tavern/trixie-chroot");
    }

    /**
     * The command prefix that runs {@code program} (a path inside the chroot) with each of
     * {@code folders} (absolute host paths) at the same path inside; fails if the chroot is missing.
     */
    static List<String> command(String program, Path... folders) {
        Path root = root();
        if (!Files.isRegularFile(root.resolve(".tavern-ready"))
                || !Files.isExecutable(root.resolve(program.substring(1)))) {
            throw new IllegalStateException("The Debian 13 chroot with " + program + " is missing in " + root
                    + ": run '" + SCRIPT + " ensure' as root (bin/test does)");
        }
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "run"));
        for (Path folder : folders) {
            command.add("-b");
            command.add(folder.toAbsolutePath().normalize().toString());
        }
        command.add("--");
        command.add(program);
        return command;
    }
}
