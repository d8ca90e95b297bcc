package org.oko.platform.web;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Validation messages in Russian whatever the server's locale: they reach the user as they are
 * (e.g. «должно быть не больше 100»).
 */
@Configuration(proxyBeanMethods = false)
class RussianValidationMessages {

  static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  @Bean
  static LocalValidatorFactoryBean defaultValidator() {
    var validator = new LocalValidatorFactoryBean();
    validator.setMessageInterpolator(new FixedLocale(new ResourceBundleMessageInterpolator()));
    return validator;
  }

  private record FixedLocale(MessageInterpolator delegate) implements MessageInterpolator {
    @Override
    public String interpolate(String template, Context context) {
      return delegate.interpolate(template, context, RUSSIAN);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
      return delegate.interpolate(template, context, RUSSIAN);
    }
  }
}
