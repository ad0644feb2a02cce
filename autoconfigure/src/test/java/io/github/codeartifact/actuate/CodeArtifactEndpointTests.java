package io.github.codeartifact.actuate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenState;
import io.github.codeartifact.token.TokenStatus;
import org.junit.jupiter.api.Test;

import static io.github.codeartifact.actuate.TestStates.CLOCK;
import static io.github.codeartifact.actuate.TestStates.NOW;
import static io.github.codeartifact.actuate.TestStates.SECRET;
import static io.github.codeartifact.actuate.TestStates.TARGET;
import static io.github.codeartifact.actuate.TestStates.assertJsonHasNoToken;
import static org.assertj.core.api.Assertions.assertThat;

class CodeArtifactEndpointTests {

	private final AtomicReference<TokenState> state = new AtomicReference<>(TestStates.fresh());

	private final StubProvider provider = new StubProvider();

	private final CodeArtifactEndpoint endpoint = new CodeArtifactEndpoint(this.state::get, this.provider, TARGET,
			CLOCK);

	@Test
	void readShowsTargetAndFreshState() {
		CodeArtifactDescriptor descriptor = this.endpoint.state();
		assertThat(descriptor.domain()).isEqualTo("my-domain");
		assertThat(descriptor.owner()).isNull();
		assertThat(descriptor.region()).isEqualTo("eu-west-1");
		assertThat(descriptor.requestedDuration()).isEqualTo("PT12H");
		assertThat(descriptor.status()).isEqualTo(TokenStatus.FRESH);
		assertThat(descriptor.expiration()).isEqualTo(NOW.plus(Duration.ofHours(11)));
		assertThat(descriptor.expiresInSeconds()).isEqualTo(11 * 3600);
		assertThat(descriptor.issuedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
		assertThat(descriptor.staleAt()).isEqualTo(NOW.plus(Duration.ofHours(10)));
		assertThat(descriptor.nextRefresh()).isEqualTo(NOW.plus(Duration.ofHours(8)));
		assertThat(descriptor.lastRefresh())
			.isEqualTo(new LastRefresh(NOW.minus(Duration.ofHours(1)), "success", null, null, null));
		assertThat(descriptor.refreshCount()).isEqualTo(3);
		assertThat(descriptor.failureCount()).isEqualTo(1);
	}

	@Test
	void readSerializesInstantsAndDurationsAsIso8601() {
		String json = assertJsonHasNoToken(this.endpoint.state());
		assertThat(json).contains("\"expiration\":\"2025-01-01T23:00:00Z\"")
			.contains("\"requestedDuration\":\"PT12H\"")
			.contains("\"expiresInSeconds\":39600")
			.contains("\"status\":\"FRESH\"")
			.contains("\"outcome\":\"success\"");
	}

	@Test
	void readBeforeTheFirstTokenHasNoTimes() {
		this.state.set(TestStates.noToken());
		CodeArtifactDescriptor descriptor = this.endpoint.state();
		assertThat(descriptor.status()).isEqualTo(TokenStatus.NO_TOKEN);
		assertThat(descriptor.expiration()).isNull();
		assertThat(descriptor.expiresInSeconds()).isNull();
		assertThat(descriptor.issuedAt()).isNull();
		assertThat(descriptor.lastRefresh()).isNull();
		assertJsonHasNoToken(descriptor);
	}

	@Test
	void readShowsTheLastFailure() {
		this.state.set(TestStates.refreshFailing(TestStates.accessDenied()));
		CodeArtifactDescriptor descriptor = this.endpoint.state();
		assertThat(descriptor.status()).isEqualTo(TokenStatus.REFRESH_FAILING);
		assertThat(descriptor.lastRefresh()).isNotNull();
		assertThat(descriptor.lastRefresh().outcome()).isEqualTo("failure");
		assertThat(descriptor.lastRefresh().errorCode()).isEqualTo("AccessDeniedException");
		assertThat(descriptor.lastRefresh().message()).contains("not authorized");
		assertThat(descriptor.lastRefresh().retryable()).isFalse();
		assertThat(descriptor.lastRefresh().time()).isEqualTo(NOW.minusSeconds(5));
		assertJsonHasNoToken(descriptor);
	}

	@Test
	void expiresInSecondsIsNeverNegative() {
		this.state.set(TestStates.expired(TestStates.ioError()));
		assertThat(this.endpoint.state().expiresInSeconds()).isZero();
	}

	@Test
	void readWithoutDurationOrRegionShowsNulls() {
		CodeArtifactEndpoint endpoint = new CodeArtifactEndpoint(this.state::get, this.provider,
				new CodeArtifactTarget("d", "123456789012", null, null), CLOCK);
		CodeArtifactDescriptor descriptor = endpoint.state();
		assertThat(descriptor.owner()).isEqualTo("123456789012");
		assertThat(descriptor.region()).isNull();
		assertThat(descriptor.requestedDuration()).isNull();
	}

	@Test
	void writeRefreshesAndReturnsTheNewState() {
		TokenState after = new TokenState(TokenStatus.FRESH, NOW.plus(Duration.ofHours(12)), NOW, null, null, NOW,
				null, 4, 1);
		this.provider.onRefresh = () -> {
			this.state.set(after);
			return new AuthorizationToken(SECRET, NOW.plus(Duration.ofHours(12)), NOW);
		};
		CodeArtifactDescriptor descriptor = this.endpoint.refresh();
		assertThat(this.provider.refreshes).hasValue(1);
		assertThat(descriptor.refreshCount()).isEqualTo(4);
		assertThat(descriptor.issuedAt()).isEqualTo(NOW);
		assertJsonHasNoToken(descriptor);
	}

	@Test
	void writeShowsAFailureInsteadOfThrowing() {
		CodeArtifactTokenException failure = TestStates.accessDenied();
		this.provider.onRefresh = () -> {
			this.state.set(TestStates.refreshFailing(failure));
			throw failure;
		};
		CodeArtifactDescriptor descriptor = this.endpoint.refresh();
		assertThat(this.provider.refreshes).hasValue(1);
		assertThat(descriptor.status()).isEqualTo(TokenStatus.REFRESH_FAILING);
		assertThat(descriptor.lastRefresh().outcome()).isEqualTo("failure");
		assertThat(descriptor.lastRefresh().errorCode()).isEqualTo("AccessDeniedException");
		assertThat(descriptor.expiresInSeconds()).isEqualTo(600);
		assertJsonHasNoToken(descriptor);
	}

	static final class StubProvider implements CodeArtifactTokenProvider {

		final AtomicInteger refreshes = new AtomicInteger();

		java.util.function.Supplier<AuthorizationToken> onRefresh = () -> new AuthorizationToken(SECRET,
				NOW.plusSeconds(3600), NOW);

		@Override
		public AuthorizationToken getAuthorizationToken() {
			return new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW);
		}

		@Override
		public AuthorizationToken refresh() {
			this.refreshes.incrementAndGet();
			return this.onRefresh.get();
		}

	}

}
