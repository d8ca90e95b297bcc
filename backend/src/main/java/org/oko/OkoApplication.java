package org.oko;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OkoApplication {

  public static void main(String[] args) {
    try {
      SpringApplication.run(OkoApplication.class, args);
    } catch (RuntimeException e) {
      // The embedded broker's threads would keep a failed start alive; exit, which also stops
      // the embedded servers through the shutdown handlers.
      System.exit(1);
    }
  }
}
