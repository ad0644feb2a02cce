package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import io.github.codeartifact.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A virtual day of 15-minute tokens with one caller every few seconds: how many calls the service
 * gets and how long callers wait.
 */
class TokenRefreshSimulationTests {

	@Test
	void dayOfFifteenMinuteTokens() {
		MutableClock clock = MutableClock.startingAt(Instant.parse("2025-01-01T00:00:00Z"));
		VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
		ScriptedFetcher fetcher = new ScriptedFetcher(clock, Duration.ofMinutes(15));
		try (RefreshingCodeArtifactTokenProvider provider = new RefreshingCodeArtifactTokenProvider(
				ScriptedFetcher.DOMAIN, fetcher, TokenRefreshSettings.defaults(), clock, scheduler,
				TokenRefreshListener.NONE, new SplittableRandom(42))) {
			provider.start();
			scheduler.runDue();
			Duration callerEvery = Duration.ofSeconds(5);
			long calls = Duration.ofDays(1).dividedBy(callerEvery);
			Duration longestWait = Duration.ZERO;
			for (long i = 0; i < calls; i++) {
				scheduler.advance(callerEvery);
				Duration wait = Duration.ZERO;
				if (provider.state().status() == TokenStatus.EXPIRED) {
					// Would wait: let a caller wait while virtual time moves
					Instant from = clock.instant();
					Caller<String> caller = Caller.start(provider::getToken).awaitWaiting();
					while (!caller.isDone()) {
						scheduler.advance(Duration.ofMillis(10));
						caller.awaitWaiting();
					}
					caller.join();
					wait = Duration.between(from, clock.instant());
				}
				else {
					assertThat(provider.getToken()).startsWith("secret-token-");
				}
				longestWait = (wait.compareTo(longestWait) > 0) ? wait : longestWait;
			}
			// Ideal: a refresh every 15 min - 1 min margin - mean offset into the 5 min window
			double wholeWindowIdeal = 24 * 60 / (15 - 1 - 2.5);
			double ourIdeal = 24 * 60 / (15 - 1 - 5 + 5 * 3 / 8.0);
			System.out.println("FIGURE: 15-minute tokens, 1 caller every 5 s, virtual day: " + fetcher.calls()
					+ " GetAuthorizationToken calls (ideal " + Math.round(ourIdeal) + " with jitter over the first"
					+ " 3/4 of the window; " + Math.round(wholeWindowIdeal) + " if jittered over the whole window)");
			System.out.println("FIGURE: 15-minute tokens, virtual day: " + calls + " caller calls, longest caller wait "
					+ longestWait.toMillis() + " ms");
			assertThat(longestWait).isZero();
			assertThat(fetcher.calls()).isBetween(120, 150);
		}
	}

}
