package io.github.codeartifact.actuate;

import java.util.Map;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactDisabledAutoConfiguration;
import io.github.codeartifact.autoconfigure.DisabledCodeArtifactTokenProvider;
import io.github.codeartifact.buildtools.BuildToolLoginFiles;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStateSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code codeartifact} health indicator when Spring Boot's health support is on the
 * classpath, {@code management.health.codeartifact.enabled} is not {@code false} and the
 * application has a {@link CodeArtifactTokenProvider}: from its state when it is a
 * {@link TokenStateSource} (as the starter's provider is), from its token's expiry when it is not,
 * and {@code UP} with {@code enabled: false} for the {@link DisabledCodeArtifactTokenProvider} of
 * {@code codeartifact.enabled=false}.
 */
@AutoConfiguration(after = { CodeArtifactAutoConfiguration.class, CodeArtifactDisabledAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("codeartifact")
public final class CodeArtifactHealthIndicatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(TokenStateSource.class)
	static class TokenStateHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "codeartifactHealthIndicator")
		CodeArtifactHealthIndicator codeartifactHealthIndicator(TokenStateSource stateSource,
				ObjectProvider<BuildToolLoginFiles> loginFiles) {
			return new CodeArtifactHealthIndicator(stateSource, () -> {
				BuildToolLoginFiles available = loginFiles.getIfAvailable();
				return (available != null) ? available.problems() : Map.of();
			});
		}

	}

	/**
	 * An application's own provider that does not show its state: its token's expiry is all there is.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(CodeArtifactTokenProvider.class)
	@ConditionalOnMissingBean({ TokenStateSource.class, DisabledCodeArtifactTokenProvider.class })
	static class TokenExpiryHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "codeartifactHealthIndicator")
		CodeArtifactTokenExpiryHealthIndicator codeartifactHealthIndicator(CodeArtifactTokenProvider provider) {
			return new CodeArtifactTokenExpiryHealthIndicator(provider);
		}

	}

	/**
	 * {@code UP} with {@code enabled: false}: turning the starter off is a choice, not a fault, so it
	 * neither fails the application's health nor, as {@code UNKNOWN} would when it is the only
	 * component, leaves the aggregate unknown; the detail says why no token is held.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(DisabledCodeArtifactTokenProvider.class)
	static class DisabledProviderHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "codeartifactHealthIndicator")
		HealthIndicator codeartifactHealthIndicator() {
			Health health = Health.up()
				.withDetail("enabled", false)
				.withDetail("message", DisabledCodeArtifactTokenProvider.REASON)
				.build();
			return () -> health;
		}

	}

}
