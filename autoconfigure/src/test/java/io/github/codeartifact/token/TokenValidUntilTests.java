package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.codeartifact.buildtools.BuildToolSession;
import io.github.codeartifact.buildtools.CodeArtifactBuildTools;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RefreshingCodeArtifactTokenProvider#getAuthorizationToken(Instant)}, as build-tool sessions
 * use it, in virtual time: a token that outlives a run comes through the single flight, is never
 * counted as a forced refresh, is not refused within the minimum forced interval, and no caller can
 * multiply the calls when no token lives long enough.
 */
class TokenValidUntilTests extends VirtualTimeEngineTestBase {

	/** Twenty minutes before the end of the first 1 h token, before its refresh window opens. */
	private static final Instant NEAR_THE_END = START.plus(Duration.ofMinutes(40));

	/** A run that needs 31 minutes with the stale margin: longer than the 20 left. */
	private static final Duration RUN = Duration.ofMinutes(30);

	private CodeArtifactBuildTools buildTools() {
		return new CodeArtifactBuildTools(this.provider, null, List.of(), this.settings.staleMargin(),
				ScriptedFetcher.DOMAIN, this.clock);
	}

	private String open(CodeArtifactBuildTools buildTools) {
		try (BuildToolSession session = buildTools.open(RUN)) {
			return session.environment().get(BuildToolSession.CODEARTIFACT_AUTH_TOKEN);
		}
	}

	/** A caller on its own thread while the test thread runs whatever falls due. */
	private <T> Caller<T> callDriving(Supplier<T> call) {
		Caller<T> caller = Caller.start(call);
		Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
			if (this.scheduler.hasDueTask()) {
				this.scheduler.runDue();
			}
			return caller.isDone();
		});
		return caller;
	}

	@Test
	void theTokenInServiceIsServedWhenItLivesLongEnough() {
		started();
		advanceTo(START.plus(Duration.ofMinutes(10)));
		assertThat(open(buildTools())).isEqualTo("secret-token-1");
		assertThat(this.fetcher.calls()).isEqualTo(1);
	}

	@Test
	void hundredConcurrentSessionsNearTheTokensEndMakeOneCall() {
		started();
		advanceTo(NEAR_THE_END);
		assertThat(this.fetcher.calls()).isEqualTo(1);
		CodeArtifactBuildTools buildTools = buildTools();
		List<Caller<String>> callers = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			callers.add(Caller.start(() -> open(buildTools)));
		}
		callers.forEach(Caller::awaitWaiting);
		this.scheduler.runDue();
		assertThat(callers).allSatisfy((caller) -> assertThat(caller.join()).isEqualTo("secret-token-2"));
		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(this.provider.state().forcedRefreshCount()).isZero();
		assertThat(this.provider.state().refusedRefreshCount()).isZero();
	}

	@Test
	void withinTheMinForcedIntervalAfterAForcedRefreshASessionStillGetsALongEnoughToken() {
		// The forced refresh comes while the role session ends: duration 0 gives a 10 min token
		this.fetcher.then(this.fetcher.lifetime(HOUR)).then(this.fetcher.lifetime(Duration.ofMinutes(10)));
		started();
		advanceTo(NEAR_THE_END);
		assertThat(callDriving(this.provider::refresh).join().token()).isEqualTo("secret-token-2");
		// The role session is renewed; a session opens within the minimum forced interval
		this.scheduler.advance(Duration.ofSeconds(5));
		assertThat(callDriving(() -> open(buildTools())).join()).isEqualTo("secret-token-3");
		assertThat(this.fetcher.calls()).isEqualTo(3);
		assertThat(this.provider.state().forcedRefreshCount()).isEqualTo(1);
		assertThat(this.provider.state().refusedRefreshCount()).isZero();
	}

	@Test
	void whenNoTokenLivesLongEnoughSessionsFailWithOneCallPerMinForcedInterval() {
		// duration 0 near the end of a role session: every token lives 10 minutes
		this.fetcher.thenAlways(this.fetcher.lifetime(Duration.ofMinutes(10)));
		started();
		CodeArtifactBuildTools buildTools = buildTools();
		Caller<String> first = callDriving(() -> open(buildTools));
		assertThat(first.failure()).isInstanceOf(CodeArtifactTokenException.class)
			.hasMessageContaining("No CodeArtifact token lives long enough for a build-tool session of PT30M")
			.hasMessageContaining("the newest token expires at " + this.clock.instant().plus(Duration.ofMinutes(10)));
		assertThat(this.fetcher.calls()).isEqualTo(2);
		for (int i = 0; i < 100; i++) {
			// Within the interval no call: the new token could not live long enough either
			assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(() -> open(buildTools))
				.withMessageContaining("No CodeArtifact token lives long enough");
		}
		assertThat(this.fetcher.calls()).isEqualTo(2);
		this.scheduler.advance(TokenRefreshSettings.DEFAULT_MIN_FORCED_INTERVAL);
		assertThat(callDriving(() -> open(buildTools)).failure()).isInstanceOf(CodeArtifactTokenException.class);
		assertThat(this.fetcher.calls()).isEqualTo(3);
		assertThat(this.provider.state().forcedRefreshCount()).isZero();
		assertThat(this.provider.state().refusedRefreshCount()).isZero();
		// The engine's own refreshes go on as before
		assertThat(this.provider.isAttemptPending()).isTrue();
	}

	@Test
	void aProviderOfTheApplicationKeepsItsBehaviourThroughTheDefaultMethod() {
		started();
		advanceTo(NEAR_THE_END);
		CodeArtifactTokenProvider own = new CodeArtifactTokenProvider() {

			@Override
			public AuthorizationToken getAuthorizationToken() {
				return TokenValidUntilTests.this.provider.getAuthorizationToken();
			}

			@Override
			public AuthorizationToken refresh() {
				return TokenValidUntilTests.this.provider.refresh();
			}

		};
		Instant needed = this.clock.instant().plus(RUN);
		assertThat(callDriving(() -> own.getAuthorizationToken(needed)).join().token()).isEqualTo("secret-token-2");
		assertThat(this.provider.state().forcedRefreshCount()).isEqualTo(1);
	}

}
