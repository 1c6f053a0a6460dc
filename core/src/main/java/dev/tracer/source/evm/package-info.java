/**
 * The live Ethereum (and other EVM chain) source: {@link dev.tracer.source.evm.EvmRpcSource}
 * answers the {@link dev.tracer.source.TransferSource} port from a JSON-RPC node through web3j,
 * over the polite, cached, recordable transport of {@code dev.tracer.source.rpc}. ERC-20
 * {@code Transfer} events come from {@code eth_getLogs}; native and internal ETH transfers from
 * {@code trace_filter}/{@code trace_transaction} (Erigon, Nethermind, Reth, anvil), or, as the
 * last resort on nodes without them, from a block-range scan with geth's
 * {@code debug_traceBlockByNumber} call tracer. Block times come from {@code eth_getBlockByNumber},
 * token symbol and decimals from {@code eth_call}. web3j types stop in this package.
 */
package dev.tracer.source.evm;
