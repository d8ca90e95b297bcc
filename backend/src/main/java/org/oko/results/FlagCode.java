package org.oko.results;

/** The signs of doubtful objectivity (docs/results.md says where each comes from). */
enum FlagCode {
  HIGH_RESULTS,
  BOUNDARY_SPIKES,
  TASK_DIFFICULTY,
  IDENTICAL_VECTORS,
  JOURNAL_MISMATCH,
  REPEATED
}
