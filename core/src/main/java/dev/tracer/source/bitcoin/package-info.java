/**
 * The Bitcoin sources and the adapter where bitcoinj stops: bitcoinj parses every transaction,
 * script, address and block here, and the package hands out the tracer's own
 * {@link dev.tracer.bitcoin.BtcTx} (no bitcoinj type leaves it).
 * <ul>
 *   <li>{@link dev.tracer.source.bitcoin.BlockFiles}: a Bitcoin Core data directory's
 *       {@code blk*.dat} files (bitcoinj's block file loader) or single blocks;
 *   <li>{@link dev.tracer.source.bitcoin.CoreRpcSource}: a Bitcoin Core node over JSON-RPC, for the
 *       blocks of a range;
 *   <li>{@link dev.tracer.source.bitcoin.EsploraSource}: an Esplora REST API (mempool.space,
 *       blockstream.info), a {@link dev.tracer.source.TransferSource} fetched on demand;
 *   <li>{@link dev.tracer.source.bitcoin.BitcoinTxFiles}: one transaction from a file or hex.
 * </ul>
 * HTTP, politeness, caching, recording and replay come from {@link dev.tracer.source.http}.
 * Malformed data is an {@link dev.tracer.model.InvalidInputException} naming it; a source that
 * cannot answer throws {@link dev.tracer.source.SourceException}.
 */
package dev.tracer.source.bitcoin;
