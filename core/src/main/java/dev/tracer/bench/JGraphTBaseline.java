package dev.tracer.bench;

import dev.tracer.source.CsvRows;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;

/**
 * What a user would otherwise write: the transfers of an ethereum-etl directory loaded into a
 * JGraphT {@link DirectedWeightedPseudograph} with one {@link TransferEdge} object per transfer
 * (its transaction hash, exact amount, asset, block, index and time) and address strings as
 * vertices, parsed with the same CSV parser as the tracer; and the trace walk of
 * {@link CsrWalk} written over that object graph.
 */
public final class JGraphTBaseline {

    /** One transfer as a JGraphT edge, the way a user would model it. */
    public static final class TransferEdge extends DefaultWeightedEdge {
        private static final long serialVersionUID = 1L;
        final String tx;
        final BigInteger amount;
        final String asset;
        final long block;
        final int txIndex;
        final int position;
        final long time;

        TransferEdge(String tx, BigInteger amount, String asset, long block, int txIndex, int position, long time) {
            this.tx = tx;
            this.amount = amount;
            this.asset = asset;
            this.block = block;
            this.txIndex = txIndex;
            this.position = position;
            this.time = time;
        }

        /** Chain order: block, transaction index, position. */
        boolean after(TransferEdge o) {
            if (o == null) {
                return true;
            }
            if (block != o.block) {
                return block > o.block;
            }
            if (txIndex != o.txIndex) {
                return txIndex > o.txIndex;
            }
            return position > o.position;
        }

        public String tx() {
            return tx;
        }

        public BigInteger amount() {
            return amount;
        }
    }

    private JGraphTBaseline() {
    }

    /**
     * Loads {@code transactions.csv} and {@code token_transfers.csv} of {@code dir}: successful
     * transactions with a receiver and every token transfer become edges (as the tracer's reader
     * does). Address and asset strings are shared through a map used only while loading.
     */
    public static Graph<String, TransferEdge> load(Path dir) {
        Graph<String, TransferEdge> g = new DirectedWeightedPseudograph<>(TransferEdge.class);
        Map<String, String> strings = new HashMap<>();
        Path txs = dir.resolve("transactions.csv");
        if (Files.exists(txs)) {
            CsvRows.read(txs, List.of("hash", "block_number", "from_address", "to_address", "value"), row -> {
                if ("0".equals(row.opt("receipt_status")) || row.get("to_address").isEmpty()) {
                    return;
                }
                String idx = row.opt("transaction_index");
                TransferEdge e = new TransferEdge(row.get("hash"), new BigInteger(row.get("value")), "ETH",
                        Long.parseLong(row.get("block_number")), idx.isEmpty() ? -1 : Integer.parseInt(idx), 0,
                        Long.parseLong(row.get("block_timestamp")));
                add(g, strings, row.get("from_address"), row.get("to_address"), e);
            });
        }
        Path tokens = dir.resolve("token_transfers.csv");
        if (Files.exists(tokens)) {
            CsvRows.read(tokens, List.of("token_address", "from_address", "to_address", "value", "transaction_hash",
                    "block_number"), row -> {
                        String log = row.opt("log_index");
                        TransferEdge e = new TransferEdge(row.get("transaction_hash"), new BigInteger(row.get("value")),
                                strings.computeIfAbsent(row.get("token_address"), s -> s),
                                Long.parseLong(row.get("block_number")), -1, log.isEmpty() ? 0 : 1 + Integer.parseInt(log),
                                Long.parseLong(row.get("block_timestamp")));
                        add(g, strings, row.get("from_address"), row.get("to_address"), e);
                    });
        }
        return g;
    }

    private static void add(Graph<String, TransferEdge> g, Map<String, String> strings, String from, String to,
                            TransferEdge e) {
        String f = strings.computeIfAbsent(from, s -> s);
        String t = strings.computeIfAbsent(to, s -> s);
        g.addVertex(f);
        g.addVertex(t);
        g.addEdge(f, t, e);
        g.setEdgeWeight(e, e.amount.doubleValue());
    }

    /**
     * The walk of {@link CsrWalk} over the object graph: breadth-first from {@code start}, each
     * address expanded once over its sent transfers after its arrival, stopping at {@code stops},
     * at {@code maxHops} and after {@code fanOutCap} new receivers per sender. JGraphT keeps no
     * order, so every sent transfer is looked at to find those after the arrival; only those are
     * counted, as {@link CsrWalk} counts them (which finds them by binary search), so both walks
     * report edges visited in the same unit. Returns the edges visited.
     */
    public static long walk(Graph<String, TransferEdge> g, String start, Set<String> stops, int maxHops, int fanOutCap) {
        Map<String, TransferEdge> arrival = new HashMap<>();
        Map<String, Integer> hops = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        arrival.put(start, null);
        hops.put(start, 0);
        queue.add(start);
        long visited = 0;
        while (!queue.isEmpty()) {
            String a = queue.poll();
            TransferEdge in = arrival.get(a);
            int h = hops.get(a) + 1;
            int passed = 0;
            for (TransferEdge e : g.outgoingEdgesOf(a)) {
                if (!e.after(in)) {
                    continue;
                }
                visited++;
                if (e.amount.signum() == 0) {
                    continue;
                }
                String r = g.getEdgeTarget(e);
                if (hops.containsKey(r)) {
                    continue;
                }
                hops.put(r, h);
                if (stops.contains(r) || h >= maxHops || passed >= fanOutCap) {
                    continue;
                }
                passed++;
                arrival.put(r, e);
                queue.add(r);
            }
        }
        return visited;
    }

    /**
     * A trace result as a JGraphT graph (what a user would build to export it with JGraphT):
     * its addresses as vertices and its traced transfers as edges.
     */
    public static Graph<String, TransferEdge> ofResult(dev.tracer.trace.TraceResult r) {
        Graph<String, TransferEdge> g = new DirectedWeightedPseudograph<>(TransferEdge.class);
        for (dev.tracer.trace.TraceResult.Node n : r.nodes()) {
            g.addVertex(n.address().value());
        }
        for (dev.tracer.trace.TraceResult.TracedTransfer t : r.transfers()) {
            dev.tracer.model.Transfer tr = t.transfer();
            TransferEdge e = new TransferEdge(tr.tx().value(), t.tainted(), tr.asset().symbol(), tr.block(), tr.txIndex(),
                    tr.position(), tr.time().getEpochSecond());
            String f = tr.from().value();
            String to = tr.to().value();
            g.addVertex(f);
            g.addVertex(to);
            g.addEdge(f, to, e);
        }
        return g;
    }

    /** Exports {@code g} with JGraphT's GEXF exporter, with the given attributes per vertex and edge. */
    public static void exportGexf(Graph<String, TransferEdge> g, Writer out) {
        org.jgrapht.nio.gexf.GEXFExporter<String, TransferEdge> x = new org.jgrapht.nio.gexf.GEXFExporter<>(v -> v,
                e -> e.tx + ":" + e.position);
        for (String a : new String[] {"tx", "asset", "amount", "block", "time"}) {
            x.registerAttribute(a, org.jgrapht.nio.gexf.GEXFExporter.AttributeCategory.EDGE,
                    org.jgrapht.nio.gexf.GEXFAttributeType.STRING);
        }
        x.registerAttribute("hop", org.jgrapht.nio.gexf.GEXFExporter.AttributeCategory.NODE,
                org.jgrapht.nio.gexf.GEXFAttributeType.STRING);
        x.setEdgeAttributeProvider(e -> Map.of(
                "tx", org.jgrapht.nio.DefaultAttribute.createAttribute(e.tx),
                "asset", org.jgrapht.nio.DefaultAttribute.createAttribute(e.asset),
                "amount", org.jgrapht.nio.DefaultAttribute.createAttribute(e.amount.toString()),
                "block", org.jgrapht.nio.DefaultAttribute.createAttribute(Long.toString(e.block)),
                "time", org.jgrapht.nio.DefaultAttribute.createAttribute(Long.toString(e.time))));
        x.exportGraph(g, out);
    }
}
