package io.github.codeartifact.autoconfigure;

import java.util.function.Supplier;

import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Holds the start of the application context until the {@link RefreshingCodeArtifactTokenProvider}
 * has its first token, and closes the provider when the context stops. The auto-configuration
 * starts the provider when it creates it, so that the first fetch overlaps the creation of the
 * other beans; {@link #start()} starts it if it is not yet. With fail-fast, {@link #start()} waits
 * for the first token and throws a {@link CodeArtifactTokenStartupException} when none can be had,
 * which stops startup.
 * <p>
 * It runs in an early {@link #PHASE phase}: the token is there before web servers and message
 * listeners start, and stays until they have stopped. Once stopped, the provider is closed and
 * cannot be started again.
 */
public final class CodeArtifactTokenLifecycle implements SmartLifecycle {

	/**
	 * Phase of the lifecycle: before the web server ({@code DEFAULT_PHASE - 2048}) and other
	 * late-starting components.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

	private final RefreshingCodeArtifactTokenProvider provider;

	private final String domain;

	private final @Nullable String owner;

	private final Supplier<@Nullable String> region;

	private final Supplier<@Nullable String> endpoint;

	private final boolean failFast;

	private final Object monitor = new Object();

	private volatile boolean running;

	private boolean closed;

	/**
	 * Creates a new lifecycle.
	 * @param provider the provider to start and close
	 * @param domain the domain, for the startup failure
	 * @param owner the owner, for the startup failure
	 * @param region the region of the client, for the startup failure
	 * @param endpoint the endpoint of the client and where it came from, for the startup failure
	 * @param failFast whether {@link #start()} waits for the first token
	 */
	public CodeArtifactTokenLifecycle(RefreshingCodeArtifactTokenProvider provider, String domain,
			@Nullable String owner, Supplier<@Nullable String> region, Supplier<@Nullable String> endpoint,
			boolean failFast) {
		this.provider = provider;
		this.domain = domain;
		this.owner = owner;
		this.region = region;
		this.endpoint = endpoint;
		this.failFast = failFast;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running || this.closed) {
				return;
			}
			this.provider.start();
			this.running = true;
			if (!this.failFast) {
				return;
			}
			try {
				this.provider.awaitFirstToken();
			}
			catch (CodeArtifactTokenException ex) {
				close();
				throw new CodeArtifactTokenStartupException(this.domain, this.owner, this.region.get(),
						this.endpoint.get(), ex);
			}
		}
	}

	@Override
	public void stop() {
		synchronized (this.monitor) {
			if (this.running) {
				close();
			}
		}
	}

	private void close() {
		this.running = false;
		this.closed = true;
		this.provider.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Returns whether {@link #start()} waits for the first token.
	 * @return whether startup fails fast
	 */
	public boolean isFailFast() {
		return this.failFast;
	}

}
