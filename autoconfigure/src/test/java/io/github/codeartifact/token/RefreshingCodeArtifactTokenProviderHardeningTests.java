package io.github.codeartifact.token;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The breaks of the engine found by trying it as an attacker and a careful reviewer would: a
 * fetcher, a listener or the bookkeeping that throws anything, listeners that call back, forced
 * refreshes that multiply calls, and clocks that lie. In virtual time.
 */
class RefreshingCodeArtifactTokenProviderHardeningTests extends VirtualTimeEngineTestBase {

	/** The engine's invariant: one attempt pending, running or with its timer queued. */
	private void assertOneAttemptPending() {
		assertThat(this.provider.isAttemptPending()).as("an attempt is pending with a live timer").isTrue();
		assertThat(this.scheduler.queuedTasks()).as("timers queued").isEqualTo(1);
	}

	/** A caller on its own thread while the test thread runs whatever falls due. */
	private <T> Caller<T> callDriving(java.util.function.Supplier<T> call) {
		Caller<T> caller = Caller.start(call);
		org.awaitility.Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
			if (this.scheduler.hasDueTask()) {
				this.scheduler.runDue();
			}
			return caller.isDone();
		});
		return caller;
	}

	private static Function<Instant, AuthorizationToken> throwing(Throwable failure) {
		return (now) -> {
			throw ScriptedFetcher.<RuntimeException>sneaky(failure);
		};
	}

	// Never wedged

	static Stream<Arguments> throwables() {
		return Stream.of(Arguments.of(new NoClassDefFoundError("software/amazon/awssdk/Missing")),
				Arguments.of(new IOException("checked, thrown sneakily as Kotlin does")),
				Arguments.of(new AssertionError("a bug in a custom fetcher")),
				Arguments.of(new StackOverflowError("deep")));
	}

	@ParameterizedTest
	@MethodSource("throwables")
	void anythingTheFetcherThrowsIsARetryableFailureAndTheNextAttemptIsScheduled(Throwable thrown) {
		this.fetcher.then(throwing(thrown));
		provider().start();
		if (thrown instanceof VirtualMachineError) {
			// Rethrown, but only once the attempt is settled
			assertThatExceptionOfType(VirtualMachineError.class).isThrownBy(this.scheduler::runDue);
		}
		else {
			assertThatNoException().isThrownBy(this.scheduler::runDue);
		}
		CodeArtifactTokenException failure = this.listener.lastFailure().exception();
		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getCause()).isSameAs(thrown);
		assertThat(failure.getMessage()).contains(thrown.getClass().getName());
		assertThat(this.provider.state().lastFailure()).isSameAs(failure);
		assertOneAttemptPending();
		advanceTo(this.listener.lastFailure().nextAttempt());
		assertThat(this.provider.getToken()).isEqualTo("secret-token-1");
		assertThat(this.fetcher.calls()).isEqualTo(2);
	}

	@Test
	void callersWaitingOnAFetchThatThrowsAnErrorAreReleasedAtOnce() {
		started();
		this.fetcher.then(throwing(new NoClassDefFoundError("missing")));
		this.clock.advance(Duration.ofHours(2));
		Caller<String> caller = Caller.start(this.provider::getToken).awaitWaiting();
		this.scheduler.awaitAndRunDue();
		assertThat(caller.failure()).isInstanceOf(CodeArtifactTokenException.class)
			.hasRootCauseInstanceOf(NoClassDefFoundError.class);
		assertOneAttemptPending();
	}

	@Test
	void expirationAtTheEndOfTimeSaturatesInsteadOfOverflowing() {
		this.fetcher.then((now) -> new AuthorizationToken("secret-token-max", Instant.MAX, now));
		started();
		assertThat(this.provider.getToken()).isEqualTo("secret-token-max");
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.FRESH);
		assertOneAttemptPending();
		this.scheduler.advance(Duration.ofDays(400));
		assertThat(this.provider.getToken()).isEqualTo("secret-token-max");
		assertThat(this.fetcher.calls()).isEqualTo(1);
	}

	@Test
	void expirationAtTheStartOfTimeIsAnExpiredAnswer() {
		this.fetcher.then((now) -> new AuthorizationToken("secret-token-min", Instant.MIN, now));
		started();
		assertThat(this.listener.lastFailure().exception().getErrorCode()).isEqualTo("ExpiredTokenReceived");
		assertOneAttemptPending();
	}

	@Test
	void bookkeepingThatThrowsStillSettlesTheAttemptAndSchedulesTheNext() {
		AtomicInteger draws = new AtomicInteger();
		SplittableRandom jitter = new SplittableRandom(3);
		// The engine's own bookkeeping fails once: the jitter of the first success
		this.random = new RandomGenerator() {

			@Override
			public long nextLong() {
				return jitter.nextLong();
			}

			@Override
			public long nextLong(long bound) {
				if (draws.incrementAndGet() == 1) {
					throw new IllegalStateException("bookkeeping");
				}
				return jitter.nextLong(bound);
			}

		};
		provider().start();
		assertThatNoException().isThrownBy(this.scheduler::runDue);
		assertOneAttemptPending();
		assertThat(this.provider.state().lastFailure()).isNotNull()
			.satisfies((failure) -> assertThat(failure.isRetryable()).isTrue());
		this.scheduler.advance(this.settings.initialBackoff());
		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.FRESH);
		assertOneAttemptPending();
	}

	@Test
	void listenerThatThrowsAnErrorCannotStopTheEngine() {
		this.providerListener = new TokenRefreshListener() {

			@Override
			public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
				throw new NoClassDefFoundError("listener");
			}

			@Override
			public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
				throw ScriptedFetcher.<RuntimeException>sneaky(new IOException("listener"));
			}

		};
		this.fetcher.thenFail(1, ScriptedFetcher.retryable("InternalServerException"));
		provider().start();
		assertThatNoException().isThrownBy(this.scheduler::runDue);
		assertOneAttemptPending();
		this.scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.provider.getToken()).isEqualTo("secret-token-1");
		assertOneAttemptPending();
		advanceTo(this.provider.state().nextRefresh());
		assertThat(this.fetcher.calls()).isEqualTo(3);
		assertOneAttemptPending();
	}

	@Test
	void invariantHoldsThroughAMonthOfRandomOutcomes() {
		SplittableRandom outcomes = new SplittableRandom(11);
		this.fetcher.thenAlways((now) -> switch (outcomes.nextInt(8)) {
			case 0 -> throw ScriptedFetcher.retryable("InternalServerException");
			case 1 -> throw ScriptedFetcher.throttled(Duration.ofSeconds(outcomes.nextInt(1, 120)));
			case 2 -> throw ScriptedFetcher.notRetryable("AccessDeniedException");
			case 3 -> throw new NoClassDefFoundError("x");
			case 4 -> throw ScriptedFetcher.<RuntimeException>sneaky(new IOException("x"));
			case 5 -> new AuthorizationToken("secret-token-short", now.plusSeconds(outcomes.nextInt(0, 90)), now);
			default -> new AuthorizationToken("secret-token-ok", now.plus(HOUR), now);
		});
		started();
		for (int step = 0; step < 30 * 24 * 60; step++) {
			this.scheduler.advance(Duration.ofMinutes(1));
			assertOneAttemptPending();
			if (step % 997 == 0) {
				this.clock.advance(Duration.ofMinutes(outcomes.nextInt(-30, 31)));
			}
		}
		assertThat(this.fetcher.calls()).isGreaterThan(1000);
	}

	// Listeners and events calling back on the refresh thread

	@Test
	void listenerThatCallsRefreshOnFailureFailsFastInsteadOfWaitingOnItself() {
		this.settings = new TokenRefreshSettings(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(1),
				Duration.ofMinutes(2), 2, Duration.ofMinutes(5), Duration.ofSeconds(30));
		AtomicReference<Throwable> fromListener = new AtomicReference<>();
		this.providerListener = new TokenRefreshListener() {

			@Override
			public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
				try {
					RefreshingCodeArtifactTokenProviderHardeningTests.this.provider.refresh();
				}
				catch (CodeArtifactTokenException ex) {
					fromListener.set(ex);
				}
			}

		};
		this.fetcher.thenFail(1, ScriptedFetcher.notRetryable("AccessDeniedException"));
		provider().start();
		// Without the fix the listener waits an hour (max-wait) for a fetch that runs on its own thread
		assertTimeoutPreemptively(Duration.ofSeconds(20), this.scheduler::runDue);
		assertThat(fromListener.get()).isInstanceOf(CodeArtifactTokenException.class)
			.hasMessageContaining("refresh()")
			.hasMessageContaining("thread that fetches tokens");
		// The forced refresh it asked for still happens, once the listener has returned
		this.scheduler.runDue();
		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(this.provider.getToken()).isEqualTo("secret-token-1");
	}

	@Test
	void listenerThatCallsGetTokenGetsTheNewTokenOrFailsFast() {
		this.settings = new TokenRefreshSettings(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(1),
				Duration.ofMinutes(2), 2, Duration.ofMinutes(5), Duration.ofSeconds(30));
		List<Object> seen = new ArrayList<>();
		this.providerListener = new TokenRefreshListener() {

			@Override
			public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
				seen.add(RefreshingCodeArtifactTokenProviderHardeningTests.this.provider.getToken());
			}

			@Override
			public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
				try {
					seen.add(RefreshingCodeArtifactTokenProviderHardeningTests.this.provider.getToken());
				}
				catch (CodeArtifactTokenException ex) {
					seen.add(ex);
				}
			}

		};
		this.fetcher.thenFail(1, ScriptedFetcher.retryable("InternalServerException"));
		provider().start();
		assertTimeoutPreemptively(Duration.ofSeconds(20), this.scheduler::runDue);
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> this.scheduler.advance(Duration.ofSeconds(1)));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isInstanceOf(CodeArtifactTokenException.class);
		assertThat(seen.get(1)).isEqualTo("secret-token-1");
	}

	@Test
	void listenersAreToldWithoutTheEnginesLockHeld() {
		List<Object> seen = new ArrayList<>();
		this.providerListener = new TokenRefreshListener() {

			@Override
			public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
				seen.add(stateFromAnotherThread());
			}

			@Override
			public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
				seen.add(stateFromAnotherThread());
			}

		};
		// An unservable answer (expired on arrival), then a good one
		this.fetcher.then(this.fetcher.token(Duration.ZERO, Duration.ofSeconds(-1)));
		provider().start();
		this.scheduler.runDue();
		advanceTo(this.provider.state().nextRefresh());
		assertThat(seen).hasSize(2).allSatisfy((state) -> assertThat(state).isInstanceOf(TokenState.class));
	}

	/** Another thread reads the state: it would block if the listener ran with the engine's lock held. */
	private Object stateFromAnotherThread() {
		try {
			return java.util.concurrent.CompletableFuture.supplyAsync(this.provider::state)
				.get(5, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return ex;
		}
	}

	// Forced refreshes

	@Test
	void refreshAfterAccessDeniedCallsAwsAtOnceSoThatAFixedPolicyTakesEffect() {
		started();
		this.fetcher.thenFail(1, ScriptedFetcher.notRetryable("AccessDeniedException"));
		advanceTo(this.provider.state().nextRefresh());
		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(this.provider.state().nextRefresh()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(5)));
		// The policy is fixed: a forced refresh takes effect now, not in five minutes
		Caller<AuthorizationToken> caller = callDriving(this.provider::refresh);
		assertThat(caller.join().token()).isEqualTo("secret-token-2");
		assertThat(this.fetcher.calls()).isEqualTo(3);
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.FRESH);
	}

	@Test
	void thousandForcedRefreshesMakeOneCallPerInterval() {
		started();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			tokens.add(callDriving(this.provider::refresh).join().token());
		}
		assertThat(this.fetcher.calls()).isEqualTo(2);
		// Within the interval, callers get the token fetched by the previous forced call
		assertThat(tokens).containsOnly("secret-token-2");
		assertThat(this.provider.state().forcedRefreshCount()).isEqualTo(1);
		assertThat(this.provider.state().refusedRefreshCount()).isEqualTo(999);
		this.scheduler.advance(TokenRefreshSettings.DEFAULT_MIN_FORCED_INTERVAL.minusMillis(1));
		assertThat(callDriving(this.provider::refresh).join().token()).isEqualTo("secret-token-2");
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(callDriving(this.provider::refresh).join().token()).isEqualTo("secret-token-3");
		assertThat(this.fetcher.calls()).isEqualTo(3);
	}

	@Test
	void forcedRefreshesInsideTheIntervalGetTheFailureOfThePreviousOne() {
		started();
		this.fetcher.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.notRetryable("AccessDeniedException")));
		Caller<AuthorizationToken> first = callDriving(this.provider::refresh);
		assertThat(first.failure()).isInstanceOf(CodeArtifactTokenException.class);
		for (int i = 0; i < 100; i++) {
			assertThat(callDriving(this.provider::refresh).failure()).isInstanceOfSatisfying(
					CodeArtifactTokenException.class, (ex) -> {
						assertThat(ex.getErrorCode()).isEqualTo("AccessDeniedException");
						assertThat(ex.getMessage()).contains("min-forced-interval");
					});
		}
		assertThat(this.fetcher.calls()).isEqualTo(2);
		// The token in service is untouched by the failures
		assertThat(this.provider.getToken()).isEqualTo("secret-token-1");
	}

	@Test
	void aForcedRefreshNeverSkipsRetryAfter() {
		started();
		this.fetcher.thenFail(1, ScriptedFetcher.throttled(Duration.ofSeconds(90)));
		advanceTo(this.provider.state().nextRefresh());
		Instant throttledAt = this.clock.instant();
		this.scheduler.advance(TokenRefreshSettings.DEFAULT_MIN_FORCED_INTERVAL);
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(this.provider::refresh)
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("ThrottlingException"));
		this.scheduler.advance(Duration.between(this.clock.instant(), throttledAt.plusSeconds(90)).minusMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(2);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(3);
	}

	// Time that cannot lie

	static Stream<Arguments> clockSteps() {
		return Stream.of(Arguments.of("backward 1 s", Duration.ofSeconds(-1)),
				Arguments.of("backward 40 min", Duration.ofMinutes(-40)),
				Arguments.of("backward 2 h", Duration.ofHours(-2)),
				Arguments.of("backward 30 days", Duration.ofDays(-30)),
				Arguments.of("forward 1 min", Duration.ofMinutes(1)),
				Arguments.of("forward 2 h (or a suspended machine)", Duration.ofHours(2)),
				Arguments.of("forward 30 days (or a long suspend)", Duration.ofDays(30)));
	}

	/**
	 * A 1 h token, then no successor can be had; the wall clock steps at a random time. Whatever the
	 * step, no token is handed out once its real (monotonic) stale time has passed.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("clockSteps")
	void aClockStepNeverHandsOutATokenPastItsRealExpiry(String name, Duration step) {
		this.settings = new TokenRefreshSettings(Duration.ofMinutes(1), Duration.ofMillis(1), Duration.ofSeconds(1),
				Duration.ofMinutes(2), 2, Duration.ofMinutes(5), Duration.ofSeconds(30));
		this.fetcher.then(this.fetcher.lifetime(HOUR))
			.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.retryable("InternalServerException")));
		started();
		long realStaleAt = this.scheduler.virtualMillis() + HOUR.minusMinutes(1).toMillis();
		long stepAt = new SplittableRandom(name.hashCode()).nextLong(Duration.ofMinutes(10).toMillis(),
				Duration.ofMinutes(50).toMillis());
		int served = 0;
		boolean stepped = false;
		for (long t = 0; t < 2 * HOUR.toMillis(); t += 5_000) {
			if (!stepped && t >= stepAt) {
				this.clock.advance(step);
				stepped = true;
			}
			this.scheduler.advance(Duration.ofMillis(5_000));
			try {
				this.provider.getToken();
				served++;
				assertThat(this.scheduler.virtualMillis()).as("real time a token was handed out at")
					.isLessThan(realStaleAt);
			}
			catch (CodeArtifactTokenException ex) {
				// Refused: never a stale token
			}
		}
		assertThat(served).isPositive();
	}

	/** The issue's case: a 1 h token, the wall clock stepped back 40 min, asked for 65 real minutes later. */
	@Test
	void aTokenIsNotServed65RealMinutesAfterIssueWhenTheClockWentBack40Minutes() {
		this.settings = new TokenRefreshSettings(Duration.ofMinutes(1), Duration.ofMillis(1), Duration.ofSeconds(1),
				Duration.ofMinutes(2), 2, Duration.ofMinutes(5), Duration.ofSeconds(30));
		this.fetcher.then(this.fetcher.lifetime(HOUR))
			.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.retryable("InternalServerException")));
		started();
		this.clock.advance(Duration.ofMinutes(-40));
		this.scheduler.advance(Duration.ofMinutes(65));
		assertThat(this.clock.instant()).isBefore(START.plus(Duration.ofMinutes(59)));
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(this.provider::getToken);
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.EXPIRED);
	}

	@Test
	void theHotPathReadsOneClockUntilTheTokenNearsItsRefreshWindow() {
		CountingScheduler counting = new CountingScheduler(this.scheduler);
		this.provider = new RefreshingCodeArtifactTokenProvider(ScriptedFetcher.DOMAIN, this.fetcher, this.settings,
				this.clock, counting, this.listener, this.random);
		this.provider.start();
		this.scheduler.runDue();
		Instant nextRefresh = this.provider.state().nextRefresh();
		long before = counting.reads.get();
		for (int i = 0; i < 1000; i++) {
			this.provider.getToken();
		}
		assertThat(counting.reads.get() - before).as("monotonic reads on the hot path, token far from due").isZero();
		// From five minutes before the refresh window (44 min for a 1 h token): both clocks
		this.scheduler.advance(Duration.ofMinutes(40));
		assertThat(this.clock.instant()).isBefore(nextRefresh);
		before = counting.reads.get();
		for (int i = 0; i < 1000; i++) {
			this.provider.getToken();
		}
		assertThat(counting.reads.get() - before).isEqualTo(1000);
	}

	/** Counts the reads of the monotonic clock. */
	private static final class CountingScheduler implements RefreshScheduler {

		private final VirtualTimeScheduler delegate;

		final AtomicInteger reads = new AtomicInteger();

		CountingScheduler(VirtualTimeScheduler delegate) {
			this.delegate = delegate;
		}

		@Override
		public Cancellable schedule(Runnable task, Duration delay) {
			return this.delegate.schedule(task, delay);
		}

		@Override
		public long nanoTime() {
			this.reads.incrementAndGet();
			return this.delegate.nanoTime();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
