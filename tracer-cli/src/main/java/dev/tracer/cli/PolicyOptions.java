package dev.tracer.cli;

import dev.tracer.label.Category;
import dev.tracer.model.InvalidInputException;
import dev.tracer.trace.Direction;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The tracing policy options that {@code tracer trace} and {@code tracer batch} share (a picocli
 * mixin), parsed in one place so both commands accept the same values, show the same defaults and
 * fail with the same one-line errors.
 */
final class PolicyOptions {
    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "haircut", description = "Taint model: poison, haircut or fifo (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--backward", description = "Trace backward: where did the funds at the seeds come from.")
    boolean backward;

    @Option(names = "--hops", paramLabel = "N", defaultValue = "" + TracePolicy.DEFAULT_HOPS, description = "Maximum hops from a seed (default: ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--min-amount", paramLabel = "X", defaultValue = "0", description = "Minimum amount, in whole units of each asset, for a transfer to be followed (default: ${DEFAULT-VALUE}).")
    String minAmount;

    @Option(names = "--since", paramLabel = "TIME", description = "Trace transfers at or after this time (2025-02-21 or 2025-02-21T14:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Trace transfers at or before this time.")
    String until;

    @Option(names = "--stop-at", paramLabel = "CATEGORIES", split = ",", description = "Label categories where a trace stops (default: exchange,bridge,mixer,dex,token_contract; 'none' for none).")
    List<String> stopAt;

    @Option(names = "--fan-out-cap", paramLabel = "N", defaultValue = "" + TracePolicy.DEFAULT_FAN_OUT_CAP, description = "Most receivers followed from one address (default: ${DEFAULT-VALUE}); the rest are cut and reported.")
    int fanOutCap;

    @Option(names = "--labels", paramLabel = "CSV", description = "More labels (chain,address,entity,category,source,confidence[,cluster_definer]), besides the bundled packs; repeatable. A batch digests them into its manifest.")
    List<Path> labelFiles = new ArrayList<>();

    @Option(names = "--no-bundled-labels", description = "Do not load the label packs bundled under fixtures/labels (see 'tracer labels --packs').")
    boolean noBundledLabels;

    @Option(names = "--tokens", paramLabel = "CSV", description = "More genuine token contracts (chain_id,contract,symbol,decimals).")
    Path tokens;

    @Option(names = "--no-swaps", description = "Do not carry taint across inferred DEX swaps (token out, other asset back unrecorded).")
    boolean noSwaps;

    @Option(names = "--swap-window", paramLabel = "DURATION", defaultValue = "24h", description = "How long after a swap-like outflow its proceeds may appear, e.g. 24h or 90m (default: ${DEFAULT-VALUE}).")
    String swapWindow;

    TaintModel taintModel() {
        return TaintModel.named(model);
    }

    Direction direction() {
        return backward ? Direction.BACKWARD : Direction.FORWARD;
    }

    /** The swap window, or empty with --no-swaps. */
    Optional<Duration> swaps() {
        return noSwaps ? Optional.empty() : Optional.of(duration("--swap-window", swapWindow));
    }

    /** A policy builder holding every option of this mixin; the caller may add more (assets) before building. */
    TracePolicy.Builder policy() {
        TracePolicy.Builder b = TracePolicy.builder().maxHops(hops).fanOutCap(fanOutCap);
        BigDecimal min;
        try {
            min = new BigDecimal(minAmount.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--min-amount: non-numeric amount '" + minAmount + "'", e);
        }
        try {
            b.minAmount(min);
        } catch (InvalidInputException e) {
            throw InvalidInputException.at("--min-amount", e);
        }
        if (since != null) {
            b.since(time("--since", since, false));
        }
        if (until != null) {
            b.until(time("--until", until, true));
        }
        if (stopAt != null) {
            Set<Category> cats = EnumSet.noneOf(Category.class);
            for (String c : stopAt) {
                if (!c.equalsIgnoreCase("none")) {
                    try {
                        cats.add(Category.parse(c));
                    } catch (InvalidInputException e) {
                        throw InvalidInputException.at("--stop-at", e);
                    }
                }
            }
            b.stopAt(cats);
        }
        return b;
    }

    /** "24h", "90m", "30s", "2d" or an ISO-8601 duration ("PT24H"). */
    static Duration duration(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                case 's' -> Duration.ofSeconds(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException(text);
            };
        } catch (RuntimeException e) {
            throw new InvalidInputException(option + ": malformed duration '" + text + "' (use 24h, 90m or PT24H)", e);
        }
    }

    /** A date (start of day, or end of day for --until) or an ISO instant, in UTC. */
    static Instant time(String option, String text, boolean endOfDay) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1)
                        : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(t.endsWith("Z") || t.contains("+") ? t : t + "Z");
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + ": malformed time '" + text + "' (use 2025-02-21 or 2025-02-21T14:00:00Z)", e);
        }
    }
}
