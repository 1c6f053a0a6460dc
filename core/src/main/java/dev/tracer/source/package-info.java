/**
 * The lookup port and what it returns: a {@link dev.tracer.source.Dataset} (a transfer graph
 * plus the coverage that says where its data is complete), how a dataset describes itself on
 * disk ({@code dataset.json}), the source exceptions, and the plumbing the file readers share:
 * CSV rows, JSON files and their one-line errors, and file digests.
 * Fixtures, user exports and (later) live nodes all end up here, through the same readers.
 */
package dev.tracer.source;
