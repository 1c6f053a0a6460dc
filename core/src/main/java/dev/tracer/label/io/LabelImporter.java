package dev.tracer.label.io;

import dev.tracer.label.Label;
import dev.tracer.label.LabelCsv;
import dev.tracer.label.LabelPack;
import dev.tracer.label.LabelPacks;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a directory of third-party label sources into the project's own label packs: one pack
 * per source file, named {@code FAMILY/STEM}, written as {@link LabelCsv} files with a
 * {@code packs.json} index ({@link LabelPacks}) and a README.
 *
 * <p>The source directory holds one folder per family, each read by its own reader:
 * <ul>
 *   <li>{@code tagpacks/*.yaml}: GraphSense TagPacks ({@link TagPackReader});</li>
 *   <li>{@code ofac/sanctioned_addresses_CUR.txt}: OFAC SDN address lists ({@link OfacListReader});</li>
 *   <li>{@code etherscan/*.csv}: explorer label clouds ({@link ExplorerTagReader});</li>
 *   <li>{@code btc-entities/*.csv}: Bitcoin entity lists ({@link EntityListReader}).</li>
 * </ul>
 * Other files and folders are ignored and listed. Where each family came from (repository,
 * commit, licence) is taken from the {@code PROVENANCE.md} table beside the directory, if given.
 *
 * <p>Output is deterministic: packs sorted by name, rows in {@link LabelCsv#FILE_ORDER}, no times.
 * A pack whose CSV text exceeds {@link #GZIP_ABOVE_BYTES} is written gzipped ({@code .csv.gz},
 * no file name or time in the header); no bundled pack is that large (the largest, Samourai's
 * 36,548 CoinJoin addresses, is 6.6 MB), and compressed bytes depend on the zlib build, so
 * plain CSV is preferred while the packs stay small.
 */
public final class LabelImporter {
    /** Default CSV text size above which a pack is written gzipped. */
    public static final int GZIP_ABOVE_BYTES = 16 << 20;
    /** The README written beside the packs. */
    public static final String README = "README.md";

    /** One pack made from one source file: its index entry and its labels. */
    public record Pack(LabelPack pack, List<Label> labels) {
        public Pack {
            labels = List.copyOf(labels);
        }
    }

    /**
     * What was read.
     *
     * @param warnings one line each, naming file and line
     * @param ignored  files and folders under the source directory that no reader reads
     * @param empty    source files that gave no label (no pack written), with why
     */
    public record Result(List<Pack> packs, List<String> warnings, List<String> ignored, List<String> empty) {
        public Result {
            packs = List.copyOf(packs);
            warnings = List.copyOf(warnings);
            ignored = List.copyOf(ignored);
            empty = List.copyOf(empty);
        }

        public int labels() {
            return packs.stream().mapToInt(p -> p.labels().size()).sum();
        }
    }

    private final int gzipAboveBytes;
    private final TagPackReader tagPacks = new TagPackReader();
    private final OfacListReader ofac = new OfacListReader();
    private final ExplorerTagReader explorer = new ExplorerTagReader();
    private final EntityListReader entities = new EntityListReader();

    /** An importer that gzips packs above {@link #GZIP_ABOVE_BYTES}. */
    public LabelImporter() {
        this(GZIP_ABOVE_BYTES);
    }

    LabelImporter(int gzipAboveBytes) {
        if (gzipAboveBytes < 0) {
            throw new IllegalArgumentException("gzip threshold " + gzipAboveBytes + " < 0");
        }
        this.gzipAboveBytes = gzipAboveBytes;
    }

    /**
     * Reads every source under {@code sourceDir}.
     *
     * @param provenance a {@code PROVENANCE.md} naming each family folder's origin and licence
     * @throws InvalidInputException       for a source file that is not what its format says
     * @throws SourceException.Unavailable for a directory or file that cannot be read
     */
    public Result read(Path sourceDir, Optional<Path> provenance) {
        if (!Files.isDirectory(sourceDir)) {
            throw new SourceException.Unavailable(sourceDir + ": no such directory", null);
        }
        ProvenanceTable table = provenance.map(ProvenanceTable::read).orElse(ProvenanceTable.empty());
        String root = sourceDir.toAbsolutePath().normalize().getFileName().toString();
        List<Pack> packs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path familyDir : list(sourceDir)) {
            String family = familyDir.getFileName().toString();
            if (!Files.isDirectory(familyDir) || !isFamily(family)) {
                ignored.add(root + "/" + family);
                continue;
            }
            Optional<ProvenanceTable.Row> prov = table.folder(root + "/" + family);
            if (provenance.isPresent() && prov.isEmpty()) {
                warnings.add(provenance.get() + ": no row for " + root + "/" + family + "/: provenance and licence left empty");
            }
            for (Path f : list(familyDir)) {
                String fileName = f.getFileName().toString();
                String sourceFile = root + "/" + family + "/" + fileName;
                Optional<String> stem = stem(family, fileName);
                if (stem.isEmpty() || !Files.isRegularFile(f)) {
                    ignored.add(sourceFile);
                    continue;
                }
                SourceRead r = switch (family) {
                    case "tagpacks" -> tagPacks.read(f, sourceFile);
                    case "ofac" -> ofac.read(f, sourceFile);
                    case "etherscan" -> explorer.read(f, sourceFile, stem.get());
                    case "btc-entities" -> entities.read(f, sourceFile, stem.get());
                    default -> throw new IllegalStateException(family);
                };
                warnings.addAll(r.warnings());
                if (r.labels().isEmpty()) {
                    empty.add(sourceFile + ": " + r.rows() + " entries, no label" + (r.skipped().isEmpty() ? "" : " (skipped " + r.skipped() + ")"));
                    continue;
                }
                String name = family + "/" + stem.get();
                if (!names.add(name)) {
                    throw new InvalidInputException(sourceFile + ": a second source for pack " + name);
                }
                packs.add(pack(name, sourceFile, formatOf(family), r, prov));
            }
        }
        packs.sort(java.util.Comparator.comparing(p -> p.pack().name()));
        return new Result(packs, warnings, ignored, empty);
    }

    private static boolean isFamily(String family) {
        return switch (family) {
            case "tagpacks", "ofac", "etherscan", "btc-entities" -> true;
            default -> false;
        };
    }

    private static String formatOf(String family) {
        return switch (family) {
            case "tagpacks" -> TagPackReader.FORMAT;
            case "ofac" -> OfacListReader.FORMAT;
            case "etherscan" -> ExplorerTagReader.FORMAT;
            default -> EntityListReader.FORMAT;
        };
    }

    /** The pack stem of a source file a family's reader reads, or empty. */
    private static Optional<String> stem(String family, String fileName) {
        return switch (family) {
            case "tagpacks" -> fileName.endsWith(".yaml") ? Optional.of(cut(fileName, ".yaml"))
                    : fileName.endsWith(".yml") ? Optional.of(cut(fileName, ".yml")) : Optional.empty();
            case "ofac" -> OfacListReader.currency(fileName).map(c -> cut(fileName, ".txt"));
            default -> fileName.endsWith(".csv") ? Optional.of(cut(fileName, ".csv")) : Optional.empty();
        };
    }

    private static String cut(String s, String suffix) {
        return s.substring(0, s.length() - suffix.length());
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new SourceException.Unavailable(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private Pack pack(String name, String sourceFile, String format, SourceRead r,
                             Optional<ProvenanceTable.Row> prov) {
        SortedMap<String, Integer> byChain = new TreeMap<>();
        SortedMap<String, Integer> byCategory = new TreeMap<>();
        for (Label l : r.labels()) {
            byChain.merge(l.address().chain().name(), 1, Integer::sum);
            byCategory.merge(l.category().code(), 1, Integer::sum);
        }
        String file = name + (csvBytes(r.labels()).length > gzipAboveBytes ? ".csv.gz" : ".csv");
        LabelPack p = new LabelPack(name, file, sourceFile, format, r.description().isBlank() ? name : r.description(),
                prov.map(ProvenanceTable.Row::source).orElse(""), prov.map(ProvenanceTable.Row::licence).orElse(""),
                r.rows(), r.labels().size(), byChain, byCategory, r.skipped());
        return new Pack(p, r.labels());
    }

    private static byte[] csvBytes(List<Label> labels) {
        StringWriter w = new StringWriter();
        try {
            LabelCsv.write(labels, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the packs, {@code packs.json} and the README into {@code dir}, which must exist and
     * be empty (the caller swaps it into place).
     *
     * @throws SourceException.Unavailable when a file cannot be written
     */
    public static void write(Result r, Path dir) {
        try {
            for (Pack p : r.packs()) {
                Path f = dir.resolve(p.pack().file());
                Files.createDirectories(f.getParent());
                byte[] csv = csvBytes(p.labels());
                try (OutputStream out = Files.newOutputStream(f)) {
                    out.write(p.pack().file().endsWith(".gz") ? gzip(csv) : csv);
                }
            }
            List<LabelPack> index = r.packs().stream().map(Pack::pack).toList();
            Files.writeString(dir.resolve(LabelPacks.INDEX), LabelPacks.toJson(index), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(README), PackReadme.text(index), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException.Unavailable(dir + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Gzip with a fixed header: no name, time 0 (Java's GZIPOutputStream writes no time). */
    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(data.length / 4);
        try (GZIPOutputStream z = new GZIPOutputStream(b, 1 << 16)) {
            z.write(data);
        }
        return b.toByteArray();
    }
}
