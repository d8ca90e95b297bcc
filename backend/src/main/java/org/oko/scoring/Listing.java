package org.oko.scoring;

import java.util.List;

/** One page of a list and how many items the whole list has. */
record Listing<T>(List<T> items, long total) {}
