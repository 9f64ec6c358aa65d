package dev.tradingsdk.examples.apps;

import dev.tradingsdk.examples.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An app started with {@code --serve} on a thread of this JVM; stopped by an interrupt. */
final class ServingApp implements AutoCloseable {

    private final StringBuffer console = new StringBuffer();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile int code = -1;

    private ServingApp(String... args) {
        PrintStream out = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.append((char) b);
            }
        }, true, StandardCharsets.UTF_8);
        thread = new Thread(() -> code = Launcher.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    static ServingApp start(String... args) {
        ServingApp app = new ServingApp(args);
        app.thread.start();
        return app;
    }

    /** Waits up to a minute for the app to print a line matching {@code pattern}. */
    Matcher await(String pattern) throws InterruptedException {
        Pattern p = Pattern.compile(pattern);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(console);
            if (m.find()) {
                return m;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the app did not print " + pattern + "; it printed: " + console + err);
    }

    /** Stops serving and returns the exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(20));
        return code;
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
