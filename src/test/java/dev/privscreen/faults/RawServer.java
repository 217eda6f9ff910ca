package dev.privscreen.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on a loopback address that answers every request with a script of raw bytes,
 * for the faults a polite server never makes: a body that trickles in a byte a second (with a
 * Content-Length, chunked, or delimited by the close), headers that never come. It records each
 * request's head, so a test can see which headers reached it.
 */
final class RawServer implements AutoCloseable {
  /** What to do with one connection once its request head has been read. */
  @FunctionalInterface
  interface Script {
    void play(OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  final List<String> heads = new CopyOnWriteArrayList<>();

  RawServer(String address, Script script) throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
    pool.submit(
        () -> {
          while (!socket.isClosed()) {
            Socket s;
            try {
              s = socket.accept();
            } catch (IOException e) {
              return;
            }
            open.add(s);
            pool.submit(() -> serve(s, script));
          }
        });
  }

  String base() {
    return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  private void serve(Socket s, Script script) {
    try (s) {
      heads.add(readHead(s.getInputStream()));
      script.play(s.getOutputStream());
    } catch (IOException | InterruptedException e) {
      // the client hung up (as it should, on a timeout) or the test is over
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      b.append((char) c);
      if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return b.toString();
  }

  /** Headers at once, then the body a byte every {@code everyMillis}, up to 120 bytes. */
  static Script trickle(String framing, long everyMillis) {
    String body = "[" + " ".repeat(118) + "]";
    return out -> {
      String head =
          switch (framing) {
            case "length" ->
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length()
                    + "\r\n\r\n";
            case "chunked" ->
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n";
            default ->
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
          };
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (int i = 0; i < body.length(); i++) {
        String piece = String.valueOf(body.charAt(i));
        if (framing.equals("chunked")) {
          piece = "1\r\n" + piece + "\r\n";
        }
        out.write(piece.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        TimeUnit.MILLISECONDS.sleep(everyMillis);
      }
    };
  }

  /** Reads the request and then says nothing, ever (until the test ends). */
  static Script silent() {
    return out -> TimeUnit.MINUTES.sleep(5);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
    pool.shutdownNow();
  }
}
