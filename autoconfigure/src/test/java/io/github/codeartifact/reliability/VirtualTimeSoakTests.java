package io.github.codeartifact.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.codeartifact.test.MutableClock;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenRefreshListener;
import io.github.codeartifact.token.TokenRefreshSettings;
import io.github.codeartifact.token.VirtualTimeScheduler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty simulated days in pure virtual time: a scripted service whose tokens live from 15 minutes
 * to 12 hours ({@code duration} set) or, on days drawn at random with even odds, 30 seconds to 1 hour
 * ({@code duration=0}, tokens that end with the role session); a fifth of the calls failing with one of the faults of the
 * fault matrix; the clock jumping up to 5 minutes either way every few hours; callers at random
 * times. The seed is fixed for reproducibility; {@code -Dcodeartifact.soak.seed=N} replays another.
 * <p>
 * Every check uses the engine's own clock: a token handed out is stale when that clock reads at or
 * past its expiration less its stale margin (the configured margin, at most a quarter of its
 * lifetime). A backward jump makes a token look fresh longer, exactly as it does to the engine.
 */
class VirtualTimeSoakTests {

	static final long DEFAULT_SEED = 20250301L;

	static final Duration DAYS = Duration.ofDays(30);

	static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

	static final Duration MARGIN = TokenRefreshSettings.DEFAULT_STALE_MARGIN;

	static final Duration MEAN_CALLER_GAP = Duration.ofSeconds(20);

	static final Duration MEAN_JUMP_GAP = Duration.ofHours(4);

	static final Duration MAX_JUMP = Duration.ofMinutes(5);

	static final double FAILURE_RATE = 0.2;

	static final Duration LONG_MIN = Duration.ofMinutes(15);

	static final Duration LONG_MAX = Duration.ofHours(12);

	static final Duration SHORT_MIN = Duration.ofSeconds(30);

	static final Duration SHORT_MAX = Duration.ofHours(1);

	@Test
	void thirtyDaysOfRandomLifetimesFaultsAndClockJumps() {
		long seed = Long.getLong("codeartifact.soak.seed", DEFAULT_SEED);
		System.out.println("FIGURE: soak seed " + seed + " (replay with -Dcodeartifact.soak.seed=" + seed + ")");
		long wallStart = System.nanoTime();
		SplittableRandom random = new SplittableRandom(seed);
		MutableClock clock = MutableClock.startingAt(Instant.parse("2025-03-01T00:00:00Z"));
		VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
		boolean[] roleSessionDays = new boolean[(int) DAYS.toDays() + 1];
		SplittableRandom dayModes = random.split();
		for (int day = 0; day < roleSessionDays.length; day++) {
			roleSessionDays[day] = dayModes.nextBoolean();
		}
		SoakService service = new SoakService(clock, random.split(), roleSessionDays, scheduler::virtualMillis);
		InService inService = new InService();
		// Callers never wait: the test thread is the only one that runs the engine's tasks
		TokenRefreshSettings settings = new TokenRefreshSettings(MARGIN, Duration.ofNanos(1),
				TokenRefreshSettings.DEFAULT_INITIAL_BACKOFF, TokenRefreshSettings.DEFAULT_MAX_BACKOFF,
				TokenRefreshSettings.DEFAULT_MULTIPLIER, TokenRefreshSettings.DEFAULT_NON_RETRYABLE_BACKOFF,
				TokenRefreshSettings.DEFAULT_STARTUP_TIMEOUT);
		SplittableRandom events = random.split();
		long callerCalls = 0;
		long served = 0;
		long stale = 0;
		long expired = 0;
		long refusedWithFresh = 0;
		long refusedWithoutFresh = 0;
		long refusedWhileReplacedTokenFresh = 0;
		long jumps = 0;
		long jumpsPastStaleness = 0;
		long outageStart = -1;
		long longestOutage = 0;
		try (RefreshingCodeArtifactTokenProvider provider = new RefreshingCodeArtifactTokenProvider("my-domain",
				service, settings, clock, scheduler, inService, random.split())) {
			provider.start();
			scheduler.runDue();
			long end = DAYS.toMillis();
			long nextCaller = exponential(events, MEAN_CALLER_GAP);
			long nextJump = exponential(events, MEAN_JUMP_GAP);
			while (Math.min(nextCaller, nextJump) < end) {
				if (nextJump < nextCaller) {
					scheduler.advance(Duration.ofMillis(nextJump - scheduler.virtualMillis()));
					AuthorizationToken held = inService.token;
					boolean freshBefore = held != null && Freshness.isFresh(held, MARGIN, clock.instant());
					clock.advance(Duration.ofMillis(events.nextLong(-MAX_JUMP.toMillis(), MAX_JUMP.toMillis() + 1)));
					if (freshBefore && !Freshness.isFresh(held, MARGIN, clock.instant())) {
						jumpsPastStaleness++;
					}
					jumps++;
					nextJump += exponential(events, MEAN_JUMP_GAP);
					continue;
				}
				scheduler.advance(Duration.ofMillis(nextCaller - scheduler.virtualMillis()));
				nextCaller += exponential(events, MEAN_CALLER_GAP);
				callerCalls++;
				Instant now = clock.instant();
				AuthorizationToken held = inService.token;
				boolean engineHoldsFresh = held != null && Freshness.isFresh(held, MARGIN, now);
				try {
					String value = provider.getToken();
					AuthorizationToken token = service.issued.get(value);
					assertThat(token).as("a token the service issued").isNotNull();
					if (!Freshness.isFresh(token, MARGIN, now)) {
						stale++;
					}
					if (Freshness.isExpired(token, now)) {
						expired++;
					}
					served++;
					if (outageStart >= 0) {
						longestOutage = Math.max(longestOutage, scheduler.virtualMillis() - outageStart);
						outageStart = -1;
					}
				}
				catch (CodeArtifactTokenException ex) {
					if (engineHoldsFresh) {
						refusedWithFresh++;
					}
					else {
						refusedWithoutFresh++;
						if (inService.anyFresh(now)) {
							refusedWhileReplacedTokenFresh++;
						}
					}
					if (outageStart < 0) {
						outageStart = scheduler.virtualMillis();
					}
				}
			}
		}
		double days = DAYS.toHours() / 24.0;
		double callsPerDay = service.calls / days;
		double idealCalls = 0;
		int roleSessionDayCount = 0;
		for (int day = 0; day < DAYS.toDays(); day++) {
			roleSessionDayCount += roleSessionDays[day] ? 1 : 0;
			idealCalls += DAY_MILLIS / (roleSessionDays[day] ? meanUsable(SHORT_MIN, SHORT_MAX)
					: meanUsable(LONG_MIN, LONG_MAX));
		}
		double idealPerDay = idealCalls / days;
		double ratio = callsPerDay / idealPerDay;
		long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
		System.out.printf("FIGURE: soak %.0f simulated days: %d getToken() calls (%d served), %d GetAuthorizationToken"
				+ " calls (%d failed, %.1f%%), %d clock jumps of up to 5 min either way (%d of them past the stale time of"
				+ " the token in service)%n", days, callerCalls, served, service.calls, service.failures,
				100.0 * service.failures / service.calls, jumps, jumpsPastStaleness);
		System.out.println("FIGURE: soak stale or expired tokens handed out: " + (stale + expired) + " (stale " + stale
				+ ", expired " + expired + ")");
		System.out.println("FIGURE: soak failed getToken() calls while the engine held a fresh token: "
				+ refusedWithFresh);
		System.out.printf("FIGURE: soak getToken() calls refused while no fresh token was held: %d (%.2f%% of calls;"
				+ " %d of them while an older token, replaced by a shorter-lived one, was still fresh); longest"
				+ " stretch without a fresh token seen by callers: %d s%n", refusedWithoutFresh,
				100.0 * refusedWithoutFresh / callerCalls, refusedWhileReplacedTokenFresh, longestOutage / 1000);
		System.out.printf("FIGURE: soak GetAuthorizationToken calls per day: %.1f against an ideal of %.1f (ratio"
				+ " %.2f; ideal = sum over days of 24 h / mean usable lifetime of the day's lifetime range, %.1f min"
				+ " for 15 min-12 h, %.1f min for 30 s-1 h (%d of %d days), usable = lifetime - stale margin: one"
				+ " call per token, fetched as its predecessor goes stale, no failure)%n", callsPerDay, idealPerDay,
				ratio, meanUsable(LONG_MIN, LONG_MAX) / 60_000.0, meanUsable(SHORT_MIN, SHORT_MAX) / 60_000.0,
				roleSessionDayCount, DAYS.toDays());
		System.out.println("FIGURE: soak wall time " + wallMillis + " ms");
		assertThat(stale + expired).as("stale or expired tokens handed out").isZero();
		assertThat(refusedWithFresh).as("calls refused while the engine held a fresh token").isZero();
		assertThat(ratio).as("calls per day against the ideal").isLessThanOrEqualTo(2.0);
		assertThat(served).as("calls served").isGreaterThan(callerCalls * 9 / 10);
		assertThat(wallMillis).as("wall time").isLessThan(10_000);
	}

	/**
	 * Mean of {@code lifetime - min(margin, lifetime / 4)} for lifetimes uniform over a range,
	 * integrated numerically per second.
	 */
	static double meanUsable(Duration min, Duration max) {
		double sum = 0;
		long count = 0;
		for (long seconds = min.toSeconds(); seconds <= max.toSeconds(); seconds++) {
			double lifetime = seconds * 1000.0;
			sum += lifetime - Math.min(MARGIN.toMillis(), lifetime / 4);
			count++;
		}
		return sum / count;
	}

	private static long exponential(SplittableRandom random, Duration mean) {
		return Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis()));
	}

	/**
	 * The token the engine holds (its last accepted one), and every token it accepted.
	 */
	static final class InService implements TokenRefreshListener {

		volatile AuthorizationToken token;

		private final java.util.List<AuthorizationToken> all = new java.util.ArrayList<>();

		@Override
		public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
			this.token = token;
			this.all.add(token);
		}

		boolean anyFresh(Instant now) {
			for (int i = this.all.size() - 1; i >= 0 && i >= this.all.size() - 50; i--) {
				if (Freshness.isFresh(this.all.get(i), MARGIN, now)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * The scripted service: random lifetimes, a fifth of the calls failing as the fault matrix's
	 * faults do once the SDK fetcher has classified them.
	 */
	static final class SoakService implements AuthorizationTokenFetcher {

		final Map<String, AuthorizationToken> issued = new HashMap<>();

		private final MutableClock clock;

		private final SplittableRandom random;

		private final boolean[] roleSessionDays;

		private final java.util.function.LongSupplier virtualMillis;

		long calls;

		long failures;

		SoakService(MutableClock clock, SplittableRandom random, boolean[] roleSessionDays,
				java.util.function.LongSupplier virtualMillis) {
			this.clock = clock;
			this.random = random;
			this.roleSessionDays = roleSessionDays;
			this.virtualMillis = virtualMillis;
		}

		@Override
		public AuthorizationToken fetch() {
			this.calls++;
			Instant now = this.clock.instant();
			if (this.random.nextDouble() < FAILURE_RATE) {
				this.failures++;
				return fault(now);
			}
			boolean roleSession = this.roleSessionDays[(int) (this.virtualMillis.getAsLong() / DAY_MILLIS)];
			Duration lifetime = roleSession ? between(SHORT_MIN, SHORT_MAX) : between(LONG_MIN, LONG_MAX);
			return issue(now, now.plus(lifetime));
		}

		private AuthorizationToken fault(Instant now) {
			switch (this.random.nextInt(10)) {
				case 0:
					throw failure("ThrottlingException", Duration.ofSeconds(this.random.nextInt(1, 61)));
				case 1:
					throw failure("ThrottlingException", null);
				case 2:
					throw failure("InternalServerException", null);
				case 3:
					throw failure("CodeartifactException", null);
				case 4:
					throw failure(null, null); // connection reset
				case 5:
					// The client's API call timeout: the call took a second
					this.clock.advance(Duration.ofSeconds(1));
					throw failure(null, null);
				case 6:
				case 7:
					throw failure("MalformedResponse", null); // truncated JSON, missing fields
				case 8:
					return issue(now, now.minus(Duration.ofMinutes(1))); // expired
				default:
					// Expiring inside the configured margin
					return issue(now, now.plus(between(Duration.ofSeconds(1), MARGIN)));
			}
		}

		private AuthorizationToken issue(Instant now, Instant expiration) {
			AuthorizationToken token = new AuthorizationToken("soak-token-" + this.calls, expiration, now);
			this.issued.put(token.token(), token);
			return token;
		}

		private Duration between(Duration min, Duration max) {
			return Duration.ofMillis(this.random.nextLong(min.toMillis(), max.toMillis() + 1));
		}

		private static CodeArtifactTokenException failure(String errorCode, Duration retryAfter) {
			return new CodeArtifactTokenException("GetAuthorizationToken failed for domain 'my-domain': " + errorCode,
					errorCode, "my-domain", true, retryAfter, null);
		}

	}

}
