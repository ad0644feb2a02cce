package io.github.codeartifact.buildtools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.context.CodeArtifactEmulatorInitializer;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code codeartifact.build-tools.login-files.*} in an application against the emulator: off by
 * default, written at start and on each new token, removed at shutdown when asked, and bad values
 * failing startup with a failure analysis.
 */
class BuildToolLoginFilesAutoConfigurationTests {

	@TempDir
	Path home;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactBuildToolsAutoConfiguration.class))
			.withInitializer(new CodeArtifactEmulatorInitializer())
			.withPropertyValues("codeartifact.refresh.min-forced-interval=1ms",
					"codeartifact.build-tools.repositories.codeartifact.repository=my-repo",
					"codeartifact.build-tools.repositories.codeartifact.format=maven",
					"codeartifact.build-tools.repositories.ca-npm.repository=my-repo",
					"codeartifact.build-tools.repositories.ca-npm.format=npm",
					"codeartifact.build-tools.login-files.npmrc=" + this.home.resolve(".npmrc"),
					"codeartifact.build-tools.login-files.maven-settings=" + this.home.resolve("m2/settings.xml"),
					"codeartifact.build-tools.login-files.gradle-properties=" + this.home.resolve("gradle.properties"));
	}

	@Test
	void offByDefault() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(BuildToolLoginFiles.class);
			assertThat(this.home.resolve(".npmrc")).doesNotExist();
		});
	}

	@Test
	void writtenAtStartAndRewrittenWithEachNewToken() {
		runner().withPropertyValues("codeartifact.build-tools.login-files.enabled=true").run((context) -> {
			CodeArtifactTokenProvider provider = context.getBean(CodeArtifactTokenProvider.class);
			String first = provider.getToken();
			String npm = context.getBean(CodeArtifactEmulator.class).repositoryEndpoint("my-domain", "my-repo", "npm")
				.toString();
			assertThat(this.home.resolve(".npmrc")).content().contains("registry=" + npm, ":_authToken=" + first);
			assertThat(this.home.resolve("m2/settings.xml")).content().contains("<password>" + first + "</password>");
			assertThat(this.home.resolve("gradle.properties")).hasContent("codeartifactToken=" + first);
			String next = provider.refresh().token();
			assertThat(next).isNotEqualTo(first);
			// the engine tells its listeners on the refresh thread, after the caller has the token
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
					this.home.resolve("gradle.properties")).hasContent("codeartifactToken=" + next));
			assertThat(this.home.resolve(".npmrc")).content().contains(":_authToken=" + next).doesNotContain(first);
			assertThat(this.home.resolve("m2/settings.xml")).content().contains("<password>" + next + "</password>");
			assertThat(context.getBean(BuildToolLoginFiles.class).kinds()).containsExactly(LoginFileKind.NPMRC,
					LoginFileKind.MAVEN_SETTINGS, LoginFileKind.GRADLE_PROPERTIES);
		});
		// no PyPI repository: pip.conf and .pypirc are not touched
		assertThat(this.home.resolve(".pypirc")).doesNotExist();
		assertThat(this.home.resolve("gradle.properties")).content().startsWith("codeartifactToken=");
	}

	@Test
	void removeOnShutdownTakesTheTokenLinesWhenTheContextCloses() throws Exception {
		Files.writeString(this.home.resolve(".npmrc"), "fund=false\n");
		runner().withPropertyValues("codeartifact.build-tools.login-files.enabled=true",
				"codeartifact.build-tools.login-files.remove-on-shutdown=true")
			.run((context) -> assertThat(this.home.resolve(".npmrc")).content().contains("_authToken="));
		assertThat(this.home.resolve(".npmrc")).hasContent("fund=false\n");
		assertThat(this.home.resolve("gradle.properties")).hasContent("");
	}

	@Test
	void aDirectoryAsPathFailsStartup() {
		runner().withPropertyValues("codeartifact.build-tools.login-files.enabled=true",
				"codeartifact.build-tools.login-files.npmrc=" + this.home).run((context) -> {
					FailureAnalysis analysis = CodeArtifactBuildToolsAutoConfigurationTests
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains(
							"Property: codeartifact.build-tools.login-files.npmrc", "Value: '" + this.home + "'",
							"must be a file, not a directory");
					assertThat(analysis.getAction()).contains("Set codeartifact.build-tools.login-files.npmrc");
				});
	}

	@Test
	void aTildePathFailsStartup() {
		runner().withPropertyValues("codeartifact.build-tools.login-files.enabled=true",
				"codeartifact.build-tools.login-files.pypirc=~/.pypirc").run((context) -> {
					FailureAnalysis analysis = CodeArtifactBuildToolsAutoConfigurationTests
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("Property: codeartifact.build-tools.login-files.pypirc",
							"Value: '~/.pypirc'", "must not start with '~'");
					assertThat(analysis.getAction()).contains("${user.home}/");
				});
	}

	@Test
	void twoKindsAtOnePathFailStartup() {
		runner().withPropertyValues("codeartifact.build-tools.login-files.enabled=true",
				"codeartifact.build-tools.login-files.maven-settings=" + this.home.resolve(".npmrc")).run((context) -> {
					FailureAnalysis analysis = CodeArtifactBuildToolsAutoConfigurationTests
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains(
							"Property: codeartifact.build-tools.login-files.maven-settings",
							"must differ from codeartifact.build-tools.login-files.npmrc");
				});
	}

	@Test
	void enabledWithoutRepositoriesFailsStartup() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactBuildToolsAutoConfiguration.class))
			.withInitializer(new CodeArtifactEmulatorInitializer())
			.withPropertyValues("codeartifact.build-tools.login-files.enabled=true")
			.run((context) -> assertThat(CodeArtifactBuildToolsAutoConfigurationTests
				.analyze(context.getStartupFailure())
				.getDescription()).contains("Property: codeartifact.build-tools.login-files.enabled",
						"needs at least one repository"));
	}

	@Test
	void anUnknownPipIndexFailsStartup() {
		runner().withPropertyValues("codeartifact.build-tools.login-files.enabled=true",
				"codeartifact.build-tools.login-files.pip-index=primary").run((context) -> {
					FailureAnalysis analysis = CodeArtifactBuildToolsAutoConfigurationTests
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("codeartifact.build-tools.login-files.pip-index",
							"primary");
				});
	}

}
