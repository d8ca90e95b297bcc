package org.oko.platform.web.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code /ws/live} client on a plain socket, so that "not reading" means exactly that: nothing
 * reads the socket, no library buffers frames behind our back, and the receive window is as small
 * as the kernel allows. It reads only when told to: the handshake and the snapshot, then, at the
 * end of the benchmark, until it has caught up.
 */
final class RawLiveSocket implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private long framesRead;

  private RawLiveSocket(Socket socket) throws IOException {
    this.socket = socket;
    // Buffered only while we choose to read; what is buffered is never lost to a later read.
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 512));
    this.out = socket.getOutputStream();
  }

  /** Connects with a receive buffer of {@code receiveBuffer} bytes and upgrades to WebSocket. */
  static RawLiveSocket open(InetSocketAddress server, int receiveBuffer) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBuffer); // before connect: it sets the window scale
    socket.setSoTimeout(30_000);
    socket.connect(server, 10_000);
    RawLiveSocket live = new RawLiveSocket(socket);
    live.handshake(server);
    return live;
  }

  private void handshake(InetSocketAddress server) throws IOException {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String request =
        "GET /ws/live HTTP/1.1\r\n"
            + "Host: "
            + server.getHostString()
            + ":"
            + server.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String head = readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("no WebSocket upgrade: " + head.lines().findFirst().orElse(""));
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("closed during the handshake");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Sends one text message, masked as every client frame must be. */
  void send(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write(0x81); // FIN, text
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length);
    } else {
      throw new IllegalArgumentException("message too long for this client");
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i & 3]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /** The next text message as JSON; fails on a close frame. */
  JsonNode next() throws IOException {
    while (true) {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[Math.toIntExact(length)];
      in.readFully(payload);
      int opcode = first & 0x0f;
      if (opcode == 0x8) {
        int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 0;
        throw new EOFException("closed by the server with " + code);
      }
      if (opcode == 0x1) {
        framesRead++;
        return JSON.readTree(payload);
      }
      // pings and pongs are not used by the server; anything else is skipped
    }
  }

  /** Reads until a message of {@code type}; returns it. */
  JsonNode nextOf(String type) throws IOException {
    while (true) {
      JsonNode message = next();
      String got = message.path("type").asString();
      if (type.equals(got)) {
        return message;
      }
      if ("error".equals(got)) {
        throw new IOException("error from the server: " + message);
      }
    }
  }

  /**
   * Reads on until a snapshot or delta shows at least {@code uploaded} sheets in total, for at most
   * {@code timeoutMillis}; true if it got there.
   */
  boolean catchUp(long uploaded, long timeoutMillis) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
      JsonNode message;
      try {
        message = next();
      } catch (SocketTimeoutException e) {
        return false;
      }
      if (message.path("totals").path("uploaded").asLong(-1) >= uploaded) {
        return true;
      }
    }
    return false;
  }

  long framesRead() {
    return framesRead;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
