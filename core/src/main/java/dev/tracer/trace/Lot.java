package dev.tracer.trace;

import java.math.BigInteger;

/** A piece of a balance or of a transfer: an amount in base units that is tainted or clean. */
public record Lot(BigInteger amount, boolean tainted) {

    public Lot {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("negative lot " + amount);
        }
    }
}
