package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Where absolute links get their host: configuration, in a fixed order; never a request. */
class PublicUrlTests {

  @Test
  void theConfiguredPublicUrlComesFirstWithoutItsTrailingSlash() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("oko.public-url", "https://oko.example.ru/")
            .withProperty("oko.security.issuer", "https://id.example.ru")
            .withProperty("local.server.port", "8443");
    assertThat(new PublicUrl(env).resolve("/q")).isEqualTo("https://oko.example.ru/q");
  }

  @Test
  void withoutItTheIssuerIsThePublicBaseUrl() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("oko.public-url", " ")
            .withProperty("oko.security.issuer", "https://oko.region64.ru")
            .withProperty("local.server.port", "8443");
    assertThat(new PublicUrl(env).resolve("q")).isEqualTo("https://oko.region64.ru/q");
  }

  @Test
  void withNeitherTheLinkPointsAtThisInstancesActualPort() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("server.port", "0")
            .withProperty("local.server.port", "41234");
    assertThat(new PublicUrl(env).base()).isEqualTo("http://localhost:41234");
  }
}
