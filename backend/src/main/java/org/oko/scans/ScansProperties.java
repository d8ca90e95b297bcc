package org.oko.scans;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code oko.scans.*}: the limits of an upload.
 *
 * @param maxBatchSize the largest batch (one file or a zip) that may be declared
 * @param maxSheetSize the largest single sheet: a file inside a zip (counted as it really unpacks)
 *     or a replacement
 * @param maxEntries the most entries a zip may hold
 * @param maxCompressionRatio the most an entry may unpack relative to its packed size (judged past
 *     1 MiB, so that a small file of repetitive content is no bomb)
 */
@ConfigurationProperties("oko.scans")
record ScansProperties(
    @DefaultValue("2GB") DataSize maxBatchSize,
    @DefaultValue("100MB") DataSize maxSheetSize,
    @DefaultValue("20000") int maxEntries,
    @DefaultValue("100") int maxCompressionRatio) {}
