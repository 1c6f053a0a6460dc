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
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
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
