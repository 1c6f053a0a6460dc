/**
 * The performance benchmark behind {@code tracer bench} (docs/performance.md): a seeded generator of
 * ethereum-etl data with a heavy-tailed shape ({@link dev.tracer.bench.TransferDataGenerator}), the
 * baselines each target is a ratio against (parse only, a JGraphT object graph, a breadth-first walk
 * over CSR arrays, a plain streaming XML writer), a diagnostic chain-order walk (the order of work
 * exact taint needs, with no accounting), the live-request scenario played on a local node,
 * and {@link dev.tracer.bench.Benchmark}, which runs the measures interleaved in one JVM and prints
 * medians and ratios; and {@link dev.tracer.bench.SideBySide}, which times two builds' traces
 * against each other in one JVM (each in its own class loader, running
 * {@link dev.tracer.bench.SideBySideRunner}). Time is read from an injected clock; nothing here
 * asserts a timing.
 */
package dev.tracer.bench;
