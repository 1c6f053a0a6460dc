package dev.tracer.label;

import dev.tracer.model.InvalidInputException;
import java.util.Locale;

/** What kind of entity an address belongs to. */
public enum Category {
    EXCHANGE, MIXER, BRIDGE, DEX, TOKEN_CONTRACT, SANCTIONED, THEFT, SERVICE, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown category '" + text + "'", e);
        }
    }
}
