package io.github.codeartifact.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStatus;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The real provider with a fresh token while a refresh is in flight for the whole trial: after the
 * first token, a forced {@link RefreshingCodeArtifactTokenProvider#refresh()} runs on a thread of
 * its own and its fetch blocks on a latch on the refresh thread until tear-down. The tear-down
 * checks that the fetch was still in flight.
 */
@State(Scope.Benchmark)
public class RefreshInFlightState {

	CodeArtifactTokenProvider provider;

	private RefreshingCodeArtifactTokenProvider engine;

	private final CountDownLatch fetchEntered = new CountDownLatch(1);

	private final CountDownLatch releaseFetch = new CountDownLatch(1);

	private Thread refresher;

	@Setup(Level.Trial)
	public void setUp() throws InterruptedException {
		AtomicInteger calls = new AtomicInteger();
		this.engine = Tokens.provider(() -> fetch(calls.incrementAndGet()), Tokens.LONG_WAIT);
		this.engine.start();
		this.engine.awaitFirstToken();
		this.provider = this.engine;
		this.refresher = new Thread(() -> {
			try {
				this.engine.refresh();
			}
			catch (CodeArtifactTokenException ex) {
				// Closed at tear-down
			}
		}, "bench-forced-refresh");
		this.refresher.setDaemon(true);
		this.refresher.start();
		if (!this.fetchEntered.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The forced refresh did not reach the fetcher");
		}
		Checks.status(this.engine, TokenStatus.REFRESHING, "with the refresh in flight");
	}

	private AuthorizationToken fetch(int call) {
		if (call > 1) {
			this.fetchEntered.countDown();
			try {
				this.releaseFetch.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return Tokens.longLived();
	}

	@TearDown(Level.Trial)
	public void tearDown() throws InterruptedException {
		try {
			Checks.status(this.engine, TokenStatus.REFRESHING, "after the measurement: the refresh was not in flight");
		}
		finally {
			this.releaseFetch.countDown();
			this.refresher.join(10_000);
			this.engine.close();
		}
	}

}
