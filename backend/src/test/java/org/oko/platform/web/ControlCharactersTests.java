package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTests {

  @Test
  void freeTextKeepsTabsAndLineBreaksButNoOtherControlCharacter() {
    assertThat(ControlCharacters.firstInText("строка\tи\r\nещё строка")).isEqualTo(-1);
    assertThat(ControlCharacters.firstInText("x\u0000y")).isEqualTo(1);
    assertThat(ControlCharacters.firstInText("звонок\u0007")).isEqualTo(6);
  }

  @Test
  void aValueOnOneLineHasNoControlCharacterAtAll() {
    assertThat(ControlCharacters.firstInLine("edu640001")).isEqualTo(-1);
    assertThat(ControlCharacters.firstInLine("a\tb")).isEqualTo(1);
    assertThat(ControlCharacters.firstInLine("a\nb")).isEqualTo(1);
  }

  @Test
  void theReasonNamesTheCharacterAndWhereItIs() {
    assertThat(ControlCharacters.message("x\u0000y", 1))
        .isEqualTo("недопустимый управляющий символ U+0000 (позиция 2): уберите его и повторите");
  }
}
