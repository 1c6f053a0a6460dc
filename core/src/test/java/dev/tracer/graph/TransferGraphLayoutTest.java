package dev.tracer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packed layout: transactions off-heap, blocks run-length, EVM addresses packed. */
class TransferGraphLayoutTest {
    static final Chain ETH = Chain.ETHEREUM;

    static Transfer t(String tx, int pos, String from, String to, long block, long time) {
        return new Transfer(ETH, TxHash.parse(ETH, tx), 3, pos, Address.parse(ETH, from), Address.parse(ETH, to),
                Asset.nativeOf(ETH), BigInteger.valueOf(1000 + pos), block, Instant.ofEpochSecond(time), TransferKind.NATIVE);
    }

    static final String A = "0x47666fab8bd0ac7003bce3f5c3585383f09486e2";
    static final String B = "0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e";
    static final String C = "0xffffffffffffffffffffffffffffffffffffffff";
    static final String H1 = "0xdd5cd734d4d67ff5af7e53cdd72c26d4d7d28d08c8f0ff32d12ab3e2a277e4bc";
    static final String H2 = "0x0085abb10611a46b804015da4915f5ca7bff421973893f5dbbf898822e87e716";

    @Test
    void transactionsBlocksAndAddressesRoundTrip() {
        TransferGraph g = TransferGraph.builder()
                .add(t(H2, 1, A, C, 21895377, 1740148883))
                .add(t(H1, 0, A, B, 21895319, 1740148187))
                .add(t(H2, 0, B, A, 21895377, 1740148883))
                .build();
        assertThat(g.txCount()).isEqualTo(2);
        assertThat(g.edgesOf(TxHash.parse(ETH, H2))).hasSize(2);
        for (int e : g.edgesOf(TxHash.parse(ETH, H2))) {
            assertThat(g.tx(e).value()).isEqualTo(H2);
            assertThat(g.block(e)).isEqualTo(21895377);
            assertThat(g.epochSecond(e)).isEqualTo(1740148883);
            assertThat(g.transfer(e).txIndex()).isEqualTo(3);
        }
        assertThat(g.edgesOf(TxHash.parse(ETH, "0x" + "ab".repeat(32)))).isEmpty();
        assertThat(g.block(0)).isEqualTo(21895319);
        List<String> back = new ArrayList<>();
        for (int v = 0; v < g.addressCount(); v++) {
            back.add(g.address(v).value());
            assertThat(g.idOf(g.address(v))).hasValue(v);
        }
        assertThat(back).containsExactly(A, B, C);
        assertThat(g.idOf(Address.parse(ETH, "0x0000000000000000000000000000000000000001"))).isEmpty();
        assertThat(g.sameTx(1, 2)).isTrue();
        assertThat(g.sameTx(0, 1)).isFalse();
    }

    @Test
    void oneBlockWithTwoTimesIsBadInput() {
        TransferGraph.Builder b = TransferGraph.builder()
                .add(t(H1, 0, A, B, 100, 1_700_000_000))
                .add(t(H2, 0, A, B, 100, 1_700_000_012));
        assertThatThrownBy(b::build).isInstanceOf(InvalidInputException.class).hasMessageContaining("block 100 has two times");
    }
}
