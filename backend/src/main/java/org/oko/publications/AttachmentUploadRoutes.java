package org.oko.publications;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.api.model.Attachment;
import org.oko.api.model.AttachmentKind;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.PathVariables;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UnsupportedTypeException;
import org.oko.platform.web.UploadBody;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The two uploads of a draft's files (tag {@code uploads}) as functional routes, so that the body
 * streams: the request's path and query read and checked here, the upload itself {@link
 * AttachmentUploadService}'s, the attachment answered in the contract's type.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationsProperties.class)
class AttachmentUploadRoutes {

  private static final int MAX_TITLE = 200;

  private final AttachmentUploadService uploads;

  AttachmentUploadRoutes(AttachmentUploadService uploads) {
    this.uploads = uploads;
  }

  @Bean
  RouterFunction<ServerResponse> publicationUploads() {
    return route(POST("/api/publications/{publicationId}/attachments"), this::uploadAttachment)
        .andRoute(
            POST("/api/publications/{publicationId}/attachments/per-organization"),
            this::uploadPerOrganizationArchive)
        .filter(RouteProblems.filter());
  }

  Mono<ServerResponse> uploadAttachment(ServerRequest request) {
    return Mono.defer(
            () -> {
              var upload = fileUpload(request);
              return CurrentCaller.withRole(PublicationAccess.AUTHORS)
                  .flatMap(caller -> uploads.upload(caller, upload, UploadBody.of(request)));
            })
        .flatMap(AttachmentUploadRoutes::created);
  }

  Mono<ServerResponse> uploadPerOrganizationArchive(ServerRequest request) {
    return Mono.defer(
            () -> {
              var upload = archiveUpload(request);
              return CurrentCaller.withRole(PublicationAccess.AUTHORS)
                  .flatMap(caller -> uploads.uploadArchive(caller, upload, UploadBody.of(request)));
            })
        .flatMap(AttachmentUploadRoutes::created);
  }

  private static AttachmentUploadService.FileUpload fileUpload(ServerRequest request) {
    long publicationId = publicationId(request);
    MaterialKind kind = kind(request);
    String fileName = FileNames.sanitized(request.queryParam("fileName").orElse(null), "fileName");
    FileType type =
        FileType.byName(fileName)
            .orElseThrow(() -> new UnsupportedTypeException(FileType.forbidden(fileName)));
    return new AttachmentUploadService.FileUpload(publicationId, kind, fileName, type);
  }

  private static AttachmentUploadService.ArchiveUpload archiveUpload(ServerRequest request) {
    long publicationId = publicationId(request);
    MaterialKind kind = kind(request);
    String title =
        request
            .queryParam("title")
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .orElse(kind.title());
    if (title.length() > MAX_TITLE) {
      throw new InvalidRequestException("title", "Название длиннее 200 символов");
    }
    return new AttachmentUploadService.ArchiveUpload(publicationId, kind, title);
  }

  private static Mono<ServerResponse> created(AttachmentItem attachment) {
    Attachment body = PublicationMapper.attachment(attachment);
    return ServerResponse.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body);
  }

  private static long publicationId(ServerRequest request) {
    return PathVariables.id(request, "publicationId", "Неверный номер публикации");
  }

  private static MaterialKind kind(ServerRequest request) {
    String value =
        request
            .queryParam("kind")
            .orElseThrow(() -> new InvalidRequestException("kind", "Укажите вид материала (kind)"));
    try {
      return PublicationMapper.kind(AttachmentKind.fromValue(value));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("kind", "Неизвестный вид материала «" + value + "»");
    }
  }
}
