/**
 * Who an address belongs to: {@link dev.tracer.label.Category}, {@link dev.tracer.label.Label}
 * and the {@link dev.tracer.label.LabelStore}, which keeps conflicting labels side by side with
 * their sources. The tracer stops at addresses in stop categories (exchanges, bridges, mixers by
 * default) and reports them as endpoints.
 */
package dev.tracer.label;
