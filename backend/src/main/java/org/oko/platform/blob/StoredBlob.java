package org.oko.platform.blob;

/**
 * A file kept by the {@link BlobStore}.
 *
 * @param key where the store keeps it; opaque to callers
 * @param size bytes
 * @param sha256 hex digest of the content, also its strong ETag
 */
public record StoredBlob(String key, long size, String sha256) {}
