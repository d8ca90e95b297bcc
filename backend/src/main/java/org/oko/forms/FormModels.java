package org.oko.forms;

import java.util.List;
import java.util.Map;
import org.oko.api.model.FormSheet;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of forms: the API's sheets to the definition model and back (they share one shape), and
 * the stored schema and content documents.
 */
@Component
class FormModels {

  private static final TypeReference<List<FormSheet>> SHEETS = new TypeReference<>() {};

  private final JsonMapper json;

  FormModels(JsonMapper json) {
    this.json = json;
  }

  FormSchema schemaOf(List<FormSheet> sheets) {
    return json.convertValue(Map.of("sheets", sheets), FormSchema.class);
  }

  List<FormSheet> sheetsOf(FormSchema schema) {
    return json.convertValue(schema.sheets(), SHEETS);
  }

  FormSchema readSchema(String text) {
    return json.readValue(text, FormSchema.class);
  }

  FormValidation.Content readContent(String text) {
    return json.readValue(text, FormValidation.Content.class);
  }

  String write(Object value) {
    return json.writeValueAsString(value);
  }
}
