package dev.tracer.trace;

/**
 * How an address's outflows take their share of the stolen funds it holds. The engine keeps one
 * {@link Ledger} per address and asset and asks the model's ledger which part of each outflow
 * is tainted. Models are stateless and thread-safe.
 */
public interface TaintModel {

    /** Short name used on the command line and in reports ({@code haircut}). */
    String name();

    /** One line an investigator reads in the report. */
    String description();

    /** A new, empty ledger. */
    Ledger newLedger();

    /**
     * True when tainted value is conserved exactly: what leaves an address tainted is exactly
     * what its tainted balance loses (haircut, FIFO); false for models that may amplify it (poison).
     */
    boolean conserving();

    /** The model called {@code name}: poison, haircut or fifo. */
    static TaintModel named(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "poison" -> new PoisonTaint();
            case "haircut" -> new HaircutTaint();
            case "fifo" -> new FifoTaint();
            default -> throw new dev.tracer.model.InvalidInputException(
                    "unknown taint model '" + name + "' (use poison, haircut or fifo)");
        };
    }
}
