package dev.tracer.graph;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A read-only JGraphT view of a {@link TransferGraph}: vertices are address ids, edges are
 * transfer ids, nothing is copied. Any JGraphT algorithm that only reads a graph (shortest
 * paths, connectivity, centrality, importers' and exporters' traversals) runs on the compact
 * store through it; vertex and edge sets are views over the CSR arrays.
 *
 * <p>The graph is a directed pseudograph (self-transfers and parallel transfers are normal on a
 * chain). Edge weights are 1. Every mutator throws {@link UnsupportedOperationException}.
 * Lookups: source/target O(1); degree O(1); {@link #getEdge}/{@link #getAllEdges} O(out-degree).
 */
public final class JGraphTView extends AbstractGraph<Integer, Integer> {
    private static final GraphType TYPE = DefaultGraphType.directedPseudograph().asUnweighted().asUnmodifiable();

    private final TransferGraph g;

    public JGraphTView(TransferGraph g) {
        this.g = g;
    }

    private boolean isVertex(Object v) {
        return v instanceof Integer i && i >= 0 && i < g.addressCount();
    }

    private boolean isEdge(Object e) {
        return e instanceof Integer i && i >= 0 && i < g.edgeCount();
    }

    /** The ints 0..n-1 as a set. */
    private static final class Range extends AbstractSet<Integer> {
        private final int n;

        Range(int n) {
            this.n = n;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Integer i && i >= 0 && i < n;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < n;
                }

                @Override
                public Integer next() {
                    if (i >= n) {
                        throw new NoSuchElementException();
                    }
                    return i++;
                }
            };
        }

        @Override
        public int size() {
            return n;
        }
    }

    /** The edges of one vertex, out and/or in, as a set view over the CSR slices. */
    private final class Incident extends AbstractSet<Integer> {
        private final int v;
        private final boolean out;
        private final boolean in;

        Incident(int v, boolean out, boolean in) {
            this.v = v;
            this.out = out;
            this.in = in;
        }

        private int outCount() {
            return out ? g.outDegree(v) : 0;
        }

        private int inCount() {
            // a self-transfer is in both lists; count it once
            if (!in) {
                return 0;
            }
            if (!out) {
                return g.inDegree(v);
            }
            int n = 0;
            for (int k = 0; k < g.inDegree(v); k++) {
                if (g.from(g.inEdge(v, k)) != v) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public boolean contains(Object o) {
            if (!isEdge(o)) {
                return false;
            }
            int e = (Integer) o;
            return (out && g.from(e) == v) || (in && g.to(e) == v);
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int k;
                private int j;
                private Integer next = advance();

                private Integer advance() {
                    if (k < outCount()) {
                        return g.outEdge(v, k++);
                    }
                    while (in && j < g.inDegree(v)) {
                        int e = g.inEdge(v, j++);
                        if (!(out && g.from(e) == v)) {
                            return e;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Integer next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Integer r = next;
                    next = advance();
                    return r;
                }
            };
        }

        @Override
        public int size() {
            return outCount() + inCount();
        }
    }

    @Override
    public Set<Integer> getAllEdges(Integer s, Integer t) {
        if (!isVertex(s) || !isVertex(t)) {
            return null;
        }
        Set<Integer> r = new LinkedHashSet<>();
        for (int k = 0; k < g.outDegree(s); k++) {
            int e = g.outEdge(s, k);
            if (g.to(e) == t) {
                r.add(e);
            }
        }
        return r;
    }

    @Override
    public Integer getEdge(Integer s, Integer t) {
        if (!isVertex(s) || !isVertex(t)) {
            return null;
        }
        for (int k = 0; k < g.outDegree(s); k++) {
            int e = g.outEdge(s, k);
            if (g.to(e) == t) {
                return e;
            }
        }
        return null;
    }

    @Override
    public Supplier<Integer> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Integer> getEdgeSupplier() {
        return null;
    }

    @Override
    public Integer addEdge(Integer s, Integer t) {
        throw new UnsupportedOperationException("the transfer graph is immutable");
    }

    @Override
    public boolean addEdge(Integer s, Integer t, Integer e) {
        throw new UnsupportedOperationException("the transfer graph is immutable");
    }

    @Override
    public Integer addVertex() {
        throw new UnsupportedOperationException("the transfer graph is immutable");
    }

    @Override
    public boolean addVertex(Integer v) {
        throw new UnsupportedOperationException("the transfer graph is immutable");
    }

    @Override
    public boolean containsEdge(Integer e) {
        return isEdge(e);
    }

    @Override
    public boolean containsVertex(Integer v) {
        return isVertex(v);
    }

    @Override
    public Set<Integer> edgeSet() {
        return new Range(g.edgeCount());
    }

    @Override
    public int degreeOf(Integer v) {
        assertVertexExist(v);
        return g.outDegree(v) + g.inDegree(v);
    }

    @Override
    public Set<Integer> edgesOf(Integer v) {
        assertVertexExist(v);
        return new Incident(v, true, true);
    }

    @Override
    public int inDegreeOf(Integer v) {
        assertVertexExist(v);
        return g.inDegree(v);
    }

    @Override
    public Set<Integer> incomingEdgesOf(Integer v) {
        assertVertexExist(v);
        return new Incident(v, false, true);
    }

    @Override
    public int outDegreeOf(Integer v) {
        assertVertexExist(v);
        return g.outDegree(v);
    }

    @Override
    public Set<Integer> outgoingEdgesOf(Integer v) {
        assertVertexExist(v);
        return new Incident(v, true, false);
    }

    @Override
    public Integer removeEdge(Integer s, Integer t) {
        throw new UnsupportedOperationException("the transfer graph is immutable");
    }

    @Override
    public boolean removeEdge(Integer e) {
        throw new UnsupportedOperationException("the transfer graph is immutable");
    }

    @Override
    public boolean removeVertex(Integer v) {
        throw new UnsupportedOperationException("the transfer graph is immutable");
    }

    @Override
    public Set<Integer> vertexSet() {
        return new Range(g.addressCount());
    }

    @Override
    public Integer getEdgeSource(Integer e) {
        if (!isEdge(e)) {
            throw new IllegalArgumentException("no such edge: " + e);
        }
        return g.from(e);
    }

    @Override
    public Integer getEdgeTarget(Integer e) {
        if (!isEdge(e)) {
            throw new IllegalArgumentException("no such edge: " + e);
        }
        return g.to(e);
    }

    @Override
    public GraphType getType() {
        return TYPE;
    }

    @Override
    public double getEdgeWeight(Integer e) {
        return DEFAULT_EDGE_WEIGHT;
    }

    @Override
    public void setEdgeWeight(Integer e, double weight) {
        throw new UnsupportedOperationException("the transfer graph is immutable");
    }
}
