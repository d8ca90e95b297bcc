package org.oko.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;

/** Failures no controller handled itself. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlerTests {

  private static MockServerWebExchange download() {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get("/api/publications/1/attachments/1/content"));
  }

  @Test
  void aDownloadTheClientLeftIsNeitherAnsweredNorLoggedAsAnError(CapturedOutput output) {
    MockServerWebExchange exchange = download();
    exchange.getResponse().setComplete().block(); // the file was already on its way

    StepVerifier.create(ProblemHandler.unexpected(new IOException("Broken pipe"), exchange))
        .verifyComplete();
    StepVerifier.create(ProblemHandler.unexpected(new ClosedChannelException(), exchange))
        .verifyComplete();

    assertThat(output).doesNotContain("ERROR").doesNotContain("WARN");
  }

  @Test
  void aFailureBeforeTheResponseStartedIsA500Problem(CapturedOutput output) {
    StepVerifier.create(ProblemHandler.unexpected(new IllegalStateException("bug"), download()))
        .assertNext(
            response -> {
              assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
              assertThat(response.getBody().getDetail()).startsWith("Внутренняя ошибка сервера");
            })
        .verifyComplete();
    assertThat(output).contains("Unhandled error");
  }
}
