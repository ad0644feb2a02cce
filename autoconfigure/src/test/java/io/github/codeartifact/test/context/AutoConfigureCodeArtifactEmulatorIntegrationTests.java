package io.github.codeartifact.test.context;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @SpringBootTest} of the starter's auto-configuration with one line of emulator
 * support: {@link AutoConfigureCodeArtifactEmulator}.
 */
@SpringBootTest(properties = "codeartifact.domain=acme")
@AutoConfigureCodeArtifactEmulator(owner = "123456789012")
// A cached context would keep its refresh thread running while later tests count threads.
@DirtiesContext
class AutoConfigureCodeArtifactEmulatorIntegrationTests {

	@Autowired
	private CodeArtifactEmulator emulator;

	@Autowired
	private CodeArtifactTokenProvider tokenProvider;

	@Autowired
	private Environment environment;

	@Test
	void theStarterFetchesItsTokenFromTheEmulator() {
		assertThat(this.emulator.isValidToken(this.tokenProvider.getToken())).isTrue();
		assertThat(this.emulator.authorizationTokenCalls()).isNotEmpty()
			.allSatisfy((call) -> assertThat(call.parameters()).containsEntry("domain", "acme")
				.containsEntry("domain-owner", "123456789012"));
	}

	@Test
	void endpointRegionDomainAndOwnerPointAtTheEmulator() {
		assertThat(this.environment.getProperty("codeartifact.endpoint")).isEqualTo(this.emulator.endpoint().toString());
		assertThat(this.environment.getProperty("codeartifact.region")).isEqualTo(this.emulator.region());
		assertThat(this.environment.getProperty("codeartifact.domain")).isEqualTo("acme");
		assertThat(this.environment.getProperty("codeartifact.owner")).isEqualTo("123456789012");
		assertThat(this.emulator.repositoryEndpoint("acme", CodeArtifactEmulator.DEFAULT_REPOSITORY, "maven"))
			.hasToString(this.emulator.endpoint() + "/acme-123456789012/maven/my-repo/");
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration(CodeArtifactAutoConfiguration.class)
	static class App {

	}

}
