package io.github.codeartifact.sample;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.Operation;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample on a random port against its embedded emulator and calls it over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CodeArtifactTokenProvider tokenProvider;

	@Autowired
	private CodeArtifactEmulator emulator;

	private ResponseEntity<String> get(String path) {
		return RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri(path)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	@Test
	void listsTheVersionsOfAPackageWithoutTheToken() {
		ResponseEntity<String> response = get("/packages/com.example/demo-lib");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).contains("\"versions\":[\"1.0.0\",\"1.1.0\",\"2.0.0\"]")
			.contains("\"latest\":\"2.0.0\"", "\"release\":\"2.0.0\"")
			.contains("\"repositoryEndpoint\":\"" + this.emulator.repositoryEndpoint("demo-domain", "demo-repo", "maven"))
			.contains("\"tokenExpiration\":\"")
			.doesNotContain(this.tokenProvider.getToken());
		// The repository was asked with the token: its answer was a 200, not a 401.
		assertThat(this.emulator.calls(Operation.PACKAGE_REQUEST))
			.anyMatch((call) -> call.succeeded()
					&& "com/example/demo-lib/maven-metadata.xml".equals(call.parameters().get("path")))
			.noneMatch((call) -> call.status() == 401);
	}

	@Test
	void unknownPackageIsNotFoundAndBadCoordinatesAreRejected() {
		assertThat(get("/packages/com.example/missing").getStatusCode().value()).isEqualTo(404);
		assertThat(get("/packages/com.example/demo-lib..x").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void actuatorEndpointsAnswerWithoutTheToken() {
		String token = this.tokenProvider.getToken();
		ResponseEntity<String> codeartifact = get("/actuator/codeartifact");
		assertThat(codeartifact.getStatusCode().value()).isEqualTo(200);
		assertThat(codeartifact.getBody()).contains("\"domain\":\"demo-domain\"", "\"status\":\"FRESH\"")
			.doesNotContain(token);
		ResponseEntity<String> health = get("/actuator/health");
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody()).contains("\"codeartifact\"", "\"status\":\"UP\"").doesNotContain(token);
		ResponseEntity<String> metrics = get("/actuator/metrics/codeartifact.token.refresh");
		assertThat(metrics.getStatusCode().value()).isEqualTo(200);
		assertThat(metrics.getBody()).contains("\"name\":\"codeartifact.token.refresh\"");
	}

}
