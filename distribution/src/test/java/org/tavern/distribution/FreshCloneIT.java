package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh clone tests: a {@code git clone} of this repository, alone in an empty folder (nothing
 * beside it, such as a {@code shared/} folder), finds everything its tests read (the captures are
 * fixtures in {@code testdata/}), and the README's test command {@code bin/test} finds every package
 * it needs on this machine. The clone's capture tests are run with Maven offline, on the local
 * repository the outer build already filled.
 */
class FreshCloneIT {

    private static final long MAVEN_MINUTES = 10;

    @TempDir
    Path temp;

    @Test
    void aCloneAloneRunsItsCaptureTestsAndFindsWhatBinTestNeeds() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        assertTrue(Files.exists(repository.resolve(".git")), "the build runs in a git clone: " + repository);
        Path clone = temp.resolve("clone");
        assertEquals(0, run(temp, Map.of(), "git", "clone", "--quiet", repository.toString(), clone.toString()).exitCode);

        Run check = run(clone, Map.of("TAVERN_TEST_NO_INSTALL", "1"), "bin/test", "--version");
        assertEquals(0, check.exitCode, "bin/test finds every package it needs:\n" + check.output);
        assertTrue(check.output.contains("Apache Maven"), check.output);

        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        List<String> maven = new ArrayList<>(List.of("mvn", "-B", "-o", "-q"));
        if (localRepository != null && !localRepository.isBlank()) {
            maven.add("-Dmaven.repo.local=" + localRepository);
        }
        maven.addAll(List.of("-pl", "bundles/wml,tools/loadgen", "-am", "test",
                "-Dtest=CaptureRoundTripTest,CaptureTest", "-Dsurefire.failIfNoSpecifiedTests=false"));
        Run tests = run(clone, Map.of(), maven.toArray(String[]::new));
        assertEquals(0, tests.exitCode, "the clone's capture tests:\n" + tests.output);
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(Path directory, Map<String, String> environment, String... command) throws Exception {
        Path output = Files.createTempFile(temp, "run-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(new File("/dev/null"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(MAVEN_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end in " + MAVEN_MINUTES + " minutes:\n"
                    + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
