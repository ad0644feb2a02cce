package io.github.codeartifact.actuate;

import java.time.Clock;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import io.github.codeartifact.buildtools.BuildToolLoginFiles;
import io.github.codeartifact.buildtools.BuildToolsDescriptor;
import io.github.codeartifact.buildtools.CodeArtifactBuildTools;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStateSource;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Registers the {@link CodeArtifactEndpoint} when the actuator is on the classpath, the endpoint is
 * available (its access is not {@code none} and it is exposed over the web or JMX) and the
 * application has a {@link CodeArtifactTokenProvider} and a {@link TokenStateSource} (the starter's
 * provider is both; an application's own provider may be). With {@link CodeArtifactBuildTools}, it
 * also shows the build-tool repositories, sessions and login files.
 */
@AutoConfiguration(after = CodeArtifactAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(CodeArtifactEndpoint.class)
@ConditionalOnBean(CodeArtifactTokenProvider.class)
@ConditionalOnSingleCandidate(TokenStateSource.class)
public final class CodeArtifactEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactEndpoint codeArtifactEndpoint(CodeArtifactTokenProvider provider, TokenStateSource stateSource,
			ObjectProvider<CodeArtifactProperties> properties, ObjectProvider<CodeartifactClient> client,
			ObjectProvider<CodeArtifactBuildTools> buildTools, ObjectProvider<BuildToolLoginFiles> loginFiles,
			Environment environment) {
		return new CodeArtifactEndpoint(stateSource::state, provider,
				CodeArtifactTargets.resolve(properties, client, environment), Clock.systemUTC(), () -> {
					CodeArtifactBuildTools available = buildTools.getIfAvailable();
					return (available != null) ? BuildToolsDescriptor.of(available, loginFiles.getIfAvailable()) : null;
				});
	}

}
