package org.confluentcollective.cli.parallel;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs one local process per node, at most {@code parallel} at a time, standard input from
 * {@code /dev/null}, and hands their output over line by line as it comes. The next process starts
 * as soon as one ends, as the original tools do.
 */
public final class FanOut {

    /** One node's process: the name its output is shown under, and what to run. */
    public record Job(String node, List<String> argv) {
        public Job {
            argv = List.copyOf(argv);
        }
    }

    /**
     * What the processes produce. Called from several threads at once; the calls about one node come
     * in order, and {@link #finished} or {@link #failed} last.
     */
    public interface Listener {
        void stdout(String node, String line);

        void stderr(String node, String line);

        void finished(String node, int status);

        void failed(String node, String reason);
    }

    private static final File NO_INPUT = new File("/dev/null");

    private FanOut() {
    }

    /** Returns once every process has ended; interrupted, it kills those still running. */
    public static void run(List<Job> jobs, int parallel, Listener listener) throws InterruptedException {
        if (parallel < 1) {
            throw new IllegalArgumentException("at least one process at a time");
        }
        if (jobs.isEmpty()) {
            return;
        }
        Set<Process> running = ConcurrentHashMap.newKeySet();
        ExecutorService starters = Executors.newFixedThreadPool(Math.min(parallel, jobs.size()), daemons("fanout"));
        ExecutorService readers = Executors.newCachedThreadPool(daemons("fanout-stderr"));
        try {
            for (Job job : jobs) {
                starters.execute(() -> runOne(job, listener, readers, running));
            }
            starters.shutdown();
            while (!starters.awaitTermination(1, TimeUnit.HOURS)) {
                // processes may legitimately run for hours
            }
        } catch (InterruptedException e) {
            running.forEach(Process::destroyForcibly);
            throw e;
        } finally {
            starters.shutdownNow();
            readers.shutdownNow();
        }
    }

    private static void runOne(Job job, Listener listener, ExecutorService readers, Set<Process> running) {
        Process process;
        try {
            process = new ProcessBuilder(job.argv()).redirectInput(ProcessBuilder.Redirect.from(NO_INPUT)).start();
        } catch (IOException e) {
            listener.failed(job.node(), "cannot run " + job.argv().get(0) + ": " + e.getMessage());
            return;
        }
        running.add(process);
        try {
            Future<?> errors = readers.submit(() -> pump(process.getErrorStream(), job.node(), listener::stderr));
            pump(process.getInputStream(), job.node(), listener::stdout);
            errors.get();
            listener.finished(job.node(), process.waitFor());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            process.destroyForcibly();
            listener.failed(job.node(), "reading its output failed: " + e.getCause());
        } catch (UncheckedIOException e) {
            process.destroyForcibly();
            listener.failed(job.node(), "reading its output failed: " + e.getCause().getMessage());
        } finally {
            running.remove(process);
        }
    }

    private static void pump(InputStream stream, String node, BiConsumer<String, String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                sink.accept(node, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
