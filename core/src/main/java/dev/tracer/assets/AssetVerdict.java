package dev.tracer.assets;

import dev.tracer.model.Asset;
import java.util.Objects;
import java.util.Optional;

/**
 * What an asset is, for tracing: genuine (carries value), an imitation of a genuine asset (a fake
 * token used for address poisoning: carries no value), or an unverified token (not in the
 * registry and imitating nothing: not traced unless asked for).
 *
 * @param imitates the genuine asset whose symbol it imitates, for {@link Kind#IMITATION}
 * @param reason   one line an investigator can read
 */
public record AssetVerdict(Asset asset, Kind kind, Optional<Asset> imitates, String reason) {

    /** The three kinds of asset. */
    public enum Kind { GENUINE, IMITATION, UNVERIFIED }

    public AssetVerdict {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(imitates, "imitates");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean carriesValue() {
        return kind == Kind.GENUINE;
    }
}
