package dev.tracer.bitcoin.heuristics;

import dev.tracer.model.InvalidInputException;
import java.util.Objects;

/**
 * One change rule's guess.
 *
 * @param vout   the output it takes for change
 * @param rule   the rule's name ({@code address-type}, {@code round-amount}, {@code optimal-change},
 *               {@code fresh-address})
 * @param reason why, in words
 */
public record ChangeGuess(int vout, String rule, String reason) {

    public ChangeGuess {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        if (vout < 0) {
            throw new InvalidInputException("negative vout " + vout);
        }
    }
}
