package io.github.codeartifact.actuate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.codeartifact.test.MutableClock;
import io.github.codeartifact.token.AuthorizationToken;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.codeartifact.actuate.TestStates.NOW;
import static io.github.codeartifact.actuate.TestStates.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

class CodeArtifactTokenMetricsTests {

	private final MutableClock clock = MutableClock.startingAt(NOW);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CodeArtifactTokenMetrics metrics = new CodeArtifactTokenMetrics("my-domain", this.clock);

	@BeforeEach
	void bind() {
		this.metrics.bindTo(this.registry);
	}

	@Test
	void gaugesBeforeTheFirstToken() {
		assertThat(this.registry.get("codeartifact.token.remaining").tag("domain", "my-domain").gauge().value())
			.isZero();
		assertThat(this.registry.get("codeartifact.token.age").tag("domain", "my-domain").gauge().value()).isNaN();
		assertThat(this.registry.find("codeartifact.token.refresh").timers()).isEmpty();
	}

	@Test
	void gaugesFollowTheCurrentToken() {
		this.metrics.onRefreshed(new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW), 1_000_000);
		assertThat(remaining()).isEqualTo(3600.0);
		assertThat(age()).isZero();
		this.clock.advance(Duration.ofMillis(1500));
		assertThat(remaining()).isEqualTo(3598.5);
		assertThat(age()).isEqualTo(1.5);
		this.clock.advance(Duration.ofHours(2));
		assertThat(remaining()).isZero();
	}

	@Test
	void timerCountsSuccesses() {
		this.metrics.onRefreshed(new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW), 250_000_000);
		this.metrics.onRefreshed(new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW), 750_000_000);
		Timer timer = this.registry.get("codeartifact.token.refresh")
			.tags("domain", "my-domain", "outcome", "success", "error", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(2);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000.0);
	}

	@Test
	void timerTagsFailuresWithTheErrorCode() {
		this.metrics.onRefreshFailed(TestStates.accessDenied(), 1_000, NOW.plusSeconds(300));
		this.metrics.onRefreshFailed(TestStates.ioError(), 1_000, NOW.plusSeconds(1));
		this.metrics.onRefreshFailed(TestStates.ioError(), 1_000, NOW.plusSeconds(2));
		assertThat(this.registry.get("codeartifact.token.refresh")
			.tags("domain", "my-domain", "outcome", "failure", "error", "AccessDeniedException")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("codeartifact.token.refresh")
			.tags("domain", "my-domain", "outcome", "failure", "error", "unknown")
			.timer()
			.count()).isEqualTo(2);
	}

	@Test
	void aFailureKeepsTheCurrentTokenInTheGauges() {
		this.metrics.onRefreshed(new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW), 1_000);
		this.clock.advance(Duration.ofSeconds(100));
		this.metrics.onRefreshFailed(TestStates.accessDenied(), 1_000, NOW.plusSeconds(300));
		assertThat(remaining()).isEqualTo(3500.0);
		assertThat(age()).isEqualTo(100.0);
	}

	@Test
	void noMeterEverHoldsTheToken() {
		this.metrics.onRefreshed(new AuthorizationToken(SECRET, NOW.plusSeconds(3600), NOW), 1_000);
		this.metrics.onRefreshFailed(TestStates.accessDenied(), 1_000, NOW.plusSeconds(300));
		assertThat(this.registry.getMeters()).hasSize(4);
		for (Meter meter : this.registry.getMeters()) {
			assertThat(meter.getId().toString()).doesNotContain(SECRET);
			assertThat(meter.getId().getDescription()).isNotBlank();
		}
		assertThat(this.registry.getMetersAsString()).doesNotContain(SECRET);
	}

	private double remaining() {
		return this.registry.get("codeartifact.token.remaining").gauge().value();
	}

	private double age() {
		return this.registry.get("codeartifact.token.age").gauge().value();
	}

}
