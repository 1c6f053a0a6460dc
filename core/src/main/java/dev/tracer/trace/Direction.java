package dev.tracer.trace;

/** Forward: where did the funds go. Backward: where did they come from. */
public enum Direction {
    FORWARD, BACKWARD;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
