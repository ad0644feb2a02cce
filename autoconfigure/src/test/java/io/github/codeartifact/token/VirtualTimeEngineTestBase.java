package io.github.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import io.github.codeartifact.test.MutableClock;
import org.junit.jupiter.api.AfterEach;

/**
 * What the engine's tests in virtual time share: a clock, a scheduler driven by the test, a
 * scripted fetcher of 1 h tokens, a recording listener, and the engine built from them.
 */
abstract class VirtualTimeEngineTestBase {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	static final Duration HOUR = Duration.ofHours(1);

	final MutableClock clock = MutableClock.startingAt(START);

	final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(this.clock);

	final RecordingListener listener = new RecordingListener();

	final ScriptedFetcher fetcher = new ScriptedFetcher(this.clock, HOUR);

	TokenRefreshSettings settings = TokenRefreshSettings.defaults();

	TokenRefreshListener providerListener = this.listener;

	RandomGenerator random = new SplittableRandom(7);

	RefreshingCodeArtifactTokenProvider provider;

	@AfterEach
	void close() {
		if (this.provider != null) {
			this.provider.close();
		}
	}

	RefreshingCodeArtifactTokenProvider provider() {
		this.provider = new RefreshingCodeArtifactTokenProvider(ScriptedFetcher.DOMAIN, this.fetcher, this.settings,
				this.clock, this.scheduler, this.providerListener, this.random);
		return this.provider;
	}

	RefreshingCodeArtifactTokenProvider started() {
		provider().start();
		this.scheduler.runDue();
		return this.provider;
	}

	void advanceTo(Instant instant) {
		Duration delta = Duration.between(this.clock.instant(), instant);
		this.scheduler.advance(delta.isNegative() ? Duration.ZERO : delta);
	}

}
