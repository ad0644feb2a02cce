package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import io.github.codeartifact.repository.EmulatorClients;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A virtual day of 15-minute tokens against the emulator: real SDK client, SigV4 and HTTP, with
 * the emulator's clock shared with the engine's so that a day passes in seconds. One caller every
 * 5 virtual seconds; every token handed out must be one the emulator issued and still valid by the
 * shared clock.
 */
class TokenRefreshEmulatorDayTests {

	private static final String DOMAIN = "my-domain";

	private static final String OWNER = "111122223333";

	@Test
	void dayOfFifteenMinuteTokensAgainstTheEmulator() {
		MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
		VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
		try (CodeArtifactEmulator emulator = CodeArtifactEmulator.builder().domain(DOMAIN, OWNER).clock(clock).build();
				CodeartifactClient client = EmulatorClients.client(emulator);
				RefreshingCodeArtifactTokenProvider provider = new RefreshingCodeArtifactTokenProvider(DOMAIN,
						new SdkAuthorizationTokenFetcher(client, DOMAIN, OWNER, Duration.ofMinutes(15), clock),
						TokenRefreshSettings.defaults(), clock, scheduler,
						TokenRefreshListener.NONE, new SplittableRandom(7))) {
			provider.start();
			scheduler.runDue();
			Duration callerEvery = Duration.ofSeconds(5);
			long callerCalls = Duration.ofDays(1).dividedBy(callerEvery);
			long longestNanos = 0;
			for (long i = 0; i < callerCalls; i++) {
				scheduler.advance(callerEvery);
				long start = System.nanoTime();
				String token = provider.getToken();
				longestNanos = Math.max(longestNanos, System.nanoTime() - start);
				assertThat(emulator.isValidToken(token)).as("token handed out at %s", clock.instant()).isTrue();
			}
			int serviceCalls = emulator.authorizationTokenCallCount();
			System.out.println("FIGURE: emulator, 15-minute tokens (duration=15m), virtual day, 1 caller every 5 s: "
					+ serviceCalls + " GetAuthorizationToken calls for " + callerCalls + " getToken() calls; longest "
					+ "getToken() call " + Duration.ofNanos(longestNanos).toMillis() + " ms of real time");
			// A refresh every 15 min - 1 min margin - jitter in the first 3/4 of the 5-minute window: ~132 a day
			assertThat(serviceCalls).isBetween(120, 150);
			assertThat(provider.state().failureCount()).isZero();
			// Fetches run on this thread, so a caller that had to wait would have timed out instead
			assertThat(Duration.ofNanos(longestNanos)).isLessThan(Duration.ofSeconds(1));
		}
	}

}
