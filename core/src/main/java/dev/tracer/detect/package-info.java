/**
 * Laundering-hop detectors. Each class is one technique with its rule, its source (paper or
 * case) and its known false positives; each produces {@link dev.tracer.detect.Flag}s with
 * evidence (transactions, amounts, times, the rule that fired, a confidence).
 * {@link dev.tracer.detect.DexSwapContinuity} also tells the engine which outflows are swaps, so
 * taint is carried across them.
 */
package dev.tracer.detect;
