package io.github.codeartifact.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.TokenRefreshListener;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the HTTP tests of the actuator share: an application on the CodeArtifact emulator, a listener
 * that records every token issued, and a small HTTP client that checks no answer holds one.
 */
final class ActuatorHttpTestSupport {

	static final String DOMAIN = "my-domain";

	static final String OWNER = "111122223333";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ActuatorHttpTestSupport() {
	}

	static CodeArtifactEmulator startEmulator() {
		return CodeArtifactEmulator.builder().domain(DOMAIN, OWNER).repository(DOMAIN, "my-repo").build();
	}

	static void emulatorProperties(DynamicPropertyRegistry registry, CodeArtifactEmulator emulator) {
		registry.add("codeartifact.domain", () -> DOMAIN);
		registry.add("codeartifact.owner", () -> OWNER);
		registry.add("codeartifact.region", emulator::region);
		registry.add("codeartifact.endpoint", () -> emulator.endpoint().toString());
		registry.add("codeartifact.refresh.max-wait", () -> "3s");
		registry.add("codeartifact.refresh.initial-backoff", () -> "100ms");
		registry.add("codeartifact.refresh.max-backoff", () -> "200ms");
		registry.add("codeartifact.refresh.non-retryable-backoff", () -> "300ms");
		registry.add("codeartifact.refresh.startup-timeout", () -> "5s");
		registry.add("management.endpoint.health.show-details", () -> "always");
	}

	/**
	 * The application: Spring Boot's auto-configuration, credentials the emulator accepts, and the
	 * recording listener.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		AwsCredentialsProvider testCredentials() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
		}

		@Bean
		IssuedTokens issuedTokens() {
			return new IssuedTokens();
		}

	}

	/**
	 * Records every token the provider receives, to look for it in the actuator's answers.
	 */
	static final class IssuedTokens implements TokenRefreshListener {

		private final List<String> tokens = new CopyOnWriteArrayList<>();

		@Override
		public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
			this.tokens.add(token.token());
		}

		List<String> all() {
			return this.tokens;
		}

	}

	/**
	 * Talks to the application's actuator over real HTTP.
	 */
	static final class Actuator {

		private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final URI base;

		private final IssuedTokens issued;

		Actuator(int port, IssuedTokens issued) {
			this.base = URI.create("http://127.0.0.1:" + port + "/actuator/");
			this.issued = issued;
		}

		Response get(String path) {
			return send(HttpRequest.newBuilder(this.base.resolve(path)).GET());
		}

		Response post(String path) {
			return send(HttpRequest.newBuilder(this.base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
		}

		private Response send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.client.send(
						request.timeout(Duration.ofSeconds(10)).header("Accept", "application/json").build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(this.issued.all()).as("tokens issued").isNotEmpty();
				for (String token : this.issued.all()) {
					assertThat(response.body()).as("answer of " + response.uri()).doesNotContain(token);
					assertThat(response.headers().map().toString()).doesNotContain(token);
				}
				return new Response(response.statusCode(), response.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	record Response(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
