package dev.tracer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.time.Instant;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.junit.jupiter.api.Test;

/** JGraphT algorithms give the same answers on the view as on a copy built the usual way. */
class JGraphTViewTest {
    static Address a(int i) {
        return Address.parse(Chain.ETHEREUM, String.format("0x%040x", i));
    }

    static Transfer t(int n, int from, int to, long block) {
        return new Transfer(Chain.ETHEREUM, TxHash.parse(Chain.ETHEREUM, String.format("%064x", n)), -1, 0,
                a(from), a(to), Asset.nativeOf(Chain.ETHEREUM), BigInteger.valueOf(n + 1), block,
                Instant.ofEpochSecond(1_700_000_000L + block), TransferKind.NATIVE);
    }

    static TransferGraph sample() {
        // 1→2→3→4, 1→3 twice (parallel), 5→5 (self-transfer), 6→7 (another component)
        return TransferGraph.builder()
                .add(t(1, 1, 2, 10)).add(t(2, 2, 3, 11)).add(t(3, 3, 4, 12))
                .add(t(4, 1, 3, 13)).add(t(5, 1, 3, 14)).add(t(6, 5, 5, 15)).add(t(7, 6, 7, 16))
                .build();
    }

    @Test
    void viewMatchesACopiedJGraphTGraph() {
        TransferGraph g = sample();
        JGraphTView view = g.asJGraphT();
        Graph<Integer, Integer> copy = GraphTypeBuilder.<Integer, Integer>directed().allowingMultipleEdges(true)
                .allowingSelfLoops(true).buildGraph();
        for (int v = 0; v < g.addressCount(); v++) {
            copy.addVertex(v);
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            copy.addEdge(g.from(e), g.to(e), e);
        }
        assertThat(view.vertexSet()).isEqualTo(copy.vertexSet());
        assertThat(view.edgeSet()).isEqualTo(copy.edgeSet());
        for (int v : copy.vertexSet()) {
            assertThat(view.outgoingEdgesOf(v)).as("out %d", v).isEqualTo(copy.outgoingEdgesOf(v));
            assertThat(view.incomingEdgesOf(v)).as("in %d", v).isEqualTo(copy.incomingEdgesOf(v));
            assertThat(view.edgesOf(v)).as("all %d", v).isEqualTo(copy.edgesOf(v));
            assertThat(view.edgesOf(v)).hasSameSizeAs(copy.edgesOf(v));
            assertThat(view.degreeOf(v)).isEqualTo(copy.degreeOf(v));
        }
        assertThat(new ConnectivityInspector<>(view).connectedSets())
                .containsExactlyInAnyOrderElementsOf(new ConnectivityInspector<>(copy).connectedSets());
        int one = g.idOf(a(1)).getAsInt();
        int four = g.idOf(a(4)).getAsInt();
        assertThat(BFSShortestPath.findPathBetween(view, one, four).getLength()).isEqualTo(2);
        assertThat(view.getAllEdges(one, g.idOf(a(3)).getAsInt())).hasSize(2);
        assertThat(view.getType().isAllowingSelfLoops()).isTrue();
    }

    @Test
    void viewIsReadOnlyAndRejectsUnknownIds() {
        JGraphTView view = sample().asJGraphT();
        assertThatThrownBy(() -> view.addVertex(99)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.removeEdge(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.getEdgeSource(1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(view.containsEdge(1_000)).isFalse();
        assertThat(view.containsVertex(7)).isFalse();
        assertThat(view.vertexSet()).hasSize(7);
    }
}
