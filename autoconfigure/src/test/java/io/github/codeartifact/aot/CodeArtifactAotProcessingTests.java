package io.github.codeartifact.aot;

import java.util.concurrent.atomic.AtomicReference;

import io.github.codeartifact.actuate.CodeArtifactDescriptor;
import io.github.codeartifact.actuate.CodeArtifactEndpoint;
import io.github.codeartifact.actuate.CodeArtifactEndpointAutoConfiguration;
import io.github.codeartifact.actuate.LastRefresh;
import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactClientProperties;
import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's AOT engine on the starter's auto-configuration, as {@code spring-boot:process-aot}
 * runs it: the hints it collects hold the starter's own (from {@code aot.factories}) and what Boot
 * registers for the starter's types, the binding of the {@code @ConfigurationProperties} and the
 * JSON of the endpoint's operations.
 */
class CodeArtifactAotProcessingTests {

	@Test
	void aotProcessingCollectsTheHintsOfTheStarterAndOfBootForItsTypes() throws Exception {
		AtomicReference<RuntimeHints> collected = new AtomicReference<>();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					CodeArtifactEndpointAutoConfiguration.class))
			.withPropertyValues("codeartifact.domain=my-domain", "management.endpoints.web.exposure.include=codeartifact")
			.prepare((context) -> {
				DefaultGenerationContext generation = new DefaultGenerationContext(
						new ClassNameGenerator(ClassName.get(getClass())), new InMemoryGeneratedFiles());
				new ApplicationContextAotGenerator()
					.processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generation);
				collected.set(generation.getRuntimeHints());
			});
		RuntimeHints hints = collected.get();
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(
					Class.forName(AssumeRoleProfileRuntimeHints.STS_PROFILE_CREDENTIALS_PROVIDER_FACTORY).getConstructor()))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CodeArtifactProperties.class, "setDomain"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(CodeArtifactClientProperties.class, "setApiCallTimeout")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CodeArtifactEndpoint.class, "state"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CodeArtifactDescriptor.class, "lastRefresh"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(LastRefresh.class, "outcome"))
			.accepts(hints);
	}

}
