package io.github.codeartifact.repository;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link CodeArtifactRepositoryEndpoints} for the domain and owner of
 * {@code codeartifact.*}, when the application has a {@link CodeartifactClient} and the
 * {@link CodeArtifactProperties}. Callers wait for another caller's call as long as that client's
 * API call timeout allows ({@code codeartifact.client.api-call-timeout} for the auto-configured
 * client, a customizer's own when it set one), plus a second.
 */
@AutoConfiguration(after = CodeArtifactAutoConfiguration.class)
@ConditionalOnClass(CodeartifactClient.class)
@ConditionalOnBean({ CodeartifactClient.class, CodeArtifactProperties.class })
public final class CodeArtifactRepositoryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactRepositoryEndpoints codeArtifactRepositoryEndpoints(CodeartifactClient codeArtifactClient,
			CodeArtifactProperties properties) {
		return new CodeArtifactRepositoryEndpoints(codeArtifactClient, properties.requireDomain(),
				properties.getOwner());
	}

}
