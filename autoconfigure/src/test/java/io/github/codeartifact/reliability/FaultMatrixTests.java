package io.github.codeartifact.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.codeartifact.repository.EmulatorClients;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.CodeArtifactError;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.test.MutableClock;
import io.github.codeartifact.test.RecordedCall;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.SdkAuthorizationTokenFetcher;
import io.github.codeartifact.token.TokenRefreshListener;
import io.github.codeartifact.token.TokenRefreshSettings;
import io.github.codeartifact.token.TokenStatus;
import io.github.codeartifact.token.VirtualTimeScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every fault the emulator injects, in every phase of a token's life, against the SDK client the
 * auto-configuration builds (no SDK retries, a 1 s attempt timeout from
 * {@code codeartifact.client.api-call-attempt-timeout}) over real HTTP with SigV4, and the engine on
 * a virtual scheduler whose clock the emulator shares: the phases are reached in virtual time, each
 * GetAuthorizationToken is a real HTTP call.
 * <p>
 * Callers probe {@code getToken()} after every step of virtual time (at most one second) without
 * waiting (the test thread is the only one that runs the engine's tasks). In every cell: no stale or
 * expired token is handed out; a fresh token is served whenever the engine holds one; after the
 * fault clears, the next call comes at most {@code max(maxBackoff, Retry-After)} later and succeeds;
 * the service gets exactly the faulted calls plus one.
 */
class FaultMatrixTests {

	static final String DOMAIN = "my-domain";

	static final String OWNER = "111122223333";

	static final Duration LIFETIME = Duration.ofMinutes(15);

	static final Duration MARGIN = Duration.ofMinutes(1);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	static final Duration RETRY_AFTER = Duration.ofSeconds(45);

	static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

	static final Duration LATENCY = Duration.ofMillis(1200);

	/** About 1,300 bytes of answer at this pace: over two minutes, unless a deadline ends the call. */
	static final Duration DRIP_INTERVAL = Duration.ofMillis(100);

	/** What a dripped call may cost: less than a second attempt. */
	static final Duration DRIP_BOUND = ATTEMPT_TIMEOUT.multipliedBy(2);

	/** Callers never wait: a caller that finds no fresh token is refused at once. */
	static final TokenRefreshSettings SETTINGS = new TokenRefreshSettings(MARGIN, Duration.ofNanos(1),
			Duration.ofSeconds(1), MAX_BACKOFF, 2.0, Duration.ofMinutes(5), Duration.ofMinutes(10));

	private static final Map<Fault, Map<Phase, String>> outcomes = new ConcurrentHashMap<>();

	private static MutableClock clock;

	private static CodeArtifactEmulator emulator;

	private static ConfigurableApplicationContext clientContext;

	private static CodeartifactClient client;

	@BeforeAll
	static void startEmulator() {
		clock = MutableClock.startingAt(Instant.parse("2025-03-01T00:00:00Z"));
		emulator = CodeArtifactEmulator.builder().domain(DOMAIN, OWNER).clock(clock).build();
		clientContext = new SpringApplicationBuilder(EmulatorApplication.class, AutoConfiguredClient.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("codeartifact.domain=" + DOMAIN, "codeartifact.region=" + emulator.region(),
					"codeartifact.endpoint=" + emulator.endpoint(),
					"codeartifact.client.api-call-attempt-timeout=" + ATTEMPT_TIMEOUT.toMillis() + "ms",
					"codeartifact.client.api-call-timeout=" + ATTEMPT_TIMEOUT.multipliedBy(2).toMillis() + "ms")
			.run();
		client = clientContext.getBean(CodeartifactClient.class);
	}

	@AfterAll
	static void stopEmulatorAndPrintTable() {
		clientContext.close();
		emulator.close();
		StringBuilder table = new StringBuilder("\n| fault | ");
		for (Phase phase : Phase.values()) {
			table.append(phase.title).append(" | ");
		}
		table.append("\n|---|");
		table.append("---|".repeat(Phase.values().length));
		for (Fault fault : Fault.values()) {
			table.append("\n| ").append(fault.title).append(" | ");
			for (Phase phase : Phase.values()) {
				table.append(outcomes.getOrDefault(fault, Map.of()).getOrDefault(phase, "not run")).append(" | ");
			}
		}
		System.out.println("FAULT MATRIX (virtual time; real HTTP against the emulator)" + table);
	}

	static Stream<Arguments> cells() {
		return Stream.of(Fault.values())
			.flatMap((fault) -> Stream.of(Phase.values()).map((phase) -> Arguments.of(fault, phase)));
	}

	@ParameterizedTest(name = "{0} during {1}")
	@MethodSource("cells")
	void survives(Fault fault, Phase phase) throws Exception {
		emulator.clearFaults();
		VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
		Received received = new Received();
		SdkAuthorizationTokenFetcher fetcher = new SdkAuthorizationTokenFetcher(client, DOMAIN, OWNER, LIFETIME,
				clock);
		Cell cell = new Cell(scheduler, received);
		try (RefreshingCodeArtifactTokenProvider provider = new RefreshingCodeArtifactTokenProvider(DOMAIN, fetcher,
				SETTINGS, clock, scheduler, received, new SplittableRandom(fault.ordinal() * 31L + phase.ordinal()))) {
			cell.provider = provider;
			CompletableFuture<AuthorizationToken> firstToken = null;
			int callsBefore;
			Instant faultQueuedAt;
			switch (phase) {
				case STARTUP -> {
					callsBefore = emulator.authorizationTokenCallCount();
					faultQueuedAt = clock.instant();
					emulator.enqueueFault(fault.fault, fault.times);
					provider.start();
					// As the fail-fast startup does: a thread waits for the first token
					firstToken = CompletableFuture.supplyAsync(provider::awaitFirstToken);
				}
				case WINDOW -> {
					provider.start();
					scheduler.runDue();
					assertThat(received.tokens).hasSize(1);
					Instant nextRefresh = provider.state().nextRefresh();
					assertThat(nextRefresh).isBefore(provider.state().staleAt());
					cell.driveUntil(nextRefresh.minusMillis(1));
					callsBefore = emulator.authorizationTokenCallCount();
					faultQueuedAt = clock.instant();
					emulator.enqueueFault(fault.fault, fault.times);
				}
				default -> {
					provider.start();
					scheduler.runDue();
					// An outage through the whole refresh window: the token goes stale with no successor
					emulator.enqueueFault(EmulatorFault.status(503), 1000);
					cell.driveWhile(() -> provider.state().status() != TokenStatus.EXPIRED);
					emulator.clearFaults();
					callsBefore = emulator.authorizationTokenCallCount();
					faultQueuedAt = clock.instant();
					emulator.enqueueFault(fault.fault, fault.times);
				}
			}
			cell.resetCounts();
			// Until a token of the normal lifetime, fetched after the fault cleared, is in service
			cell.driveWhile(() -> !(emulator.pendingFaults() == 0 && received.normalTokenSince(faultQueuedAt)));
			Instant recoveredAt = clock.instant();
			cell.driveUntil(recoveredAt.plus(Duration.ofMinutes(2)));
			if (firstToken != null) {
				AuthorizationToken first = firstToken.get(10, TimeUnit.SECONDS);
				assertThat(received.tokens).containsValue(first);
			}
			// A call held back by the latency fault is recorded when the emulator answers it
			await().atMost(Duration.ofSeconds(5))
				.until(() -> emulator.authorizationTokenCallCount() - callsBefore >= fault.times + 1);
			List<RecordedCall> calls = new ArrayList<>(emulator.authorizationTokenCalls()
				.subList(callsBefore, emulator.authorizationTokenCallCount()));
			calls.sort(Comparator.comparing(RecordedCall::time));
			Instant clearedAt = calls.stream()
				.filter((call) -> call.fault() != null)
				.map(RecordedCall::time)
				.max(Comparator.naturalOrder())
				.orElseThrow();
			RecordedCall resumed = calls.stream()
				.filter((call) -> call.fault() == null && call.succeeded() && !call.time().isBefore(clearedAt))
				.findFirst()
				.orElseThrow();
			Duration recovery = Duration.between(clearedAt, resumed.time());
			Duration bound = fault.retryAfter.compareTo(MAX_BACKOFF) > 0 ? fault.retryAfter : MAX_BACKOFF;
			int callsToRecover = calls.indexOf(resumed) + 1;

			assertThat(cell.staleHandedOut).as("stale or expired tokens handed out").isZero();
			assertThat(cell.refusedWithFresh).as("calls refused while the engine held a fresh token").isZero();
			assertThat(cell.refusedAfterRecovery).as("calls refused after recovery").isZero();
			assertThat(recovery).as("next call after the fault cleared").isLessThanOrEqualTo(bound);
			assertThat(callsToRecover).as("GetAuthorizationToken calls until recovery").isEqualTo(fault.times + 1);
			assertThat(calls).as("GetAuthorizationToken calls in the cell").hasSize(fault.times + 1);
			assertThat(cell.served).isPositive();
			String cost = "";
			if (fault == Fault.DRIP) {
				Received.Failure drip = received.failureSince(faultQueuedAt);
				assertThat(drip.failure().isRetryable()).as("a drip is retryable").isTrue();
				assertThat(drip.failure().getErrorCode()).as("a client-side failure has no AWS code").isNull();
				assertThat(drip.failure().getMessage()).contains("client-side failure", "ApiCallAttemptTimeoutException");
				assertThat(drip.elapsed()).as("real time of the dripped call").isLessThan(DRIP_BOUND);
				// The engine's own retryable backoff follows, not the non-retryable delay
				assertThat(resumed.time()).isAfterOrEqualTo(drip.nextAttempt());
				assertThat(Duration.between(drip.failedAt(), drip.nextAttempt())).isLessThanOrEqualTo(MAX_BACKOFF);
				cost = "dripped call cut after " + seconds(drip.elapsed()) + "; ";
			}
			if (phase == Phase.WINDOW) {
				assertThat(cell.refused).as("refusals while the old token was fresh").isZero();
			}
			else {
				assertThat(cell.served).isPositive();
			}
			String availability = (cell.refused == 0) ? "fresh token served throughout"
					: "no token until recovery (" + cell.refused + " calls refused at once, none stale)";
			outcomes.computeIfAbsent(fault, (key) -> new EnumMap<>(Phase.class))
				.put(phase, "survived: " + availability + "; " + cost + "next call " + seconds(recovery)
						+ " after the fault (≤ "
						+ seconds(bound) + "); " + calls.size() + " calls (= " + (fault.times + 1) + ")");
		}
	}

	private static String seconds(Duration duration) {
		return String.format("%.1f s", duration.toMillis() / 1000.0);
	}

	@Test
	void theAutoConfiguredClientEndsADripAtTheAttemptTimeout() {
		emulator.clearFaults();
		emulator.enqueueFault(EmulatorFault.drip(DRIP_INTERVAL), 1);
		SdkAuthorizationTokenFetcher fetcher = new SdkAuthorizationTokenFetcher(client, DOMAIN, OWNER, LIFETIME,
				clock);
		long start = System.nanoTime();
		CompletableFuture<AuthorizationToken> fetch = CompletableFuture.supplyAsync(fetcher::fetch);
		await().atMost(DRIP_BOUND).until(fetch::isDone);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(fetch).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(CodeArtifactTokenException.class, (failure) -> {
				assertThat(failure.isRetryable()).isTrue();
				assertThat(failure.getErrorCode()).isNull();
				assertThat(failure.getMessage()).contains("ApiCallAttemptTimeoutException");
			});
		assertThat(took).isGreaterThanOrEqualTo(ATTEMPT_TIMEOUT);
		System.out.println("DRIP: call ended by the " + ATTEMPT_TIMEOUT.toMillis() + " ms attempt timeout after "
				+ took.toMillis() + " ms");
	}

	@Test
	void withoutApiCallTimeoutsADripHoldsTheCallPastTheSocketTimeout() {
		Duration socketTimeout = Duration.ofMillis(500);
		CompletableFuture<AuthorizationToken> fetch;
		try (CodeArtifactEmulator dripping = CodeArtifactEmulator.builder().domain(DOMAIN, OWNER).build();
				CodeartifactClient withoutDeadlines = EmulatorClients.builder(dripping)
					.httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(socketTimeout))
					.build()) {
			// The client of version 0.1: connect and read timeouts only
			assertThat(withoutDeadlines.serviceClientConfiguration().overrideConfiguration().apiCallAttemptTimeout())
				.isEmpty();
			dripping.enqueueFault(EmulatorFault.drip(DRIP_INTERVAL), 1);
			SdkAuthorizationTokenFetcher fetcher = new SdkAuthorizationTokenFetcher(withoutDeadlines, DOMAIN, OWNER,
					LIFETIME, clock);
			fetch = CompletableFuture.supplyAsync(fetcher::fetch);
			// Every byte comes within the read timeout: four read timeouts later, the call still runs
			await().during(socketTimeout.multipliedBy(4))
				.atMost(socketTimeout.multipliedBy(6))
				.until(() -> !fetch.isDone());
		}
		// Only closing the emulator ended it
		assertThat(fetch).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CodeArtifactTokenException.class);
	}

	/**
	 * With {@link EmulatorApplication}, the auto-configured client alone: each cell runs its own
	 * engine on a virtual scheduler, so the context's token provider is replaced by one that is never
	 * called.
	 */
	@Configuration(proxyBeanMethods = false)
	static class AutoConfiguredClient {

		@Bean
		CodeArtifactTokenProvider unusedTokenProvider() {
			return new CodeArtifactTokenProvider() {

				@Override
				public AuthorizationToken getAuthorizationToken() {
					throw new UnsupportedOperationException("Each cell runs its own engine");
				}

				@Override
				public AuthorizationToken refresh() {
					throw new UnsupportedOperationException("Each cell runs its own engine");
				}

			};
		}

	}

	/**
	 * The faults, with the emulator calls each one takes: the JDK's HTTP client silently resends a
	 * request once when the connection is reset, so one failed fetch is two resets.
	 */
	enum Fault {

		THROTTLED_RETRY_AFTER("429 ThrottlingException with Retry-After: 45",
				EmulatorFault.error(CodeArtifactError.THROTTLING).retryAfter(RETRY_AFTER), 1, RETRY_AFTER),

		THROTTLED("429 ThrottlingException without Retry-After", EmulatorFault.error(CodeArtifactError.THROTTLING), 1,
				Duration.ZERO),

		INTERNAL_ERROR("500 InternalServerException", EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER), 1,
				Duration.ZERO),

		UNAVAILABLE("503 without error type", EmulatorFault.status(503), 1, Duration.ZERO),

		CONNECTION_RESET("connection reset (x2: the JDK resends once)", EmulatorFault.connectionReset(), 2,
				Duration.ZERO),

		LATENCY("1.2 s latency, client attempt timeout 1 s", EmulatorFault.latency(FaultMatrixTests.LATENCY), 1,
				Duration.ZERO),

		MALFORMED_JSON("200 with truncated JSON", EmulatorFault.malformedBody(), 1, Duration.ZERO),

		MISSING_FIELDS("200 with {}", EmulatorFault.missingFields(), 1, Duration.ZERO),

		EXPIRED("token expired a minute ago", EmulatorFault.expiredToken(), 1, Duration.ZERO),

		EXPIRING("token expiring in 30 s (inside the 1 min margin)", EmulatorFault.expiringIn(Duration.ofSeconds(30)),
				1, Duration.ZERO),

		// Last, so that the other cells keep their random seeds (and figures)
		DRIP("answer dripped a byte every 100 ms, client attempt timeout 1 s",
				EmulatorFault.drip(FaultMatrixTests.DRIP_INTERVAL), 1, Duration.ZERO);

		final String title;

		final EmulatorFault fault;

		final int times;

		final Duration retryAfter;

		Fault(String title, EmulatorFault fault, int times, Duration retryAfter) {
			this.title = title;
			this.fault = fault;
			this.times = times;
			this.retryAfter = retryAfter;
		}

	}

	enum Phase {

		STARTUP("startup (first token)"),

		WINDOW("background refresh in the window"),

		STALE("after staleness (outage through the window)");

		final String title;

		Phase(String title) {
			this.title = title;
		}

	}

	/**
	 * The tokens the engine accepted, by value, and its failures.
	 */
	static final class Received implements TokenRefreshListener {

		final Map<String, AuthorizationToken> tokens = new ConcurrentHashMap<>();

		final List<AuthorizationToken> inOrder = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<Failure> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
			this.tokens.put(token.token(), token);
			this.inOrder.add(token);
		}

		@Override
		public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
			this.failures.add(new Failure(failure, Duration.ofNanos(elapsedNanos), clock.instant(), nextAttempt));
		}

		/** The one failure since an instant. */
		Failure failureSince(Instant since) {
			List<Failure> since0 = this.failures.stream().filter((f) -> !f.failedAt().isBefore(since)).toList();
			assertThat(since0).as("failures since %s", since).hasSize(1);
			return since0.get(0);
		}

		record Failure(CodeArtifactTokenException failure, Duration elapsed, Instant failedAt, Instant nextAttempt) {
		}

		boolean normalTokenSince(Instant since) {
			return this.inOrder.stream()
				.anyMatch((token) -> !token.issuedAt().isBefore(since) && token.lifetime().compareTo(LIFETIME) >= 0);
		}

		boolean anyFresh(Instant now) {
			return this.inOrder.stream().anyMatch((token) -> Freshness.isFresh(token, MARGIN, now));
		}

	}

	/**
	 * Moves virtual time in steps of at most a second and probes the provider after each.
	 */
	static final class Cell {

		private static final int MAX_STEPS = 50_000;

		final VirtualTimeScheduler scheduler;

		final Received received;

		RefreshingCodeArtifactTokenProvider provider;

		int steps;

		int served;

		int refused;

		int staleHandedOut;

		int refusedWithFresh;

		int refusedAfterRecovery;

		Cell(VirtualTimeScheduler scheduler, Received received) {
			this.scheduler = scheduler;
			this.received = received;
		}

		void resetCounts() {
			this.served = 0;
			this.refused = 0;
		}

		void driveUntil(Instant until) {
			while (clock.instant().isBefore(until)) {
				Duration left = Duration.between(clock.instant(), until);
				step(left.compareTo(Duration.ofSeconds(1)) < 0 ? left : Duration.ofSeconds(1));
			}
		}

		void driveWhile(java.util.function.BooleanSupplier condition) {
			while (condition.getAsBoolean()) {
				step(Duration.ofSeconds(1));
			}
		}

		private void step(Duration limit) {
			assertThat(++this.steps).as("steps of virtual time").isLessThan(MAX_STEPS);
			this.scheduler.step(limit);
			probe();
		}

		private void probe() {
			Instant now = clock.instant();
			AuthorizationToken inService = this.received.inOrder.isEmpty() ? null
					: this.received.inOrder.get(this.received.inOrder.size() - 1);
			boolean engineHoldsFresh = inService != null && Freshness.isFresh(inService, MARGIN, now);
			try {
				String value = this.provider.getToken();
				AuthorizationToken token = this.received.tokens.get(value);
				assertThat(token).as("a token the engine received").isNotNull();
				assertThat(emulator.isValidToken(value)).as("valid at the emulator").isTrue();
				if (!Freshness.isFresh(token, MARGIN, now) || Freshness.isExpired(token, now)) {
					this.staleHandedOut++;
				}
				this.served++;
			}
			catch (CodeArtifactTokenException ex) {
				this.refused++;
				if (engineHoldsFresh) {
					this.refusedWithFresh++;
				}
			}
		}

	}

}
