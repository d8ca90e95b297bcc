package org.oko.forms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxUploadSize the largest filled template accepted; a 200,000-row results protocol is
 *     about 8 MB
 */
@ConfigurationProperties("oko.forms")
record FormsProperties(@DefaultValue("50MB") DataSize maxUploadSize) {}
