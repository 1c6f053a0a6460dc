/**
 * The compact transfer graph: addresses and assets interned to ints, transfers held in columnar
 * primitive arrays in chain order, with compressed adjacency by sender and by receiver. It is the
 * engine's primary store; {@link dev.tracer.graph.JGraphTView} exposes it to JGraphT's algorithms
 * without copying it.
 */
package dev.tracer.graph;
