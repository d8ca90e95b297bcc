package org.oko.live;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.CurrentCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/live}: the protocol described at {@code issueLiveTicket} in openapi.yaml. The socket
 * authenticates itself with its first message (a one-time ticket or an access token), so nothing
 * secret is in the URL or in any log; then each {@code subscribe} is checked against the caller's
 * scope and answered with a snapshot and then deltas from {@link LiveHubWorker}.
 */
@Component
class LiveSocketHandler implements WebSocketHandler {

  static final int POLICY = CloseStatus.POLICY_VIOLATION.getCode();
  static final int TOO_BIG = CloseStatus.TOO_BIG_TO_PROCESS.getCode();

  private static final Logger log = LoggerFactory.getLogger(LiveSocketHandler.class);

  private final LiveTicketService tickets;
  private final ReactiveJwtDecoder tokens;
  private final LiveAccess access;
  private final LiveHubWorker hub;
  private final LiveMessageMapper messages;
  private final JsonMapper json;
  private final LiveProperties properties;
  private final LiveNotices notices;

  LiveSocketHandler(
      LiveTicketService tickets,
      ReactiveJwtDecoder tokens,
      LiveAccess access,
      LiveHubWorker hub,
      LiveMessageMapper messages,
      JsonMapper json,
      LiveProperties properties,
      LiveNotices notices) {
    this.tickets = tickets;
    this.tokens = tokens;
    this.access = access;
    this.hub = hub;
    this.messages = messages;
    this.json = json;
    this.properties = properties;
    this.notices = notices;
  }

  @Override
  public Mono<Void> handle(WebSocketSession socket) {
    LiveConnection connection =
        socket.getAttributes().get(LiveConnection.ATTRIBUTE) instanceof LiveConnection c
            ? c
            : LiveConnection.ALWAYS_WRITABLE;
    LiveSession<WebSocketMessage> session =
        new LiveSession<>(
            messages,
            bytes ->
                new WebSocketMessage(
                    WebSocketMessage.Type.TEXT, socket.bufferFactory().wrap(bytes)),
            connection);
    Disposable helloTimer =
        Mono.delay(properties.helloTimeout())
            .subscribe(
                t -> {
                  if (session.caller() == null) {
                    session.fail("unauthorized", "Не получено приветствие с билетом", POLICY);
                  }
                });
    Mono<Void> input =
        socket
            .receive()
            // Read each frame as it arrives: Netty releases its buffer once this returns, and a
            // frame waiting in concatMap (a subscribe sent right behind its hello) would be gone.
            .map(Frame::of)
            // Detached once handled: concatMap keeps its last inner subscription until the next
            // message, and with it the whole finished chain (for a subscribe, the campaign query's
            // statement, parsed SQL and row description) — 31 of the 53 KiB each idle socket held
            // (issue 24, docs/benchmarks.md "Live status": the heap histogram per client).
            .concatMap(message -> onMessage(session, message).onTerminateDetach(), 1)
            .onErrorResume(
                e -> {
                  if (isTooLong(e)) {
                    session.fail("too_large", tooLarge(), TOO_BIG);
                  } else {
                    log.debug("Live socket input failed: {}", e.toString());
                  }
                  return Mono.empty();
                })
            .then(Mono.fromRunnable(session::finish));
    Mono<Void> output =
        socket
            .send(session.outbound())
            .then(
                Mono.defer(
                    () ->
                        session.closeCode() == 0
                            ? socket.close()
                            : socket.close(new CloseStatus(session.closeCode()))));
    return Mono.when(input, output)
        .doFinally(
            signal -> {
              helloTimer.dispose();
              session.finish();
              hub.unsubscribe(session, session.scope());
              notices.unregister(session);
            });
  }

  /** A received frame, copied out of Netty's buffer; {@code text} is null for a binary frame. */
  private record Frame(String text, int bytes) {

    static Frame of(WebSocketMessage message) {
      int bytes = message.getPayload().readableByteCount();
      return new Frame(
          message.getType() == WebSocketMessage.Type.TEXT ? message.getPayloadAsText() : null,
          bytes);
    }
  }

  private Mono<Void> onMessage(LiveSession<WebSocketMessage> session, Frame message) {
    if (session.isClosing()) {
      return Mono.empty();
    }
    if (message.text() == null) {
      return fail(session, "bad_message", "Ожидается текстовое сообщение JSON");
    }
    if (message.bytes() > properties.maxMessageBytes()) {
      session.fail("too_large", tooLarge(), TOO_BIG);
      return Mono.empty();
    }
    JsonNode body;
    try {
      body = json.readTree(message.text());
    } catch (JacksonException e) {
      return fail(session, "bad_message", "Сообщение не является JSON");
    }
    if (body == null || !body.isObject() || !body.path("type").isString()) {
      return fail(session, "bad_message", "Сообщение должно быть объектом JSON с полем type");
    }
    String type = body.path("type").asString();
    if ("hello".equals(type)) {
      return hello(session, body);
    }
    if ("subscribe".equals(type)) {
      return subscribe(session, body);
    }
    return fail(session, "bad_message", "Неизвестный тип сообщения");
  }

  private Mono<Void> hello(LiveSession<WebSocketMessage> session, JsonNode body) {
    if (session.caller() != null) {
      return fail(session, "bad_message", "Приветствие уже получено");
    }
    Mono<Caller> caller;
    if (body.path("ticket").isString()) {
      caller = tickets.redeem(body.path("ticket").asString());
    } else if (body.path("token").isString()) {
      caller = tokens.decode(body.path("token").asString()).map(CurrentCaller::of);
    } else {
      caller = Mono.empty();
    }
    return caller
        .doOnNext(session::authenticated)
        .doOnNext(who -> notices.register(session))
        .onErrorResume(e -> Mono.empty()) // never log the ticket or token, nor why it failed
        .switchIfEmpty(
            Mono.fromRunnable(
                () ->
                    session.fail(
                        "unauthorized",
                        "Билет недействителен или истёк — получите новый и подключитесь заново",
                        POLICY)))
        .then();
  }

  private Mono<Void> subscribe(LiveSession<WebSocketMessage> session, JsonNode body) {
    Caller caller = session.caller();
    if (caller == null) {
      return fail(session, "unauthorized", "Сначала отправьте приветствие с билетом", POLICY);
    }
    JsonNode campaign = body.path("campaignId");
    JsonNode region = body.path("regionCode");
    JsonNode view = body.path("view");
    if (!campaign.isIntegralNumber() || !campaign.canConvertToLong()) {
      return fail(session, "bad_message", "Не указана кампания (campaignId)");
    }
    if (!region.isMissingNode()
        && !region.isNull()
        && !(region.isString() && region.asString().matches("[0-9]{2}"))) {
      return fail(session, "bad_message", "Код региона — две цифры");
    }
    String viewName = view.isMissingNode() || view.isNull() ? "progress" : view.asString("");
    if (!"progress".equals(viewName) && !"batches".equals(viewName)) {
      return fail(session, "bad_message", "view: progress или batches");
    }
    String regionCode = region.isString() ? region.asString() : null;
    return access
        .scope(caller, campaign.asLong(), regionCode, "batches".equals(viewName))
        .flatMap(
            scope -> {
              hub.unsubscribe(session, session.scope());
              session.subscribing(scope);
              return hub.subscribe(session, scope);
            })
        .onErrorResume(
            LiveAccess.ForbiddenScope.class,
            e -> {
              session.fail("forbidden", e.getMessage(), POLICY);
              return Mono.empty();
            })
        .onErrorResume(
            e -> {
              log.warn("Live subscription failed: {}", e.toString());
              session.fail("bad_message", "Не удалось подписаться, попробуйте позже", POLICY);
              return Mono.empty();
            });
  }

  private static Mono<Void> fail(LiveSession<?> session, String code, String message) {
    return fail(session, code, message, POLICY);
  }

  private static Mono<Void> fail(LiveSession<?> session, String code, String message, int close) {
    session.fail(code, message, close);
    return Mono.empty();
  }

  private String tooLarge() {
    return "Сообщение больше " + properties.maxMessageBytes() + " байт";
  }

  private static boolean isTooLong(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLongFrameException || t instanceof CorruptedWebSocketFrameException) {
        return true;
      }
    }
    return false;
  }
}
