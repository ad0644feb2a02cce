package io.github.codeartifact.buildtools;

import java.nio.file.Path;
import java.time.Duration;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.test.context.CodeArtifactEmulatorInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CodeArtifactBuildToolsMetricsAutoConfiguration}: a {@link MeterBinder} with Micrometer
 * and the build tools, none without Micrometer; the session counter counts.
 */
class CodeArtifactBuildToolsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
				CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactBuildToolsAutoConfiguration.class,
				CodeArtifactBuildToolsMetricsAutoConfiguration.class))
		.withInitializer(new CodeArtifactEmulatorInitializer());

	@TempDir
	Path home;

	@Test
	void sessionsAreCounted() {
		this.runner.run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(CodeArtifactBuildToolsMetrics.class).bindTo(registry);
			BuildToolSession session = context.getBean(CodeArtifactBuildTools.class).open(Duration.ZERO);
			assertThat(registry.get("codeartifact.build-tools.sessions").functionCounter().count()).isEqualTo(1);
			assertThat(registry.get("codeartifact.build-tools.sessions.open").gauge().value()).isEqualTo(1);
			session.close();
			session.close();
			assertThat(registry.get("codeartifact.build-tools.sessions.open").gauge().value()).isZero();
			assertThat(registry.find("codeartifact.build-tools.login-files.writes").meters()).isEmpty();
		});
	}

	@Test
	void loginFileWritesHaveAMeterPerFileAndOutcome() {
		this.runner.withPropertyValues("codeartifact.build-tools.login-files.enabled=true",
				"codeartifact.build-tools.repositories.ca-npm.repository=my-repo",
				"codeartifact.build-tools.repositories.ca-npm.format=npm",
				"codeartifact.build-tools.login-files.npmrc=" + this.home.resolve(".npmrc"))
			.run((context) -> {
				MeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(CodeArtifactBuildToolsMetrics.class).bindTo(registry);
				assertThat(registry.find("codeartifact.build-tools.login-files.writes").meters()).hasSize(4)
					.allSatisfy((meter) -> assertThat(meter.getId().getTag("file")).isEqualTo("npmrc"));
				assertThat(registry.get("codeartifact.build-tools.login-files.writes")
					.tags("file", "npmrc", "outcome", "written")
					.functionCounter()
					.count()).as("the first token, and perhaps start as well").isBetween(1.0, 2.0);
			});
	}

	@Test
	void noMetersWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CodeArtifactBuildTools.class)
				.doesNotHaveBean(CodeArtifactBuildToolsMetrics.class));
	}

}
