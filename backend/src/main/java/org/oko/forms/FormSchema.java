package org.oko.forms;

import java.util.List;

/** The sheets of a form: what is stored in {@code form_definition.schema}. */
public record FormSchema(List<SheetSpec> sheets) {

  public SheetSpec sheet(String key) {
    return sheets.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
  }
}
