package dev.tracer.cli;

import dev.tracer.label.Label;
import dev.tracer.label.LabelPack;
import dev.tracer.label.LabelPacks;
import dev.tracer.label.LabelStore;
import dev.tracer.label.io.LabelImporter;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.report.SafeText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer labels}: look addresses up in the label packs, list the packs, import sources into packs. */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = {"Looks addresses up in the label packs, or lists the packs.",
            "Every label of an address is shown side by side, best first: confidence, category, entity, scope (the address or its whole cluster), pack and source. The bundled packs are read from fixtures/labels; --labels adds files of your own.",
            "With --packs, lists the bundled packs: labels per chain and category, source file, provenance and licence."},
        subcommands = {LabelsCommand.Import.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class LabelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Parameters(arity = "0..*", paramLabel = "ADDRESS", description = "Addresses to look up.")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--packs", description = "List the bundled label packs instead.")
    boolean packs;

    @Option(names = "--chain", paramLabel = "CHAIN", description = "Chain of the addresses: ethereum or bitcoin (default: ethereum for 0x… addresses, bitcoin otherwise).")
    String chain;

    @Option(names = "--labels", paramLabel = "CSV", description = "More label files (chain,address,entity,category,source,confidence[,cluster_definer]); repeatable.")
    List<Path> labelFiles = new ArrayList<>();

    @Option(names = "--no-bundled-labels", description = "Look up only in the --labels files.")
    boolean noBundled;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The fixtures directory (default: found from the checkout).")
    Path fixtures;

    @Override
    public Integer call() {
        if (packs && !addresses.isEmpty()) {
            throw new InvalidInputException("give addresses or --packs, not both");
        }
        if (!packs && addresses.isEmpty()) {
            throw new InvalidInputException("give one or more addresses to look up, or --packs");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (packs) {
            LabelPacks index = LabelPacks.read(Fixtures.locate(fixtures).resolve(LabelPacks.DIRECTORY));
            printPacks(index, index.load(), out);
            return ExitCodes.OK;
        }
        List<Address> parsed = new ArrayList<>();
        Optional<Chain> fixed = Optional.ofNullable(chain).map(Chain::parse);
        for (String a : addresses) {
            Chain c = fixed.orElse(a.strip().startsWith("0x") || a.strip().startsWith("0X") ? Chain.ETHEREUM : Chain.BITCOIN);
            try {
                parsed.add(Address.parse(c, a));
            } catch (InvalidInputException e) {
                throw InvalidInputException.at(a, e);
            }
        }
        java.util.Set<Chain> chains = new java.util.HashSet<>();
        parsed.forEach(a -> chains.add(a.chain()));
        LabelStore store = noBundled ? LabelStore.empty() : chains.size() == 1
                ? LabelStore.bundled(Fixtures.locate(fixtures), chains.iterator().next())
                : LabelStore.bundled(Fixtures.locate(fixtures));
        for (Path f : labelFiles) {
            store = store.withCsv(f);
        }
        for (Address a : parsed) {
            printLabels(a, store.labels(a), out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void printLabels(Address a, List<Label> labels, PrintWriter out) {
        out.printf("%s  %s  %s%n", a.value(), a.chain().name(),
                labels.isEmpty() ? "no labels" : labels.size() + (labels.size() == 1 ? " label" : " labels"));
        if (labels.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"confidence", "category", "entity", "scope", "pack", "source"});
        for (Label l : labels) {
            rows.add(new String[] {Integer.toString(l.confidence()), l.category().code(), SafeText.line(l.entity()),
                l.clusterDefiner() ? "cluster" : "address", l.pack().isEmpty() ? "-" : SafeText.line(l.pack()),
                SafeText.line(l.source())});
        }
        Terminal.table(rows, out, "  ", 0b1);
    }

    static void printPacks(LabelPacks index, LabelStore store, PrintWriter out) {
        Map<String, SortedMap<String, Integer>> byChain = new HashMap<>();
        Map<String, SortedMap<String, Integer>> byCategory = new HashMap<>();
        for (Label l : store.all()) {
            byChain.computeIfAbsent(l.pack(), k -> new TreeMap<>()).merge(l.address().chain().name(), 1, Integer::sum);
            byCategory.computeIfAbsent(l.pack(), k -> new TreeMap<>()).merge(l.category().code(), 1, Integer::sum);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"pack", "labels", "bitcoin", "ethereum", "categories"});
        int total = 0;
        int btc = 0;
        int eth = 0;
        List<String> sources = new ArrayList<>();
        for (LabelPack p : index.packs()) {
            SortedMap<String, Integer> chains = byChain.getOrDefault(p.name(), new TreeMap<>());
            int b = chains.getOrDefault(Chain.BITCOIN.name(), 0);
            int e = chains.getOrDefault(Chain.ETHEREUM.name(), 0);
            int n = chains.values().stream().mapToInt(Integer::intValue).sum();
            rows.add(new String[] {p.name(), Integer.toString(n), Integer.toString(b), Integer.toString(e),
                counts(byCategory.getOrDefault(p.name(), new TreeMap<>()))});
            total += n;
            btc += b;
            eth += e;
            sources.add(p.name() + ": " + SafeText.line(p.sourceFile())
                    + (p.provenance().isEmpty() ? "" : " from " + SafeText.line(p.provenance()))
                    + "; licence: " + (p.licence().isEmpty() ? "not stated" : SafeText.line(p.licence())));
        }
        rows.add(new String[] {"total (" + index.packs().size() + " packs, " + store.addressCount() + " addresses)",
            Integer.toString(total), Integer.toString(btc), Integer.toString(eth), ""});
        Terminal.table(rows, out, "", 0b1110);
        out.println();
        out.println("Sources:");
        sources.forEach(s -> out.println("  " + s));
        out.flush();
    }

    private static String counts(Map<String, Integer> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }

    /** {@code tracer labels import}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports third-party label sources into the project's label packs, one pack per source file.",
                "Reads GraphSense TagPacks (DIR/tagpacks/*.yaml), OFAC SDN address lists (DIR/ofac/sanctioned_addresses_CUR.txt), explorer label clouds (DIR/etherscan/LABEL.csv) and Bitcoin entity lists (DIR/btc-entities/*.csv).",
                "Writes FAMILY/NAME.csv per pack, packs.json and README.md into --out, replacing it as a whole. Entries that cannot be labels (other chains, invalid addresses) are skipped, counted and warned about on stderr."},
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Verbosity verbosity;

        @Option(names = "--from", required = true, paramLabel = "DIR", description = "Directory of source folders (tagpacks, ofac, etherscan, btc-entities).")
        Path from;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Packs directory to write, e.g. fixtures/labels: new, empty, or one with a packs.json to replace as a whole (a directory of other files is refused).")
        Path out;

        @Option(names = "--provenance", paramLabel = "FILE", description = "A PROVENANCE.md whose table names each source folder's origin and licence (default: PROVENANCE.md beside DIR, if there is one).")
        Path provenance;

        @Override
        public Integer call() {
            Optional<Path> prov = Optional.ofNullable(provenance);
            if (prov.isEmpty()) {
                Path beside = from.toAbsolutePath().normalize().resolveSibling("PROVENANCE.md");
                prov = Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
            }
            AtomicOutput.refuseInputsInside(out, java.util.Arrays.asList(from, prov.orElse(null)));
            LabelImporter.Result r = new LabelImporter().read(from, prov);
            PrintWriter err = spec.commandLine().getErr();
            r.warnings().forEach(w -> err.println("tracer: warning: " + SafeText.line(w)));
            err.flush();
            AtomicOutput.replaceDirectory(out, LabelPacks.INDEX, "a label directory written by 'tracer labels import'",
                    tmp -> LabelImporter.write(r, tmp));
            PrintWriter o = spec.commandLine().getOut();
            int btc = 0;
            int eth = 0;
            for (LabelImporter.Pack p : r.packs()) {
                LabelPack m = p.pack();
                o.printf("%s: %d labels from %d entries of %s%s%n", SafeText.line(m.name()), m.labels(), m.sourceRows(),
                        SafeText.line(m.sourceFile()),
                        m.skipped().isEmpty() ? "" : " (skipped " + counts(m.skipped()) + ")");
                btc += m.byChain().getOrDefault(Chain.BITCOIN.name(), 0);
                eth += m.byChain().getOrDefault(Chain.ETHEREUM.name(), 0);
            }
            r.empty().forEach(e -> o.println("no pack: " + SafeText.line(e)));
            r.ignored().forEach(i -> o.println("ignored: " + SafeText.line(i)));
            o.printf("Wrote %s: %d packs, %d labels (%d bitcoin, %d ethereum)%n", out, r.packs().size(), r.labels(), btc, eth);
            o.flush();
            return ExitCodes.OK;
        }
    }
}
