/**
 * The catalogue of documented thefts: one {@code incident.json} per incident under
 * {@code fixtures/incidents/ID/}, with its seeds, attribution and public sources, and (where
 * bundled) a dataset directory in the ethereum-etl schema written by the project's import code.
 */
package dev.tracer.incident;
