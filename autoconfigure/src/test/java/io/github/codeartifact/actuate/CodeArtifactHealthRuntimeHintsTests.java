package io.github.codeartifact.actuate;

import io.github.codeartifact.token.TokenStatus;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health detail's {@link TokenStatus} is registered for Jackson when Boot's health module is
 * there (Boot registers the endpoint's descriptors: {@code CodeArtifactAotProcessingTests}).
 */
class CodeArtifactHealthRuntimeHintsTests {

	@Test
	void registersTheTokenStatusOfTheHealthDetails() {
		RuntimeHints hints = new RuntimeHints();
		new CodeArtifactHealthRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(TokenStatus.class)).accepts(hints);
	}

	@Test
	void registersNothingWithoutBootsHealthModule() {
		RuntimeHints hints = new RuntimeHints();
		new CodeArtifactHealthRuntimeHints().registerHints(hints, new FilteredClassLoader(Health.class));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

}
