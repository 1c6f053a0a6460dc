package dev.tracer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Times two builds of the tracer against each other in one JVM, so that the load of a shared
 * machine falls on both alike: each build is loaded in its own class loader with its own ingest of
 * the same data, and the two run the bench's traces (haircut and poison, 4 and 6 hops, from the
 * bench's start addresses, a new tracer per measure) alternating trace by trace, which of them goes
 * first alternating too. A repetition's time for a build is the sum of its trace times. A single
 * bench run cannot resolve a change of a few per cent here (one measure moves by ±20 % between runs);
 * this can: a build against itself gives 0.985–1.017 over five repetitions of 400 traces at 1M.
 *
 * <p>Each build runs {@link SideBySideRunner}, whose bytes (this build's) are defined in its
 * class loader, so a build is comparable when it has the public API that class uses. O(reps ×
 * the bench's traces); memory: two ingested graphs and their tracers.
 */
public final class SideBySide {
    private static final String RUNNER = SideBySideRunner.class.getName();
    private static final String[] MODELS = {"haircut", "poison"};
    private static final int[] HOPS = {4, 6};

    /** One repetition: each build's summed trace seconds and edges visited. */
    public record Rep(double oldSeconds, double newSeconds, long oldEdges, long newEdges) {
        /** The new build's time over the old one's. */
        public double ratio() {
            return newSeconds / oldSeconds;
        }

        /** The line that reports repetition {@code i}. */
        public String describe(int i) {
            return String.format(Locale.ROOT, "rep %d: old %.2f s, new %.2f s, new/old %.3f, edges %,d and %,d", i,
                    oldSeconds, newSeconds, ratio(), oldEdges, newEdges);
        }

        /** Whether both builds visited the same number of edges (a cheap check that they traced alike). */
        public boolean sameEdges() {
            return oldEdges == newEdges;
        }
    }

    private final List<URL> oldBuild;
    private final List<URL> newBuild;
    private final Path data;
    private final long seed;
    private final int starts;
    private final NanoClock clock;
    private final Consumer<String> progress;

    /**
     * @param oldBuild the class path of the build compared against (jars or class directories,
     *                 dependencies included: {@code tracer-cli/target/tracer.jar} is one)
     * @param newBuild the class path of the build measured
     * @param data     an ethereum-etl directory, as {@code tracer bench --data-dir} makes
     */
    public SideBySide(List<URL> oldBuild, List<URL> newBuild, Path data, long seed, int starts, NanoClock clock,
                      Consumer<String> progress) {
        if (oldBuild.isEmpty() || newBuild.isEmpty()) {
            throw new dev.tracer.model.InvalidInputException("side by side needs two builds' class paths");
        }
        this.oldBuild = List.copyOf(oldBuild);
        this.newBuild = List.copyOf(newBuild);
        this.data = Objects.requireNonNull(data, "data");
        this.seed = seed;
        this.starts = starts;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Runs {@code reps} repetitions and returns them in order. */
    public List<Rep> run(int reps) {
        Side[] side = {load("old", oldBuild), load("new", newBuild)};
        int n = Math.min(side[0].starts, side[1].starts);
        List<Rep> out = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            long[] nanos = new long[2];
            long[] edges = new long[2];
            for (String model : MODELS) {
                for (int hops : HOPS) {
                    side[0].configure(model, hops);
                    side[1].configure(model, hops);
                    for (int i = 0; i < n; i++) {
                        int first = (i + rep) % 2;
                        for (int k = 0; k < 2; k++) {
                            int j = k == 0 ? first : 1 - first;
                            long t0 = clock.nanoTime();
                            edges[j] += side[j].trace(i);
                            nanos[j] += clock.nanoTime() - t0;
                        }
                    }
                }
            }
            Rep r = new Rep(nanos[0] / 1e9, nanos[1] / 1e9, edges[0], edges[1]);
            progress.accept(r.describe(rep));
            out.add(r);
        }
        return out;
    }

    /** A build's runner, reached by reflection (its classes are not this build's). */
    private record Side(Object runner, Method configure, Method trace, int starts) {
        void configure(String model, int hops) {
            call(configure, runner, model, hops);
        }

        long trace(int i) {
            return (Long) call(trace, runner, i);
        }
    }

    private Side load(String name, List<URL> build) {
        progress.accept("loading the " + name + " build and ingesting " + data);
        RunnerLoader loader = new RunnerLoader(build.toArray(URL[]::new), runnerBytes());
        try {
            Class<?> c = loader.loadClass(RUNNER);
            Constructor<?> make = c.getConstructor(String.class, long.class, int.class);
            Object runner = newInstance(make, data.toString(), seed, starts);
            return new Side(runner, c.getMethod("configure", String.class, int.class), c.getMethod("trace", int.class),
                    (Integer) call(c.getMethod("starts"), runner));
        } catch (ClassNotFoundException | NoSuchMethodException | NoClassDefFoundError e) {
            throw new dev.tracer.model.InvalidInputException("the " + name + " build (" + build
                    + ") lacks the tracer API the comparison uses: " + e.getMessage());
        }
    }

    private static Object newInstance(Constructor<?> c, Object... args) {
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException unwrap(InvocationTargetException e) {
        Throwable t = e.getCause();
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(t);
    }

    static byte[] runnerBytes() {
        String res = RUNNER.replace('.', '/') + ".class";
        try (InputStream in = SideBySide.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + res + " from this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A build's class path, with {@link SideBySideRunner} defined from this build's bytes ahead of the build's own. */
    static final class RunnerLoader extends URLClassLoader {
        private final byte[] runner;

        RunnerLoader(URL[] build, byte[] runner) {
            super(build, ClassLoader.getPlatformClassLoader());
            this.runner = runner;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(RUNNER)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, runner, 0, runner.length);
            }
        }
    }
}
