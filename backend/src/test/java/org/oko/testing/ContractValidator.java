package org.oko.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Checks an HTTP response against {@code openapi.yaml}: that the spec declares its path, method and
 * status, its content type, and that the body matches the schema, with no undeclared fields. Every
 * API response an integration test receives passes through here, so the code cannot drift from the
 * contract.
 */
public final class ContractValidator {

  public static final ContractValidator INSTANCE =
      new ContractValidator(Path.of("..", "openapi.yaml"));

  private final OpenApiInteractionValidator validator;

  ContractValidator(Path spec) {
    try {
      String yaml = Files.readString(spec, StandardCharsets.UTF_8);
      validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
              // allOf merged into one schema: otherwise each part sees the other's fields as
              // undeclared (e.g. ScanSheetDetail = ScanSheet + history).
              .withResolveCombinators(true)
              .withLevelResolver(
                  LevelResolver.create()
                      // Undeclared fields are drift too.
                      .withLevel(
                          "validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                      .build())
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates an exchange of WebTestClient; responses outside {@code /api} are not in the spec. */
  public void validate(EntityExchangeResult<?> result) {
    String path = result.getUrl().getPath();
    if (!path.startsWith("/api/")
        && !path.startsWith("/oauth2/")
        && !path.startsWith("/.well-known/")) {
      return;
    }
    byte[] body = result.getResponseBodyContent();
    validate(
        result.getMethod().name(),
        path,
        result.getStatus().value(),
        result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
        body == null ? null : new String(body, StandardCharsets.UTF_8));
  }

  /**
   * @throws AssertionError naming every mismatch
   */
  public void validate(String method, String path, int status, String contentType, String body) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    ValidationReport report =
        validator.validateResponse(path, Request.Method.valueOf(method), response.build());
    if (report.hasErrors()) {
      throw new AssertionError(
          "Response of "
              + method
              + " "
              + path
              + " ("
              + status
              + ") breaks openapi.yaml:\n"
              + report.getMessages().stream()
                  .map(m -> "  - " + m.getMessage())
                  .reduce((a, b) -> a + "\n" + b)
                  .orElse("")
              + "\nBody: "
              + body);
    }
  }
}
