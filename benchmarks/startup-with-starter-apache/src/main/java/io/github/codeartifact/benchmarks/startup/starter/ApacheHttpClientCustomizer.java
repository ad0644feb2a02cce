package io.github.codeartifact.benchmarks.startup.starter;

import java.time.Duration;

import io.github.codeartifact.autoconfigure.CodeArtifactClientCustomizer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClientBuilder;

import org.springframework.stereotype.Component;

/**
 * Puts the CodeArtifact client on the SDK's Apache HTTP client, with the timeouts of the
 * auto-configuration, to compare its startup cost with the URL connection client's. Found by the
 * component scan of {@link StarterApplication} when this module is on the class path.
 */
@Component
class ApacheHttpClientCustomizer implements CodeArtifactClientCustomizer {

	@Override
	public void customize(CodeartifactClientBuilder builder) {
		builder.httpClientBuilder(ApacheHttpClient.builder()
			.connectionTimeout(Duration.ofSeconds(5))
			.socketTimeout(Duration.ofSeconds(10)));
	}

}
