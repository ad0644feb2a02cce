package io.github.codeartifact.aot;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code META-INF/spring/aot.factories} registers the starter's hints as Spring's AOT processing
 * finds them: loaded from there, they carry every hint.
 */
class CodeArtifactAotFactoriesTests {

	@Test
	void aotFactoriesLoadEveryRegistrarOfTheStarter() throws Exception {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.stream()
			.filter((registrar) -> registrar.getClass().getName().startsWith("io.github.codeartifact."))
			.toList();
		assertThat(registrars).extracting((registrar) -> registrar.getClass().getName())
			.containsExactlyInAnyOrder("io.github.codeartifact.aot.AssumeRoleProfileRuntimeHints",
					"io.github.codeartifact.aot.SsoProfileRuntimeHints",
					"io.github.codeartifact.actuate.CodeArtifactHealthRuntimeHints",
					"io.github.codeartifact.http.CodeArtifactHttpRuntimeHints");
		RuntimeHints hints = new RuntimeHints();
		registrars.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		for (String factory : List.of(AssumeRoleProfileRuntimeHints.STS_PROFILE_CREDENTIALS_PROVIDER_FACTORY,
				SsoProfileRuntimeHints.SSO_PROFILE_CREDENTIALS_PROVIDER_FACTORY,
				SsoProfileRuntimeHints.SSO_OIDC_PROFILE_TOKEN_PROVIDER_FACTORY)) {
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Class.forName(factory).getConstructor()))
				.accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onType(io.github.codeartifact.token.TokenStatus.class))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.springframework.boot.http.codec.CodecCustomizer"))).accepts(hints);
	}

}
