package io.github.codeartifact.autoconfigure;

import io.github.codeartifact.actuate.CodeArtifactEndpointAutoConfiguration;
import io.github.codeartifact.actuate.CodeArtifactHealthIndicatorAutoConfiguration;
import io.github.codeartifact.actuate.CodeArtifactMetricsAutoConfiguration;
import io.github.codeartifact.http.CodeArtifactAuthInterceptor;
import io.github.codeartifact.http.CodeArtifactHttpAutoConfiguration;
import io.github.codeartifact.http.CodeArtifactRestClientCustomizer;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CodeArtifactDisabledAutoConfiguration}: {@code codeartifact.enabled=false} with
 * every auto-configuration of the starter.
 */
class CodeArtifactDisabledAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
				CodeArtifactDisabledAutoConfiguration.class, CodeArtifactEndpointAutoConfiguration.class,
				CodeArtifactHealthIndicatorAutoConfiguration.class, CodeArtifactMetricsAutoConfiguration.class,
				CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactHttpAutoConfiguration.class))
		.withPropertyValues("codeartifact.enabled=false");

	@Test
	void anApplicationThatInjectsTheProviderStartsAndEachUseNamesTheProperty() {
		this.runner.withBean(TokenUser.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(CodeartifactClient.class);
			CodeArtifactTokenProvider provider = context.getBean(TokenUser.class).provider;
			assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(provider::getToken)
				.withMessageContaining("codeartifact.enabled=false")
				.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
			assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(provider::getAuthorizationToken)
				.withMessageContaining("codeartifact.enabled=false");
			assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(provider::refresh)
				.withMessageContaining("codeartifact.enabled=false");
		});
	}

	@Test
	void healthReportsTheProviderAsTurnedOff() {
		this.runner.run((context) -> {
			Health health = context.getBean("codeartifactHealthIndicator", HealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("enabled", false)
				.containsEntry("message", "The CodeArtifact token provider is turned off by codeartifact.enabled=false");
		});
	}

	@Test
	void httpClientsGetNoInterceptorThatWouldThrow() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(CodeArtifactAuthInterceptor.class)
			.doesNotHaveBean(CodeArtifactRestClientCustomizer.class));
	}

	@Test
	void theApplicationsOwnProviderIsKept() {
		CodeArtifactTokenProvider own = new CodeArtifactTokenProvider() {

			@Override
			public AuthorizationToken getAuthorizationToken() {
				throw new UnsupportedOperationException();
			}

			@Override
			public AuthorizationToken refresh() {
				throw new UnsupportedOperationException();
			}

		};
		this.runner.withBean(CodeArtifactTokenProvider.class, () -> own)
			.run((context) -> assertThat(context).getBean(CodeArtifactTokenProvider.class).isSameAs(own));
	}

	static class TokenUser {

		final CodeArtifactTokenProvider provider;

		TokenUser(CodeArtifactTokenProvider provider) {
			this.provider = provider;
		}

	}

}
