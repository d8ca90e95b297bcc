package org.oko.platform.blob;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code oko.blobs.*}: where the local blob store keeps its files. */
@ConfigurationProperties("oko.blobs")
record BlobProperties(Path dir) {}
