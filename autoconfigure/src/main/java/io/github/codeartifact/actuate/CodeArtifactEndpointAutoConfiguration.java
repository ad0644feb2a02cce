package io.github.codeartifact.actuate;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Registers the {@link CodeArtifactEndpoint} when the actuator is on the classpath, the endpoint is
 * available (its access is not {@code none} and it is exposed over the web or JMX) and the
 * application has a {@link RefreshingCodeArtifactTokenProvider}.
 */
@AutoConfiguration(after = CodeArtifactAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(CodeArtifactEndpoint.class)
@ConditionalOnBean(RefreshingCodeArtifactTokenProvider.class)
public final class CodeArtifactEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactEndpoint codeArtifactEndpoint(RefreshingCodeArtifactTokenProvider provider,
			ObjectProvider<CodeArtifactProperties> properties, ObjectProvider<CodeartifactClient> client,
			Environment environment) {
		return new CodeArtifactEndpoint(provider, CodeArtifactTargets.resolve(properties, client, environment));
	}

}
