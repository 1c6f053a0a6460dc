/**
 * Renders a {@link dev.tracer.trace.TraceResult}: JSON report, text summary and GEXF graph;
 * every writer streams and is deterministic. Streaming means a writer walks the result once and
 * keeps no second copy of the graph; deterministic means the same result always gives the same
 * bytes, with no wall-clock time, locale or hash order in the output. Text that may be
 * attacker-chosen (token symbols, labels) is made safe for the output format before it is written.
 */
package dev.tracer.report;
