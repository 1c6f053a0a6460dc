package dev.tracer.cli;

import dev.tracer.model.BlockRange;
import dev.tracer.model.InvalidInputException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of the Bitcoin sources, shared by {@code trace} and {@code tx}. */
final class BitcoinOptions {
    @Option(names = "--block-range", paramLabel = "FROM..TO", description = "Blocks to read (heights, inclusive): required with --rpc; with --blocks, which blocks of the files to keep.")
    String blockRange;

    @Option(names = "--rpc-cookie", paramLabel = "FILE", description = "Bitcoin Core's .cookie file for --rpc authentication (or put user:password in the URL).")
    Path rpcCookie;

    /** Set by the command from its --record option: write every request and response to this file. */
    Path record;

    /** Set by the command from its --rate-limit option: most requests per second. */
    double rate = 5;

    Optional<BlockRange> range() {
        if (blockRange == null) {
            return Optional.empty();
        }
        String t = blockRange.strip();
        int dots = t.indexOf("..");
        try {
            if (dots < 0) {
                long h = Long.parseLong(t);
                return Optional.of(new BlockRange(h, h));
            }
            return Optional.of(new BlockRange(Long.parseLong(t.substring(0, dots).strip()), Long.parseLong(t.substring(dots + 2).strip())));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--block-range: expected FROM..TO (block heights), got '" + blockRange + "'", e);
        } catch (InvalidInputException e) {
            throw InvalidInputException.at("--block-range", e);
        }
    }
}
