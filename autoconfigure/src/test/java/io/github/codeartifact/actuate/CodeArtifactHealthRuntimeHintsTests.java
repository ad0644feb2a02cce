package io.github.codeartifact.actuate;

import io.github.codeartifact.token.TokenStatus;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON types of the actuator in a native image: the health detail's {@link TokenStatus} by our
 * hints, the endpoint's descriptors by Boot's processing of the operations.
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

	@Test
	void bootRegistersTheTypesThatTheEndpointOperationsReturn() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, CodeArtifactEndpoint.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CodeArtifactEndpoint.class, "state"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CodeArtifactDescriptor.class, "lastRefresh"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(LastRefresh.class, "outcome"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TokenStatus.class)).accepts(hints);
	}

}
