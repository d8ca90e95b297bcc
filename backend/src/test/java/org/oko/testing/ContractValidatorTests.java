package org.oko.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract check must catch drift, or every test that relies on it proves nothing. */
class ContractValidatorTests {

  private final ContractValidator contract = ContractValidator.INSTANCE;

  private static final String REGION =
      """
      {"code":"64","name":"Саратовская область","timeZone":"Europe/Saratov",
       "municipalityCount":4,"organizationCount":100}""";

  @Test
  void acceptsAResponseThatMatchesTheSpec() {
    assertThatCode(
            () -> contract.validate("GET", "/api/regions/64", 200, "application/json", REGION))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAMissingRequiredField() {
    String body = REGION.replace("\"timeZone\":\"Europe/Saratov\",", "");
    assertThatThrownBy(
            () -> contract.validate("GET", "/api/regions/64", 200, "application/json", body))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("timeZone");
  }

  @Test
  void rejectsAnUndeclaredField() {
    String body = REGION.replace("{", "{\"secret\":\"x\",");
    assertThatThrownBy(
            () -> contract.validate("GET", "/api/regions/64", 200, "application/json", body))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("secret");
  }

  @Test
  void rejectsAnUndeclaredStatus() {
    assertThatThrownBy(
            () -> contract.validate("GET", "/api/regions", 418, "application/json", "{}"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsAnErrorThatIsNotProblemJson() {
    assertThatThrownBy(
            () ->
                contract.validate(
                    "GET",
                    "/api/regions/99",
                    404,
                    "text/html",
                    "<html>Whitelabel Error Page</html>"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsAnUndeclaredPath() {
    assertThatThrownBy(
            () -> contract.validate("GET", "/api/nowhere", 200, "application/json", "{}"))
        .isInstanceOf(AssertionError.class);
  }
}
