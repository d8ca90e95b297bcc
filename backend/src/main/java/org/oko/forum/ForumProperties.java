package org.oko.forum;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The forum's limits.
 *
 * @param postsPerWindow questions and answers one account may post within {@code postWindow}
 * @param postWindow the window of the posting quota
 * @param maxAttachmentSize the largest attachment
 */
@ConfigurationProperties("oko.forum")
record ForumProperties(
    @DefaultValue("20") int postsPerWindow,
    @DefaultValue("10m") Duration postWindow,
    @DefaultValue("10MB") DataSize maxAttachmentSize) {}
