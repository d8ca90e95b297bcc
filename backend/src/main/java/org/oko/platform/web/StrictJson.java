package org.oko.platform.web;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How JSON request bodies are read: exactly as the contract types them. A number or a boolean is
 * not a string ({@code "title": 123} is refused, not stored as "123"), a string is not a number, a
 * fraction is not an integer, a number is not an enum; and no string carries a control character
 * other than tab and line breaks ({@link ControlCharacters}). A violation is a 400 naming the field
 * ({@link ProblemHandler}).
 *
 * <p>Only the HTTP decoder is strict: the application's own mapper (stored JSON, events) keeps the
 * defaults, since what it reads was checked on the way in.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  /** After Spring Boot's codec customizer (order 0), so that this decoder replaces its one. */
  @Bean
  @Order(1)
  CodecCustomizer strictJsonDecoder(JsonMapper jsonMapper) {
    JsonMapper strict = strict(jsonMapper.rebuild()).build();
    return configurer ->
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
  }

  static JsonMapper.Builder strict(JsonMapper.Builder builder) {
    SimpleModule checkedStrings = new SimpleModule("oko-checked-strings");
    checkedStrings.addDeserializer(String.class, new CheckedString());
    checkedStrings.addKeyDeserializer(String.class, new CheckedKey());
    return builder
        .addModule(checkedStrings)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Boolean,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
  }

  /** A string value that has a control character; its message is the Russian reason. */
  static final class ControlCharacterException extends InvalidFormatException {
    ControlCharacterException(JsonParser parser, String value, int index) {
      super(parser, ControlCharacters.message(value, index), value, String.class);
    }
  }

  /**
   * Strings as the stock deserializer reads them (including its refusal, configured above, of
   * numbers and booleans), then checked for control characters.
   */
  private static final class CheckedString extends ValueDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String value = StringDeserializer.instance.deserialize(p, ctxt);
      if (value != null && p.hasToken(JsonToken.VALUE_STRING)) {
        int at = ControlCharacters.firstInText(value);
        if (at >= 0) {
          throw new ControlCharacterException(p, value, at);
        }
      }
      return value;
    }

    @Override
    public Class<?> handledType() {
      return String.class;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
      return "";
    }
  }

  /** Keys of maps (a form's sheet and column keys) never span lines. */
  private static final class CheckedKey extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
      int at = ControlCharacters.firstInLine(key);
      if (at >= 0) {
        throw new ControlCharacterException(ctxt.getParser(), key, at);
      }
      return key;
    }
  }
}
