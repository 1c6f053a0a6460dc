package dev.tracer.source.evm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import dev.tracer.source.rpc.RpcStack;
import dev.tracer.testing.Anvil;
import dev.tracer.testing.LaunderingScenario;
import dev.tracer.assets.AssetRegistry;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.http.HttpService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live source against a real node (anvil) on which the laundering scenario was played. */
@ExtendWith(Anvil.class)
class EvmRpcSourceAnvilTest {
    private static LaunderingScenario scenario;
    private static Chain chain;

    @BeforeAll
    static void play(Anvil.Node node) throws IOException {
        scenario = LaunderingScenario.play(node.url(), node.chainId());
        chain = Chain.evm(node.chainId());
    }

    private static EvmRpcSource source(Anvil.Node node) {
        return EvmRpcSource.builder(RpcStack.live("--rpc", node.url()).rateLimit(1000).build()).chain(chain).build();
    }

    private static Address a(String role) {
        return Address.parse(chain, scenario.address(role));
    }

    private static String fact(Transfer t) {
        return t.from() + ">" + t.to() + " " + (t.asset().isNative() ? "ETH" : t.asset().symbol()) + " " + t.amount()
                + " " + t.kind().code() + " " + t.tx();
    }

    @Test
    void everyHopOfTheScenarioIsFoundFromBothEnds(Anvil.Node node) {
        EvmRpcSource src = source(node);
        assertThat(src.chain()).isEqualTo(chain);
        assertThat(src.description()).contains("trace_filter").contains("eth_getLogs");
        for (LaunderingScenario.Hop h : scenario.hops) {
            String expected = h.from() + ">" + h.to() + " " + h.asset() + " " + h.amount() + " " + h.kind() + " " + h.tx();
            for (String end : new String[] {h.from(), h.to()}) {
                List<String> got = src.transfersOf(Address.parse(chain, end), src.range()).stream().map(EvmRpcSourceAnvilTest::fact).toList();
                assertThat(got).as("transfers of %s", end).contains(expected);
            }
        }
    }

    @Test
    void aFailedInternalCallMovesNothing(Anvil.Node node) {
        EvmRpcSource src = source(node);
        List<Transfer> in = src.transfersIn(TxHash.parse(chain, scenario.failedForwardTx));
        assertThat(in).extracting(EvmRpcSourceAnvilTest::fact).containsExactly(
                scenario.address("S2") + ">" + scenario.address("Forwarder") + " ETH " + LaunderingScenario.ETH + " native " + scenario.failedForwardTx);
        assertThat(src.transfersOf(a("Pool"), src.range())).noneMatch(t -> t.tx().value().equals(scenario.failedForwardTx));
    }

    @Test
    void spoofedTransfersAreReturnedAsWhatTheyClaim(Anvil.Node node) {
        EvmRpcSource src = source(node);
        List<Transfer> ofT = src.transfersOf(a("T"), src.range());
        List<Transfer> spoofed = ofT.stream().filter(t -> scenario.spoofTxs.contains(t.tx().value())).toList();
        assertThat(spoofed).hasSize(3).allMatch(t -> t.kind() == TransferKind.TOKEN && t.from().equals(a("T")));
        assertThat(spoofed).extracting(t -> t.asset().symbol()).containsExactlyInAnyOrder("U\u0405D\u0422", "U\u0405D\u0422", "USDT");
        assertThat(spoofed).filteredOn(t -> t.asset().symbol().equals("USDT")).allMatch(t -> t.amount().signum() == 0);
        assertThat(ofT).filteredOn(t -> t.asset().symbol().equals("USDT")).allMatch(t -> t.asset().decimals() == 6 && t.asset().decimalsKnown());
    }

    @Test
    void aSecondSourceOnTheSameCacheAsksTheNodeNothing(Anvil.Node node, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        RpcStack cold = RpcStack.live("--rpc", node.url()).rateLimit(1000).cacheDir(dir).build();
        EvmRpcSource first = EvmRpcSource.builder(cold).toBlock(scenario.lastBlock).build();
        List<Transfer> a = first.transfersOf(a("S2"), first.range());
        assertThat(cold.stats().nodeRequests()).isPositive();
        RpcStack warm = RpcStack.live("--rpc", node.url()).rateLimit(1000).cacheDir(dir).build();
        EvmRpcSource second = EvmRpcSource.builder(warm).toBlock(scenario.lastBlock).build();
        assertThat(second.transfersOf(a("S2"), second.range())).isEqualTo(a);
        assertThat(warm.stats().nodeRequests()).isZero();
        assertThat(warm.stats().diskHits()).isEqualTo(warm.stats().calls());
    }

    @Test
    void balancesAddUp(Anvil.Node node) {
        EvmRpcSource src = source(node);
        BigInteger in = BigInteger.ZERO;
        BigInteger out = BigInteger.ZERO;
        for (Transfer t : src.transfersOf(a("H"), src.range())) {
            if (t.to().equals(a("H")) && t.asset().isNative()) {
                in = in.add(t.amount());
            }
            if (t.from().equals(a("H"))) {
                out = out.add(t.amount());
            }
        }
        assertThat(in).isEqualTo(LaunderingScenario.ETH.multiply(BigInteger.valueOf(29)));
        assertThat(out).isZero();
    }

    /** The facts of a transfer, chain aside (the ethereum-etl reader reads an export of any EVM chain as it is told). */
    private static String chainless(Transfer t) {
        return t.from().value() + ">" + t.to().value() + " " + t.amount() + " " + t.kind().code() + " " + t.tx().value()
                + " block " + t.block() + " at " + t.time();
    }

    @Test
    void aContractCreationWithValueReadsTheSameFromAnEthereumEtlExport(Anvil.Node node, @TempDir Path dir) throws IOException {
        // the scenario deploys the Swap contract with 100 ETH: live, a top-level create trace paying the new contract
        EvmRpcSource src = source(node);
        Transfer created = src.transfersOf(a("Swap"), src.range()).stream()
                .filter(t -> t.kind() == TransferKind.NATIVE && t.to().equals(a("Swap"))
                        && t.amount().equals(LaunderingScenario.ETH.multiply(BigInteger.valueOf(100))))
                .findFirst().orElseThrow();
        // the same transaction as ethereum-etl exports it: to_address empty, the contract in the receipt
        Web3j w = Web3j.build(new HttpService(node.url()));
        String row;
        try {
            var tx = w.ethGetTransactionByHash(created.tx().value()).send().getTransaction().orElseThrow();
            var receipt = w.ethGetTransactionReceipt(tx.getHash()).send().getTransactionReceipt().orElseThrow();
            var block = w.ethGetBlockByNumber(DefaultBlockParameter.valueOf(tx.getBlockNumber()), false).send().getBlock();
            assertThat(tx.getTo()).isNull();
            row = tx.getHash() + "," + tx.getBlockNumber() + "," + tx.getTransactionIndex() + "," + tx.getFrom() + ",,"
                    + tx.getValue() + ",1," + receipt.getContractAddress() + "," + block.getTimestamp() + "\n";
        } finally {
            w.shutdown();
        }
        String header = "hash,block_number,transaction_index,from_address,to_address,value,receipt_status,receipt_contract_address,block_timestamp\n";
        Files.writeString(dir.resolve("transactions.csv"), header + row);
        Dataset d = new EtlCsvReader(AssetRegistry.bundled()).read(dir, Optional.of(EtlCsvReader.AssumedCoverage.FULL_EXPORT), List.of());
        assertThat(d.graph().edgeCount()).isEqualTo(1);
        assertThat(chainless(d.graph().transfer(0))).isEqualTo(chainless(created));
        // an export without the receipt column cannot say where the value went: the row is skipped, not guessed
        Files.writeString(dir.resolve("transactions.csv"), header.replace(",receipt_contract_address", "")
                + row.replace("," + created.to().value(), ""));
        assertThat(new EtlCsvReader(AssetRegistry.bundled()).read(dir, Optional.of(EtlCsvReader.AssumedCoverage.FULL_EXPORT),
                List.of()).graph().edgeCount()).isZero();
    }

    @Test
    void withoutTraceFilterABlockScanFindsTheSameTransfers(Anvil.Node node) throws IOException {
        EvmRpcSource direct = source(node);
        try (GethLikeProxy geth = new GethLikeProxy(node.url())) {
            List<String> progress = new java.util.ArrayList<>();
            EvmRpcSource scan = EvmRpcSource.builder(RpcStack.live("--rpc", geth.url()).rateLimit(1000).build())
                    .progress(progress::add).build();
            assertThat(scan.description()).contains("block scan").contains("debug_traceBlockByNumber");
            for (String role : new String[] {"T", "S2", "Forwarder", "D1", "Pool", "Swap", "H"}) {
                assertThat(scan.transfersOf(a(role), scan.range())).as(role).isEqualTo(direct.transfersOf(a(role), direct.range()));
            }
            assertThat(scan.transfersIn(TxHash.parse(chain, scenario.failedForwardTx)))
                    .isEqualTo(direct.transfersIn(TxHash.parse(chain, scenario.failedForwardTx)));
            assertThat(progress).isNotEmpty().last().asString().contains("block scan: " + (scenario.lastBlock + 1) + " of " + (scenario.lastBlock + 1));
        }
    }

    @Test
    void aLogQueryTheNodeRefusesAsTooLargeIsSplit(Anvil.Node node) throws IOException {
        EvmRpcSource direct = source(node);
        try (GethLikeProxy limited = new GethLikeProxy(node.url(), false, 4)) {
            EvmRpcSource split = EvmRpcSource.builder(RpcStack.live("--rpc", limited.url()).rateLimit(1000).build()).build();
            for (String role : new String[] {"T", "S2", "Swap"}) {
                assertThat(split.transfersOf(a(role), split.range())).as(role).isEqualTo(direct.transfersOf(a(role), direct.range()));
            }
            assertThat(limited.refusedLogQueries).isPositive();
        }
    }
}
