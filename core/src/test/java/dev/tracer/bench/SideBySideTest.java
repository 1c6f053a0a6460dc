package dev.tracer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.InvalidInputException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SideBySide} on small generated data, with this build on both sides; no timing is asserted. */
class SideBySideTest {
    @TempDir
    Path tmp;

    private static List<URL> thisBuild() {
        List<URL> urls = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            try {
                urls.add(Path.of(p).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls;
    }

    @Test
    void aBuildAgainstItselfTracesAlikeInTwoClassLoaders() {
        new TransferDataGenerator(5_000, 7).write(tmp);
        List<String> progress = new ArrayList<>();
        List<SideBySide.Rep> reps = new SideBySide(thisBuild(), thisBuild(), tmp, 7, 10, NanoClock.system(), progress::add)
                .run(2);
        assertThat(reps).hasSize(2);
        for (SideBySide.Rep r : reps) {
            assertThat(r.sameEdges()).isTrue();
            assertThat(r.oldEdges()).isPositive();
            assertThat(r.oldSeconds()).isPositive();
            assertThat(r.ratio()).isPositive();
        }
        assertThat(reps.get(0).oldEdges()).isEqualTo(reps.get(1).oldEdges());
        assertThat(progress).anyMatch(l -> l.startsWith("loading the old build"))
                .anyMatch(l -> l.startsWith("rep 1: old "));
    }

    @Test
    void runnerIsDefinedInEachBuildsOwnLoader() throws Exception {
        // the runner and the engine it calls must be the build's own classes, not this one's
        try (SideBySide.RunnerLoader loader = new SideBySide.RunnerLoader(thisBuild().toArray(URL[]::new),
                SideBySide.runnerBytes())) {
            Class<?> runner = loader.loadClass(SideBySideRunner.class.getName());
            assertThat(runner).isNotSameAs(SideBySideRunner.class);
            assertThat(runner.getClassLoader()).isSameAs(loader);
            assertThat(loader.loadClass(dev.tracer.trace.Tracer.class.getName())).isNotSameAs(dev.tracer.trace.Tracer.class);
            assertThat(loader.loadClass(SideBySideRunner.class.getName())).isSameAs(runner);
        }
    }

    @Test
    void aClassPathWithoutTheTracerIsBadInput() throws Exception {
        new TransferDataGenerator(2_000, 7).write(tmp);
        List<URL> empty = List.of(tmp.resolve("nothing.jar").toUri().toURL());
        assertThatThrownBy(() -> new SideBySide(empty, thisBuild(), tmp, 7, 3, NanoClock.system(), l -> { }).run(1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the old build")
                .hasMessageContaining("lacks the tracer API");
        assertThatThrownBy(() -> new SideBySide(List.of(), thisBuild(), tmp, 7, 3, NanoClock.system(), l -> { }))
                .isInstanceOf(InvalidInputException.class);
    }
}
