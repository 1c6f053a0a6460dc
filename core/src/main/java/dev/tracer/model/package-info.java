/**
 * The value types every other package speaks in: chains, addresses, assets, exact amounts,
 * transfers, transaction hashes and dataset coverage. No third-party type appears here;
 * every type is immutable and validated by its factory, and bad input raises
 * {@link dev.tracer.model.InvalidInputException} with a one-line message naming the input.
 */
package dev.tracer.model;
