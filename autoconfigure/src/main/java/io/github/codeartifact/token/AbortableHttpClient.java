package io.github.codeartifact.token;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * An {@link SdkHttpClient} whose calls in flight on a given thread can be aborted from another
 * thread. A blocking socket read ignores {@link Thread#interrupt()}: without this, closing the
 * {@link ExecutorRefreshScheduler} while GetAuthorizationToken waits for a slow answer would leave the
 * refresh thread running until the socket timeout. {@link ExecutorRefreshScheduler#close()} aborts the
 * calls of its thread.
 */
public final class AbortableHttpClient implements SdkHttpClient {

	private static final Map<Thread, Set<Call>> IN_FLIGHT = new ConcurrentHashMap<>();

	private final SdkHttpClient delegate;

	/**
	 * Wraps an HTTP client.
	 * @param delegate the client that makes the calls
	 */
	public AbortableHttpClient(SdkHttpClient delegate) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
	}

	/**
	 * Returns a builder of clients that wrap the clients of another builder, for
	 * {@code httpClientBuilder(...)}: the SDK then closes the client with the service client.
	 * @param delegate the builder of the client that makes the calls
	 * @return the builder
	 */
	public static SdkHttpClient.Builder<?> builder(SdkHttpClient.Builder<?> delegate) {
		Objects.requireNonNull(delegate, "delegate must not be null");
		return new Builder(delegate);
	}

	/**
	 * Aborts the calls in flight on a thread, made through any {@link AbortableHttpClient}.
	 * @param thread the thread
	 */
	static void abortCallsOf(Thread thread) {
		Set<Call> calls = IN_FLIGHT.get(thread);
		if (calls != null) {
			calls.forEach(Call::abort);
		}
	}

	@Override
	public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
		return new Call(this.delegate.prepareRequest(request));
	}

	@Override
	public String clientName() {
		return this.delegate.clientName();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	private static final class Call implements ExecutableHttpRequest {

		private final ExecutableHttpRequest delegate;

		private volatile boolean aborted;

		Call(ExecutableHttpRequest delegate) {
			this.delegate = delegate;
		}

		@Override
		public HttpExecuteResponse call() throws IOException {
			Thread thread = Thread.currentThread();
			IN_FLIGHT.computeIfAbsent(thread, (key) -> ConcurrentHashMap.newKeySet()).add(this);
			try {
				if (this.aborted || thread.isInterrupted()) {
					throw new InterruptedIOException("HTTP call aborted before it started");
				}
				return this.delegate.call();
			}
			finally {
				IN_FLIGHT.computeIfPresent(thread, (key, calls) -> {
					calls.remove(this);
					return calls.isEmpty() ? null : calls;
				});
			}
		}

		@Override
		public void abort() {
			this.aborted = true;
			this.delegate.abort();
		}

	}

	private record Builder(SdkHttpClient.Builder<?> delegate) implements SdkHttpClient.Builder<Builder> {

		@Override
		public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
			return new AbortableHttpClient(this.delegate.buildWithDefaults(serviceDefaults));
		}

	}

}
