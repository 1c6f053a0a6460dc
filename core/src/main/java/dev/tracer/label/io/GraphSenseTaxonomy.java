package dev.tracer.label.io;

import dev.tracer.label.Category;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * GraphSense's vocabularies, mapped to ours: named confidence levels to 0–100, and the concept
 * ids of a tag's {@code category} and {@code abuse} fields to a {@link Category}.
 *
 * <p><b>Confidence.</b> GraphSense itself gives each named level a number, which is used as is:
 * the levels of {@code src/tagpack/db/confidence.csv} in graphsense/graphsense-tagpack-tool
 * (override and ownership 100, manual_transaction 90, service_api 70, authority_data 60,
 * trusted_provider, service_data and forensic 50, untrusted_transaction 40, web_crawl 20), and
 * those its CHANGELOG adds in release 23.03 (ledger_immanent 100, heuristic 10, unknown 5) and
 * 23.06/1.5.0 (forensic_investigation 70). A pack that states no level, or one not in the table,
 * gets {@code unknown} (5).
 *
 * <p><b>Category.</b> From the concepts taxonomy ({@code src/tagpack/db/concepts.yaml} there):
 * an {@code abuse} that names what was done with the funds outranks the {@code category} of the
 * actor (a tag with {@code category: user, abuse: sanction} is {@link Category#SANCTIONED}).
 * {@code black_list}, used by the USDT-blacklist pack but not in the taxonomy version consulted,
 * is {@link Category#BLOCKED}. Concepts that describe a person or organisation rather than a
 * kind of service ({@code user}, {@code organization}, {@code perpetrator}, {@code victim},
 * {@code donation}) are {@link Category#OTHER}, as is anything not in the table.
 *
 * <p>Known false positives: GraphSense's {@code miner} is "a service or individual" that mines;
 * it becomes {@link Category#MINING_POOL} (the bundled tags are pools). Etherscan's "exchange"
 * label cloud, imported by GraphSense with {@code category: exchange}, also holds token
 * contracts and decentralised exchanges; the category cannot tell them apart.
 */
final class GraphSenseTaxonomy {
    /** The level GraphSense gives a tag of unknown reliability. */
    static final int UNKNOWN_CONFIDENCE = 5;

    private static final Map<String, Integer> CONFIDENCE = Map.ofEntries(
            Map.entry("override", 100),
            Map.entry("ownership", 100),
            Map.entry("ledger_immanent", 100),
            Map.entry("manual_transaction", 90),
            Map.entry("service_api", 70),
            Map.entry("forensic_investigation", 70),
            Map.entry("authority_data", 60),
            Map.entry("trusted_provider", 50),
            Map.entry("service_data", 50),
            Map.entry("forensic", 50),
            Map.entry("untrusted_transaction", 40),
            Map.entry("web_crawl", 20),
            Map.entry("heuristic", 10),
            Map.entry("unknown", UNKNOWN_CONFIDENCE));

    private static final Map<String, Category> CATEGORY = Map.ofEntries(
            Map.entry("exchange", Category.EXCHANGE),
            Map.entry("mixing_service", Category.MIXER),
            Map.entry("coinjoin", Category.COINJOIN),
            Map.entry("defi_bridge", Category.BRIDGE),
            Map.entry("bridge", Category.BRIDGE),
            Map.entry("defi_dex", Category.DEX),
            Map.entry("dex", Category.DEX),
            Map.entry("miner", Category.MINING_POOL),
            Map.entry("mining_service", Category.MINING_POOL),
            Map.entry("gambling", Category.GAMBLING),
            Map.entry("market", Category.MARKET),
            Map.entry("service", Category.SERVICE),
            Map.entry("wallet_service", Category.SERVICE),
            Map.entry("escrow_wallet", Category.SERVICE),
            Map.entry("ico_wallet", Category.SERVICE),
            Map.entry("shop", Category.SERVICE),
            Map.entry("faucet", Category.SERVICE),
            Map.entry("payment_processor", Category.SERVICE),
            Map.entry("atm", Category.SERVICE),
            Map.entry("hosting", Category.SERVICE),
            Map.entry("vpn", Category.SERVICE),
            Map.entry("filesharing", Category.SERVICE),
            Map.entry("index", Category.SERVICE),
            Map.entry("messaging_service", Category.SERVICE),
            Map.entry("search_engine", Category.SERVICE),
            Map.entry("defi", Category.SERVICE),
            Map.entry("defi_lending", Category.SERVICE),
            Map.entry("defi_derivative", Category.SERVICE),
            Map.entry("black_list", Category.BLOCKED),
            Map.entry("user", Category.OTHER),
            Map.entry("organization", Category.OTHER),
            Map.entry("perpetrator", Category.OTHER),
            Map.entry("victim", Category.OTHER),
            Map.entry("donation", Category.OTHER));

    private static final Map<String, Category> ABUSE = Map.ofEntries(
            Map.entry("service_hack", Category.THEFT),
            Map.entry("sanction", Category.SANCTIONED),
            Map.entry("ransomware", Category.RANSOMWARE),
            Map.entry("scam", Category.SCAM),
            Map.entry("phishing", Category.SCAM),
            Map.entry("ponzi_scheme", Category.SCAM),
            Map.entry("pyramid_scheme", Category.SCAM),
            Map.entry("investment_fraud", Category.SCAM),
            Map.entry("payment_card_fraud", Category.SCAM),
            Map.entry("extortion", Category.SCAM),
            Map.entry("sextortion", Category.SCAM));

    private GraphSenseTaxonomy() {
    }

    /** The level of a named confidence, if GraphSense defines it. */
    static OptionalInt confidence(String id) {
        Integer v = CONFIDENCE.get(id);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** Our category for a {@code category} concept id, if the table has it. */
    static Optional<Category> category(String id) {
        return Optional.ofNullable(CATEGORY.get(id));
    }

    /** Our category for an {@code abuse} concept id, if it names what was done with funds. */
    static Optional<Category> abuse(String id) {
        return Optional.ofNullable(ABUSE.get(id));
    }
}
