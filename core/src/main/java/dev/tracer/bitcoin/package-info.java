/**
 * Bitcoin transactions as the tracer sees them, after bitcoinj has parsed them at a source's
 * adapter: {@link dev.tracer.bitcoin.BtcTx} with its {@link dev.tracer.bitcoin.BtcInput}s (each
 * with the output it spends, when the source resolved it) and {@link dev.tracer.bitcoin.BtcOutput}s
 * (value in satoshis, {@link dev.tracer.bitcoin.ScriptKind}, address). No bitcoinj type appears
 * here.
 *
 * <p>{@link dev.tracer.bitcoin.UtxoEdges} turns a transaction into the UTXO edges the one engine
 * traces (spends {@code output → tx}, creations {@code tx → output}, the fee {@code tx → fee});
 * {@link dev.tracer.bitcoin.TxSet} holds a set of transactions with their spenders, answers the
 * {@link dev.tracer.bitcoin.TxGraph} lookups the heuristics need, and becomes a
 * {@link dev.tracer.source.Dataset} whose coverage says exactly which vertices are complete.
 */
package dev.tracer.bitcoin;
