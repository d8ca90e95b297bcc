package org.oko.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started OKO where to open it, what it runs on and what to try. */
@Component
class StartupBanner {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    Environment env = event.getApplicationContext().getEnvironment();
    String url = "http://localhost:" + web.getWebServer().getPort();
    log.info(
        """

        ============================================================
          ОКО is running:    {}
          Swagger UI:        {}/swagger-ui.html
          Health:            {}/actuator/health
          PostgreSQL:        {}
          Kafka:             {}
          Demo organizations (logins): edu640001 (school, Саратовская обл.),
            spo020001 (college, Башкортостан), ppo250001 (assessment point, Приморский край)
          Demo accounts: none yet — sign-in arrives with identity (issue 3);
            the organization browser is open to everyone until then.
        ============================================================""",
        url,
        url,
        url,
        env.getProperty("oko.db.url"),
        env.getProperty("oko.kafka.bootstrap"));
  }
}
