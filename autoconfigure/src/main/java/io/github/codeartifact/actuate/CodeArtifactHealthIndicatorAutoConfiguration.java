package io.github.codeartifact.actuate;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code codeartifact} health indicator when Spring Boot's health support is on the
 * classpath, {@code management.health.codeartifact.enabled} is not {@code false} and the
 * application has a {@link RefreshingCodeArtifactTokenProvider}.
 */
@AutoConfiguration(after = CodeArtifactAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("codeartifact")
@ConditionalOnBean(RefreshingCodeArtifactTokenProvider.class)
public final class CodeArtifactHealthIndicatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "codeartifactHealthIndicator")
	CodeArtifactHealthIndicator codeartifactHealthIndicator(RefreshingCodeArtifactTokenProvider provider) {
		return new CodeArtifactHealthIndicator(provider);
	}

}
