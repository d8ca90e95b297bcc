package org.oko.publications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.oko.identity.IdentityAdmin;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.Role;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An API test that can also sign in as any demo school, not only the two with demo accounts. */
abstract class PublicationsTest extends ApiTest {

  @Autowired DatabaseClient db;
  @Autowired IdentityAdmin identity;
  @Autowired OrganizationDirectory organizations;

  @Value("${oko.blobs.dir}")
  Path blobDir;

  /** Signed in as this organization; its account is made on first use. */
  WebTestClient school(String login) {
    if (DEMO_PASSWORDS.containsKey(login)) {
      return as(login);
    }
    String password = login + "-test-password";
    OrganizationRef org = organization(login);
    identity
        .setAccount(
            login,
            org.name(),
            Role.ORGANIZATION,
            org.regionCode(),
            org.municipalityId(),
            org.id(),
            password)
        .block();
    Map<String, Object> tokens = passwordGrant(login, password);
    return withToken((String) tokens.get("access_token"));
  }

  OrganizationRef organization(String login) {
    return organizations.byLogin(login).block();
  }

  /** How many attachments the publication has, as its author sees it. */
  int attachmentCount(long publicationId) {
    return client
        .get()
        .uri("/api/publications/{id}", publicationId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(org.oko.api.model.Publication.class)
        .returnResult()
        .getResponseBody()
        .getAttachments()
        .size();
  }

  /** Blobs and rows of files of the publication, straight from the database. */
  long storedFiles(long publicationId) {
    return db.sql(
            "select (select count(*) from attachment where publication_id = :id)"
                + " + (select count(*) from attachment_file f join attachment a"
                + " on a.id = f.attachment_id where a.publication_id = :id) as n")
        .bind("id", publicationId)
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }

  /** Every file in the blob store, kept or temporary. */
  long blobFiles() {
    try (var files = Files.walk(blobDir)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many events of this topic the publication (their key) has put into the outbox. */
  long events(String topic, long publicationId) {
    return db.sql("select count(*) as n from outbox where topic = :topic and event_key = :key")
        .bind("topic", topic)
        .bind("key", String.valueOf(publicationId))
        .map(r -> r.get("n", Long.class))
        .one()
        .block();
  }
}
