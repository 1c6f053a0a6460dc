/**
 * Batch re-tracing: every incident of a catalogue (or a chosen list, or a file of seeds) traced
 * with one policy, in parallel within a memory budget, into a run directory of per-incident
 * reports and graph exports with a {@code manifest.json} of the inputs' digests; resumable after
 * a kill, and comparable with another run ({@link dev.tracer.batch.RunDiff}).
 *
 * <p>A run directory:
 * <pre>
 * RUN/manifest.json          inputs (tool, policy, label and data digests) and per-incident results
 * RUN/ID/report.json         one directory per finished incident, moved into place complete
 * RUN/ID/summary.md
 * RUN/ID/graph.gexf, graph.graphml, nodes.csv, edges.csv, neo4j-nodes.csv, neo4j-relationships.csv
 * </pre>
 * Same inputs give byte-identical files: nothing written depends on the clock, the machine, the
 * order incidents finish in or the number of threads.
 */
package dev.tracer.batch;
