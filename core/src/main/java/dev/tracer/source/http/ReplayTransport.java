package dev.tracer.source.http;

import dev.tracer.source.SourceException;
import java.util.Objects;

/**
 * Answers from a {@link Recording} and never touches the network. A call the recording lacks is
 * {@link SourceException.Unavailable}, naming the call and the recording.
 */
public final class ReplayTransport implements HttpTransport {
    private final Recording recording;
    private final String name;

    /** @param name how to name the recording in errors (its file) */
    public ReplayTransport(Recording recording, String name) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public HttpReply send(HttpCall call) {
        return recording.reply(call).orElseThrow(() -> new SourceException.Unavailable(
                "recording " + name + " has no response for " + abbreviate(call.key()), null));
    }

    private static String abbreviate(String key) {
        return key.length() <= 300 ? key : key.substring(0, 300) + "…";
    }
}
