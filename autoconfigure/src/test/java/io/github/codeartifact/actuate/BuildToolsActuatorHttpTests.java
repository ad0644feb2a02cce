package io.github.codeartifact.actuate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.codeartifact.actuate.ActuatorHttpTestSupport.IssuedTokens;
import io.github.codeartifact.buildtools.BuildToolSession;
import io.github.codeartifact.buildtools.CodeArtifactBuildTools;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build tools in the actuator over real HTTP, on the emulator, with login files on and an
 * unparseable {@code settings.xml}: the endpoint lists the repositories with their endpoints, the
 * sessions and the login files; the health stays {@code UP} with a {@code loginFiles} detail; the
 * meters count sessions and writes by outcome. No answer, log line or meter tag holds a token (the
 * {@link ActuatorHttpTestSupport.Actuator} checks each answer).
 */
@SpringBootTest(classes = ActuatorHttpTestSupport.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=codeartifact,health,metrics",
				"codeartifact.build-tools.repositories.codeartifact.repository=my-repo",
				"codeartifact.build-tools.repositories.codeartifact.format=maven",
				"codeartifact.build-tools.repositories.ca-npm.repository=my-repo",
				"codeartifact.build-tools.repositories.ca-npm.format=npm",
				"codeartifact.build-tools.login-files.enabled=true" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class BuildToolsActuatorHttpTests extends ActuatorHttpTestBase {

	@TempDir
	static Path home;

	@Autowired
	private CodeArtifactBuildTools buildTools;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private IssuedTokens issued;

	@BeforeAll
	static void brokenMavenSettings() throws IOException {
		Files.writeString(Files.createDirectories(home.resolve("m2")).resolve("settings.xml"),
				"<settings><servers>\n</settings>\n");
	}

	@DynamicPropertySource
	static void loginFilePaths(DynamicPropertyRegistry registry) {
		registry.add("codeartifact.build-tools.login-files.npmrc", () -> home.resolve(".npmrc").toString());
		registry.add("codeartifact.build-tools.login-files.maven-settings",
				() -> home.resolve("m2/settings.xml").toString());
		registry.add("codeartifact.build-tools.login-files.gradle-properties",
				() -> home.resolve("gradle.properties").toString());
	}

	@Test
	void endpointHealthAndMetersShowTheBuildToolsAndNoToken(CapturedOutput output) {
		BuildToolSession open = this.buildTools.open(Duration.ofMinutes(5));
		this.buildTools.open(Duration.ofMinutes(5)).close();
		try {
			JsonNode buildTools = this.actuator.get("codeartifact").json().get("buildTools");
			assertThat(buildTools.get("openSessions").asLong()).isOne();
			assertThat(buildTools.get("openedSessions").asLong()).isEqualTo(2);
			JsonNode repositories = buildTools.get("repositories");
			assertThat(repositories.get(0).get("id").asString()).isEqualTo("codeartifact");
			assertThat(repositories.get(0).get("format").asString()).isEqualTo("maven");
			assertThat(repositories.get(0).get("endpoint").asString())
				.isEqualTo(emulator.repositoryEndpoint("my-domain", "my-repo", "maven").toString());
			assertThat(repositories.get(1).get("endpoint").asString())
				.isEqualTo(emulator.repositoryEndpoint("my-domain", "my-repo", "npm").toString());
			JsonNode files = buildTools.get("loginFiles");
			assertThat(files).hasSize(3);
			assertThat(files.get(0).get("kind").asString()).isEqualTo("npmrc");
			assertThat(files.get(0).get("outcome").asString()).isEqualTo("WRITTEN");
			assertThat(files.get(0).get("lastWrite").asString()).isNotEmpty();
			assertThat(files.get(1).get("kind").asString()).isEqualTo("maven-settings");
			assertThat(files.get(1).get("outcome").asString()).isEqualTo("UNPARSEABLE");
			assertThat(files.get(1).get("reason").asString()).startsWith("settings.xml is not well-formed XML: line 2, column 3: ")
				.doesNotContain("..");

			JsonNode health = this.actuator.get("health").json().get("components").get("codeartifact");
			assertThat(health.get("status").asString()).isEqualTo("UP");
			JsonNode problem = health.get("details").get("loginFiles").get("maven-settings");
			assertThat(problem.get("outcome").asString()).isEqualTo("UNPARSEABLE");
			assertThat(problem.get("path").asString()).isEqualTo(home.resolve("m2/settings.xml").toString());
			assertThat(health.get("details").get("loginFiles").has("npmrc")).isFalse();

			assertThat(measurement("codeartifact.build-tools.sessions")).isEqualTo(2);
			assertThat(measurement("codeartifact.build-tools.sessions.open")).isEqualTo(1);
			assertThat(measurement("codeartifact.build-tools.login-files.writes?tag=file:maven-settings"
					+ "&tag=outcome:unparseable")).isGreaterThanOrEqualTo(1);
			assertThat(measurement("codeartifact.build-tools.login-files.writes?tag=file:npmrc&tag=outcome:written"))
				.isGreaterThanOrEqualTo(1);
		}
		finally {
			open.close();
		}
		assertThat(this.issued.all()).isNotEmpty().allSatisfy((token) -> {
			assertThat(output.getAll()).doesNotContain(token);
			for (Meter meter : this.meters.getMeters()) {
				assertThat(meter.getId().getTags()).extracting(Tag::getValue)
					.allSatisfy((value) -> assertThat(value).doesNotContain(token));
			}
		});
		assertThat(output).contains("CodeArtifact login file " + home.resolve("m2/settings.xml") + " left untouched");
	}

	private double measurement(String path) {
		return this.actuator.get("metrics/" + path).json().get("measurements").get(0).get("value").asDouble();
	}

}
