package dev.tracer.label.io;

import dev.tracer.label.LabelPack;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The README written beside the packs: where each came from, its licence and its counts. */
final class PackReadme {
    private PackReadme() {
    }

    static String text(List<LabelPack> packs) {
        StringBuilder b = new StringBuilder();
        b.append("# Bundled label packs\n\n");
        b.append("Written by the project's own import command from the third-party label files in the workplace's\n");
        b.append("shared data; not edited by hand. To regenerate:\n\n");
        b.append("```\n./tracer labels import --from ../shared/data/labels --provenance ../shared/data/PROVENANCE.md \\\n");
        b.append("  --out fixtures/labels\n```\n\n");
        b.append("A test (`LabelPacksFixtureTest`) re-imports them and checks these files are byte-identical. The\n");
        b.append("format, the category and confidence mappings and the known false positives of each source are in\n");
        b.append("[docs/labels.md](../../docs/labels.md). `tracer trace` loads every pack listed in `packs.json`\n");
        b.append("unless given `--no-bundled-labels`; `tracer labels --packs` lists them.\n\n");
        b.append("| pack | source file | provenance | licence | entries read | labels | bitcoin | ethereum | categories | skipped |\n");
        b.append("|---|---|---|---|---:|---:|---:|---:|---|---|\n");
        int rows = 0;
        int labels = 0;
        SortedMap<String, Integer> chains = new TreeMap<>();
        SortedMap<String, Integer> categories = new TreeMap<>();
        for (LabelPack p : packs) {
            b.append("| ").append(cell(p.name()))
                    .append(" | ").append(cell(p.sourceFile()))
                    .append(" | ").append(cell(p.provenance()))
                    .append(" | ").append(cell(p.licence()))
                    .append(" | ").append(p.sourceRows())
                    .append(" | ").append(p.labels())
                    .append(" | ").append(p.byChain().getOrDefault("bitcoin", 0))
                    .append(" | ").append(p.byChain().getOrDefault("ethereum", 0))
                    .append(" | ").append(cell(counts(p.byCategory())))
                    .append(" | ").append(cell(counts(p.skipped())))
                    .append(" |\n");
            rows += p.sourceRows();
            labels += p.labels();
            p.byChain().forEach((k, v) -> chains.merge(k, v, Integer::sum));
            p.byCategory().forEach((k, v) -> categories.merge(k, v, Integer::sum));
        }
        b.append("| **total** | ").append(packs.size()).append(" files | | | ").append(rows).append(" | ").append(labels)
                .append(" | ").append(chains.getOrDefault("bitcoin", 0)).append(" | ").append(chains.getOrDefault("ethereum", 0))
                .append(" | ").append(cell(counts(categories))).append(" | |\n");
        b.append("\nAn address can carry labels from several packs (and several in one pack); they are kept side by\n");
        b.append("side, never merged. Skip reasons: `duplicate` (the same label again in the same file),\n");
        b.append("`invalid_address` (does not parse on its chain; named in the import's warnings),\n");
        b.append("`currency_X` (a chain the tracer does not follow), `usdt_on_other_chain` (a Tron USDT address).\n");
        return b.toString();
    }

    private static String counts(Map<String, Integer> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
