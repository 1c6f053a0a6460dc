package dev.tracer.label;

import dev.tracer.model.InvalidInputException;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One bundled label pack: a {@link LabelCsv} file written by the project's import code from one
 * third-party source file, and where that file came from.
 *
 * @param name         the pack's name, {@code FAMILY/STEM} ({@code tagpacks/ronin_bridge})
 * @param file         the pack's file, relative to the packs directory
 * @param sourceFile   the third-party file it was imported from, relative to the shared data
 *                     ({@code labels/tagpacks/ronin_bridge.yaml})
 * @param sourceFormat how that file was read ({@code graphsense-tagpack}, {@code ofac-sdn-list},
 *                     {@code explorer-tags}, {@code entity-csv})
 * @param description  what the source says it is (a TagPack's title, or the family's description)
 * @param provenance   the source repository and commit, from the shared data's PROVENANCE.md
 *                     ({@code ""} when not known)
 * @param licence      the licence stated there ({@code ""} when not known)
 * @param sourceRows   tags or rows read from the source file
 * @param labels       labels in the pack
 * @param byChain      labels per chain name
 * @param byCategory   labels per category code
 * @param skipped      source rows not turned into labels, per reason
 */
public record LabelPack(String name, String file, String sourceFile, String sourceFormat, String description,
                        String provenance, String licence, int sourceRows, int labels,
                        SortedMap<String, Integer> byChain, SortedMap<String, Integer> byCategory,
                        SortedMap<String, Integer> skipped) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    public LabelPack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(licence, "licence");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("pack name '" + name + "' is not a relative name of letters, digits, '.', '_', '-' and '/'");
        }
        if (!NAME.matcher(file).matches() || file.contains("..") || !(file.endsWith(".csv") || file.endsWith(".csv.gz"))) {
            throw new InvalidInputException("pack file '" + file + "' must be a relative .csv or .csv.gz path inside the packs directory");
        }
        if (sourceRows < 0 || labels < 0) {
            throw new InvalidInputException("pack " + name + ": negative count");
        }
        byChain = copy(byChain);
        byCategory = copy(byCategory);
        skipped = copy(skipped);
    }

    private static SortedMap<String, Integer> copy(SortedMap<String, Integer> m) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(m)));
    }
}
