package io.github.codeartifact.http;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The transport of authorized requests, built on first use: building an HTTP client (for the JDK's,
 * its selector thread and the default TLS context with the trust store) costs startup time that an
 * application which sends nothing to CodeArtifact while it starts need not pay. Closed only when
 * built.
 *
 * @param <T> the type of the transport
 */
final class LazyTransport<T> implements Supplier<T> {

	private final Supplier<? extends T> factory;

	private volatile @Nullable T built;

	private boolean closed;

	LazyTransport(Supplier<? extends T> factory) {
		this.factory = factory;
	}

	static <T> LazyTransport<T> of(T transport) {
		LazyTransport<T> lazy = new LazyTransport<>(() -> transport);
		lazy.built = transport;
		return lazy;
	}

	@Override
	public T get() {
		T transport = this.built;
		if (transport == null) {
			synchronized (this) {
				transport = this.built;
				if (transport == null) {
					if (this.closed) {
						throw new IllegalStateException("The CodeArtifact HTTP transport is closed");
					}
					transport = Objects.requireNonNull(this.factory.get(), "transport must not be null");
					this.built = transport;
				}
			}
		}
		return transport;
	}

	/** Closes the transport if it was built; none is built after. */
	void close() {
		T transport;
		synchronized (this) {
			this.closed = true;
			transport = this.built;
		}
		if (transport != null) {
			TokenTransports.close(transport);
		}
	}

}
