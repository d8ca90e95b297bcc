package org.oko.publications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code oko.publications.*}.
 *
 * @param maxAttachmentSize the largest single file that may be attached
 * @param maxArchiveSize the largest per-organization zip that may be uploaded (its unpacked size is
 *     limited separately, see {@link ArchiveRouter})
 */
@ConfigurationProperties("oko.publications")
record PublicationsProperties(
    @DefaultValue("200MB") DataSize maxAttachmentSize,
    @DefaultValue("2GB") DataSize maxArchiveSize) {}
