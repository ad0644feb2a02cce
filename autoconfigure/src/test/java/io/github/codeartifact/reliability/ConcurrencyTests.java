package io.github.codeartifact.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.codeartifact.test.MutableClock;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.ExecutorRefreshScheduler;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenRefreshListener;
import io.github.codeartifact.token.TokenRefreshSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 10,000 {@code getToken()} calls from 200 threads, on the real refresh thread, at a cold start and
 * again at the instant the token goes stale. The fetch blocks until every call was submitted and
 * every pool thread is inside {@code getToken()}, so that "exactly one GetAuthorizationToken call"
 * is deterministic; a few more callers are interrupted while they wait.
 */
class ConcurrencyTests {

	static final int CALLS = 10_000;

	static final int THREADS = 200;

	static final int INTERRUPTED_CALLERS = 5;

	static final Duration MAX_WAIT = TokenRefreshSettings.DEFAULT_MAX_WAIT;

	@Test
	void oneFetchForTenThousandCallersAtColdStartAndAtStaleness() throws Exception {
		MutableClock clock = MutableClock.startingAt(Instant.parse("2025-03-01T00:00:00Z"));
		GatedFetcher fetcher = new GatedFetcher(clock);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try (RefreshingCodeArtifactTokenProvider provider = new RefreshingCodeArtifactTokenProvider("my-domain",
				fetcher, TokenRefreshSettings.defaults(), clock, new ExecutorRefreshScheduler(),
				TokenRefreshListener.NONE, new SplittableRandom(7))) {
			Round cold = round("cold start", provider, fetcher, pool);
			assertThat(fetcher.calls.get()).as("GetAuthorizationToken calls at cold start").isEqualTo(1);
			assertThat(cold.tokens()).containsOnly("token-1");

			// The instant the token goes stale: every caller needs the next one
			clock.set(provider.state().staleAt());
			Round stale = round("staleness", provider, fetcher, pool);
			assertThat(fetcher.calls.get()).as("GetAuthorizationToken calls in all").isEqualTo(2);
			assertThat(stale.tokens()).containsOnly("token-2");
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	private Round round(String name, RefreshingCodeArtifactTokenProvider provider, GatedFetcher fetcher,
			ExecutorService pool) throws InterruptedException {
		int callsBefore = fetcher.calls.get();
		CountDownLatch gate = fetcher.closeGate();
		AtomicInteger entered = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(CALLS);
		AtomicLong maxWaitNanos = new AtomicLong();
		ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < CALLS; i++) {
			pool.execute(() -> {
				entered.incrementAndGet();
				long start = System.nanoTime();
				try {
					tokens.add(provider.getToken());
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
				finally {
					maxWaitNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
					done.countDown();
				}
			});
		}
		// Every pool thread is inside getToken() and the fetch has started: interrupt a few more callers
		await().atMost(Duration.ofSeconds(20)).until(() -> entered.get() >= THREADS && fetcher.calls.get() > callsBefore);
		List<InterruptedCaller> interrupted = new ArrayList<>();
		for (int i = 0; i < INTERRUPTED_CALLERS; i++) {
			interrupted.add(new InterruptedCaller(provider));
		}
		for (InterruptedCaller caller : interrupted) {
			await().atMost(Duration.ofSeconds(10)).until(caller::isWaiting);
			caller.thread.interrupt();
		}
		for (InterruptedCaller caller : interrupted) {
			caller.thread.join(Duration.ofSeconds(10).toMillis());
			assertThat(caller.thread.isAlive()).isFalse();
			assertThat(caller.failure).as("interrupted caller's failure").isInstanceOf(CodeArtifactTokenException.class)
				.hasMessageContaining("interrupted");
			assertThat(caller.interruptFlagKept).as("interrupt flag kept").isTrue();
		}
		gate.countDown();
		assertThat(done.await(30, TimeUnit.SECONDS)).as("every caller answered (no deadlock)").isTrue();
		assertThat(failures).isEmpty();
		assertThat(tokens).hasSize(CALLS);
		long maxWaitMillis = TimeUnit.NANOSECONDS.toMillis(maxWaitNanos.get());
		System.out.println("FIGURE: concurrency at " + name + ": " + CALLS + " getToken() calls from " + THREADS
				+ " threads, " + (fetcher.calls.get() - callsBefore) + " GetAuthorizationToken call, max caller wait "
				+ maxWaitMillis + " ms (bound " + MAX_WAIT.toMillis() + " ms), " + INTERRUPTED_CALLERS
				+ " interrupted callers kept their interrupt flag");
		assertThat(maxWaitNanos.get()).as("longest wait of a caller").isLessThan(MAX_WAIT.toNanos());
		return new Round(List.copyOf(tokens));
	}

	record Round(List<String> tokens) {
	}

	/**
	 * A caller on its own thread, interrupted while it waits for the blocked fetch.
	 */
	static final class InterruptedCaller {

		final Thread thread;

		volatile Throwable failure;

		volatile boolean interruptFlagKept;

		InterruptedCaller(RefreshingCodeArtifactTokenProvider provider) {
			this.thread = new Thread(() -> {
				try {
					provider.getToken();
				}
				catch (Throwable ex) {
					this.failure = ex;
				}
				this.interruptFlagKept = Thread.currentThread().isInterrupted();
			}, "interrupted-caller");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		boolean isWaiting() {
			Thread.State state = this.thread.getState();
			return state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING;
		}

	}

	/**
	 * Answers 12-hour tokens once its gate opens.
	 */
	static final class GatedFetcher implements AuthorizationTokenFetcher {

		final AtomicInteger calls = new AtomicInteger();

		private final MutableClock clock;

		private volatile CountDownLatch gate = new CountDownLatch(0);

		GatedFetcher(MutableClock clock) {
			this.clock = clock;
		}

		CountDownLatch closeGate() {
			this.gate = new CountDownLatch(1);
			return this.gate;
		}

		@Override
		public AuthorizationToken fetch() {
			int call = this.calls.incrementAndGet();
			try {
				if (!this.gate.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("gate not opened");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Instant now = this.clock.instant();
			return new AuthorizationToken("token-" + call, now.plus(Duration.ofHours(12)), now);
		}

	}

}
