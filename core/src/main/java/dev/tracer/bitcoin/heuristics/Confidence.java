package dev.tracer.bitcoin.heuristics;

import java.util.Locale;

/** How much a heuristic's result can be relied on. Only {@link #HIGH} results are acted upon. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
