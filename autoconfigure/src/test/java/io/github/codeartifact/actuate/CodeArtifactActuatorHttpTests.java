package io.github.codeartifact.actuate;

import java.time.Duration;
import java.time.Instant;

import io.github.codeartifact.actuate.ActuatorHttpTestSupport.Response;
import io.github.codeartifact.test.CodeArtifactError;
import io.github.codeartifact.test.EmulatorFault;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint, the health indicator and the meters over real HTTP, on the CodeArtifact emulator,
 * with the endpoint's write access granted. The last test makes the token expire.
 */
@SpringBootTest(classes = ActuatorHttpTestSupport.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=codeartifact,health,metrics",
				"management.endpoint.codeartifact.access=unrestricted",
				// Each test forces its own refresh: the rate limit has its own test
				"codeartifact.refresh.min-forced-interval=1ms" })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CodeArtifactActuatorHttpTests extends ActuatorHttpTestBase {

	@Autowired
	private CodeArtifactTokenProvider provider;

	@Test
	@Order(1)
	void readShowsTheFreshToken() {
		Response response = this.actuator.get("codeartifact");
		assertThat(response.status()).isEqualTo(200);
		JsonNode state = response.json();
		assertThat(state.get("domain").asString()).isEqualTo("my-domain");
		assertThat(state.get("owner").asString()).isEqualTo("111122223333");
		assertThat(state.get("region").asString()).isEqualTo(emulator.region());
		assertThat(state.get("requestedDuration").asString()).isEqualTo("PT12H");
		assertThat(state.get("status").asString()).isIn("FRESH", "REFRESHING");
		Instant expiration = Instant.parse(state.get("expiration").asString());
		assertThat(expiration).isAfter(Instant.now().plus(Duration.ofHours(11)));
		assertThat(state.get("expiresInSeconds").asLong()).isBetween(11 * 3600L, 12 * 3600L);
		assertThat(Instant.parse(state.get("issuedAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(Instant.parse(state.get("nextRefresh").asString())).isBefore(expiration);
		assertThat(state.get("lastRefresh").get("outcome").asString()).isEqualTo("success");
		assertThat(state.get("refreshCount").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(state.get("failureCount").asLong()).isZero();
	}

	@Test
	@Order(2)
	void healthIsUp() {
		Response response = this.actuator.get("health");
		assertThat(response.status()).isEqualTo(200);
		JsonNode codeartifact = response.json().get("components").get("codeartifact");
		assertThat(codeartifact.get("status").asString()).isEqualTo("UP");
		assertThat(codeartifact.get("details").get("status").asString()).isIn("FRESH", "REFRESHING");
		assertThat(codeartifact.get("details").get("expiresInSeconds").asLong()).isGreaterThan(11 * 3600L);
		assertThat(codeartifact.get("details").has("expiration")).isTrue();
	}

	@Test
	@Order(3)
	void writeForcesARefresh() {
		long before = this.actuator.get("codeartifact").json().get("refreshCount").asLong();
		String tokenBefore = this.provider.getToken();
		Response response = this.actuator.post("codeartifact");
		assertThat(response.status()).isEqualTo(200);
		JsonNode state = response.json();
		assertThat(state.get("refreshCount").asLong()).isEqualTo(before + 1);
		assertThat(state.get("lastRefresh").get("outcome").asString()).isEqualTo("success");
		assertThat(this.provider.getToken()).isNotEqualTo(tokenBefore);
	}

	@Test
	@Order(4)
	void metricsShowTheRefreshes() {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Response response = this.actuator.get("metrics/codeartifact.token.refresh?tag=outcome:success");
			assertThat(response.status()).isEqualTo(200);
			assertThat(measurement(response.json(), "COUNT")).isGreaterThanOrEqualTo(2);
		});
		JsonNode refresh = this.actuator.get("metrics/codeartifact.token.refresh").json();
		assertThat(refresh.get("availableTags").toString()).contains("domain", "my-domain", "outcome", "error");
		JsonNode remaining = this.actuator.get("metrics/codeartifact.token.remaining").json();
		assertThat(remaining.get("baseUnit").asString()).isEqualTo("seconds");
		assertThat(measurement(remaining, "VALUE")).isGreaterThan(11 * 3600.0);
		JsonNode age = this.actuator.get("metrics/codeartifact.token.age").json();
		assertThat(measurement(age, "VALUE")).isBetween(0.0, 60.0);
	}

	@Test
	@Order(5)
	void aFailedWriteShowsTheFailureAndKeepsTheTokenInService() {
		String tokenBefore = this.provider.getToken();
		emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.ACCESS_DENIED), 1);
		Response response = this.actuator.post("codeartifact");
		assertThat(response.status()).isEqualTo(200);
		JsonNode state = response.json();
		assertThat(state.get("status").asString()).isEqualTo("REFRESH_FAILING");
		assertThat(state.get("failureCount").asLong()).isEqualTo(1);
		JsonNode lastRefresh = state.get("lastRefresh");
		assertThat(lastRefresh.get("outcome").asString()).isEqualTo("failure");
		assertThat(lastRefresh.get("errorCode").asString()).isEqualTo("AccessDeniedException");
		assertThat(lastRefresh.get("retryable").asBoolean()).isFalse();
		assertThat(this.provider.getToken()).isEqualTo(tokenBefore);
		JsonNode health = this.actuator.get("health").json().get("components").get("codeartifact");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").get("lastFailure").get("errorCode").asString())
			.isEqualTo("AccessDeniedException");
		// The engine tries again after the non-retryable backoff, and the emulator answers
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.actuator.get("codeartifact").json().get("status").asString())
				.isIn("FRESH", "REFRESHING"));
	}

	@Test
	@Order(6)
	void downOnceTheTokenExpiresWhileRefreshesFail() {
		emulator.forceTokenLifetime(Duration.ofSeconds(3));
		Response refreshed = this.actuator.post("codeartifact");
		assertThat(refreshed.json().get("expiresInSeconds").asLong()).isLessThanOrEqualTo(3);
		emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.ACCESS_DENIED), 1000);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Response response = this.actuator.get("health");
			assertThat(response.status()).isEqualTo(503);
			JsonNode codeartifact = response.json().get("components").get("codeartifact");
			assertThat(codeartifact.get("status").asString()).isEqualTo("DOWN");
			assertThat(codeartifact.get("details").get("status").asString()).isEqualTo("EXPIRED");
			assertThat(codeartifact.get("details").get("errorCode").asString()).isEqualTo("AccessDeniedException");
		});
		JsonNode state = this.actuator.get("codeartifact").json();
		assertThat(state.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(state.get("lastRefresh").get("errorCode").asString()).isEqualTo("AccessDeniedException");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode remaining = this.actuator.get("metrics/codeartifact.token.remaining").json();
			assertThat(measurement(remaining, "VALUE")).isZero();
		});
		JsonNode failures = this.actuator
			.get("metrics/codeartifact.token.refresh?tag=outcome:failure&tag=error:AccessDeniedException")
			.json();
		assertThat(measurement(failures, "COUNT")).isGreaterThanOrEqualTo(2);
	}

	private static double measurement(JsonNode metric, String statistic) {
		for (JsonNode measurement : metric.get("measurements")) {
			if (statistic.equals(measurement.get("statistic").asString())) {
				return measurement.get("value").asDouble();
			}
		}
		throw new AssertionError("No " + statistic + " in " + metric);
	}

}
