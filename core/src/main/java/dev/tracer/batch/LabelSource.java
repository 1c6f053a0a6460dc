package dev.tracer.batch;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.detect.KnownContracts;
import dev.tracer.label.LabelPack;
import dev.tracer.label.LabelPacks;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Chain;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a batch run's labels come from. Its files are digested (SHA-256) into the manifest, so
 * two runs say whether they used the same labels. The built-in lists (known tokens, DEX routers)
 * are covered by the tool's version.
 */
public interface LabelSource {

    /** The label store for the incidents of one chain. */
    LabelStore load(AssetRegistry registry, Chain chain);

    /** The files the labels are read from, by a stable name (not an absolute path), to digest. */
    SortedMap<String, Path> files();

    /**
     * The known contracts ({@link KnownContracts}: token contracts of the registry and the
     * bundled DEX routers) plus simple label CSVs, as {@code tracer trace --no-bundled-labels
     * --labels …} uses them. Files are named by their file name, prefixed with their position
     * when two share a name.
     */
    static LabelSource csv(List<Path> files) {
        return of(null, files);
    }

    /**
     * The bundled label packs of {@code fixtures/labels} (the chain's labels only), the known
     * contracts and simple label CSVs, as {@code tracer trace --labels …} uses them. The packs'
     * index and files are digested as {@code packs/INDEX} and {@code packs/FILE}.
     */
    static LabelSource bundled(Path fixtures, List<Path> files) {
        return of(Objects.requireNonNull(fixtures, "fixtures"), files);
    }

    private static LabelSource of(Path fixtures, List<Path> files) {
        List<Path> copy = List.copyOf(files);
        return new LabelSource() {
            @Override
            public LabelStore load(AssetRegistry registry, Chain chain) {
                LabelStore packs = fixtures == null ? LabelStore.empty() : LabelStore.bundled(fixtures, chain);
                LabelStore labels = KnownContracts.addTo(packs, Objects.requireNonNull(registry, "registry"));
                for (Path f : copy) {
                    labels = labels.withCsv(f);
                }
                return labels;
            }

            @Override
            public SortedMap<String, Path> files() {
                SortedMap<String, Path> m = new TreeMap<>();
                if (fixtures != null) {
                    Path dir = fixtures.resolve(LabelPacks.DIRECTORY);
                    m.put("packs/" + LabelPacks.INDEX, dir.resolve(LabelPacks.INDEX));
                    for (LabelPack p : LabelPacks.read(dir).packs()) {
                        m.put("packs/" + p.file(), dir.resolve(p.file()));
                    }
                }
                for (int i = 0; i < copy.size(); i++) {
                    String name = copy.get(i).getFileName().toString();
                    m.put(m.containsKey(name) ? i + "-" + name : name, copy.get(i));
                }
                return m;
            }
        };
    }
}
