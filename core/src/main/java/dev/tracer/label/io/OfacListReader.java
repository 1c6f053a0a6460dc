package dev.tracer.label.io;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one of the address lists extracted from the US Treasury OFAC SDN list
 * ({@code sanctioned_addresses_CUR.txt}, one address per line, as published by
 * github.com/0xB10C/ofac-sanctioned-digital-currency-addresses). Every address becomes a
 * {@link Category#SANCTIONED} label with confidence 60, GraphSense's level for authority data.
 * The lists name no entity, so the entity says only which list it is.
 *
 * <p>Which chain: {@code XBT} is Bitcoin and {@code ETH} Ethereum (lower-case entries carry no
 * checksum and are accepted; mixed-case ones must have a valid EIP-55 checksum). {@code USDT}
 * addresses are listed for the token on whatever chain it lives on, so the chain is decided by
 * the address form: {@code 0x} + 40 hex digits is taken as Ethereum (the same key controls the
 * address on every EVM chain; Ethereum is where the tracer can follow it), a valid Bitcoin address
 * as Bitcoin (USDT on the Omni layer), anything else (Tron's {@code T…} addresses) is skipped and
 * counted. Lists of other currencies are skipped whole.
 *
 * <p>Known false positives: none from the list itself; an address on the list can still be a
 * shared service address (an exchange deposit address of a sanctioned customer).
 */
final class OfacListReader {
    static final String FORMAT = "ofac-sdn-list";
    static final String SOURCE = "US Treasury OFAC SDN list";
    /** GraphSense's level for authority data (see {@link GraphSenseTaxonomy}). */
    static final int CONFIDENCE = 60;
    private static final Pattern NAME = Pattern.compile("sanctioned_addresses_([A-Za-z0-9]+)\\.txt");

    /** The currency code of a list file's name, or empty when the name is not a list's. */
    static java.util.Optional<String> currency(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? java.util.Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : java.util.Optional.empty();
    }

    SourceRead read(Path file, String name) {
        String currency = currency(file.getFileName().toString()).orElseThrow(() ->
                new InvalidInputException(name + ": not an OFAC list file name (sanctioned_addresses_CUR.txt)"));
        SourceTally tally = new SourceTally(name);
        String entity = "OFAC SDN listed address (" + currency + ")";
        int unsupported = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()))) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                tally.row();
                Chain chain = chain(currency, t);
                if (chain == null) {
                    tally.skip(currency.equals("USDT") ? "usdt_on_other_chain" : "currency_" + currency);
                    unsupported++;
                    continue;
                }
                Address a;
                try {
                    a = Address.parse(chain, t);
                } catch (InvalidInputException e) {
                    tally.skip(SourceTally.INVALID_ADDRESS, n, "line " + n, e.getMessage());
                    continue;
                }
                tally.add(new Label(a, entity, Category.SANCTIONED, SOURCE, CONFIDENCE, false, ""));
            }
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(name + ": no such file", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getMessage(), e);
        }
        if (unsupported > 0) {
            tally.warn(currency.equals("USDT")
                    ? "skipped " + unsupported + " USDT address(es) that are neither Ethereum nor Bitcoin (Tron)"
                    : "skipped " + unsupported + " " + currency + " address(es): no chain the tracer knows");
        }
        return tally.result("US Treasury OFAC SDN list: " + currency + " addresses");
    }

    /** The chain of an entry of the {@code currency} list, or null when the tracer has none for it. */
    private static Chain chain(String currency, String address) {
        return switch (currency) {
            case "XBT", "BTC" -> Chain.BITCOIN;
            case "ETH" -> Chain.ETHEREUM;
            case "USDT" -> {
                if (address.startsWith("0x") || address.startsWith("0X")) {
                    yield Chain.ETHEREUM;
                }
                try {
                    Address.parse(Chain.BITCOIN, address);
                    yield Chain.BITCOIN;
                } catch (InvalidInputException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }
}
