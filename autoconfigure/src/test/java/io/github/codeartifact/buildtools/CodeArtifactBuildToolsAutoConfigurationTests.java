package io.github.codeartifact.buildtools;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.Operation;
import io.github.codeartifact.test.context.CodeArtifactEmulatorInitializer;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link CodeArtifactBuildToolsAutoConfiguration} against the emulator: the bean and its
 * properties, the sessions' files and environment, and a token that outlives the expected run.
 */
class CodeArtifactBuildToolsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
				CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactBuildToolsAutoConfiguration.class))
		.withInitializer(new CodeArtifactEmulatorInitializer())
		.withPropertyValues("codeartifact.build-tools.repositories.ca-maven.repository=my-repo",
				"codeartifact.build-tools.repositories.ca-maven.format=maven",
				"codeartifact.build-tools.repositories.ca-maven.mirror-of=*",
				"codeartifact.build-tools.repositories.ca-npm.repository=my-repo",
				"codeartifact.build-tools.repositories.ca-npm.format=npm",
				"codeartifact.build-tools.repositories.ca-pypi.repository=my-repo",
				"codeartifact.build-tools.repositories.ca-pypi.format=PYPI");

	@Test
	void sessionWritesPrivateFilesAndAnEnvironmentAndCloseDeletesThem() {
		this.runner.run((context) -> {
			CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
			String token = context.getBean(CodeArtifactTokenProvider.class).getToken();
			BuildToolSession session = context.getBean(CodeArtifactBuildTools.class).open(Duration.ofMinutes(30));
			try (session) {
				assertThat(Files.getPosixFilePermissions(session.directory()))
					.isEqualTo(PosixFilePermissions.fromString("rwx------"));
				assertThat(session.files()).hasSize(3).allSatisfy((file) -> {
					assertThat(file.getParent()).isEqualTo(session.directory());
					assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
				});
				String npm = emulator.repositoryEndpoint("my-domain", "my-repo", "npm").toString();
				assertThat(Files.readString(session.npmrc().orElseThrow())).startsWith("registry=" + npm + "\n")
					.contains(":_authToken=" + token);
				assertThat(Files.readString(session.mavenSettings().orElseThrow()))
					.contains("<id>ca-maven</id>", "<password>" + token + "</password>", "<mirrorOf>*</mirrorOf>");
				assertThat(session.environment()).containsEntry("CODEARTIFACT_AUTH_TOKEN", token)
					.containsEntry("CODEARTIFACT_TOKEN", token)
					.containsEntry("ORG_GRADLE_PROJECT_codeartifactToken", token)
					.containsEntry("NPM_CONFIG_USERCONFIG", session.npmrc().orElseThrow().toString())
					.containsEntry("PIP_CONFIG_FILE", session.pipConf().orElseThrow().toString())
					.containsEntry("TWINE_REPOSITORY_URL", emulator.repositoryEndpoint("my-domain", "my-repo", "pypi")
						.toString())
					.containsEntry("TWINE_USERNAME", "aws")
					.containsEntry("TWINE_PASSWORD", token);
				ProcessBuilder builder = session.applyTo(new ProcessBuilder("mvn", "-B", "verify"));
				assertThat(builder.environment()).containsAllEntriesOf(session.environment());
				List<String> command = session.mavenCommand(List.of("mvn", "-B", "verify"));
				assertThat(command).containsExactly("mvn", "-s", session.mavenSettings().orElseThrow().toString(),
						"-B", "verify");
				assertThat(String.join(" ", command) + session).doesNotContain(token);
			}
			assertThat(session.directory()).doesNotExist();
			assertThat(session.files()).allSatisfy((file) -> assertThat(file).doesNotExist());
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> session.applyTo(new ProcessBuilder("mvn")));
		});
	}

	@Test
	void endpointsAreResolvedOncePerRepositoryAndFormat() {
		this.runner.run((context) -> {
			CodeArtifactBuildTools buildTools = context.getBean(CodeArtifactBuildTools.class);
			buildTools.open(Duration.ZERO).close();
			buildTools.open(Duration.ZERO).close();
			assertThat(context.getBean(CodeArtifactEmulator.class).callCount(Operation.GET_REPOSITORY_ENDPOINT)).isEqualTo(3);
		});
	}

	@Test
	void openNearTheTokensEndFetchesANewOneFirst() {
		this.runner.withPropertyValues("codeartifact.refresh.min-forced-interval=1ms").run((context) -> {
			CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
			CodeArtifactTokenProvider tokenProvider = context.getBean(CodeArtifactTokenProvider.class);
			CodeArtifactBuildTools buildTools = context.getBean(CodeArtifactBuildTools.class);
			emulator.forceTokenLifetime(Duration.ofMinutes(10));
			AuthorizationToken shortLived = tokenProvider.refresh();
			emulator.clearForcedTokenLifetime();
			int calls = emulator.authorizationTokenCallCount();
			try (BuildToolSession session = buildTools.open(Duration.ofMinutes(5))) {
				// 5 min + 1 min stale margin fit into the 10 min left: no call
				assertThat(session.environment()).containsEntry("CODEARTIFACT_AUTH_TOKEN", shortLived.token());
				assertThat(emulator.authorizationTokenCallCount()).isEqualTo(calls);
			}
			try (BuildToolSession session = buildTools.open(Duration.ofMinutes(30))) {
				String fresh = session.environment().get("CODEARTIFACT_AUTH_TOKEN");
				assertThat(emulator.authorizationTokenCallCount()).isEqualTo(calls + 1);
				assertThat(fresh).isNotEqualTo(shortLived.token()).isEqualTo(tokenProvider.getToken());
				assertThat(emulator.isValidToken(fresh)).isTrue();
				assertThat(session.expiration()).isAfter(shortLived.expiration().plus(Duration.ofMinutes(20)));
			}
		});
	}

	@Test
	void openFailsWhenNoTokenLivesLongEnough() {
		this.runner.withPropertyValues("codeartifact.refresh.min-forced-interval=1ms").run((context) -> {
			CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
			emulator.forceTokenLifetime(Duration.ofMinutes(10));
			context.getBean(CodeArtifactTokenProvider.class).refresh();
			int calls = emulator.authorizationTokenCallCount();
			assertThatExceptionOfType(CodeArtifactTokenException.class)
				.isThrownBy(() -> context.getBean(CodeArtifactBuildTools.class).open(Duration.ofMinutes(30)))
				.withMessageContaining("No CodeArtifact token lives long enough for a build-tool session of PT30M")
				.withMessageContaining("stale margin of PT1M")
				.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
			assertThat(emulator.authorizationTokenCallCount()).isEqualTo(calls + 1);
		});
	}

	@Test
	void badPropertyFailsStartupWithAFailureAnalysis() {
		this.runner.withPropertyValues("codeartifact.build-tools.repositories.ca-npm.format=nuget").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("Property: codeartifact.build-tools.repositories.ca-npm.format", "Value: 'nuget'",
						"Rule: codeartifact.build-tools.repositories.ca-npm.format must be one of maven, npm or pypi");
			assertThat(analysis.getAction()).contains("maven, npm or pypi");
		});
	}

	@Test
	void withoutRepositoriesASessionHasOnlyTheTokenVariables() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactBuildToolsAutoConfiguration.class))
			.withInitializer(new CodeArtifactEmulatorInitializer())
			.run((context) -> {
				try (BuildToolSession session = context.getBean(CodeArtifactBuildTools.class).open(Duration.ofHours(1))) {
					assertThat(session.environment()).containsOnlyKeys("CODEARTIFACT_AUTH_TOKEN", "CODEARTIFACT_TOKEN",
							"ORG_GRADLE_PROJECT_codeartifactToken");
					assertThat(session.files()).isEmpty();
				}
			});
	}

	@Test
	void backsOffForTheApplicationsBeanAndWhenDisabled() {
		this.runner.run((context) -> {
			CodeArtifactBuildTools own = new CodeArtifactBuildTools(context.getBean(CodeArtifactTokenProvider.class),
					null, List.of(), Duration.ZERO, "d", java.time.Clock.systemUTC());
			this.runner.withBean(CodeArtifactBuildTools.class, () -> own)
				.run((withOwn) -> assertThat(withOwn.getBean(CodeArtifactBuildTools.class)).isSameAs(own));
		});
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactBuildToolsAutoConfiguration.class))
			.withPropertyValues("codeartifact.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CodeArtifactBuildTools.class));
	}

	static FailureAnalysis analyze(Throwable failure) {
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.of(
					org.springframework.core.env.Environment.class, null),
					// Boot's own analyzers need a bean factory; only the starter's are wanted here
					SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
					}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis for " + failure);
	}

}
