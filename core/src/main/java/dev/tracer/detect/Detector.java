package dev.tracer.detect;

import dev.tracer.model.Flag;
import java.util.List;

/** One laundering technique: reads a trace and its data, returns flags with evidence. */
public interface Detector {

    /** Short name shown with its flags. */
    String name();

    List<Flag> detect(DetectionContext context);
}
