package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RefreshingCodeArtifactTokenProvider}, in virtual time.
 */
class RefreshingCodeArtifactTokenProviderTests extends VirtualTimeEngineTestBase {

	/** Moves virtual time in small steps until the caller has ended. */
	private void driveUntilDone(Caller<?> caller) {
		caller.awaitWaiting();
		for (int step = 0; step < 10_000 && !caller.isDone(); step++) {
			this.scheduler.advance(Duration.ofMillis(100));
			if (caller.isWaiting() || caller.isDone()) {
				continue;
			}
			caller.awaitWaiting();
		}
	}

	private static void assertNoSecret(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain("secret-token");
		}
	}

	// Hot path

	@Test
	void freshTokenIsTheSameInstanceWithoutFetching() {
		started();
		String first = this.provider.getToken();
		for (int i = 0; i < 10_000; i++) {
			assertThat(this.provider.getToken()).isSameAs(first);
		}
		assertThat(this.fetcher.calls()).isEqualTo(1);
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.FRESH);
	}

	@Test
	void callBeforeStartFetchesOnTheRefreshThread() {
		provider();
		Caller<String> caller = Caller.start(this.provider::getToken);
		this.scheduler.awaitAndRunDue();
		assertThat(caller.join()).isEqualTo("secret-token-1");
		assertThat(this.fetcher.calls()).isEqualTo(1);
		assertThat(this.provider.state().nextRefresh()).isNotNull();
	}

	@Test
	void startIsIdempotent() {
		provider().start();
		this.provider.start();
		this.scheduler.runDue();
		this.provider.start();
		this.scheduler.runDue();
		assertThat(this.fetcher.calls()).isEqualTo(1);
	}

	@Test
	void anOlderTokenThatOutlivesAShorterSuccessorIsServedOnceTheSuccessorGoesStale() {
		// A 1 h token, then a 2 min successor (duration=0 near the end of a role session), then failures
		this.fetcher.then(this.fetcher.lifetime(HOUR))
			.then(this.fetcher.lifetime(Duration.ofMinutes(2)))
			.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.retryable("InternalServerException")));
		started();
		AuthorizationToken first = this.provider.getAuthorizationToken();
		advanceTo(this.provider.state().nextRefresh());
		AuthorizationToken second = this.provider.getAuthorizationToken();
		assertThat(second.token()).isEqualTo("secret-token-2");
		Instant secondStale = this.provider.state().staleAt();
		assertThat(secondStale).isBefore(first.expiration().minus(TokenRefreshSettings.DEFAULT_STALE_MARGIN));
		advanceTo(secondStale);
		// The successor is stale and cannot be replaced; the first token is still fresh
		assertThat(this.provider.getToken()).isEqualTo(first.token());
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.REFRESH_FAILING);
		assertThat(this.provider.state().expiration()).isEqualTo(first.expiration());
		advanceTo(first.expiration().minus(TokenRefreshSettings.DEFAULT_STALE_MARGIN));
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.EXPIRED);
		assertRefused();
	}

	/** A caller now gets an exception, never a stale token, while the fetches keep failing. */
	private void assertRefused() {
		Caller<String> caller = Caller.start(this.provider::getToken);
		driveUntilDone(caller);
		assertThat(caller.failure()).isInstanceOf(CodeArtifactTokenException.class);
	}

	@Test
	void aForcedRefreshKeepsNoOlderTokenInReserve() {
		this.fetcher.then(this.fetcher.lifetime(HOUR))
			.then(this.fetcher.lifetime(Duration.ofMinutes(2)))
			.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.retryable("InternalServerException")));
		started();
		Caller<AuthorizationToken> refresh = Caller.start(this.provider::refresh);
		driveUntilDone(refresh);
		AuthorizationToken second = refresh.join();
		assertThat(second.token()).isEqualTo("secret-token-2");
		advanceTo(this.provider.state().staleAt());
		// The first token was rejected (that is why refresh() was called): it is not served again
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.EXPIRED);
		assertRefused();
	}

	// First fetch failures

	@Test
	void retryableFirstFailureIsRetriedWithJitteredExponentialBackoff() {
		this.fetcher.thenFail(3, ScriptedFetcher.retryable("InternalServerException"));
		started();
		long[] ceilings = { 1000, 2000, 4000 };
		for (int i = 0; i < 3; i++) {
			RecordingListener.Failure failure = this.listener.failures.get(i);
			Duration delay = Duration.between(this.fetcher.callTimes().get(i), failure.nextAttempt());
			assertThat(delay.toMillis()).isBetween(0L, ceilings[i]);
			assertThat(this.provider.state().status()).isEqualTo(TokenStatus.NO_TOKEN);
			assertThat(this.provider.state().nextRefresh()).isEqualTo(failure.nextAttempt());
			if (!delay.isZero()) {
				advanceTo(failure.nextAttempt().minusMillis(1));
				assertThat(this.fetcher.calls()).isEqualTo(i + 1);
			}
			advanceTo(failure.nextAttempt());
			assertThat(this.fetcher.calls()).isEqualTo(i + 2);
		}
		TokenState state = this.provider.state();
		assertThat(state.status()).isEqualTo(TokenStatus.FRESH);
		assertThat(state.refreshCount()).isEqualTo(1);
		assertThat(state.failureCount()).isEqualTo(3);
		assertThat(state.lastFailure()).isNull();
		assertThat(this.provider.getToken()).isEqualTo("secret-token-1");
	}

	@Test
	void nonRetryableFirstFailureWaitsFiveMinutesAndDoesNotLoop() {
		this.fetcher.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.notRetryable("AccessDeniedException")));
		started();
		assertThat(this.provider.state().nextRefresh()).isEqualTo(START.plus(Duration.ofMinutes(5)));
		// A caller is told at once, without a wait and without another call
		long before = System.nanoTime();
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(this.provider::getToken)
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("AccessDeniedException");
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getMessage()).contains("my-domain").contains("AccessDeniedException");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
		this.scheduler.advance(Duration.ofMinutes(5).minusMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(1);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(2);
		this.scheduler.advance(HOUR.minusMinutes(5));
		assertThat(this.fetcher.calls()).isEqualTo(13);
	}

	// Failures of later refreshes

	@Test
	void refreshFailingInsideTheWindowKeepsTheTokenInServiceAndRecovers() {
		started();
		String old = this.provider.getToken();
		TokenState before = this.provider.state();
		this.fetcher.thenFail(4, ScriptedFetcher.retryable("InternalServerException"));
		advanceTo(before.nextRefresh());
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.REFRESH_FAILING);
		long[] ceilings = { 1000, 2000, 4000, 8000 };
		for (int i = 0; i < 4; i++) {
			assertThat(this.provider.getToken()).isSameAs(old);
			RecordingListener.Failure failure = this.listener.lastFailure();
			Instant failedAt = this.fetcher.callTimes().get(i + 1);
			assertThat(Duration.between(failedAt, failure.nextAttempt()).toMillis()).isBetween(0L, ceilings[i]);
			advanceTo(failure.nextAttempt());
		}
		assertThat(this.fetcher.calls()).isEqualTo(6);
		assertThat(this.clock.instant()).isBefore(before.staleAt());
		assertThat(this.provider.getToken()).isNotEqualTo(old).isEqualTo("secret-token-2");
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.FRESH);
		assertThat(this.provider.state().failureCount()).isEqualTo(4);
	}

	@Test
	void failurePastStalenessNeverServesTheStaleToken() {
		started();
		String old = this.provider.getToken();
		Instant staleAt = this.provider.state().staleAt();
		this.fetcher.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.retryable("InternalServerException")));
		advanceTo(staleAt.minusMillis(1));
		assertThat(this.provider.getToken()).isSameAs(old);
		advanceTo(staleAt);
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.EXPIRED);
		for (int i = 0; i < 5; i++) {
			Caller<String> caller = Caller.start(this.provider::getToken);
			driveUntilDone(caller);
			assertThat(caller.failure()).isInstanceOfSatisfying(CodeArtifactTokenException.class, (ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("InternalServerException");
				assertThat(ex.getMessage()).contains("my-domain");
				assertNoSecret(ex);
			});
			this.scheduler.advance(Duration.ofSeconds(30));
		}
	}

	@Test
	void failedFetchReleasesWaitersAtOnce() {
		started();
		this.fetcher.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.retryable("InternalServerException")));
		this.clock.advance(Duration.ofHours(2));
		Caller<String> caller = Caller.start(this.provider::getToken).awaitWaiting();
		this.scheduler.awaitAndRunDue();
		// Released by the failure, not by the end of the ten-second wait nor the next attempt
		long before = System.nanoTime();
		assertThat(caller.failure()).isInstanceOf(CodeArtifactTokenException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.fetcher.calls()).isEqualTo(2);
	}

	@Test
	void thousandCallersAtStalenessMakeOneFetch() {
		started();
		String old = this.provider.getToken();
		this.clock.advance(Duration.ofHours(2));
		List<Caller<String>> callers = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			callers.add(Caller.start(this.provider::getToken));
		}
		await().pollInterval(Duration.ofMillis(20)).until(() -> callers.stream().allMatch(Caller::isWaiting));
		this.scheduler.runDue();
		for (Caller<String> caller : callers) {
			assertThat(caller.join()).isEqualTo("secret-token-2").isNotEqualTo(old);
		}
		this.scheduler.runDue();
		assertThat(this.fetcher.calls()).isEqualTo(2);
	}

	@Test
	void retryAfterIsRespected() {
		this.fetcher.thenFail(1, ScriptedFetcher.throttled(Duration.ofSeconds(30)));
		started();
		assertThat(this.provider.state().nextRefresh()).isEqualTo(START.plusSeconds(30));
		// Even a forced refresh does not come sooner
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(this.provider::refresh)
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("ThrottlingException"));
		this.scheduler.advance(Duration.ofSeconds(30).minusMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(1);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.FRESH);
	}

	@Test
	void forcedRefreshWaitsForRetryAfterWithinTheBoundedWait() {
		started();
		this.fetcher.thenFail(1, ScriptedFetcher.throttled(Duration.ofSeconds(5)));
		advanceTo(this.provider.state().nextRefresh());
		Instant throttledAt = this.clock.instant();
		assertThat(this.fetcher.calls()).isEqualTo(2);
		Caller<AuthorizationToken> caller = Caller.start(this.provider::refresh).awaitWaiting();
		this.scheduler.advance(Duration.ofSeconds(5).minusMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(2);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(caller.join().token()).isEqualTo("secret-token-2");
		assertThat(this.fetcher.callTimes().get(2)).isEqualTo(throttledAt.plusSeconds(5));
	}

	// Answers that cannot be served

	@ParameterizedTest
	@CsvSource({ "PT0S, -PT1S", "PT0S, PT0S", "PT1H, PT30S", "PT10M, PT1S" })
	void expiredOrNearlyExpiredAnswerIsARetryableFailure(Duration issuedAgo, Duration expiresIn) {
		this.fetcher.then(this.fetcher.token(issuedAgo, expiresIn));
		started();
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.NO_TOKEN);
		CodeArtifactTokenException failure = this.listener.lastFailure().exception();
		assertThat(failure.getErrorCode()).isEqualTo("ExpiredTokenReceived");
		assertThat(failure.isRetryable()).isTrue();
		assertNoSecret(failure);
		advanceTo(this.listener.lastFailure().nextAttempt());
		assertThat(this.provider.getToken()).isEqualTo("secret-token-2");
	}

	@Test
	void missingFieldsAreRetried() {
		this.fetcher.thenFail(1, ScriptedFetcher.retryable("MalformedResponse"));
		started();
		assertThat(this.listener.lastFailure().nextAttempt()).isBetween(START, START.plusSeconds(1));
		advanceTo(this.listener.lastFailure().nextAttempt());
		assertThat(this.provider.getToken()).isEqualTo("secret-token-1");
	}

	@Test
	void shortButFutureAnswerIsServedWithAQuarterMargin() {
		this.fetcher.then(this.fetcher.token(Duration.ZERO, Duration.ofSeconds(30)));
		started();
		TokenState state = this.provider.state();
		assertThat(state.status()).isEqualTo(TokenStatus.FRESH);
		assertThat(state.staleAt()).isEqualTo(START.plusMillis(22_500));
		assertThat(this.provider.getToken()).isEqualTo("secret-token-1");
	}

	// Short tokens

	@ParameterizedTest
	@CsvSource({ "PT20S, PT5S, PT10S", "PT2M, PT30S, PT1M" })
	void shortTokensAreServedMostOfTheirLifeAndReplacedBeforeExpiry(Duration lifetime, Duration margin,
			Duration window) {
		this.fetcher.thenAlways(this.fetcher.lifetime(lifetime));
		started();
		assertThat(Duration.between(START, this.provider.state().staleAt())).isEqualTo(lifetime.minus(margin));
		for (int second = 0; second < 3600; second++) {
			this.scheduler.advance(Duration.ofSeconds(1));
			TokenState state = this.provider.state();
			assertThat(state.status()).isIn(TokenStatus.FRESH, TokenStatus.REFRESHING);
			AuthorizationToken token = this.provider.getAuthorizationToken();
			assertThat(Duration.between(this.clock.instant(), token.expiration())).isGreaterThan(margin);
		}
		List<Instant> calls = this.fetcher.callTimes();
		Duration earliest = lifetime.minus(margin).minus(window);
		Duration latest = lifetime.minus(margin);
		for (int i = 1; i < calls.size(); i++) {
			assertThat(Duration.between(calls.get(i - 1), calls.get(i))).isBetween(earliest, latest);
		}
		long ideal = HOUR.toMillis() / lifetime.minus(margin).minus(window.dividedBy(2)).toMillis();
		assertThat((long) calls.size()).isBetween(ideal * 8 / 10, ideal * 13 / 10);
	}

	// Refresh window

	@ParameterizedTest
	@CsvSource({ "PT15M, PT1M, PT5M", "PT1H, PT1M, PT15M", "PT12H, PT1M, PT1H" })
	void refreshHappensInsideTheWindowBeforeStaleness(Duration lifetime, Duration margin, Duration window) {
		this.fetcher.thenAlways(this.fetcher.lifetime(lifetime));
		started();
		List<Long> offsets = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			TokenState state = this.provider.state();
			assertThat(Duration.between(state.issuedAt(), state.staleAt())).isEqualTo(lifetime.minus(margin));
			assertThat(state.nextRefresh()).isBetween(state.staleAt().minus(window), state.staleAt());
			offsets.add(Duration.between(state.staleAt().minus(window), state.nextRefresh()).toMillis());
			int calls = this.fetcher.calls();
			advanceTo(state.nextRefresh());
			assertThat(this.fetcher.calls()).isEqualTo(calls + 1);
			assertThat(this.fetcher.callTimes().get(calls)).isEqualTo(state.nextRefresh());
		}
		long spread = offsets.stream().mapToLong(Long::longValue).max().getAsLong()
				- offsets.stream().mapToLong(Long::longValue).min().getAsLong();
		assertThat(spread).as("jitter").isGreaterThan(window.toMillis() / 4);
	}

	// Clock jumps

	@Test
	void clockJumpForwardWithoutCallersIsCaughtByTheRefreshThread() {
		started();
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.EXPIRED);
		this.scheduler.advance(Duration.ofMinutes(1));
		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.FRESH);
		assertThat(this.provider.getToken()).isEqualTo("secret-token-2");
	}

	@Test
	void clockJumpForwardMakesACallerFetch() {
		started();
		String old = this.provider.getToken();
		this.clock.advance(Duration.ofMinutes(59));
		Caller<String> caller = Caller.start(this.provider::getToken);
		this.scheduler.awaitAndRunDue();
		assertThat(caller.join()).isNotEqualTo(old);
	}

	@Test
	void clockJumpBackwardKeepsTheTokenAndTheRefreshOnTheMonotonicClock() {
		started();
		String old = this.provider.getToken();
		TokenState before = this.provider.state();
		Duration untilRefresh = Duration.between(START, before.nextRefresh());
		this.clock.advance(Duration.ofMinutes(-30));
		// Still fresh on both clocks: served, with the same stale time
		assertThat(this.provider.getToken()).isSameAs(old);
		assertThat(this.provider.state().staleAt()).isEqualTo(before.staleAt());
		// The refresh comes when it was due in real (monotonic) time, not 30 minutes late
		this.scheduler.advance(untilRefresh.minusMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(1);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(this.provider.getToken()).isEqualTo("secret-token-2");
	}

	// Background refresh

	@Test
	void refreshesWithoutCallersForADay() {
		started();
		for (int minute = 0; minute < 24 * 60; minute++) {
			this.scheduler.advance(Duration.ofMinutes(1));
			assertThat(this.provider.state().status()).isEqualTo(TokenStatus.FRESH);
		}
		// Ideal: one fetch per 59 min - 15 min window + 5.6 min mean jitter = 49.6 min, 29 a day
		int calls = this.fetcher.calls();
		System.out.println("FIGURE: 1-hour tokens, no callers, virtual day: " + calls
				+ " fetch calls (ideal about 29, bounds 25..33)");
		assertThat(calls).isBetween(25, 34);
	}

	// refresh()

	@Test
	void refreshFetchesANewTokenNow() {
		started();
		String old = this.provider.getToken();
		Caller<AuthorizationToken> caller = Caller.start(this.provider::refresh);
		this.scheduler.awaitAndRunDue();
		assertThat(caller.join().token()).isNotEqualTo(old);
		assertThat(this.provider.getToken()).isEqualTo("secret-token-2");
		assertThat(this.fetcher.calls()).isEqualTo(2);
	}

	@Test
	void failedRefreshKeepsTheTokenInService() {
		started();
		String old = this.provider.getToken();
		this.fetcher.thenFail(1, ScriptedFetcher.notRetryable("AccessDeniedException"));
		Caller<AuthorizationToken> caller = Caller.start(this.provider::refresh);
		this.scheduler.awaitAndRunDue();
		assertThat(caller.failure()).isInstanceOfSatisfying(CodeArtifactTokenException.class,
				(ex) -> assertThat(ex.getErrorCode()).isEqualTo("AccessDeniedException"));
		assertThat(this.provider.getToken()).isSameAs(old);
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.REFRESH_FAILING);
	}

	@Test
	void refreshRetriesRetryableFailuresWithinTheWait() {
		started();
		this.fetcher.thenFail(1, ScriptedFetcher.retryable("InternalServerException"));
		Caller<AuthorizationToken> caller = Caller.start(this.provider::refresh);
		this.scheduler.awaitAndRunDue();
		advanceTo(this.listener.lastFailure().nextAttempt());
		assertThat(caller.join().token()).isEqualTo("secret-token-2");
	}

	// awaitFirstToken()

	@Test
	void awaitFirstTokenRetriesRetryableFailures() {
		this.fetcher.thenFail(2, ScriptedFetcher.retryable("ThrottlingException"));
		provider().start();
		Caller<AuthorizationToken> caller = Caller.start(this.provider::awaitFirstToken);
		driveUntilDone(caller);
		assertThat(caller.join().token()).isEqualTo("secret-token-1");
		assertThat(this.fetcher.calls()).isEqualTo(3);
	}

	@Test
	void awaitFirstTokenEndsAtOnceOnANonRetryableFailure() {
		this.fetcher.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.notRetryable("ResourceNotFoundException")));
		provider().start();
		Caller<AuthorizationToken> caller = Caller.start(this.provider::awaitFirstToken).awaitWaiting();
		this.scheduler.runDue();
		assertThat(caller.failure()).isInstanceOfSatisfying(CodeArtifactTokenException.class, (ex) -> {
			assertThat(ex.getErrorCode()).isEqualTo("ResourceNotFoundException");
			assertThat(ex.isRetryable()).isFalse();
		});
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(this.provider::awaitFirstToken);
		assertThat(this.fetcher.calls()).isEqualTo(1);
	}

	@Test
	void awaitFirstTokenOnAnEngineStartedEarlierEndsAtOnceOnTheSetUpFailureItAlreadyHad() {
		CodeArtifactTokenException noCredentials = new CodeArtifactTokenException("no credentials", null, "my-domain",
				true, null, true, null);
		this.fetcher.thenAlways(ScriptedFetcher.fail(noCredentials));
		provider().start();
		// The first fetch fails before anyone waits, as when the engine starts with its bean
		this.scheduler.runDue();
		Caller<AuthorizationToken> caller = Caller.start(this.provider::awaitFirstToken);
		await().until(caller::isDone);
		assertThat(caller.failure()).isInstanceOf(CodeArtifactTokenException.class).hasCause(noCredentials);
		assertThat(this.fetcher.calls()).isEqualTo(1);
	}

	@Test
	void awaitFirstTokenTimesOutWithTheLastFailure() {
		this.settings = new TokenRefreshSettings(Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(1),
				Duration.ofMinutes(2), 2, Duration.ofMinutes(5), Duration.ofMillis(300));
		this.fetcher.thenAlways(ScriptedFetcher.fail(ScriptedFetcher.retryable("InternalServerException")));
		started();
		long before = System.nanoTime();
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(this.provider::awaitFirstToken)
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("InternalServerException");
				assertThat(ex.getMessage()).contains("my-domain");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void awaitFirstTokenReturnsTheTokenInHand() {
		started();
		assertThat(this.provider.awaitFirstToken().token()).isEqualTo("secret-token-1");
	}

	// Waiters: interruption and close

	@Test
	void interruptedWaiterGetsAnExceptionAndKeepsItsFlag() {
		provider();
		Caller<String> caller = Caller.start(this.provider::getToken).awaitWaiting();
		caller.interrupt();
		assertThat(caller.failure()).isInstanceOf(CodeArtifactTokenException.class);
		assertThat(caller.interruptedAtEnd()).isTrue();
	}

	@Test
	void callerInterruptedBeforeTheWaitKeepsItsFlag() {
		provider();
		Caller<String> caller = Caller.startInterrupted(this.provider::getToken);
		assertThat(caller.failure()).isInstanceOf(CodeArtifactTokenException.class);
		assertThat(caller.interruptedAtEnd()).isTrue();
	}

	@Test
	void closeReleasesWaitersAndClosesTheScheduler() {
		started();
		this.clock.advance(Duration.ofHours(2));
		Caller<String> caller = Caller.start(this.provider::getToken).awaitWaiting();
		this.provider.close();
		assertThat(caller.failure()).isInstanceOfSatisfying(CodeArtifactTokenException.class,
				(ex) -> assertThat(ex.getMessage()).contains("closed"));
		assertThat(this.scheduler.isClosed()).isTrue();
		this.provider.close();
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(this.provider::getToken);
		assertThat(this.provider.state().nextRefresh()).isNull();
	}

	// State and listener

	@Test
	void stateFollowsTheEngine() {
		AtomicReference<TokenStatus> duringFetch = new AtomicReference<>();
		this.fetcher.thenAlways((now) -> {
			duringFetch.set(this.provider.state().status());
			return this.fetcher.lifetime(HOUR).apply(now);
		});
		provider();
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.NO_TOKEN);
		this.provider.start();
		this.scheduler.runDue();
		assertThat(duringFetch.get()).isEqualTo(TokenStatus.NO_TOKEN);
		TokenState state = this.provider.state();
		assertThat(state.status()).isEqualTo(TokenStatus.FRESH);
		assertThat(state.expiration()).isEqualTo(START.plus(HOUR));
		assertThat(state.issuedAt()).isEqualTo(START);
		assertThat(state.staleAt()).isEqualTo(START.plus(Duration.ofMinutes(59)));
		assertThat(state.lastAttempt()).isEqualTo(START);
		assertThat(state.refreshCount()).isEqualTo(1);
		assertThat(state.toString()).doesNotContain("secret-token");
		advanceTo(state.nextRefresh());
		assertThat(duringFetch.get()).isEqualTo(TokenStatus.REFRESHING);
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.provider.state().status()).isEqualTo(TokenStatus.EXPIRED);
	}

	@Test
	void listenerIsToldOfEachOutcome() {
		this.fetcher.thenFail(1, ScriptedFetcher.retryable("InternalServerException"));
		started();
		advanceTo(this.listener.lastFailure().nextAttempt());
		assertThat(this.listener.failures).hasSize(1);
		assertThat(this.listener.failures.get(0).elapsedNanos()).isNotNegative();
		assertThat(this.listener.refreshed).extracting(AuthorizationToken::token).containsExactly("secret-token-1");
	}

	@Test
	void failingListenerDoesNotStopTheEngine() {
		this.providerListener = new TokenRefreshListener() {

			@Override
			public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
				throw new IllegalStateException("listener");
			}

			@Override
			public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
				throw new IllegalStateException("listener");
			}

		};
		this.fetcher.thenFail(1, ScriptedFetcher.retryable("InternalServerException"));
		started();
		this.scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.provider.getToken()).isEqualTo("secret-token-1");
		advanceTo(this.provider.state().nextRefresh());
		assertThat(this.fetcher.calls()).isEqualTo(3);
	}

	@Test
	void unexpectedFetcherExceptionIsARetryableFailure() {
		this.fetcher.then((now) -> {
			throw new IllegalStateException("boom");
		});
		started();
		CodeArtifactTokenException failure = this.listener.lastFailure().exception();
		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getCause()).hasMessage("boom");
	}

}
