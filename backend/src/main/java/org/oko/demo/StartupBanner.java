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
          Probes:            {}/actuator/health/readiness (status only)
          Health, metrics:   {}/actuator/health, /actuator/prometheus (management port)
          PostgreSQL:        {}
          Kafka:             {}
          Demo accounts (login / password — demo only):
        {}
          Demo regional system (client credentials): {} / {}
        ============================================================""",
        url,
        url,
        url,
        managementUrl(env),
        env.getProperty("oko.db.url"),
        env.getProperty("oko.kafka.bootstrap"),
        demoAccounts(env),
        DemoAccounts.API_CLIENT,
        DemoAccounts.API_CLIENT_SECRET);
  }

  /** Where the actuator's details and metrics are: their own port, on loopback by default. */
  private static String managementUrl(Environment env) {
    String address = env.getProperty("management.server.address", "localhost");
    String host = address.equals("0.0.0.0") ? "localhost" : address;
    return "http://" + host + ":" + env.getProperty("local.management.port", "?");
  }

  private static String demoAccounts(Environment env) {
    if (!env.getProperty("oko.demo-data", Boolean.class, false)) {
      return "            (demo data is off)";
    }
    return DemoAccounts.ACCOUNTS.stream()
        .map(
            a ->
                String.format(
                    "            %-14s / %-16s %s", a.login(), a.password(), a.description()))
        .reduce((x, y) -> x + "\n" + y)
        .orElse("");
  }
}
