package io.github.codeartifact.sample;

import io.github.codeartifact.http.CodeArtifactRestClientCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The client for the repository: it opts in to the token with the starter's builder.
 */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

	@Bean
	RestClient repositoryClient(CodeArtifactRestClientCustomizer codeArtifact) {
		return codeArtifact.builder().build();
	}

	@Bean
	StartupBanner startupBanner() {
		return new StartupBanner();
	}

}
