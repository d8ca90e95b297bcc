package org.oko.roadmaps;

import java.time.Instant;
import org.oko.campaigns.Stage;

/** One deadline of a region's roadmap, inside the federal window of {@code stage}. */
record RoadmapItem(Stage stage, String title, Instant dueAt) {}
