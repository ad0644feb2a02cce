package io.github.codeartifact.actuate;

import io.github.codeartifact.actuate.ActuatorHttpTestSupport.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forced refreshes through the endpoint, over real HTTP on the emulator, with the default
 * {@code codeartifact.refresh.min-forced-interval}: whoever can write to the endpoint cannot
 * multiply GetAuthorizationToken calls against the account's shared quota.
 */
@SpringBootTest(classes = ActuatorHttpTestSupport.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=codeartifact",
				"management.endpoint.codeartifact.access=unrestricted" })
@DirtiesContext
class CodeArtifactEndpointRateLimitHttpTests extends ActuatorHttpTestBase {

	@Test
	void aThousandSequentialWritesMakeOneCall() {
		int before = emulator.authorizationTokenCalls().size();
		JsonNode last = null;
		for (int i = 0; i < 1000; i++) {
			Response response = this.actuator.post("codeartifact");
			assertThat(response.status()).isEqualTo(200);
			last = response.json();
		}
		int calls = emulator.authorizationTokenCalls().size() - before;
		System.out.println("FIGURE: 1000 sequential POST /actuator/codeartifact made " + calls
				+ " GetAuthorizationToken call(s); forcedRefreshCount=" + last.get("forcedRefreshCount")
				+ ", refusedRefreshCount=" + last.get("refusedRefreshCount"));
		assertThat(calls).isEqualTo(1);
		assertThat(last.get("forcedRefreshCount").asLong()).isEqualTo(1);
		assertThat(last.get("refusedRefreshCount").asLong()).isEqualTo(999);
		assertThat(last.get("status").asString()).isIn("FRESH", "REFRESHING");
		assertThat(last.get("lastRefresh").get("outcome").asString()).isEqualTo("success");
	}

}
