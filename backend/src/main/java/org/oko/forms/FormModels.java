package org.oko.forms;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of forms: the stored schema and content documents. */
@Component
class FormModels {

  private final JsonMapper json;

  FormModels(JsonMapper json) {
    this.json = json;
  }

  FormSchema readSchema(String text) {
    return json.readValue(text, FormSchema.class);
  }

  FormValidation.Content readContent(String text) {
    return json.readValue(text, FormValidation.Content.class);
  }

  /** One row's cells (column key → value), as {@link ResponseContentStore} stores them. */
  java.util.Map<String, String> readRow(String text) {
    return json.readValue(text, ROW);
  }

  private static final tools.jackson.core.type.TypeReference<
          java.util.LinkedHashMap<String, String>>
      ROW = new tools.jackson.core.type.TypeReference<>() {};

  String write(Object value) {
    return json.writeValueAsString(value);
  }
}
