package io.github.codeartifact.test;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenRegistry}.
 */
class TokenRegistryTests {

	private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	private final MutableClock clock = MutableClock.startingAt(START);

	private final TokenRegistry registry = new TokenRegistry(this.clock, 2);

	@Test
	void expiredTokensAreEvictedButStillKnownAsIssued() {
		IssuedToken first = issue(Duration.ofSeconds(1));
		IssuedToken second = issue(Duration.ofSeconds(2));
		IssuedToken longLived = issue(Duration.ofSeconds(10));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.registry.liveCount()).isEqualTo(1);
		assertThat(this.registry.find(first.value())).isNull();
		assertThat(this.registry.find(second.value())).isNull();
		assertThat(this.registry.find(longLived.value())).isEqualTo(longLived);
		assertThat(this.registry.wasIssued(first.value())).isTrue();
		assertThat(this.registry.wasIssued(second.value())).isTrue();
		assertThat(this.registry.wasIssued(first.value() + "x")).isFalse();
		assertThat(this.registry.issuedCount()).isEqualTo(3);
	}

	@Test
	void onlyTheLastExpiredTokensAreRemembered() {
		IssuedToken first = issue(Duration.ofSeconds(1));
		IssuedToken second = issue(Duration.ofSeconds(2));
		IssuedToken third = issue(Duration.ofSeconds(3));
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.registry.liveCount()).isZero();
		assertThat(this.registry.wasIssued(first.value())).isFalse();
		assertThat(this.registry.wasIssued(second.value())).isTrue();
		assertThat(this.registry.wasIssued(third.value())).isTrue();
		assertThat(this.registry.issuedCount()).isEqualTo(3);
	}

	@Test
	void aTokenIsLiveUntilItsExpiration() {
		IssuedToken token = issue(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofMillis(999));
		assertThat(this.registry.find(token.value())).isEqualTo(token);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.registry.find(token.value())).isNull();
	}

	private IssuedToken issue(Duration lifetime) {
		return this.registry.issue("my-domain", "111122223333", this.clock.instant().plus(lifetime));
	}

}
