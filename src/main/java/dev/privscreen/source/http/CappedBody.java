package dev.privscreen.source.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body gathered into bytes, up to a cap: past it (or when Content-Length already says
 * so) the download is cancelled and the body fails with {@link TooBig}.
 */
final class CappedBody implements BodySubscriber<byte[]> {
  /** The body is over the cap. */
  static final class TooBig extends IOException {
    private static final long serialVersionUID = 1L;

    TooBig() {
      super("too big", null);
    }
  }

  private final long cap;
  private final long declared;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  /**
   * @param declared the Content-Length, or -1
   */
  CappedBody(long cap, long declared) {
    this.cap = cap;
    this.declared = declared;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declared > cap) {
      s.cancel();
      result.completeExceptionally(new TooBig());
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
    if (bytes.size() > cap) {
      subscription.cancel();
      result.completeExceptionally(new TooBig());
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
