/**
 * Who an address belongs to: {@link dev.tracer.label.Category}, {@link dev.tracer.label.Label}
 * and the {@link dev.tracer.label.LabelStore}, which keeps conflicting labels side by side with
 * their sources, best first. Labels are stored in the project's own CSV format
 * ({@link dev.tracer.label.LabelCsv}); the bundled packs under {@code fixtures/labels/}, each
 * imported from one third-party source by {@link dev.tracer.label.io.LabelImporter}, are listed
 * in {@code packs.json} ({@link dev.tracer.label.LabelPacks}). The tracer stops at addresses whose
 * best label is in a stop category (exchanges, bridges, mixers by default) and reports them as
 * endpoints.
 */
package dev.tracer.label;
