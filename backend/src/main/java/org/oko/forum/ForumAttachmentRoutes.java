package org.oko.forum;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.oko.api.model.ForumAttachment;
import org.oko.platform.security.CurrentCaller;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.RouteProblems;
import org.oko.platform.web.UploadBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /api/forum/attachments} (tag {@code uploads}): the body streams to disk. */
@Configuration(proxyBeanMethods = false)
class ForumAttachmentRoutes {

  private final ForumFileService files;

  ForumAttachmentRoutes(ForumFileService files) {
    this.files = files;
  }

  @Bean
  RouterFunction<ServerResponse> forumUploads() {
    return route(POST("/api/forum/attachments"), this::upload).filter(RouteProblems.filter());
  }

  Mono<ServerResponse> upload(ServerRequest request) {
    return Mono.defer(
            () -> {
              String fileName = fileName(request.queryParam("fileName").orElse(null));
              return CurrentCaller.get()
                  .flatMap(caller -> files.upload(caller, fileName, UploadBody.of(request)));
            })
        .flatMap(
            kept ->
                ServerResponse.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(new ForumAttachment(kept.id(), kept.fileName(), kept.size())));
  }

  /** The last part of the name only, without characters no file system accepts; 400 if none. */
  static String fileName(String name) {
    String base = name == null ? "" : name;
    base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
    base = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").strip();
    if (base.isEmpty() || base.equals(".") || base.equals("..")) {
      throw new InvalidRequestException("fileName", "Укажите имя файла");
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }
}
