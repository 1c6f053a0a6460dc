/**
 * Tracing: the {@link dev.tracer.trace.Tracer} engine, its {@link dev.tracer.trace.TracePolicy},
 * the {@link dev.tracer.trace.TaintModel} interface with one class per model
 * ({@link dev.tracer.trace.PoisonTaint}, {@link dev.tracer.trace.HaircutTaint},
 * {@link dev.tracer.trace.FifoTaint}), and the {@link dev.tracer.trace.TraceResult} it produces:
 * taint per address and asset, endpoints (held, frontier, stopped, cut), unexplained inflows,
 * poisoning and truncations, every number backed by transaction hashes. Amounts are exact:
 * below 2^127 the ledgers run on pairs of longs (package-private {@code Wide}, {@code WideLedger}),
 * past it on {@link java.math.BigInteger}, with the same results.
 */
package dev.tracer.trace;
