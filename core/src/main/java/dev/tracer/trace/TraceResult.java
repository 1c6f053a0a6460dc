package dev.tracer.trace;

import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.Coverage;
import dev.tracer.model.Transfer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything a trace found, immutable and in a deterministic order: the seeds and the stolen
 * amount they introduced per asset, every address reached with its taint, every transfer that
 * carried taint, where the funds are now, the unexplained inflows the ledgers needed, the
 * poisoning that was excluded, and what policy cut.
 *
 * <p>A result from {@link Tracer} makes the elements of its lists when they are first read (the
 * trace computes ids and amounts; addresses, hashes, transfers, labels, shares, ledger-gap totals
 * and look-alikes are made for the elements a reader reads), so it keeps the graph it was traced
 * on reachable. Reading is thread-safe and gives equal values whenever it happens.
 */
public record TraceResult(
        Direction direction,
        String model,
        String modelDescription,
        boolean conserving,
        TracePolicy policy,
        String dataset,
        Coverage coverage,
        List<Seed> seeds,
        SortedMap<Asset, BigInteger> seedAmounts,
        SortedMap<Asset, BigInteger> convertedIn,
        List<Conversion> conversions,
        List<Node> nodes,
        List<TracedTransfer> transfers,
        List<Endpoint> endpoints,
        List<UnexplainedInflow> unexplained,
        List<LedgerGap> gaps,
        List<Poisoning> poisoning,
        List<ContractCall> calls,
        List<Truncation> truncations,
        List<String> warnings,
        List<dev.tracer.model.Flag> flags,
        Stats stats) {

    /**
     * Role of an address in the trace. {@code EARLIER}: it received value from a followed
     * address before the stolen funds reached that address, so by chain order it holds none of
     * them; it is listed so the followed address's whole ledger is in view.
     */
    public enum Role { SEED, FOLLOWED, ENDPOINT, EARLIER }

    /**
     * An address the trace reached. {@code received}, {@code sent} and {@code held} are the
     * tainted amounts per asset (held only for followed addresses); {@code reachedBy} is the
     * transfer by which the trace first reached it (empty for seeds).
     */
    public record Node(Address address, int hop, Role role, Optional<EndpointKind> endpoint, Optional<Label> label,
                       SortedMap<Asset, BigInteger> received, SortedMap<Asset, BigInteger> sent,
                       SortedMap<Asset, BigInteger> held, Optional<Transfer> reachedBy) {
    }

    /** A transfer that carried taint, with the tainted part. */
    public record TracedTransfer(int edge, Transfer transfer, BigInteger tainted) {
    }

    /**
     * Where some of the funds are now. {@code path} is the evidence: the transactions by which the
     * trace first reached this address, from a seed, in chain order.
     */
    public record Endpoint(Address address, EndpointKind kind, Optional<Label> label, int hop, Amount amount,
                           BigDecimal share, List<dev.tracer.model.TxHash> path) {
    }

    /**
     * An outflow that exceeded what the data shows the address holding: the ledger credits the
     * missing amount from an unknown source just before {@code at}. At a seed it counts as stolen
     * ({@code countedAsStolen}); elsewhere it is clean unless a conversion explains it as the
     * proceeds of a swap of stolen funds ({@code tainted}, the part carried over).
     */
    public record UnexplainedInflow(Address address, Amount amount, Transfer at, boolean countedAsStolen,
                                    BigInteger tainted) {
    }

    /**
     * An inferred swap: {@code address} sent {@code fromAssets} in swap-like transfers
     * ({@code fromTxs}, each with the rule that made it swap-like) and, within the window, needed
     * {@code amount} of {@code toAsset} the data does not show arriving; that amount is taken as
     * the swap's proceeds, and {@code taintCarried} of it is stolen. {@code offered} is the
     * face value (in {@code toAsset} units) of the swap-like outflows that were available to
     * explain it, so {@code amount / offered} says how well the values match.
     *
     * <p>When {@code inferred} is false the swap is in one transaction: {@code address} sent the
     * tainted asset and received {@code amount} of {@code toAsset} in transaction {@code beforeTx}
     * (rule {@code same-tx}); the proceeds are recorded, carry the outflow's tainted fraction
     * whatever the units, and {@code offered} is zero (no face-value comparison).
     */
    public record Conversion(Address address, List<Asset> fromAssets, List<dev.tracer.model.TxHash> fromTxs,
                             List<String> rules, Asset toAsset, dev.tracer.model.TxHash beforeTx, BigInteger amount,
                             BigInteger taintCarried, BigInteger offered, boolean inferred) {
    }

    /**
     * Per followed address and asset, the data's totals that explain its unexplained inflows:
     * it received {@code received} and sent {@code sent} (within the window), and the ledger had
     * to credit {@code unexplained} from an unknown source (swaps, deposits the data lacks).
     */
    public record LedgerGap(Address address, Asset asset, BigInteger received, BigInteger sent,
                            BigInteger unexplained, boolean countedAsStolen, BigInteger tainted) {
    }

    /** Why a transfer was excluded as address poisoning or as carrying no value. */
    public enum PoisonReason { IMITATION_TOKEN, ZERO_VALUE_TOKEN, UNVERIFIED_TOKEN }

    /**
     * An excluded transfer from an address on the trace. {@code lookalikeOf} is a real
     * counterparty of the sender whose address the receiver imitates (same leading and trailing
     * hex digits), when there is one.
     */
    public record Poisoning(Transfer transfer, PoisonReason reason, String detail, Optional<Address> lookalikeOf) {
    }

    /**
     * Zero-value transactions a followed address sent to a contract (approvals, router calls,
     * token transfers): evidence of what it interacted with. The called contract moved no value
     * of the address by this transfer and is not a holder of funds.
     */
    public record ContractCall(Address caller, Address contract, Optional<Label> label, int count,
                               List<dev.tracer.model.TxHash> txs) {
    }

    /** What policy cut at one address. */
    public record Truncation(Address address, String reason, int transfers, SortedMap<Asset, BigInteger> amounts) {
    }

    /** Work done. */
    public record Stats(int edgesScanned, int addressesReached, int addressesFollowed, int maxHopReached) {
    }

    /**
     * {@code amount / seedAmount(asset)}, to 6 significant digits; zero when no seed amount. Equal
     * amounts (a wholly tainted transfer against its own amount, as every transfer of a poison trace
     * is) give {@link BigDecimal#ONE} without dividing: the value and scale the division gives.
     */
    public static BigDecimal share(BigInteger amount, BigInteger seedAmount) {
        if (seedAmount == null || seedAmount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (amount.equals(seedAmount)) {
            return BigDecimal.ONE;
        }
        return new BigDecimal(amount).divide(new BigDecimal(seedAmount), new MathContext(6, RoundingMode.HALF_EVEN));
    }

    /** This result with one more warning. */
    public TraceResult withWarning(String warning) {
        List<String> w = new java.util.ArrayList<>(warnings);
        w.add(warning);
        return new TraceResult(direction, model, modelDescription, conserving, policy, dataset, coverage, seeds,
                seedAmounts, convertedIn, conversions, nodes, transfers, endpoints, unexplained, gaps, poisoning,
                calls, truncations, List.copyOf(w), flags, stats);
    }

    /** This result with the detectors' flags, sorted. */
    public TraceResult withFlags(List<dev.tracer.model.Flag> found) {
        List<dev.tracer.model.Flag> f = new java.util.ArrayList<>(found);
        java.util.Collections.sort(f);
        return new TraceResult(direction, model, modelDescription, conserving, policy, dataset, coverage, seeds,
                seedAmounts, convertedIn, conversions, nodes, transfers, endpoints, unexplained, gaps, poisoning,
                calls, truncations, warnings, List.copyOf(f), stats);
    }

    /** The flags raised at {@code a}. */
    public List<dev.tracer.model.Flag> flagsAt(Address a) {
        return flags.stream().filter(f -> f.address().equals(a)).toList();
    }

    /** What the trace followed per asset: the seeds' amount plus what conversions carried into it. */
    public BigInteger tracedAmount(Asset a) {
        return seedAmounts.getOrDefault(a, BigInteger.ZERO).add(convertedIn.getOrDefault(a, BigInteger.ZERO));
    }

    /** Total of endpoints per asset (for conservation checks). */
    public Map<Asset, BigInteger> endpointTotals() {
        Map<Asset, BigInteger> m = new java.util.TreeMap<>();
        for (Endpoint e : endpoints) {
            m.merge(e.amount().asset(), e.amount().value(), BigInteger::add);
        }
        return m;
    }

    /** The node for {@code a}, if the trace reached it. */
    public Optional<Node> node(Address a) {
        return nodes.stream().filter(n -> n.address().equals(a)).findFirst();
    }
}
