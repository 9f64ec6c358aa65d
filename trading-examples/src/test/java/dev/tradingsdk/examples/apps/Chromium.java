package dev.tradingsdk.examples.apps;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Debian's headless Chromium for the browser tests ({@code CHROMIUM} overrides the path). Tests that need it are
 * skipped, saying so, when it is not installed ({@code apt-get install -y chromium}; .ci/run installs it).
 */
final class Chromium {

    private Chromium() {
    }

    static Path executable() {
        String configured = System.getenv("CHROMIUM");
        Path path = Path.of(configured != null ? configured : "/usr/bin/chromium");
        assumeTrue(Files.isExecutable(path), "browser test skipped: no Chromium at " + path
            + " (apt-get install -y chromium, or set CHROMIUM)");
        return path;
    }

    /** The flags every test launch uses: headless, no network side channels, a fresh profile. */
    static List<String> command(Path profile, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /** Runs Chromium to completion (a screenshot, a DOM dump) within {@code seconds}. */
    static void runToCompletion(List<String> command, Path log, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish in " + seconds + " s; log: " + Files.readString(log));
        }
    }

    /**
     * Ends chromium and every process it started: its renderer and crash handler outlive the browser process by a
     * moment and keep writing to the profile, which would make the temporary directory fail to delete.
     */
    static void stop(Process chromium) throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(chromium.descendants().toList());
        family.add(chromium.toHandle());
        family.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : family) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }
}
