package org.oko.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code oko.sample.*}: the largest workbook accepted as an upload (preliminary list, form). */
@ConfigurationProperties("oko.sample")
record SampleProperties(@DefaultValue("20MB") DataSize maxUploadSize) {}
