package dev.tracer.model;

/** An inclusive range of block heights. */
public record BlockRange(long first, long last) {

    public BlockRange {
        if (first < 0 || last < first) {
            throw new InvalidInputException("bad block range " + first + ".." + last);
        }
    }

    public boolean contains(long block) {
        return block >= first && block <= last;
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
