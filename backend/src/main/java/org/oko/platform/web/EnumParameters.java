package org.oko.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Query and path parameters typed by one of the contract's enums are read by the contract's value,
 * which is what the generated enums print ({@code toString}), not by the Java constant's name: a
 * value such as {@code xlsx} becomes {@code XLSX}. Anything else fails the conversion, which {@link
 * ProblemHandler} answers with a 400 listing the allowed values — one rule for every enum
 * parameter, instead of a hand-written check per controller.
 */
@Configuration(proxyBeanMethods = false)
class EnumParameters implements WebFluxConfigurer {

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverterFactory(new ByContractValue());
  }

  @SuppressWarnings("rawtypes")
  private static final class ByContractValue implements ConverterFactory<String, Enum> {
    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
      return source -> {
        String value = source.trim();
        if (value.isEmpty()) {
          return null; // an empty parameter is an absent one, as with Spring's own converter
        }
        for (T constant : type.getEnumConstants()) {
          if (constant.toString().equals(value)) {
            return constant;
          }
        }
        throw new IllegalArgumentException("«" + value + "» is not a value of " + type.getName());
      };
    }
  }
}
