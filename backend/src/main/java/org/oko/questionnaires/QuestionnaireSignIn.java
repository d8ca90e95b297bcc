package org.oko.questionnaires;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.oko.identity.ParticipantCredentials;
import org.oko.kits.KitCredential;
import org.oko.kits.KitCredentialDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Participants' sign-in with the questionnaire credentials of their kit (the token endpoint asks
 * here when no account has the login). The credential works from the conduct stage until the
 * questionnaire stage closes, unless protocol 2 marked its kit spoiled or not used.
 */
@Component
class QuestionnaireSignIn implements ParticipantCredentials {

  private final KitCredentialDirectory credentials;
  private final QuestionnaireWindow window;
  private final OrganizationDirectory organizations;

  QuestionnaireSignIn(
      KitCredentialDirectory credentials,
      QuestionnaireWindow window,
      OrganizationDirectory organizations) {
    this.credentials = credentials;
    this.window = window;
    this.organizations = organizations;
  }

  @Override
  public Mono<Check> check(String login, String password) {
    return credentials
        .byLogin(login)
        .filter(c -> matches(c.password(), password))
        .flatMap(
            c ->
                window
                    .refusal(c)
                    .flatMap(
                        refusal ->
                            refusal.isPresent()
                                ? Mono.just(Check.refused(refusal.get()))
                                : caller(c).map(Check::accepted)));
  }

  private Mono<Caller> caller(KitCredential c) {
    return organizations
        .byId(c.organizationId())
        // a college or a state school has no municipality
        .map(point -> Optional.ofNullable(point.municipalityId()))
        .defaultIfEmpty(Optional.empty())
        .map(
            municipality ->
                new Caller(
                    c.login(),
                    "Участник " + c.login(),
                    Role.PARTICIPANT,
                    c.regionCode(),
                    municipality.orElse(null),
                    c.organizationId()));
  }

  /** Compares in constant time, so that the time taken says nothing about the digits. */
  static boolean matches(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
