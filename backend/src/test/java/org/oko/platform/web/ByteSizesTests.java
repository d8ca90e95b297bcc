package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizesTests {

  @Test
  void aFewBytesAreCountedInBytesWithTheRightWordForm() {
    assertThat(ByteSizes.text(0)).isEqualTo("0 байт");
    assertThat(ByteSizes.text(1)).isEqualTo("1 байт");
    assertThat(ByteSizes.text(3)).isEqualTo("3 байта");
    assertThat(ByteSizes.text(10)).isEqualTo("10 байт");
    assertThat(ByteSizes.text(12)).isEqualTo("12 байт");
    assertThat(ByteSizes.text(22)).isEqualTo("22 байта");
    assertThat(ByteSizes.text(1023)).isEqualTo("1023 байта");
  }

  @Test
  void largerSizesUseTheLargestUnitWithAtMostOneDecimal() {
    assertThat(ByteSizes.text(1024)).isEqualTo("1 КБ");
    assertThat(ByteSizes.text(256 * 1024)).isEqualTo("256 КБ");
    assertThat(ByteSizes.text(1536 * 1024)).isEqualTo("1,5 МБ");
    assertThat(ByteSizes.text(100L << 20)).isEqualTo("100 МБ");
    assertThat(ByteSizes.text(2L << 30)).isEqualTo("2 ГБ");
  }
}
