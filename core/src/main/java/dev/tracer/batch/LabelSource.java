package dev.tracer.batch;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.detect.KnownContracts;
import dev.tracer.label.LabelStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a batch run's labels come from. Its files are digested (SHA-256) into the manifest, so
 * two runs say whether they used the same labels. A label pack (bundled packs under
 * {@code fixtures/labels}) is another implementation of this interface.
 */
public interface LabelSource {

    /** The label store for a run. */
    LabelStore load(AssetRegistry registry);

    /** The files the labels are read from, by a stable name (not an absolute path), to digest. */
    SortedMap<String, Path> files();

    /**
     * The known contracts ({@link KnownContracts}: token contracts of the registry and the
     * bundled DEX routers) plus simple label CSVs (chain,address,entity,category,source,confidence),
     * as {@code tracer trace --labels} uses them. Files are named by their file name, prefixed
     * with their position when two share a name.
     */
    static LabelSource csv(List<Path> files) {
        List<Path> copy = List.copyOf(files);
        return new LabelSource() {
            @Override
            public LabelStore load(AssetRegistry registry) {
                LabelStore labels = KnownContracts.addTo(LabelStore.empty(), Objects.requireNonNull(registry, "registry"));
                for (Path f : copy) {
                    labels = labels.withCsv(f);
                }
                return labels;
            }

            @Override
            public SortedMap<String, Path> files() {
                SortedMap<String, Path> m = new TreeMap<>();
                for (int i = 0; i < copy.size(); i++) {
                    String name = copy.get(i).getFileName().toString();
                    m.put(m.containsKey(name) ? i + "-" + name : name, copy.get(i));
                }
                return m;
            }
        };
    }
}
