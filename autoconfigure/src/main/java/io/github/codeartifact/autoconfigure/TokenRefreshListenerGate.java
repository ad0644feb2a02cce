package io.github.codeartifact.autoconfigure;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.TokenRefreshListener;

import org.springframework.context.SmartLifecycle;

/**
 * Holds the engine's reports to its listeners until the context starts its lifecycle beans, then
 * passes them on in order, and every later one at once.
 * <p>
 * The engine starts its first fetch when it is created, while the context is still creating its
 * singletons: a report then would publish a Spring event before the {@code @EventListener}
 * methods are registered, from the refresh thread, which could create listener beans there, and
 * would reach meters before Boot binds them. The gate opens in the phase just before
 * {@link CodeArtifactTokenLifecycle}, so the reports come when they came before the early start:
 * at the latest while that lifecycle waits for the first token.
 */
final class TokenRefreshListenerGate implements SmartLifecycle {

	/** Just before the token lifecycle. */
	static final int PHASE = CodeArtifactTokenLifecycle.PHASE - 1;

	private final Object monitor = new Object();

	/** Guarded by the monitor. */
	private final Queue<Runnable> held = new ArrayDeque<>();

	/** Guarded by the monitor. */
	private boolean open;

	/**
	 * Returns a listener that reports to the given one through this gate.
	 * @param listener the listener to report to
	 * @return the gated listener
	 */
	TokenRefreshListener holding(TokenRefreshListener listener) {
		return new TokenRefreshListener() {

			@Override
			public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
				report(() -> listener.onRefreshed(token, elapsedNanos));
			}

			@Override
			public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
				report(() -> listener.onRefreshFailed(failure, elapsedNanos, nextAttempt));
			}

		};
	}

	private void report(Runnable report) {
		synchronized (this.monitor) {
			if (!this.open) {
				this.held.add(report);
				return;
			}
		}
		report.run();
	}

	/** Passes the held reports on, in order, on the calling thread; later ones go straight through. */
	@Override
	public void start() {
		while (true) {
			Runnable next;
			synchronized (this.monitor) {
				next = this.held.poll();
				if (next == null) {
					this.open = true;
					return;
				}
			}
			// Outside the monitor: a report that arrives meanwhile queues behind this one
			next.run();
		}
	}

	@Override
	public void stop() {
		// Stays open: reports after a stop are the engine's last ones
	}

	@Override
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.open;
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
