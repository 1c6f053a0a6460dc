package dev.tracer.label.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.JsonFiles;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a GraphSense TagPack: a YAML mapping whose header fields ({@code title},
 * {@code creator}, and any tag field such as {@code label}, {@code source}, {@code currency},
 * {@code category}, {@code abuse}, {@code actor}, {@code confidence},
 * {@code is_cluster_definer}, {@code lastmod}) hold for every entry of its {@code tags} list
 * unless the tag sets the field itself. Format: the TagPack page of the graphsense-tagpacks wiki
 * (github.com/graphsense/graphsense-tagpacks/wiki/GraphSense-TagPacks).
 *
 * <p>Each tag becomes one label: entity from {@code label} (else {@code actor}), source from
 * {@code source}, category and confidence through {@link GraphSenseTaxonomy}, cluster definer
 * from {@code is_cluster_definer} (YAML booleans). Currency {@code BTC} is Bitcoin and
 * {@code ETH} is Ethereum mainnet; tags of other currencies (including ETC, BEP20 and the
 * token codes USDT and USDC, whose chain the tag does not say) are skipped and counted.
 * Scalars are taken as the text written, so an unquoted {@code 0x…} address is not read as a
 * number. {@code context} and {@code concepts} are not read.
 *
 * <p>Known false positives: a pack's header category applies to every tag, so a tag the
 * creator put in the wrong pack inherits a wrong category; the USDT-blacklist pack lists the
 * zero address (it appears in blacklist-related transactions).
 */
final class TagPackReader {
    static final String FORMAT = "graphsense-tagpack";

    /** SnakeYAML refuses documents over 3 MB by default; samourai.yaml is 2.2 MB and packs grow. */
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
    private final YAMLFactory yaml;

    TagPackReader() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(true);
        this.yaml = YAMLFactory.builder().loaderOptions(options).build();
    }

    /** One entry of {@code tags}, with the line it starts on. */
    private record Tag(int index, long line, Map<String, Object> fields) {
    }

    /**
     * Reads {@code file}; {@code name} is used in warnings and errors.
     *
     * @throws InvalidInputException       when the file is not YAML or not a TagPack (no {@code tags} list)
     * @throws SourceException.Unavailable when it cannot be read
     */
    SourceRead read(Path file, String name) {
        Map<String, Object> header = new LinkedHashMap<>();
        List<Tag> tags = null;
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder());
             JsonParser p = yaml.createParser(r)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(name, p.currentTokenLocation(), "a TagPack must be a mapping with a 'tags' list");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("tags")) {
                    if (v != JsonToken.START_ARRAY) {
                        throw invalid(name, p.currentTokenLocation(), "'tags' must be a list");
                    }
                    tags = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        long line = p.currentTokenLocation().getLineNr();
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw invalid(name, p.currentTokenLocation(), "tag " + (tags.size() + 1) + " is not a mapping");
                        }
                        tags.add(new Tag(tags.size() + 1, line, readMap(p)));
                    }
                } else {
                    header.put(field, readValue(p));
                }
            }
            if (p.nextToken() != null) {
                throw invalid(name, p.currentTokenLocation(), "more than one YAML document");
            }
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(name, "YAML", e);
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(name + ": no such file", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getMessage(), e);
        }
        if (tags == null) {
            throw new InvalidInputException(name + ": not a TagPack: no 'tags' list");
        }
        return convert(name, header, tags);
    }

    private static InvalidInputException invalid(String name, JsonLocation at, String why) {
        return new InvalidInputException(name + ":" + at.getLineNr() + ": " + why);
    }

    private static Map<String, Object> readMap(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            m.put(k, readValue(p));
        }
        return m;
    }

    /** A mapping, a list, the written text of a scalar, or null. */
    private static Object readValue(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> readMap(p);
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(readValue(p));
                }
                yield l;
            }
            case VALUE_NULL -> null;
            default -> p.getText();
        };
    }

    private SourceRead convert(String name, Map<String, Object> header, List<Tag> tags) {
        SourceTally tally = new SourceTally(name);
        SortedMap<String, Integer> otherCurrencies = new TreeMap<>();
        SortedMap<String, Integer> unknownConcepts = new TreeMap<>();
        int noConfidence = 0;
        for (Tag t : tags) {
            tally.row();
            String where = "tag " + t.index();
            try {
                Optional<String> address = text(t, header, "address");
                if (address.isEmpty()) {
                    tally.skip("no_address", t.line(), where, "no address");
                    continue;
                }
                where = "tag " + t.index() + " (" + SourceTally.oneLine(address.get()) + ")";
                Optional<String> currency = text(t, header, "currency").map(c -> c.toUpperCase(Locale.ROOT));
                if (currency.isEmpty()) {
                    tally.skip("no_currency", t.line(), where, "no currency");
                    continue;
                }
                Chain chain = switch (currency.get()) {
                    case "BTC" -> Chain.BITCOIN;
                    case "ETH" -> Chain.ETHEREUM;
                    default -> null;
                };
                if (chain == null) {
                    tally.skip("currency_" + currency.get());
                    otherCurrencies.merge(currency.get(), 1, Integer::sum);
                    continue;
                }
                Address a;
                try {
                    a = Address.parse(chain, address.get());
                } catch (InvalidInputException e) {
                    tally.skip(SourceTally.INVALID_ADDRESS, t.line(), where, e.getMessage());
                    continue;
                }
                Optional<String> entity = text(t, header, "label").or(() -> text(t, header, "actor"));
                if (entity.isEmpty()) {
                    tally.skip("no_label", t.line(), where, "no label or actor");
                    continue;
                }
                Optional<String> source = text(t, header, "source");
                if (source.isEmpty()) {
                    tally.skip("no_source", t.line(), where, "no source");
                    continue;
                }
                Optional<String> conf = text(t, header, "confidence");
                OptionalInt level = conf.map(GraphSenseTaxonomy::confidence).orElse(OptionalInt.empty());
                if (level.isEmpty()) {
                    noConfidence++;
                }
                Category category = category(t, header, unknownConcepts);
                boolean clusterDefiner = bool(text(t, header, "is_cluster_definer"));
                tally.add(new Label(a, SourceTally.oneLine(entity.get()), category, SourceTally.oneLine(source.get()),
                        level.orElse(GraphSenseTaxonomy.UNKNOWN_CONFIDENCE), clusterDefiner, ""));
            } catch (InvalidInputException e) {
                tally.skip("bad_value", t.line(), where, e.getMessage());
            }
        }
        if (!otherCurrencies.isEmpty()) {
            tally.warn("skipped tags of currencies other than BTC and ETH: " + counts(otherCurrencies));
        }
        if (!unknownConcepts.isEmpty()) {
            tally.warn("categories or abuses not in the mapping, labelled 'other': " + counts(unknownConcepts));
        }
        if (noConfidence > 0) {
            tally.warn(noConfidence + " tag(s) state no known confidence level: given GraphSense's 'unknown' ("
                    + GraphSenseTaxonomy.UNKNOWN_CONFIDENCE + ")");
        }
        String title;
        try {
            title = text(header, "title").map(SourceTally::oneLine).orElse("");
        } catch (InvalidInputException e) {
            throw InvalidInputException.at(name, e);
        }
        return tally.result(title);
    }

    private static Category category(Tag t, Map<String, Object> header, SortedMap<String, Integer> unknown) {
        Optional<String> abuse = text(t, header, "abuse");
        if (abuse.isPresent()) {
            Optional<Category> c = GraphSenseTaxonomy.abuse(abuse.get());
            if (c.isPresent()) {
                return c.get();
            }
        }
        Optional<String> cat = text(t, header, "category");
        if (cat.isPresent()) {
            Optional<Category> c = GraphSenseTaxonomy.category(cat.get());
            if (c.isPresent()) {
                return c.get();
            }
            unknown.merge("category " + cat.get(), 1, Integer::sum);
        } else if (abuse.isPresent()) {
            unknown.merge("abuse " + abuse.get(), 1, Integer::sum);
        }
        return Category.OTHER;
    }

    /** YAML 1.1 booleans; absent means false. */
    private static boolean bool(Optional<String> v) {
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new InvalidInputException("is_cluster_definer is '" + v.get() + "', not a boolean");
        };
    }

    /** The tag's own value of {@code field}, else the header's; blank counts as absent. */
    private static Optional<String> text(Tag t, Map<String, Object> header, String field) {
        Object v = t.fields().get(field);
        if (v == null) {
            v = header.get(field);
        }
        return scalar(field, v);
    }

    private static Optional<String> text(Map<String, Object> m, String field) {
        return scalar(field, m.get(field));
    }

    private static Optional<String> scalar(String field, Object v) {
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new InvalidInputException("'" + field + "' is a " + (v instanceof Map ? "mapping" : "list") + ", not text");
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static String counts(Map<String, Integer> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        return b.toString();
    }
}
