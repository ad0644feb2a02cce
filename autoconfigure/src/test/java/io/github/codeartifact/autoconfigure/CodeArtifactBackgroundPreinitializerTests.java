package io.github.codeartifact.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CodeArtifactBackgroundPreinitializer}.
 */
class CodeArtifactBackgroundPreinitializerTests {

	@Test
	void warmUpStopsTheCallBeforeAnythingIsSent() {
		// No server anywhere: a call that went out would fail to connect, not reach the interceptor
		assertThat(CodeArtifactBackgroundPreinitializer.warmUp()).isTrue();
	}

	@Test
	void runsUnlessTheProviderIsDisabled() {
		assertThat(CodeArtifactBackgroundPreinitializer.isWanted(new MockEnvironment()))
			.isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
		assertThat(CodeArtifactBackgroundPreinitializer
			.isWanted(new MockEnvironment().withProperty("codeartifact.enabled", "false"))).isFalse();
	}

	@Test
	void isRegisteredAsAnApplicationListener() {
		List<String> names = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationListener.class)
			.stream()
			.map((listener) -> listener.getClass().getName())
			.toList();
		assertThat(names).contains(CodeArtifactBackgroundPreinitializer.class.getName());
	}

}
